from pythos.lang import u8, u32, u64, i16, i64


def modpow(base: u64, exp: u64, m: u64) -> u64:
    result = u64(1) % m
    b = base % m
    e = exp
    while e > 0:
        if e & 1:
            result = result * b % m
        b = b * b % m
        e >>= 1
    return result


def is_probable_prime(n: u64) -> bool:
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    d = n - 1
    r = 0
    while d % 2 == 0:
        d //= 2
        r += 1
    for a in range(2, 8):
        x = modpow(u64(a), d, n)
        if x == 1 or x == n - 1:
            continue
        composite = True
        for k in range(r - 1):
            x = x * x % n
            if x == n - 1:
                composite = False
                break
        if composite and n > u64(a):
            return False
    return True


def main() -> None:
    print("2^10 mod 1000 =", modpow(u64(2), u64(10), u64(1000)))
    print("3^200 mod 1000007 =", modpow(u64(3), u64(200), u64(1000007)))
    print("7^0 mod 13 =", modpow(u64(7), u64(0), u64(13)))
    print("x mod 1 =", modpow(u64(5), u64(3), u64(1)))
    # Fermat little theorem check for p = 65521
    p = u64(65521)
    ok = True
    for a in range(1, 200, 17):
        if modpow(u64(a), p - 1, p) != 1:
            ok = False
    print("fermat", ok)
    primes = 0
    for n in range(0, 200):
        if is_probable_prime(u64(n)):
            primes += 1
    print("primes below 200:", primes)
    print("65521 prime:", is_probable_prime(u64(65521)), "65523 prime:", is_probable_prime(u64(65523)))
    # ** operator wraps at each width
    print("u8", u8(3) ** 4, u8(3) ** 5, u8(3) ** 6, u8(0) ** 0, u8(255) ** 2)
    print("i16", i16(-2) ** 14, i16(-2) ** 15, i16(-2) ** 16, i16(181) ** 2, i16(182) ** 2)
    print("u32", u32(7) ** 11, u32(7) ** 12, u32(65535) ** 2, u32(65536) ** 2)
    print("i64", i64(10) ** 18, i64(10) ** 19, i64(-10) ** 19, i64(7) ** 22, i64(7) ** 23)
    # power of the result used in later arithmetic
    x = u32(5) ** 13
    print("x", x, x + x, x * 3)


if __name__ == "__main__":
    main()
