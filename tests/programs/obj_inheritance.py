"""Inheritance with overriding at three levels, super(), isinstance and
dispatch through the base class."""


class Animal:
    def __init__(self, name: str) -> None:
        self.name = name
        self.legs = 4

    def sound(self) -> int:
        return 0

    def describe(self) -> int:
        return self.sound() * 10 + self.legs

    def kind(self) -> int:
        return 1


class Dog(Animal):
    def __init__(self, name: str, good: bool) -> None:
        super().__init__(name)
        self.good = good

    def sound(self) -> int:
        return 2

    def kind(self) -> int:
        return super().kind() + 10


class Puppy(Dog):
    def sound(self) -> int:
        return super().sound() + 1

    def kind(self) -> int:
        return super().kind() + 100


class Bird(Animal):
    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.legs = 2

    def sound(self) -> int:
        return 7


def report(a: Animal) -> None:
    print(a.name, a.describe(), a.kind(), isinstance(a, Dog), isinstance(a, Puppy),
          isinstance(a, Bird))


def loudest(a: Animal, b: Animal) -> Animal:
    if a.sound() >= b.sound():
        return a
    return b


def main() -> None:
    generic = Animal("generic")
    rex = Dog("rex", True)
    bit = Puppy("bit", False)
    tweety = Bird("tweety")
    report(generic)
    report(rex)
    report(bit)
    report(tweety)
    print(loudest(rex, bit).name)
    print(loudest(tweety, generic).name)
    a: Animal = Puppy("small", True)
    if isinstance(a, Dog):
        print("a dog", a.good, a.sound())
    b: Animal = Bird("b")
    print(a is b, a is not b, a is a)
    c = a
    print(c is a)


if __name__ == "__main__":
    main()
