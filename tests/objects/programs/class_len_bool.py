"""__len__ gives len() and truth; __bool__ overrides truth."""


class Queue:
    def __init__(self) -> None:
        self.items: list[str] = []

    def __len__(self) -> int:
        return len(self.items)


class Flag:
    def __init__(self, on: bool) -> None:
        self.on = on

    def __bool__(self) -> bool:
        return self.on


def main() -> None:
    q = Queue()
    print(len(q), bool(q))
    if not q:
        print("empty")
    q.items.append("job")
    print(len(q), bool(q))
    if q:
        print("busy")
    print(bool(Flag(True)), bool(Flag(False)))
    f = Flag(False)
    print("yes" if f else "no")


if __name__ == "__main__":
    main()
