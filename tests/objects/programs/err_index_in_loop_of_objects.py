"""An IndexError raised from a method after some output."""


class Ring:
    def __init__(self, n: int) -> None:
        self.slots = [0] * n

    def put(self, i: int, v: int) -> None:
        self.slots[i] = v


def main() -> None:
    r = Ring(3)
    for i in range(5):
        r.put(i, i * 10)
        print(r.slots)


if __name__ == "__main__":
    main()
