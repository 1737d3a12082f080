"""Literals, indexing, assignment, len, in, get and printing."""


def main() -> None:
    ages = {"ann": 31, "bob": 25}
    ages["cy"] = 40
    ages["ann"] += 1
    print(ages, len(ages), "bob" in ages, "dan" in ages, "dan" not in ages)
    print(ages["ann"], ages.get("bob"), ages.get("dan"), ages.get("dan", 0))
    empty: dict[int, str] = {}
    print(empty, len(empty), {1: "a", 2: "b"}, {(1, 2): [3]})


if __name__ == "__main__":
    main()
