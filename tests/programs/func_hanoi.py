from pythos.lang import u32, u64, Array

moves = u64(0)
PEGS = Array[u32, 3]()


def hanoi(n: u32, src: int, dst: int, via: int, show: bool) -> None:
    global moves
    if n == 0:
        return
    hanoi(n - 1, src, via, dst, show)
    moves += 1
    PEGS[src] -= 1
    PEGS[dst] += 1
    if show:
        print(f"move disk {n} from {src} to {dst}")
    hanoi(n - 1, via, dst, src, show)


def main() -> None:
    global moves
    PEGS[0] = u32(3)
    hanoi(u32(3), 0, 2, 1, True)
    print("moves", moves, "pegs", PEGS[0], PEGS[1], PEGS[2])
    for n in range(1, 15):
        moves = u64(0)
        PEGS[0] = u32(n)
        PEGS[1] = u32(0)
        PEGS[2] = u32(0)
        hanoi(u32(n), 0, 2, 1, False)
        print(n, moves, moves == (u64(1) << u64(n)) - 1, PEGS[2])


if __name__ == "__main__":
    main()
