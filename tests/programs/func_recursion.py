from pythos.lang import u32, u64, i64


def fib(n: int) -> u64:
    if n < 2:
        return u64(n)
    return fib(n - 1) + fib(n - 2)


def ackermann(m: u32, n: u32) -> u32:
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, u32(1))
    return ackermann(m - 1, ackermann(m, n - 1))


def gcd(a: u64, b: u64) -> u64:
    if b == 0:
        return a
    return gcd(b, a % b)


def factorial(n: u64) -> u64:
    return u64(1) if n <= 1 else n * factorial(n - 1)


def power_set_count(n: int, depth: int) -> int:
    if depth == n:
        return 1
    return power_set_count(n, depth + 1) + power_set_count(n, depth + 1)


def binom(n: int, k: int) -> i64:
    if k == 0 or k == n:
        return i64(1)
    return binom(n - 1, k - 1) + binom(n - 1, k)


def sum_digits(n: u64) -> u64:
    if n < 10:
        return n
    return n % 10 + sum_digits(n // 10)


def main() -> None:
    for n in range(0, 25, 3):
        print(f"fib({n}) = {fib(n)}")
    for m in range(4):
        for n in range(4):
            print(f"A({m},{n}) = {ackermann(u32(m), u32(n))}")
    print("gcd", gcd(u64(1071), u64(462)), gcd(u64(17), u64(5)), gcd(u64(0), u64(9)), gcd(u64(2) ** 40, u64(6) ** 20))
    print("fact 20", factorial(u64(20)), "fact 25 wrapped", factorial(u64(25)))
    print("power set of 10:", power_set_count(10, 0))
    for n in range(0, 9):
        for k in range(0, n + 1):
            print(binom(n, k), end=" ")
        print()
    print("digits", sum_digits(u64(0) - 1), sum_digits(u64(1234567890)))


if __name__ == "__main__":
    main()
