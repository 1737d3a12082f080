# error: 8:14: "Box" has no __iter__ method, so it cannot be iterated over
class Box:
    def __init__(self) -> None:
        self.n = 0


def main() -> None:
    for x in Box():
        print(x)
