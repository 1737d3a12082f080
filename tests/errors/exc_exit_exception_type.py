# error: 14:10: Guard.__exit__ must be declared (self, exc_type: object, exc: BaseException | None, tb: object): Pythos has no class or traceback objects to pass, so exc_type and tb are None exactly when exc is
class Guard:
    def __enter__(self) -> None:
        pass

    def __exit__(self, exc_type: object, exc: Exception | None, tb: object) -> bool:
        return exc is not None


def main() -> None:
    print("start")
    # mypy rejects this too: a with statement passes a BaseException, which
    # an `Exception | None` parameter does not take.
    with Guard():
        print("body")


main()
