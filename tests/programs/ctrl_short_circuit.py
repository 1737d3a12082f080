from pythos.lang import u8, i32

calls = 0


def t(name: str) -> bool:
    global calls
    calls += 1
    print("t", name)
    return True


def f(name: str) -> bool:
    global calls
    calls += 1
    print("f", name)
    return False


def val(name: str, v: i32) -> i32:
    print("val", name, v)
    return v


def main() -> None:
    print("1:", t("a") and f("b"))
    print("2:", f("a") and t("b"))
    print("3:", t("a") or f("b"))
    print("4:", f("a") or t("b"))
    print("5:", f("a") or f("b") or t("c") or t("d"))
    print("6:", t("a") and t("b") and f("c") and t("d"))
    print("7:", not f("a") and not t("b"))
    print("8:", (f("a") and t("b")) or (t("c") and t("d")))
    print("calls", calls)
    # and/or return an operand, not a bool
    print("9:", val("x", i32(0)) or val("y", i32(5)))
    print("10:", val("x", i32(3)) or val("y", i32(5)))
    print("11:", val("x", i32(0)) and val("y", i32(5)))
    print("12:", val("x", i32(-2)) and val("y", i32(5)))
    a = u8(0)
    b = u8(200)
    c = a or b
    d = a and b
    e = b and u8(7)
    print("13:", c, d, e, c + 100)
    # guards that avoid division by zero
    for k in range(-2, 3):
        z = i32(k)
        if z != 0 and 100 // z > 20:
            print("big quotient for", k)
        if z == 0 or 100 % z == 0:
            print("ok for", k)
    # not on ints
    print("14:", not 0, not 5, not u8(0), not i32(-1))


if __name__ == "__main__":
    main()
