# error: 3:5: 'try' with 'except*' (exception groups) is not supported
def main() -> None:
    try:
        print(1)
    except* ValueError:
        pass
