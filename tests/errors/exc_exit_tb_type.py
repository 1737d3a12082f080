# error: 12:10: Log.__exit__ must be declared (self, exc_type: object, exc: BaseException | None, tb: object): Pythos has no class or traceback objects to pass, so exc_type and tb are None exactly when exc is
class Log:
    def __enter__(self) -> None:
        pass

    def __exit__(self, exc_type: object, exc: BaseException | None, tb: int) -> None:
        print("exit", tb)


def main() -> None:
    print("start")
    with Log():
        print("body")


main()
