"""primes: a CPU-bound program that prints primes.

It tests every number below LIMIT by trial division, which keeps the CPU
busy for a while and makes no system call until it prints, so it is the
program to watch when the timer takes the CPU away.  It prints the
primes below 200, ten to a line, then how many there are below LIMIT and
the largest of them.
"""

from typing import Final

LIMIT: Final = 300_000
SHOWN: Final = 200


def is_prime(n: int) -> bool:
    if n < 2:
        return False
    d = 2
    while d * d <= n:
        if n % d == 0:
            return False
        d += 1
    return True


def main() -> None:
    on_line = 0
    for n in range(SHOWN):
        if is_prime(n):
            print(f"{n:4}", end="")
            on_line += 1
            if on_line == 10:
                print()
                on_line = 0
    if on_line != 0:
        print()
    count = 0
    largest = 0
    for n in range(LIMIT):
        if is_prime(n):
            count += 1
            largest = n
    print(f"{count} primes below {LIMIT:,}, the largest {largest}")


if __name__ == "__main__":
    main()
