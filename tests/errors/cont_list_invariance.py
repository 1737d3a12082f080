# error: 16:17: argument "shapes" to "count" has incompatible type "list[Circle]"; expected
class Shape:
    pass


class Circle(Shape):
    pass


def count(shapes: list[Shape]) -> int:
    return len(shapes)


def main() -> None:
    circles = [Circle(), Circle()]
    print(count(circles))
