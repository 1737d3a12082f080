# error: 6:40: __eq__ must return bool (Python's __eq__ protocol), not i64
class P:
    def __init__(self, x: int) -> None:
        self.x = x

    def __eq__(self, other: object) -> int:
        return 1


def main() -> None:
    print(P(1) == P(2))
