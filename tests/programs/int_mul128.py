from pythos.lang import u32, u64, Array

# 128-bit arithmetic on pairs of u64 words: hi:lo stored in a 2-element array
R = Array[u64, 2]()


def mul64x64(a: u64, b: u64) -> None:
    mask = u64(0xFFFFFFFF)
    a_lo = a & mask
    a_hi = a >> 32
    b_lo = b & mask
    b_hi = b >> 32
    p0 = a_lo * b_lo
    p1 = a_lo * b_hi
    p2 = a_hi * b_lo
    p3 = a_hi * b_hi
    mid = (p0 >> 32) + (p1 & mask) + (p2 & mask)
    R[0] = (p0 & mask) | (mid << 32)
    R[1] = p3 + (p1 >> 32) + (p2 >> 32) + (mid >> 32)


def add128(hi: u64, lo: u64, hi2: u64, lo2: u64) -> None:
    s = lo + lo2
    carry = u64(1) if s < lo else u64(0)
    R[0] = s
    R[1] = hi + hi2 + carry


def main() -> None:
    mx = ~u64(0)
    mul64x64(mx, mx)
    print(f"max*max = {R[1]:#018x}:{R[0]:016x}")
    mul64x64(u64(0x123456789), u64(0x987654321))
    print(f"0x123456789*0x987654321 = {R[1]:#x}:{R[0]:016x}")
    mul64x64(u64(1) << 63, u64(4))
    print(f"2^63*4 = {R[1]}:{R[0]}")
    # 30! as 128-bit
    hi = u64(0)
    lo = u64(1)
    for k in range(1, 31):
        mul64x64(lo, u64(k))
        new_lo = R[0]
        carry_hi = R[1]
        mul64x64(hi, u64(k))
        hi = R[0] + carry_hi
        lo = new_lo
    print(f"30! = {hi:#x}:{lo:016x}")
    add128(u64(0), mx, u64(0), u64(1))
    print(f"carry: {R[1]}:{R[0]}")
    # low 32 bits of products agree with plain u32 multiplication
    agree = 0
    for i in range(1, 50):
        x = u32(i) * 0x9E3779B1
        y = u32(i) * 0x85EBCA77
        mul64x64(u64(x), u64(y))
        if u32(R[0]) == x * y:
            agree += 1
    print("agree", agree)


if __name__ == "__main__":
    main()
