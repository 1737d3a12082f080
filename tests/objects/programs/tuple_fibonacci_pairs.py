"""Iterating with tuple assignment: Fibonacci and gcd."""


def fib(n: int) -> int:
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def gcd(a: int, b: int) -> int:
    while b:
        a, b = b, a % b
    return a


def main() -> None:
    print([fib(i) for i in range(15)], fib(90))
    print(gcd(1071, 462), gcd(17, 5), gcd(0, 9))


if __name__ == "__main__":
    main()
