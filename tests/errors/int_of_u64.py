# error: 7:9: int() of a u64 can exceed i64
from pythos.lang import u64


def main() -> None:
    big = u64(0xFFFFFFFFFFFFFFFF)
    n = int(big)
    print(n)


if __name__ == "__main__":
    main()
