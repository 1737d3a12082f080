"""A subclass overrides __repr__; a list of base references prints each
element with its own class's method."""


class Animal:
    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return f"Animal({self.name})"


class Cat(Animal):
    def __repr__(self) -> str:
        return f"Cat({self.name})"


class Lion(Cat):
    pass


def main() -> None:
    zoo: list[Animal] = [Animal("generic"), Cat("tom"), Lion("leo")]
    print(zoo)
    for a in zoo:
        print(a, str(a))


if __name__ == "__main__":
    main()
