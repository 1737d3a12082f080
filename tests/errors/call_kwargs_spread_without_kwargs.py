# error: 8:16: area() takes no **kwargs, so **d cannot be spread into it
def area(width: int, height: int) -> int:
    return width * height


def main() -> None:
    d = {"width": 2, "height": 3}
    print(area(**d))


main()
