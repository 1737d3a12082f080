# error: 8:16: "Box" has no __next__ method, so it is not an iterator
class Box:
    def __init__(self) -> None:
        self.n = 0


def main() -> None:
    print(next(Box()))
