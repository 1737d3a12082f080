from typing import Final

from pythos.lang import u8, u16, u32, u64, i32, Array

PAGE_SIZE: Final = 4096
PAGE_SHIFT: Final = 12
MAX_PAGES: Final = u32(64)
KERNEL_BASE: Final = u64(0xFFFFFFFF80000000)
NEG: Final = i32(-17)
FLAG_PRESENT: Final = u64(1)
FLAG_WRITE: Final = u64(2)
FLAG_USER: Final = u64(4)
NAME: Final = "pythos"
GREETING: Final[str] = "hello"
MAGIC: Final = b"\x7fELF"
SLOTS: Final = 8
TABLE = Array[u16, SLOTS]()


def page_of(addr: u64) -> u64:
    return addr >> u64(PAGE_SHIFT)


def align_up(x: u64) -> u64:
    return (x + u64(PAGE_SIZE - 1)) & ~u64(PAGE_SIZE - 1)


def main() -> None:
    print(NAME, GREETING, len(NAME), len(MAGIC), MAGIC[0], MAGIC[1], MAGIC[3])
    print("page", PAGE_SIZE, PAGE_SHIFT, MAX_PAGES, NEG)
    print(f"kernel base {u64(KERNEL_BASE):#x} page {page_of(u64(KERNEL_BASE)):#x}")
    for a in range(0, 20000, 3001):
        print(a, align_up(u64(a)), page_of(u64(a)))
    flags = u64(FLAG_PRESENT) | u64(FLAG_WRITE)
    print("flags", flags, bool(flags & u64(FLAG_USER)), bool(flags & u64(FLAG_WRITE)))
    for i in range(SLOTS):
        TABLE[i] = u16(i * PAGE_SIZE // 16)
    print("table", TABLE[0], TABLE[1], TABLE[SLOTS - 1], len(TABLE))
    total = u32(0)
    for i in range(int(MAX_PAGES)):
        total += u32(MAX_PAGES) - u32(i)
    print("total", total)
    print("neg", i32(NEG) * 3, i32(NEG) // 5, i32(NEG) % 5)
    b = u8(PAGE_SHIFT)
    print("shift", b, u8(b * 30))


if __name__ == "__main__":
    main()
