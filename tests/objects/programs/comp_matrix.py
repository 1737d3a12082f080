"""Building, transposing and summing a matrix with comprehensions."""


def main() -> None:
    m = [[r * 4 + c for c in range(4)] for r in range(3)]
    t = [[m[r][c] for r in range(3)] for c in range(4)]
    print(m)
    print(t)
    print([sum(row) for row in m], [sum(col) for col in t], sum(sum(row) for row in m))
    diag = [m[i][i] for i in range(min(len(m), len(m[0])))]
    print(diag)


if __name__ == "__main__":
    main()
