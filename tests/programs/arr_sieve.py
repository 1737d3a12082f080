from pythos.lang import u8, u32, Array

LIMIT: int = 2000
SIEVE = Array[u8, 2000]()
PRIMES = Array[u32, 400]()


def sieve() -> int:
    for i in range(2, LIMIT):
        SIEVE[i] = 1
    i = 2
    while i * i < LIMIT:
        if SIEVE[i]:
            for j in range(i * i, LIMIT, i):
                SIEVE[j] = 0
        i += 1
    count = 0
    for k in range(LIMIT):
        if SIEVE[k] == 1:
            PRIMES[count] = u32(k)
            count += 1
    return count


def main() -> None:
    n = sieve()
    print("primes below", LIMIT, ":", n)
    for i in range(20):
        print(PRIMES[i], end=" ")
    print()
    print("last", PRIMES[n - 1], "sum", end=" ")
    s = u32(0)
    for i in range(n):
        s += PRIMES[i]
    print(s)
    # twin primes and largest gap
    twins = 0
    gap = u32(0)
    gap_at = u32(0)
    for i in range(1, n):
        d = PRIMES[i] - PRIMES[i - 1]
        if d == 2:
            twins += 1
        if d > gap:
            gap = d
            gap_at = PRIMES[i - 1]
    print("twins", twins, "max gap", gap, "after", gap_at)
    # Goldbach check for even numbers up to 200
    fails = 0
    for e in range(4, 201, 2):
        found = False
        for i in range(n):
            p = int(PRIMES[i])
            if p > e // 2:
                break
            if SIEVE[e - p]:
                found = True
                break
        if not found:
            fails += 1
    print("goldbach fails", fails)


if __name__ == "__main__":
    main()
