"""chr() in an f-string takes a string's format spec, as in CPython, and
an argument out of range fails before print() writes anything."""

from pythos.lang import u8, u64


def main() -> None:
    for c in range(65, 68):
        print(f"[{chr(c)}] [{chr(c):>3}] [{chr(c):<4}] [{chr(c):^5}] [{chr(c):*^6}]")
    snow = 0x2603
    print(f"[{chr(snow):-^7}] [{chr(snow):s}] [{chr(u8(97)):>2s}] [{chr(0x1F600):.>3}]")
    print("wide", f"{chr(66):1200}|")
    print("before", chr(u64(0x41)))
    bad = 0x110000
    print("this line", "is not written", f"{chr(bad):>4}")


if __name__ == "__main__":
    main()
