from pythos.lang import u8, u32, i64

counter = 0
wrap8 = u8(250)
total: i64 = i64(0)
calls = u32(0)
last_name = 0


def bump() -> int:
    global counter, calls
    counter += 1
    calls += 1
    return counter


def bump8() -> u8:
    global wrap8
    wrap8 += 3
    return wrap8


def add_total(v: i64) -> None:
    global total
    total = total + v


def read_only() -> int:
    # reading a global needs no declaration
    return counter * 10


def reset() -> None:
    global counter
    counter = 0


def main() -> None:
    global last_name
    for i in range(5):
        print("bump", bump(), "read", read_only())
    for i in range(4):
        print("bump8", bump8())
    for i in range(10):
        add_total(i64(i) * i64(-3))
    print("total", total, "calls", calls)
    reset()
    print("after reset", counter, read_only())
    bump()
    last_name = counter + 100
    print("last", last_name, "calls", calls)
    # a local with the same name as a global shadows it only here
    shadow()
    print("counter still", counter)


def shadow() -> None:
    counter = 999
    print("local counter", counter)


if __name__ == "__main__":
    main()
