"""Globals that hold objects are strong references: rebinding one drops
the old object, augmented assignment works on them, an Optional global
starts as None, and the objects are all released at exit."""


class Node:
    def __init__(self, name: str) -> None:
        self.name = name
        self.next: Node | None = None


HEAD: Node | None = None
PREFIX = "k"
BANNER = PREFIX + "ernel"
LOG: list[str] = []
SEEN: set[int] = {0}
SIZES: dict[str, int] = {"a": 1}


def push(name: str) -> None:
    global HEAD
    node = Node(name)
    node.next = HEAD
    HEAD = node


def names() -> list[str]:
    out: list[str] = []
    node = HEAD
    while node is not None:
        out.append(node.name)
        node = node.next
    return out


def pop() -> None:
    global HEAD
    head = HEAD
    if head is not None:
        HEAD = head.next


def grow() -> None:
    global BANNER, LOG
    BANNER += "!"
    LOG += ["grew " + BANNER]
    SIZES["a"] += 1
    SEEN.add(len(BANNER))


def main() -> None:
    print(HEAD is None, names())
    for n in ["a", "b", "c"]:
        push(n)
    print(names())
    grow()
    grow()
    print(BANNER, LOG, SIZES, len(SEEN))
    pop()
    print(names())
    # A cycle reachable only from a global, freed by the collector at exit.
    head = HEAD
    if head is not None:
        second = head.next
        if second is not None:
            second.next = head


if __name__ == "__main__":
    main()
