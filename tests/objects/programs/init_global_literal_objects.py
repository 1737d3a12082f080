"""Module-level objects whose initialisers are literals and constructor
calls: a nested table, a tuple of tuples and an instance list."""


class Dev:
    def __init__(self, name: str, irq: int) -> None:
        self.name = name
        self.irq = irq


TABLE: dict[str, list[int]] = {"a": [1, 2], "b": [], "c": [3]}
DEVICES: list[Dev] = [Dev("kbd", 1), Dev("com1", 4), Dev("ata", 14)]


def main() -> None:
    TABLE["b"].append(9)
    print(TABLE)
    print([(d.name, d.irq) for d in DEVICES], max(d.irq for d in DEVICES))


if __name__ == "__main__":
    main()
