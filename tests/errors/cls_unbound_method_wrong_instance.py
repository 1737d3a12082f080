# error: 12:21: argument "self" to "Base.show" has incompatible type "Other"; expected "Base"
class Base:
    def show(self) -> str:
        return "b"


class Other:
    pass


def main() -> None:
    print(Base.show(Other()))


main()
