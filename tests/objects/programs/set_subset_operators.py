"""<=, <, >= and > between sets are subset and superset tests."""


def main() -> None:
    a = {1, 2, 3}
    print(a <= a, a < a, {1} < a, a > {2}, a >= {4}, {3, 1, 2} >= a)
    print({"x"} <= {"x", "y"}, {"x", "z"} <= {"x", "y"})


if __name__ == "__main__":
    main()
