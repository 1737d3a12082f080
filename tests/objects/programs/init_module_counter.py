"""A module-level counter object shared by functions, and an id table
filled by a helper called at import time."""


class Ids:
    def __init__(self) -> None:
        self.next = 1
        self.names: dict[int, str] = {}

    def new(self, name: str) -> int:
        i = self.next
        self.next += 1
        self.names[i] = name
        return i


IDS = Ids()
ROOT = IDS.new("root")
INIT = IDS.new("init")


def main() -> None:
    shell = IDS.new("shell")
    print(ROOT, INIT, shell, IDS.names)


if __name__ == "__main__":
    main()
