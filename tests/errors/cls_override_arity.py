# error: 8:5: signature of "speak" incompatible with supertype "Animal": it takes 0 pa
class Animal:
    def speak(self, times: int) -> None:
        print("..." * times)


class Cat(Animal):
    def speak(self) -> None:
        print("meow")


def main() -> None:
    Cat().speak()


if __name__ == "__main__":
    main()
