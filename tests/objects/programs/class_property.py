"""@property read as an attribute, and a setter that validates."""


class Rect:
    def __init__(self, w: int, h: int) -> None:
        self.w = w
        self._h = h

    @property
    def area(self) -> int:
        return self.w * self._h

    @property
    def height(self) -> int:
        return self._h

    @height.setter
    def height(self, value: int) -> None:
        self._h = max(0, value)


def main() -> None:
    r = Rect(3, 4)
    print(r.area, r.height)
    r.height = 10
    print(r.area, r.height)
    r.height = -2
    print(r.area, r.height)


if __name__ == "__main__":
    main()
