# error: 2:1: relative imports are not supported; import by full name
from . import sibling


def main() -> None:
    print(1)


if __name__ == "__main__":
    main()
