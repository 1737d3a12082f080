from pythos.lang import u32


def main() -> None:
    # pythagorean triples with nested loops, break and continue
    count = 0
    for a in range(1, 30):
        for b in range(a, 30):
            if (a + b) % 2 == 0 and a % 2 == 1 and b % 2 == 1:
                continue
            c2 = a * a + b * b
            c = 1
            while c * c < c2:
                c += 1
            if c * c != c2:
                continue
            if c >= 30:
                break
            print(f"triple {a} {b} {c}")
            count += 1
    print("triples", count)
    # break out of the inner loop only
    for i in range(4):
        for j in range(10):
            if j > i:
                break
            print(j, end="")
        print("|", end="")
    print()
    # continue in a while loop with an unsigned counter
    n = u32(0)
    odd_sum = u32(0)
    while n < 20:
        n += 1
        if n % 2 == 0:
            continue
        if n > 15:
            break
        odd_sum += n
    print("odd_sum", odd_sum, "n", n)
    # search a 2D grid, stop at first hit using a flag
    hit_r = -1
    hit_c = -1
    for r in range(10):
        for c in range(10):
            if (r * 7 + c * 3) % 17 == 16 and r > 2:
                hit_r = r
                hit_c = c
                break
        if hit_r >= 0:
            break
    print("hit", hit_r, hit_c)
    # triple nesting with continue at each level
    total = 0
    for x in range(5):
        if x == 2:
            continue
        for y in range(5):
            if y == x:
                continue
            for z in range(5):
                if z == y or z == x:
                    continue
                total += 1
    print("total", total)


if __name__ == "__main__":
    main()
