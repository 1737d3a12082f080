# error: 8:23: return type "i64" of "name" incompatible with return type "str" in super
class Animal:
    def name(self) -> str:
        return "animal"


class Cat(Animal):
    def name(self) -> int:
        return 3


def main() -> None:
    print(Cat().name())


if __name__ == "__main__":
    main()
