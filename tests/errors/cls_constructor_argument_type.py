# error: 8:14: expected i64, got str
class Temp:
    def __init__(self, celsius: int) -> None:
        self.celsius = celsius


def main() -> None:
    t = Temp("hot")
    print(t.celsius)
