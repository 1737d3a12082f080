import gc


class Node:
    def __init__(self, value: int) -> None:
        self.value = value
        self.other: Node | None = None


def make_ring() -> int:
    a = Node(1)
    b = Node(2)
    a.other = b
    b.other = a
    return a.value + b.value


def main() -> None:
    print(make_ring())
    # The ring is unreachable now; only the collector can free it.
    print(gc.collect() > 0)


if __name__ == "__main__":
    main()
