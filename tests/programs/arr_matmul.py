from typing import Final

from pythos.lang import i32, i64, u32, Array

DIM: Final = 5
A = Array[i32, 25]()
B = Array[i32, 25]()
C = Array[i32, 25]()


def matmul(x: Array[i32, 25], y: Array[i32, 25], out: Array[i32, 25]) -> None:
    for r in range(DIM):
        for c in range(DIM):
            s = i32(0)
            for k in range(DIM):
                s += x[r * DIM + k] * y[k * DIM + c]
            out[r * DIM + c] = s


def show(m: Array[i32, 25], name: str) -> None:
    print(name)
    for r in range(DIM):
        for c in range(DIM):
            print(f"{m[r * DIM + c]:>12}", end="")
        print()


def trace(m: Array[i32, 25]) -> i64:
    t = i64(0)
    for i in range(DIM):
        t += i64(m[i * DIM + i])
    return t


def copy(src: Array[i32, 25], dst: Array[i32, 25]) -> None:
    for i in range(len(src)):
        dst[i] = src[i]


def main() -> None:
    for r in range(DIM):
        for c in range(DIM):
            A[r * DIM + c] = i32(r - c)
            B[r * DIM + c] = i32((r + 1) * (c + 1) % 7) - 3
    matmul(A, B, C)
    show(A, "A")
    show(B, "B")
    show(C, "A*B")
    print("trace", trace(C))
    # identity check
    ident = Array[i32, 25]()
    for i in range(DIM):
        ident[i * DIM + i] = 1
    matmul(B, ident, C)
    same = True
    for i in range(25):
        if C[i] != B[i]:
            same = False
    print("B*I == B", same)
    # repeated squaring overflows i32 and wraps
    P = Array[i32, 25]()
    copy(B, P)
    for step in range(6):
        matmul(P, P, C)
        copy(C, P)
        print("step", step, "trace", trace(P))
    show(P, "B^64")
    h = u32(0)
    for v in P:
        h = h * 31 + u32(v)
    print("hash", h)


if __name__ == "__main__":
    main()
