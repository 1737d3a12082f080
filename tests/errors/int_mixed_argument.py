# error: 10:18: expected u64, got u32
from pythos.lang import u32, u64


def double(x: u64) -> u64:
    return x * 2

def main() -> None:
    v = u32(21)
    print(double(v))


if __name__ == "__main__":
    main()
