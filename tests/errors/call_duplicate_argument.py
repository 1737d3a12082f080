# error: 6:18: add() got two values for 'a'
def add(a: int, b: int) -> int:
    return a + b

def main() -> None:
    print(add(1, a=2))


if __name__ == "__main__":
    main()
