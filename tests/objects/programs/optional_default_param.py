"""A None default for a mutable parameter: the usual remedy for a
mutable default, creating the list inside the function."""


def append_to(x: int, into: list[int] | None = None) -> list[int]:
    if into is None:
        into = []
    into.append(x)
    return into


def main() -> None:
    print(append_to(1))
    print(append_to(2))
    mine = [0]
    append_to(3, mine)
    append_to(4, mine)
    print(mine)


if __name__ == "__main__":
    main()
