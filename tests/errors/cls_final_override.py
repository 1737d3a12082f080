# error: 10:5: cannot override final attribute "SIZE" (previously declared in base clas
from typing import Final


class Limits:
    SIZE: Final = 10


class Bigger(Limits):
    SIZE: Final = 20


def main() -> None:
    print(Bigger.SIZE)


if __name__ == "__main__":
    main()
