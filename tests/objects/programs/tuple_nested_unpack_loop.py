"""Nested tuple unpacking in for loops over lists and dict items."""


def main() -> None:
    segs = [((0, 0), (3, 4)), ((1, 1), (1, 5))]
    for (x1, y1), (x2, y2) in segs:
        print(x2 - x1, y2 - y1)
    routes = {"a": (1, "north"), "b": (2, "south")}
    for name, (dist, way) in routes.items():
        print(name, dist, way)
    for i, (k, v) in enumerate(sorted(routes.items())):
        print(i, k, v[1])


if __name__ == "__main__":
    main()
