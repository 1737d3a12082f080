from pythos.lang import u8, i32

evals = 0


def e(name: str, v: i32) -> i32:
    global evals
    evals += 1
    print("eval", name, v)
    return v


def main() -> None:
    print("r1", e("a", i32(1)) < e("b", i32(2)) < e("c", i32(3)))
    print("r2", e("a", i32(1)) < e("b", i32(0)) < e("c", i32(3)))
    print("r3", e("a", i32(5)) > e("b", i32(2)) >= e("c", i32(2)) != e("d", i32(7)))
    print("r4", e("a", i32(1)) == e("b", i32(1)) == e("c", i32(2)) == e("d", i32(2)))
    print("r5", e("a", i32(-1)) <= e("b", i32(-1)) < e("c", i32(0)) <= e("d", i32(0)))
    print("evals", evals)
    # range checks
    inside = 0
    for v in range(-5, 300, 11):
        x = i32(v)
        if 0 <= x < 256:
            inside += 1
    print("inside", inside)
    b = u8(65)
    print("upper", 65 <= b <= 90, "lower", 97 <= b <= 122)
    lo = i32(-10)
    hi = i32(10)
    for v in range(-15, 16, 5):
        print(v, lo < i32(v) < hi, lo <= i32(v) <= hi, not (lo < i32(v) < hi))
    # chain mixing equality and ordering
    a = 3
    c = 3
    print("mix", 1 < a == c < 4, 1 < a != c < 4, a == c == 3)


if __name__ == "__main__":
    main()
