# error: 8:52: field() takes default=, default_factory= and init= (Pythos does not compile repr=)
from dataclasses import dataclass, field


@dataclass
class Inventory:
    owner: str
    items: list[str] = field(default_factory=list, repr=False)


def main() -> None:
    print(Inventory("ann"))
