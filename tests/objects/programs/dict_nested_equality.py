"""Equality of dicts with list and dict values, and of lists of dicts."""


def main() -> None:
    a = {"k": [1, 2], "m": [3]}
    b = {"m": [3], "k": [1, 2]}
    print(a == b, a != b)
    b["k"].append(9)
    print(a == b)
    rows = [{"id": 1, "v": 2}, {"id": 2, "v": 3}]
    same = [{"v": 2, "id": 1}, {"v": 3, "id": 2}]
    print(rows == same, rows[::-1] == same)


if __name__ == "__main__":
    main()
