# error: 8:24: a field's default is shared by every instance, so it cannot be a list; use field(default_factory=...)
from dataclasses import dataclass


@dataclass
class Inventory:
    owner: str
    items: list[str] = []


def main() -> None:
    print(Inventory("ann"))
