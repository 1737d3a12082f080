"""`obj.__init__(...)` called again on a made instance writes its fields
after construction: the compiled program then reads no field borrowed
(pythos/ir/passes/stablefields.py), so a value read before the call
outlives the field's overwrite.  The new argument is handed over to the
field as in construction (pythos/ir/passes/steals.py)."""

from __future__ import annotations


class Box:
    def __init__(self, items: list[int], name: str) -> None:
        self.items = items
        self.name = name


def reinit(b: Box) -> int:
    before = b.items
    name = b.name
    b.__init__([9], "again " + str(len(before)))
    return len(before) + before[0] + len(name)


def main() -> None:
    b = Box([1, 2], "first")
    print(reinit(b), b.items, b.name)
    print(reinit(b), b.items, b.name)


main()
