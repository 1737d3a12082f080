# error: 13:5: too many arguments: 'add' is a "Callable[[i64], None]", which takes 1
class Acc:
    def __init__(self) -> None:
        self.n = 0

    def add(self, k: int) -> None:
        self.n += k


def main() -> None:
    a = Acc()
    add = a.add
    add(1, 2)
