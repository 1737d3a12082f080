"""keys(), values() and items() taken after mutations show the current
contents in insertion order."""


def main() -> None:
    inv = {"bolts": 10, "nuts": 5}
    inv["screws"] = 7
    inv["bolts"] -= 3
    inv.pop("nuts")
    inv["nuts"] = 1
    print(list(inv.keys()), list(inv.values()), list(inv.items()))
    print(sorted(inv.items(), key=lambda kv: kv[1]), sum(inv.values()))


if __name__ == "__main__":
    main()
