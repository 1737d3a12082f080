# error: 15:10: a with statement whose __exit__ sees the exception has one item here; nest the with statements
class Guard:
    def __init__(self, name: str) -> None:
        self.name = name

    def __enter__(self) -> None:
        print("enter", self.name)

    def __exit__(self, exc_type: object, exc: BaseException | None, tb: object) -> bool:
        print("exit", self.name)
        return False


def main() -> None:
    with Guard("a"), Guard("b"):
        print("body")


main()
