"""Instances have reference semantics: `is` compares identity, and two
names for one object see each other's changes."""


class Box:
    def __init__(self, v: int) -> None:
        self.v = v


def bump(b: Box) -> None:
    b.v += 1


def main() -> None:
    a = Box(1)
    b = a
    c = Box(1)
    print(a is b, a is c, a is not c)
    b.v = 5
    print(a.v, c.v)
    bump(a)
    print(b.v)
    boxes = [a, a, c]
    boxes[0].v = 9
    print([x.v for x in boxes], boxes[1] is a)


if __name__ == "__main__":
    main()
