# error: 8:20: argument 1 of "feed" is incompatible with supertype "Animal"; supertype
class Animal:
    def feed(self, amount: int) -> None:
        print(amount)


class Cat(Animal):
    def feed(self, amount: str) -> None:
        print(amount)


def main() -> None:
    Cat().feed("a")


if __name__ == "__main__":
    main()
