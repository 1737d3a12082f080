# error: 9:5: cannot assign to final name "NAMES"
from typing import Final

NAMES: Final = ["init", "mm"]


def reset() -> None:
    global NAMES
    NAMES = []


def main() -> None:
    reset()
    print(NAMES)


if __name__ == "__main__":
    main()
