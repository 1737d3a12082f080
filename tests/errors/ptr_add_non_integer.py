# error: 9:13: a pointer can only be advanced by an integer, got bool
from pythos.lang import Array, Ptr, addr_of, u32


def main() -> None:
    buf = Array[u32, 4]()
    p = addr_of(buf)
    flag = True
    q = p + flag
    print(q[0])


if __name__ == "__main__":
    main()
