"""divmod() of integers (issue 11): the tuple (a // b, a % b) with
Python's floor rounding for every sign, the operands evaluated once,
and CPython's ZeroDivisionError."""

from pythos.lang import u8


def main() -> None:
    for a, b in ((17, 5), (-17, 5), (17, -5), (-17, -5), (0, 3), (9, 9)):
        q, r = divmod(a, b)
        print(divmod(a, b), q * b + r == a)
    minutes, seconds = divmod(3725, 60)
    hours, minutes = divmod(minutes, 60)
    print(f"{hours}:{minutes:02}:{seconds:02}", divmod(u8(250), u8(7)))
    pairs = [divmod(n, 3) for n in range(5)]
    print(pairs, max(pairs))
    try:
        print(divmod(1, 0))
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)


if __name__ == "__main__":
    main()
