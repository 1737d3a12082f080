# error: 8:5: super() is only available, without arguments, in a method of a class (my
class Base:
    def hello(self) -> None:
        print("hello")


def greet() -> None:
    super().hello()


def main() -> None:
    greet()


if __name__ == "__main__":
    main()
