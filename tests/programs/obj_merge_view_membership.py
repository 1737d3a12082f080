"""`in` and `not in` on a dict's keys() and values() views."""


class Tag:
    def __init__(self, name: str) -> None:
        self.name = name


def main() -> None:
    d = {"a": 1, "b": 2}
    print("a" in d.keys(), "z" not in d.keys(), 2 in d.values(), 5 in d.values())
    names = {1: "one", 2: "two"}
    print("two" in names.values(), "three" not in names.values())
    t = Tag("x")
    tags = {"first": t}
    print(t in tags.values(), Tag("x") in tags.values())
    for key in ["a", "c"]:
        print(key, key in d.keys())


if __name__ == "__main__":
    main()
