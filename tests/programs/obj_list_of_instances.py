class Point:
    def __init__(self, x: int, y: int) -> None:
        self.x = x
        self.y = y

    def __repr__(self) -> str:
        return f"Point({self.x}, {self.y})"


class Labelled(Point):
    def __init__(self, x: int, y: int, label: str) -> None:
        super().__init__(x, y)
        self.label = label

    def __repr__(self) -> str:
        return f"Labelled({self.label})"


def main() -> None:
    points = [Point(1, 2), Point(3, 4)]
    points.append(Labelled(5, 6, "'six'"))
    print(points)
    first = points[0]
    first.x = 10
    print(points[0], len(points))
    pair = (points[1], 7)
    print(pair)
    for p in points:
        print(p.x + p.y)
    grid = [[Point(0, 0)] * 2] * 2
    grid[0][0].y = 9
    print(grid)


if __name__ == "__main__":
    main()
