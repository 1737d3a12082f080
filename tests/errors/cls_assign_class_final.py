# error: 11:5: cannot assign to "MAX": it is a method or constant of class Limits
from typing import Final


class Limits:
    MAX: Final = 10


def main() -> None:
    lim = Limits()
    lim.MAX = 11
    print(lim.MAX)
