"""A key inserted twice keeps its first position and its last value."""


def main() -> None:
    words = ["pear", "apple", "peach", "avocado", "plum"]
    by_initial = {w[0]: w for w in words}
    print(by_initial)
    d = {"b": 1, "a": 2, "b2": 3}
    d["b"] = 10
    print(d)
    merged = {"x": 1, "y": 2, "x": 3}
    print(merged)


if __name__ == "__main__":
    main()
