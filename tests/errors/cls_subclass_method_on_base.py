# error: 13:12: "Animal" has no attribute "bark"; it is an attribute of its subclass Dog:
class Animal:
    def name(self) -> str:
        return "animal"


class Dog(Animal):
    def bark(self) -> str:
        return "woof"


def speak(a: Animal) -> str:
    return a.bark()


def main() -> None:
    print(speak(Dog()))
