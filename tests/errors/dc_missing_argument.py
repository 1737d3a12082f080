# error: 12:11: Entry() is missing the argument 'key'
from dataclasses import dataclass


@dataclass
class Entry:
    key: str
    count: int = 0


def main() -> None:
    print(Entry())


if __name__ == "__main__":
    main()
