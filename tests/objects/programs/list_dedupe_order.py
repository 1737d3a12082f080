"""Removing duplicates while keeping the first occurrence's order."""


def dedupe(xs: list[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for x in xs:
        if x not in seen:
            seen.add(x)
            out.append(x)
    return out


def main() -> None:
    print(dedupe(["b", "a", "b", "c", "a", "d"]))
    print(dedupe([]), dedupe(["x"] * 5))
    print(dedupe(["q", "p", "q"]), dedupe(["é", "e", "é"]))


if __name__ == "__main__":
    main()
