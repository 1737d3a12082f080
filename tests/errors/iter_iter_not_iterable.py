# error: 9:15: "Box" has no __iter__ method, so it is not iterable
class Box:
    def __init__(self) -> None:
        self.n = 0


def main() -> None:
    b = Box()
    it = iter(b)
    print(it)
