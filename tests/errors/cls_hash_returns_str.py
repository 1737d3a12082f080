# error: 6:27: __hash__ must return i64 (Python's __hash__ protocol), not str
class Key:
    def __init__(self, k: str) -> None:
        self.k = k

    def __hash__(self) -> str:
        return self.k


def main() -> None:
    print(Key("a").k)
