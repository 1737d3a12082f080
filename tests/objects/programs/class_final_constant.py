"""Class-level Final constants read through the class and its instances."""
from typing import Final


class Limits:
    MAX_USERS: Final = 64
    NAME: Final = "limits"

    def __init__(self, used: int) -> None:
        self.used = used

    def free(self) -> int:
        return self.MAX_USERS - self.used


def main() -> None:
    lim = Limits(10)
    print(Limits.MAX_USERS, lim.MAX_USERS, lim.free(), Limits.NAME)
    print(f"{Limits.NAME}: {lim.used}/{Limits.MAX_USERS}")


if __name__ == "__main__":
    main()
