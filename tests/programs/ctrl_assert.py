from pythos.lang import u8, u32, i32, Array


def checked_div(a: i32, b: i32) -> i32:
    assert b != 0, "division by zero"
    q = a // b
    assert q * b + a % b == a
    return q


def main() -> None:
    assert True
    assert 1 + 1 == 2
    assert u8(255) + 1 == 0, "u8 wrap"
    assert i32(-7) // 2 == -4, f"floor {i32(-7) // 2}"
    x = u32(10)
    assert x, "x must be nonzero"
    assert 0 < x < 11
    assert not (x > 10)
    total = i32(0)
    for a in range(-20, 21, 4):
        for b in range(-3, 4):
            if b != 0:
                total += checked_div(i32(a), i32(b))
    print("total", total)
    arr = Array[u8, 8]()
    for i in range(8):
        arr[i] = u8(i * i)
    for i in range(1, 8):
        assert arr[i] > arr[i - 1], f"not increasing at {i}"
    print("arrays ok")
    s = "hello"
    assert s == "hello"
    assert len(s) == 5, "length"
    print("asserts passed")


if __name__ == "__main__":
    main()
