from typing import Final

from pythos.lang import u8, u32, u64, Array, Ptr, addr_of

TEXT: Final = b"Pythos kernel hexdump test: \x00\x01\x02\xfe\xff and some more text!"


def hexdump(p: Ptr[u8], n: int, base: u32) -> None:
    off = 0
    while off < n:
        print(f"{base + u32(off):08x}  ", end="")
        for i in range(16):
            if off + i < n:
                print(f"{p[off + i]:02x}", end=" ")
            else:
                print("  ", end=" ")
            if i == 7:
                print(end=" ")
        print(" |", end="")
        for i in range(16):
            if off + i < n:
                c = p[off + i]
                if 32 <= c < 127:
                    print(chr(c), end="")
                else:
                    print(".", end="")
        print("|")
        off += 16


def main() -> None:
    buf = Array[u8, 80]()
    for i in range(len(TEXT)):
        buf[i] = TEXT[i]
    hexdump(addr_of(buf), len(TEXT), u32(0x1000))
    print(f"{len(TEXT):d} bytes ({len(TEXT):#x})")
    words = Array[u64, 3]()
    words[0] = 0x0123456789ABCDEF
    words[1] = 0xFEDCBA9876543210
    words[2] = 0x4F5359534F485450
    hexdump(Ptr[u8](addr_of(words).addr), 24, u32(0xFFFFFFF0))


if __name__ == "__main__":
    main()
