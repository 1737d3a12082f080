"""Dict and set keys that are str literals and strs built at run time
find each other: a literal carries the hash the runtime would compute
for the same text (ASCII and not), so lookups by either kind of key agree."""


def built(first: str, second: str) -> str:
    return first + second


def main() -> None:
    table = {"cpu": 1, "heap": 2, "serial": 3, "événement": 4, "": 5}
    print(table["serial"], table[built("se", "rial")], table[built("év", "énement")])
    print(table[built("", "")], built("c", "pu") in table, "missing" in table)
    names: dict[str, int] = {}
    for word in ["alpha", "beta", "gamma", "alpha"]:
        key = built(word[:2], word[2:])
        names[key] = names.get(word, 0) + 1
    print(names["alpha"], names["beta"], names.get("delta", -1))
    seen = {"x0", "x1"}
    seen.add(built("x", str(3)))
    print("x3" in seen, built("x", "0") in seen, "x7" in seen, len(seen))


if __name__ == "__main__":
    main()
