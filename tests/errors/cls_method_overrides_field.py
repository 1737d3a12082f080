# error: 8:5: 'size' is both a field and a method of class Derived
class Base:
    def __init__(self) -> None:
        self.size = 1


class Derived(Base):
    def size(self) -> int:
        return 2


def main() -> None:
    print(Derived().size)
