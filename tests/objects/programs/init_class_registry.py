"""A module-level dict of instances of several subclasses, built at
import time and dispatched through at run time."""


class Handler:
    def handle(self, arg: str) -> str:
        return "?"


class Upper(Handler):
    def handle(self, arg: str) -> str:
        return arg.upper()


class Reverse(Handler):
    def handle(self, arg: str) -> str:
        return arg[::-1]


HANDLERS: dict[str, Handler] = {"up": Upper(), "rev": Reverse(), "none": Handler()}


def main() -> None:
    for name in ["up", "rev", "none"]:
        print(name, HANDLERS[name].handle("pythos"))


if __name__ == "__main__":
    main()
