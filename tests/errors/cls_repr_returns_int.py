# error: 3:27: __repr__ must return str (Python's __repr__ protocol), not i64
class P:
    def __repr__(self) -> int:
        return 1


def main() -> None:
    print(P())
