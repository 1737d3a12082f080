"""A bare raise re-raises the exception being handled; the report shows every frame."""


def inner(x: int) -> int:
    if x > 2:
        raise ValueError("big")
    return x


def middle() -> int:
    try:
        return inner(5)
    except ValueError:
        print("middle saw it")
        raise


def outer() -> None:
    try:
        middle()
    finally:
        print("outer cleans up")


def main() -> None:
    try:
        middle()
    except ValueError as e:
        print("main caught:", e)
    outer()


if __name__ == "__main__":
    main()
