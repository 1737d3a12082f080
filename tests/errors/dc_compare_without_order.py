# error: 11:11: unsupported operand types for < ("Version" and "Version"): "Version" def
from dataclasses import dataclass


@dataclass
class Version:
    major: int


def main() -> None:
    print(Version(1) < Version(2))


if __name__ == "__main__":
    main()
