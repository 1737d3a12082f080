# error: 8:20: NotImplemented can only be returned by a binary operator's special method (__add__, __radd__, __iadd__ and their kin), so that the operator can try the other operand's method
class Box:
    def __init__(self, n: int) -> None:
        self.n = n

    def merge(self, other: object) -> "Box":
        if not isinstance(other, Box):
            return NotImplemented
        return Box(self.n + other.n)


def main() -> None:
    print(Box(1).merge(Box(2)).n)


if __name__ == "__main__":
    main()
