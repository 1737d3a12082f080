"""The sieve of Eratosthenes over a list[bool] and slice assignment."""


def primes(n: int) -> list[int]:
    is_p = [True] * (n + 1)
    is_p[0] = False
    is_p[1] = False
    i = 2
    while i * i <= n:
        if is_p[i]:
            is_p[i * i::i] = [False] * ((n - i * i) // i + 1)
        i += 1
    return [k for k in range(n + 1) if is_p[k]]


def main() -> None:
    ps = primes(100)
    print(ps)
    print(len(primes(10000)), primes(2), primes(1))


if __name__ == "__main__":
    main()
