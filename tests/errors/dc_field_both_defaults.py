# error: 7:24: field() cannot take both default= and default_factory=
from dataclasses import dataclass, field


@dataclass
class Inventory:
    items: list[str] = field(default=[], default_factory=list)


def main() -> None:
    print(Inventory())
