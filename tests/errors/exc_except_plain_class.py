# error: 10:12: 'Point' is not an exception class (it does not derive from BaseException)
class Point:
    def __init__(self) -> None:
        self.x = 0


def main() -> None:
    try:
        print(1)
    except Point:
        pass
