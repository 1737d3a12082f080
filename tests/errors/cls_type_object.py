# error: 7:12: type() is compiled only as type(x).__name__ (type objects are not values here; test a class with isinstance())
class Shape:
    pass


def same(a: Shape, b: Shape) -> bool:
    return type(a) is type(b)


def main() -> None:
    print(same(Shape(), Shape()))


if __name__ == "__main__":
    main()
