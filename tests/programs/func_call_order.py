from pythos.lang import u32


def main() -> None:
    # every function used here is defined below main
    print("triple", triple(u32(14)))
    print("compose", apply_twice(u32(3)))
    print("chain", first(u32(1)))
    print("digits", digit_count(u32(0)), digit_count(u32(9)), digit_count(u32(4294967295)))
    print("later const", later_value())


def triple(x: u32) -> u32:
    return helper_add(x, helper_add(x, x))


def helper_add(a: u32, b: u32) -> u32:
    return a + b


def apply_twice(x: u32) -> u32:
    return triple(triple(x))


def first(x: u32) -> u32:
    return second(x * 2) + 1


def second(x: u32) -> u32:
    return third(x * 3) + 10


def third(x: u32) -> u32:
    return x * 100


def digit_count(x: u32) -> int:
    n = 1
    while x >= 10:
        x //= 10
        n += 1
    return n


def later_value() -> u32:
    return LATER * 2


LATER: u32 = u32(21)

if __name__ == "__main__":
    main()
