# error: 8:13: 'raise' is not supported; use panic(message)
class Nums:
    def __init__(self) -> None:
        self.n = 0

    def __next__(self) -> int:
        if self.n > 2:
            raise ValueError("done")
        self.n += 1
        return self.n


def main() -> None:
    print(next(Nums()))
