# error: 8:11: exceptions must derive from BaseException; raise got Point
class Point:
    def __init__(self) -> None:
        self.x = 0


def main() -> None:
    raise Point()
