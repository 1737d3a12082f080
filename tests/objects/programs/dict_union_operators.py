"""The dict union operators (issue 11, Python 3.9): `a | b` is a new dict,
a's items updated by b's; `a |= b` updates a in place (an alias sees
it), wherever a is: a name, a field, a list item, a dict value."""


class Box:
    def __init__(self) -> None:
        self.opts = {"a": 1}


def main() -> None:
    base = {"a": 1, "b": 2}
    extra = {"b": 20, "c": 30}
    merged = base | extra
    print(merged, base, extra, merged is base)
    alias = base
    base |= {"d": 4, "a": 10}
    print(base, alias is base, alias)
    box = Box()
    box.opts |= {"z": 26}
    grid = [{"x": 1}]
    grid[0] |= {"y": 2}
    print(box.opts, grid, {1: [1]} | {2: [2]})
    nested = {"k": {1: 1}}
    nested["k"] |= {2: 2}
    print(nested)


if __name__ == "__main__":
    main()
