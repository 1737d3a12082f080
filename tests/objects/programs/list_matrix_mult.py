"""Matrix product over list[list[int]]."""


def matmul(a: list[list[int]], b: list[list[int]]) -> list[list[int]]:
    rows, inner, cols = len(a), len(b), len(b[0])
    out = [[0] * cols for _ in range(rows)]
    for i in range(rows):
        for j in range(cols):
            s = 0
            for k in range(inner):
                s += a[i][k] * b[k][j]
            out[i][j] = s
    return out


def main() -> None:
    a = [[1, 2], [3, 4]]
    ident = [[1, 0], [0, 1]]
    print(matmul(a, ident), matmul(a, a))
    p = ident
    for _ in range(10):
        p = matmul(p, [[1, 1], [1, 0]])
    print(p)


if __name__ == "__main__":
    main()
