"""Swapping references between two containers and two variables moves
objects without copying them."""


class Buf:
    def __init__(self, tag: str) -> None:
        self.tag = tag
        self.data: list[int] = []


def main() -> None:
    front = Buf("A")
    back = Buf("B")
    for i in range(3):
        back.data.append(i)
        front, back = back, front
    print(front.tag, front.data, back.tag, back.data)
    slots = [Buf("x"), Buf("y")]
    slots[0], slots[1] = slots[1], slots[0]
    print([s.tag for s in slots])


if __name__ == "__main__":
    main()
