"""Format widths of any size, as CPython takes them: space and zero
padding, sign-aware `=` alignment with digit grouping continuing into the
zeros, for integers, bools and strings."""

from pythos.lang import i64, u8, u64


def main() -> None:
    n = i64(-1234567)
    m = u64(0xDEADBEEF)
    b = u8(5)
    print(f"[{n:1500}]")
    print(f"[{n:<1200}]")
    print(f"[{n:01100}]")
    print(f"[{n:01101,}]")
    print(f"[{m:#01030_x}]")
    print(f"[{m:01003_b}]")
    print(f"[{b:+^1001}]")
    print(f"[{b:*=+1010}]")
    print(f"[{'text':>1500}]")
    print(f"[{True:2000}]")
    for width_case in range(3):
        print(f"[{n:09,}] [{n:010,}] [{n:011,}] [{m:011_x}] [{m:012_x}] [{b:#010_b}]", width_case)


if __name__ == "__main__":
    main()
