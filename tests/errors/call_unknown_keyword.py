# error: 6:23: add() has no parameter 'c'
def add(a: int, b: int) -> int:
    return a + b

def main() -> None:
    print(add(1, b=2, c=3))


if __name__ == "__main__":
    main()
