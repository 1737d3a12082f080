"""Matrix multiplication of M x M integer matrices stored as
`Array[Array[i64, M], M]`, in the i-k-j loop order (the inner loop runs
along rows of both B and C, so it reads memory in order), repeated with a
rotating right-hand side.  Prints a checksum of each product.

Each `C[i][j] += a * B[k][j]` is two bounds checks per array level; all
indexes come from `range(M)` over arrays of M elements, so every check is
provably unnecessary.  Entries stay below 2**40, so nothing overflows."""

from typing import Final

from pythos.lang import i64, u64, Array

M: Final = 256  # bench: size
ROUNDS: Final = 64

A = Array[Array[i64, M], M]()
B = Array[Array[i64, M], M]()
C = Array[Array[i64, M], M]()


def multiply() -> None:
    """C = A x B."""
    for i in range(M):
        for j in range(M):
            C[i][j] = 0
        for k in range(M):
            a = A[i][k]
            for j in range(M):
                C[i][j] += a * B[k][j]


def main() -> None:
    for i in range(M):
        for j in range(M):
            A[i][j] = i64((i * 7 + j * 13) % 1000)
            B[i][j] = i64((i * 11 + j * 5 + 3) % 1000)
    total = u64(0)
    for r in range(ROUNDS):
        multiply()
        h = u64(0)
        for i in range(M):
            for j in range(M):
                h = h * 31 + u64(C[i][j])
        if r % 16 == 0:
            print(f"round {r}: C[0][0] {C[0][0]} C[M-1][M-1] {C[M - 1][M - 1]} hash {h:016x}")
        total = total * 3 + h
        # the next right-hand side: B's rows rotated by one, one entry changed
        first = Array[i64, M]()
        for j in range(M):
            first[j] = B[0][j]
        for k in range(M - 1):
            for j in range(M):
                B[k][j] = B[k + 1][j]
        for j in range(M):
            B[M - 1][j] = first[j]
        B[r % M][r % M] = i64(r % 1000)
    print(f"hash of hashes {total:016x}")


if __name__ == "__main__":
    main()
