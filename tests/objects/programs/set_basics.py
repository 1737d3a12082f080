"""add, remove, discard, pop, in, len, clear; sets of ints print in
CPython's order for small ints."""


def main() -> None:
    s = {3, 1, 2}
    s.add(5)
    s.add(1)
    print(sorted(s), len(s), 2 in s, 9 in s)
    s.remove(3)
    s.discard(42)
    s.discard(5)
    print(sorted(s))
    x = s.pop()
    print(x in s, len(s))
    s.clear()
    print(s, len(s))


if __name__ == "__main__":
    main()
