from pythos.lang import u32


def find_divisor(n: u32) -> u32:
    d = u32(2)
    while d * d <= n:
        if n % d == 0:
            break
        d += 1
    else:
        return n
    return d


def main() -> None:
    for n in range(2, 40, 3):
        d = find_divisor(u32(n))
        if d == u32(n):
            print(n, "is prime")
        else:
            print(n, "divisible by", d)
    # else branch runs when the loop never runs
    i = 10
    while i < 5:
        print("never")
    else:
        print("else on empty while")
    # else does not run after break
    i = 0
    while True:
        i += 1
        if i == 4:
            break
    else:
        print("never")
    print("broke at", i)
    # nested whiles with else
    outer = 0
    found = 0
    while outer < 6:
        inner = 0
        while inner < outer:
            if outer * inner == 12:
                found += 1
                break
            inner += 1
        else:
            print("no pair for", outer)
        outer += 1
    print("found", found)
    # continue in while loop skips else? no: else still runs when the condition fails
    k = 0
    s = 0
    while k < 10:
        k += 1
        if k % 2:
            continue
        s += k
    else:
        print("sum of evens", s)
    # countdown with a decrementing condition on an unsigned value
    c = u32(5)
    while c:
        print("c", c, end=" ")
        c -= 1
    print()


if __name__ == "__main__":
    main()
