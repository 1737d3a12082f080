# error: 6:2: unsupported class decorator
def register(cls: type) -> type:
    return cls


@register
class Point:
    x: int


def main() -> None:
    print(Point().x)


if __name__ == "__main__":
    main()
