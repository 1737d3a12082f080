# error: 8:9: "Counter" has no attribute "resets"; declare it in the class body or in
class Counter:
    def __init__(self) -> None:
        self.count = 0

    def reset(self) -> None:
        self.count = 0
        self.resets = 1


def main() -> None:
    Counter().reset()
