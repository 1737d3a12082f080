# error: 6:11: add() takes 2 arguments but 3 were given
def add(a: int, b: int) -> int:
    return a + b

def main() -> None:
    print(add(1, 2, 3))


if __name__ == "__main__":
    main()
