"""Truth of instances through __len__ and __bool__ in any, all, filters
and `not`."""


class Box:
    def __init__(self, items: list[int]) -> None:
        self.items = items

    def __len__(self) -> int:
        return len(self.items)


class Switch:
    def __init__(self, on: bool) -> None:
        self.on = on

    def __bool__(self) -> bool:
        return self.on


def main() -> None:
    boxes = [Box([]), Box([1]), Box([2, 3])]
    print(any(boxes), all(boxes), [len(b) for b in boxes if b], [not b for b in boxes])
    switches = [Switch(True), Switch(True)]
    print(all(switches), any(Switch(False) for _ in range(3)))
    b = boxes[0]
    print("empty" if not b else "full", bool(b) or bool(boxes[1]))


if __name__ == "__main__":
    main()
