# error: 7:11: name 'e' is not defined
def main() -> None:
    try:
        print(int("x"))
    except ValueError as e:
        print("bad")
    print(e)
