"""Module-level calls run once at import time, before main, in order;
globals computed from earlier ones see their values."""


def note(label: str) -> int:
    print("init", label)
    return len(label)


FIRST = note("first")
print("between", FIRST)
SECOND = note("second" * FIRST)
TOTAL = FIRST + SECOND
NAMES = [str(n) for n in range(TOTAL // 10)]


def main() -> None:
    print("main", FIRST, SECOND, TOTAL, NAMES)


if __name__ == "__main__":
    main()
