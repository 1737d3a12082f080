# error: 6:24: field() describes a field of a @dataclass; in a plain class, assign the attribute in __init__
from dataclasses import field


class Inventory:
    items: list[str] = field(default_factory=list)

    def __init__(self, owner: str) -> None:
        self.owner = owner


def main() -> None:
    print(Inventory("ann").items)
