"""An override may return a narrower type than the base method."""


class Animal:
    def __init__(self, name: str) -> None:
        self.name = name

    def child(self) -> "Animal":
        return Animal(self.name + " jr")

    def sound(self) -> str:
        return "?"


class Dog(Animal):
    def child(self) -> "Dog":
        return Dog(self.name + " pup")

    def sound(self) -> str:
        return "woof"

    def fetch(self) -> str:
        return self.name + " fetches"


def main() -> None:
    d = Dog("rex")
    pup = d.child()
    print(pup.name, pup.sound(), pup.fetch())
    a: Animal = d
    print(a.child().name, a.child().sound(), Animal("cat").child().name)


if __name__ == "__main__":
    main()
