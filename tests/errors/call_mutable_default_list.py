# error: 2:40: a mutable default (a list) is created once and shared by every call; use
def push(item: int, stack: list[int] = []) -> list[int]:
    stack.append(item)
    return stack


def main() -> None:
    print(push(1))


if __name__ == "__main__":
    main()
