from pythos.lang import u32, Array

COLS = Array[u32, 12]()
solutions = 0
first = Array[u32, 12]()
have_first = False


def safe(row: int, col: u32) -> bool:
    for r in range(row):
        c = COLS[r]
        if c == col:
            return False
        d = row - r
        if c + u32(d) == col or col + u32(d) == c:
            return False
    return True


def solve(row: int, n: int) -> None:
    global solutions, have_first
    if row == n:
        solutions += 1
        if not have_first:
            for i in range(n):
                first[i] = COLS[i]
            have_first = True
        return
    for c in range(n):
        if safe(row, u32(c)):
            COLS[row] = u32(c)
            solve(row + 1, n)


def bit_solve(n: int, row: int, cols: u32, d1: u32, d2: u32) -> int:
    if row == n:
        return 1
    full = (u32(1) << u32(n)) - 1
    avail = full & ~(cols | d1 | d2)
    count = 0
    while avail:
        bit = avail & (~avail + 1)
        avail ^= bit
        count += bit_solve(n, row + 1, cols | bit, (d1 | bit) << 1, (d2 | bit) >> 1)
    return count


def main() -> None:
    global solutions, have_first
    for n in range(1, 9):
        solutions = 0
        have_first = False
        solve(0, n)
        print(f"n={n}: {solutions} solutions, bitwise {bit_solve(n, 0, u32(0), u32(0), u32(0))}")
    # print the first solution for 8 queens
    solutions = 0
    have_first = False
    solve(0, 8)
    for r in range(8):
        for c in range(8):
            print("Q" if first[r] == u32(c) else ".", end="")
        print()
    print("bitwise n=10:", bit_solve(10, 0, u32(0), u32(0), u32(0)))


if __name__ == "__main__":
    main()
