# error: 6:11: add() is missing the argument 'b'
def add(a: int, b: int) -> int:
    return a + b

def main() -> None:
    print(add(1))


if __name__ == "__main__":
    main()
