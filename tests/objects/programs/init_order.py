"""Module-level statements run in order, once: later globals see
earlier ones."""


def trace(label: str, value: int) -> int:
    ORDER.append(label)
    return value


ORDER: list[str] = []
A = trace("a", 1)
B = trace("b", A + 1)
C = [trace("c", B * 10), trace("d", A)]


def main() -> None:
    print(ORDER, A, B, C)
    print(len(ORDER))


if __name__ == "__main__":
    main()
