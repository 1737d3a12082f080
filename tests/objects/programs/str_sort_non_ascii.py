"""Sorting strings orders by code point, so accented and upper-case
letters do not sort as a dictionary would."""


def main() -> None:
    names = ["Zoë", "zoe", "Émile", "emile", "Ångström", "angstrom", "Øle", "ole", "ß", "ss"]
    print(sorted(names))
    print(sorted(names, key=lambda s: s.lower()))
    print(max(names), min(names), sorted(names, key=len)[:3])


if __name__ == "__main__":
    main()
