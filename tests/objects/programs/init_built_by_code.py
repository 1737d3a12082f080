"""Globals computed by code at import time: a comprehension, a function
call and an expression over other globals."""


def make_table(n: int) -> list[int]:
    return [i * i for i in range(n)]


SQUARES = make_table(10)
CUBES = [i * i * i for i in range(6)]
LOOKUP = {v: i for i, v in enumerate(SQUARES)}
TOTAL = sum(SQUARES) + sum(CUBES)
BANNER = "=" * 5 + " pythos " + "=" * 5


def main() -> None:
    print(SQUARES, CUBES)
    print(LOOKUP[49], TOTAL, BANNER)


if __name__ == "__main__":
    main()
