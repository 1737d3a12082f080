# error: 8:46: the default_factory makes a dict; the field has type "list[str]"
from dataclasses import dataclass, field


@dataclass
class Inventory:
    owner: str
    items: list[str] = field(default_factory=dict)


def main() -> None:
    print(Inventory("ann"))
