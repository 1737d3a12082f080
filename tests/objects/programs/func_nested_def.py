"""Nested functions that read the enclosing function's parameters and
call each other."""


def solve(n: int) -> list[str]:
    out: list[str] = []

    def move(k: int, src: str, dst: str, via: str) -> None:
        if k == 0:
            return
        move(k - 1, src, via, dst)
        out.append(f"{k}:{src}{dst}")
        move(k - 1, via, dst, src)

    move(n, "A", "C", "B")
    return out


def main() -> None:
    moves = solve(3)
    print(len(moves), moves)
    print(len(solve(10)))


if __name__ == "__main__":
    main()
