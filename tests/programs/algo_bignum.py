from pythos.lang import u32, u64, Array

# Multi-precision unsigned integers as little-endian arrays of base-10^9 limbs.
BASE: u32 = u32(1000000000)
LIMBS = 40


def set_small(a: Array[u32, 40], v: u32) -> None:
    for i in range(LIMBS):
        a[i] = 0
    a[0] = v % BASE
    a[1] = v // BASE


def mul_small(a: Array[u32, 40], m: u32) -> None:
    carry = u64(0)
    for i in range(LIMBS):
        t = u64(a[i]) * u64(m) + carry
        a[i] = u32(t % u64(BASE))
        carry = t // u64(BASE)


def add(a: Array[u32, 40], b: Array[u32, 40]) -> None:
    carry = u32(0)
    for i in range(LIMBS):
        t = a[i] + b[i] + carry
        if t >= BASE:
            a[i] = t - BASE
            carry = u32(1)
        else:
            a[i] = t
            carry = u32(0)


def show(label: str, a: Array[u32, 40]) -> None:
    top = LIMBS - 1
    while top > 0 and a[top] == 0:
        top -= 1
    print(f"{label} = {a[top]}", end="")
    for i in range(top - 1, -1, -1):
        print(f"{a[i]:09}", end="")
    print()


def digit_sum(a: Array[u32, 40]) -> u32:
    s = u32(0)
    for limb in a:
        v = limb
        while v:
            s += v % 10
            v //= 10
    return s


def main() -> None:
    f = Array[u32, 40]()
    set_small(f, u32(1))
    for k in range(2, 51):
        mul_small(f, u32(k))
    show("50!", f)
    print("digit sum of 50!", digit_sum(f))
    p = Array[u32, 40]()
    set_small(p, u32(1))
    for k in range(200):
        mul_small(p, u32(2))
    show("2^200", p)
    # Fibonacci numbers with bignum addition
    a = Array[u32, 40]()
    b = Array[u32, 40]()
    set_small(a, u32(0))
    set_small(b, u32(1))
    for k in range(150):
        add(a, b)
        # swap roles by adding back: a=a+b then swap names via copy
        for i in range(LIMBS):
            t = a[i]
            a[i] = b[i]
            b[i] = t
    show("fib(150)", a)
    show("fib(151)", b)


if __name__ == "__main__":
    main()
