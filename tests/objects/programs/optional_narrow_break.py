"""A loop that breaks once it finds something; the result is narrowed
after a test."""


class Room:
    def __init__(self, name: str, free: bool) -> None:
        self.name = name
        self.free = free


def first_free(rooms: list[Room]) -> Room | None:
    found: Room | None = None
    for r in rooms:
        if r.free:
            found = r
            break
    return found


def main() -> None:
    rooms = [Room("a", False), Room("b", True), Room("c", True)]
    r = first_free(rooms)
    if r is not None:
        print("book", r.name)
        r.free = False
    r2 = first_free(rooms)
    print(r2.name if r2 is not None else "-", r2 is r)
    print(first_free([]) is None)


if __name__ == "__main__":
    main()
