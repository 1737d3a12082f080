"""Generator expressions consumed once by min, max, sum and sorted with
key=, including over objects."""


class City:
    def __init__(self, name: str, pop: int) -> None:
        self.name = name
        self.pop = pop


def main() -> None:
    cities = [City("oslo", 700), City("lima", 10000), City("bern", 130)]
    print(sum(c.pop for c in cities), max(c.pop for c in cities))
    print(min((c for c in cities), key=lambda c: c.pop).name)
    print(sorted((c.name for c in cities), key=len), sorted(c.name.upper() for c in cities))


if __name__ == "__main__":
    main()
