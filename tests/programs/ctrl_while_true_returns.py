"""A function whose only way out is a `return` inside `while True`.

The inner loops' `break`s leave only those loops, so the outer loop never
falls through and the function cannot reach its end: mypy accepts it, and
so must Pythos (it once counted any `break` in the body).
"""

from pythos.lang import i64


def first_square_sum(limit: i64) -> i64:
    """The first n (counting from 1) where 1 + 4 + ... + n*n passes limit."""
    n = i64(0)
    total = i64(0)
    while True:
        n += 1
        k = i64(0)
        while True:
            k += 1
            if k == n:
                break
        total += k * k
        for j in range(3):
            if j == 1:
                break
        if total > limit:
            return n


def main() -> None:
    print(first_square_sum(i64(10)))
    print(first_square_sum(i64(1000)))


if __name__ == "__main__":
    main()
