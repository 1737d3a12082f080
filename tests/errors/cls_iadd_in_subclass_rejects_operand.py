# error: 17:5: CPython may call Named.__iadd__ here with a "i64", but it takes "str"
class Shape:
    def __init__(self, size: int) -> None:
        self.size = size

    def __add__(self, k: int) -> "Shape":
        return Shape(self.size + k)


class Named(Shape):
    def __iadd__(self, name: str) -> "Shape":
        return self


def main() -> None:
    s: Shape = Named(1)
    s += 2
    print(s.size)


if __name__ == "__main__":
    main()
