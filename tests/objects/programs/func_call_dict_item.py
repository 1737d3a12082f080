"""Calling a Callable straight out of a dict or list, without naming it."""
from collections.abc import Callable


def hello() -> str:
    return "hello"


def main() -> None:
    table: dict[str, Callable[[], str]] = {"h": hello, "w": lambda: "world"}
    print(table["h"](), table["w"]())
    fs: list[Callable[[int], int]] = [lambda x: x + 1, lambda x: x * 2]
    print(fs[0](10), fs[1](10), fs[-1](fs[0](1)))


if __name__ == "__main__":
    main()
