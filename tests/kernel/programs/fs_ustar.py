"""The USTAR reader on an archive written here, then on many damaged copies.

Builds a three-file archive in memory the way tar does (headers with octal
fields and a checksum), reads it back, then damages copies of it with a
fixed pseudo-random sequence (changed bytes, truncation) and prints what
the reader says about each.  Run under CPython and compiled, the output
must be the same (tests/kernel/test_fs_compiled.py).
"""

from typing import Final

from lib_mm_workload import Rng

from kernel.bytespan import ByteSpan
from kernel.fs import ustar
from pythos.lang import Array, Ptr, addr_of, str_bytes, u8, u64

SIZE: Final = 4096
PRISTINE = Array[u8, 4096]()
WORK = Array[u8, 4096]()
NAME = Array[u8, 16]()


def put_text(base: Ptr[u8], offset: u64, text: str) -> None:
    data = str_bytes(text)
    for i in range(u64(len(data))):
        base[offset + i] = data[i]


def put_octal(base: Ptr[u8], offset: u64, width: u64, value: u64) -> None:
    """``width - 1`` octal digits, then a NUL."""
    base[offset + width - 1] = u8(0)
    for i in range(width - 1):
        base[offset + width - 2 - i] = u8(0x30) + u8((value >> (3 * i)) & 7)


def put_header(offset: u64, name: str, size: u64) -> u64:
    """Write a file's header and data at ``offset``; return the next offset."""
    base = addr_of(PRISTINE) + offset
    put_text(base, u64(0), name)
    put_octal(base, u64(100), u64(8), u64(0o755))
    put_octal(base, u64(108), u64(8), u64(0))
    put_octal(base, u64(116), u64(8), u64(0))
    put_octal(base, u64(124), u64(12), size)
    put_octal(base, u64(136), u64(12), u64(0))
    base[156] = u8(0x30)
    put_text(base, u64(257), "ustar")
    put_text(base, u64(263), "00")
    total = u64(0)
    for i in range(u64(512)):
        total += u64(0x20) if 148 <= i < 156 else u64(base[i])
    put_octal(base, u64(148), u64(7), total)
    base[155] = u8(0x20)
    for i in range(size):
        base[512 + i] = u8(i * u64(7) + size)
    return offset + 512 + (size + 511) // 512 * 512


def summarize(length: u64) -> None:
    span = ByteSpan(addr_of(WORK), length)
    summary = ustar.Summary()
    status = ustar.summarize(span, summary)
    print(status, summary.files, summary.data_bytes, ustar.error_name(status))


def main() -> None:
    offset = put_header(u64(0), "hello", u64(22))
    offset = put_header(offset, "cat", u64(700))
    offset = put_header(offset, "x", u64(0))
    end = offset + 1024
    for i in range(u64(SIZE)):
        WORK[i] = PRISTINE[i]
    summarize(end)
    put_text(addr_of(NAME), u64(0), "cat")
    entry = ustar.Entry()
    print(ustar.find(ByteSpan(addr_of(WORK), end), ByteSpan(addr_of(NAME), u64(3)), entry),
          entry.data.length, entry.data.data.addr - addr_of(WORK).addr)
    rng = Rng(u64(0x9E3779B97F4A7C15))
    for _ in range(400):
        for i in range(u64(SIZE)):
            WORK[i] = PRISTINE[i]
        changes = rng.next() % 4
        for _change in range(changes):
            WORK[rng.next() % end] = u8(rng.next() & 0xFF)
        length = end if rng.next() % 3 != 0 else rng.next() % (end + 1)
        summarize(length)


if __name__ == "__main__":
    main()
