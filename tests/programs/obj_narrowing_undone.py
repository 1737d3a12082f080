"""Narrowings a call undoes, and narrowed globals.

The checker keeps what `is not None` proved of an attribute across a
call, as mypy does, so a method that sets the attribute back to None
leaves a None where the type says an instance.  Compiled, the read is
tested, and the attribute access on it raises CPython's AttributeError
instead of reading through address 0.  Globals narrow as locals do
(`if CURRENT is not None:`, and after `CURRENT = Node(3)`), and an
`int | None` global stores its int boxed.
"""

from typing import Optional


class Node:
    def __init__(self, value: int) -> None:
        self.value = value

    def doubled(self) -> int:
        return self.value * 2


class Holder:
    def __init__(self) -> None:
        self.node: Optional[Node] = Node(5)

    def drop(self) -> None:
        self.node = None

    def safe(self) -> int:
        if self.node is not None:
            return self.node.value + self.node.doubled()
        return 0

    def field_after_drop(self) -> int:
        if self.node is not None:
            self.drop()
            return self.node.value
        return 0

    def method_after_drop(self) -> int:
        if self.node is not None:
            self.drop()
            return self.node.doubled()
        return 0


CURRENT: Optional[Node] = None
LIMIT: Optional[int] = None
NAMES: list[str] | None = None


def reset() -> None:
    global CURRENT, LIMIT
    CURRENT = None
    LIMIT = None


def setup() -> None:
    global CURRENT, LIMIT, NAMES
    CURRENT = Node(7)
    LIMIT = 40
    NAMES = ["a"]


def total() -> int:
    if CURRENT is not None and LIMIT is not None:
        return CURRENT.value + LIMIT
    return -1


def assigned_here() -> int:
    global CURRENT
    CURRENT = Node(3)
    return CURRENT.value


def global_after_reset() -> int:
    if CURRENT is not None:
        reset()
        return CURRENT.value
    return 0


def main() -> None:
    print(Holder().safe())
    for name, holder in [("field", Holder()), ("method", Holder())]:
        try:
            if name == "field":
                print(holder.field_after_drop())
            else:
                print(holder.method_after_drop())
        except AttributeError as e:
            print(name, "AttributeError:", e)
    print(total(), LIMIT, CURRENT is None)
    setup()
    print(total(), LIMIT, CURRENT is None)
    if NAMES is not None:
        NAMES.append("b")
        print(len(NAMES), NAMES)
    print(assigned_here())
    try:
        print(global_after_reset())
    except AttributeError as e:
        print("global AttributeError:", e)
    print(total(), LIMIT)
    reset()


if __name__ == "__main__":
    main()
