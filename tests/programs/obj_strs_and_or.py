"""`and` / `or` whose operands make temporary objects (an item of a list,
a piece of a split): each temporary is released on the edge where it
dies, and the result reaches the join of the branches."""


def words_match(line: str, first: str, last: str) -> bool:
    return line.split()[0] == first and line.rsplit(None, 1)[-1] == last


def main() -> None:
    xs = ["a", "b"]
    ok = xs[0] == "a" and xs[1] == "b"
    bad = xs[0] == "z" or xs[1].upper() == "Z"
    assert xs[0] == "a" and xs[1] != "a"
    print(ok, bad, words_match("héllo big wörld", "héllo", "wörld"),
          words_match("a b", "b", "b"), words_match("x", "x", "y"))
    for line in ["key=value", "=", "flag"]:
        print(line.partition("=")[0] or "-", line.partition("=")[2] and "has value")


if __name__ == "__main__":
    main()
