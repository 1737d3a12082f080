# error: 9:11: values of type "Box" cannot be ordered (no '<' between them)
class Box:
    def __init__(self, v: int) -> None:
        self.v = v


def main() -> None:
    boxes = [Box(2), Box(1)]
    print(min(b for b in boxes).v)
