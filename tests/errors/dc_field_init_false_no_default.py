# error: 8:24: field 'items' has init=False and no default: give it default= or default_factory=
from dataclasses import dataclass, field


@dataclass
class Inventory:
    owner: str
    items: list[str] = field(init=False)


def main() -> None:
    print(Inventory("ann").owner)
