"""Unpacking a tuple that holds the only references to its items
(`a, b = make()`): each item must be taken before the tuple is freed."""


class Box:
    def __init__(self, label: str) -> None:
        self.label = label


def make(n: int) -> tuple[int, Box, Box]:
    return n, Box(f"left{n}"), Box(f"right{n}")


def main() -> None:
    total = 0
    for i in range(3):
        n, a, b = make(i)
        total += n
        print(a.label, b.label)
    _, first, second = make(9)
    print(second.label + first.label, total)


if __name__ == "__main__":
    main()
