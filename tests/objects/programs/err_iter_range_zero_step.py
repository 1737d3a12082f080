"""iter(range(...)) with a step of 0 computed at run time: ValueError."""


def steps(n: int) -> int:
    return n - 3


def main() -> None:
    it = iter(range(0, 10, steps(4)))
    print(next(it), next(it))
    it = iter(range(0, 10, steps(3)))
    print(next(it))


if __name__ == "__main__":
    main()
