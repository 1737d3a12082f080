# error: 8:5: the field 'key' has no default but comes after one that has (the generat
from dataclasses import dataclass


@dataclass
class Entry:
    count: int = 0
    key: str


def main() -> None:
    print(Entry(1, "a"))


if __name__ == "__main__":
    main()
