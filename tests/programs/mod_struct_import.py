import lib_geometry
from lib_geometry import Rect, Vec2, area, make_rect

from pythos.lang import i32, Array


def perimeter(r: Rect) -> i32:
    return 2 * (r.width() + r.height())


def main() -> None:
    v = Vec2(3, -4)
    print("manhattan", v.manhattan())
    v.shift(i32(-10), i32(10))
    print("shifted", v.x, v.y, v.manhattan())
    r = make_rect(i32(1), i32(1), i32(4), i32(6))
    print("rect", r.width(), r.height(), "area", area(r), "perimeter", perimeter(r))
    q = lib_geometry.Rect(lib_geometry.Vec2(-2, -2), Vec2(2, 2))
    print("q area", lib_geometry.area(q), "contains origin", q.contains(lib_geometry.ORIGIN))
    print("grid", lib_geometry.GRID)
    # structs from the other module stored in a local array
    pts = Array[Vec2, 5]()
    for i in range(5):
        pts[i] = Vec2(i32(i), i32(i * 2 - 4))
    inside = 0
    for p in pts:
        if r.contains(p) or q.contains(p):
            inside += 1
    print("inside", inside)
    # registering shapes in the other module's global array
    print("id", lib_geometry.add_shape(r), lib_geometry.add_shape(q))
    print("id", lib_geometry.add_shape(make_rect(i32(5), i32(5), i32(8), i32(8))))
    r.hi.x = 100
    print("copy kept", lib_geometry.SHAPES[0].hi.x, "count", lib_geometry.shape_count)
    print("total area", lib_geometry.total_area(), "covered", lib_geometry.covered_cells())


if __name__ == "__main__":
    main()
