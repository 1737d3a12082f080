from pythos.lang import u32, u64, Array

CACHE = Array[u32, 1000]()


def collatz_len(n: u64) -> u32:
    steps = u32(0)
    x = n
    while x != 1:
        if x < 1000 and CACHE[x] != 0:
            return steps + CACHE[x]
        if x % 2 == 0:
            x //= 2
        else:
            x = 3 * x + 1
        steps += 1
    return steps


def main() -> None:
    best = u32(0)
    best_n = 0
    for n in range(1, 1000):
        L = collatz_len(u64(n))
        CACHE[n] = L
        if L > best:
            best = L
            best_n = n
    print("longest below 1000:", best_n, best)
    for n in range(1, 12):
        print(n, CACHE[n], end="; ")
    print()
    print("27 ->", collatz_len(u64(27)), "97 ->", collatz_len(u64(97)))
    print("big", collatz_len(u64(837799)), collatz_len(u64(63728127)))
    # peak value in a trajectory
    x = u64(27)
    peak = x
    while x != 1:
        x = x // 2 if x % 2 == 0 else 3 * x + 1
        if x > peak:
            peak = x
    print("peak of 27:", peak)


if __name__ == "__main__":
    main()
