"""Sibling closures share one cell: a getter and a setter made by the same
call see each other's changes, after the call that made them returned."""
from collections.abc import Callable


def make_box(start: str) -> tuple[Callable[[], str], Callable[[str], None]]:
    value = start

    def get() -> str:
        return value

    def put(new: str) -> None:
        nonlocal value
        value = new

    return get, put


def main() -> None:
    get_a, put_a = make_box("a")
    get_b, put_b = make_box("b")
    put_a("A1")
    print(get_a(), get_b())
    put_b(get_a() + "+b")
    put_a("A2")
    print(get_a(), get_b())


if __name__ == "__main__":
    main()
