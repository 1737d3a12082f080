# error: 5:5: a bare 'except:' must be the last clause
def main() -> None:
    try:
        print(1)
    except:
        pass
    except ValueError:
        pass
