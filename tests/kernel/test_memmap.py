"""Host tests of kernel/memmap.py: the boot log's memory map, made from
Region objects."""

from __future__ import annotations

from kernel import memmap, multiboot
from kernel.multiboot import MemoryRegion
from pythos.lang import Array, u32, u64

QEMU_MAP = [(0x0, 0x9FC00, 1), (0x9FC00, 0x400, 2), (0xF0000, 0x10000, 2),
            (0x100000, 0x7EE0000, 1), (0xFD00000000, 0x300000000, 2)]


def table() -> tuple[Array[MemoryRegion, 32], u32]:
    regions = Array[MemoryRegion, 32]()
    for i, (base, length, kind) in enumerate(QEMU_MAP):
        regions[i].base = u64(base)
        regions[i].length = u64(length)
        regions[i].kind = u32(kind)
    return regions, u32(len(QEMU_MAP))


def test_regions_copies_each_entry() -> None:
    regions, count = table()
    made = memmap.regions(regions, count)
    assert [(r.base, r.length, r.kind) for r in made] == QEMU_MAP


def test_usable_bytes_agrees_with_the_array_version() -> None:
    regions, count = table()
    made = memmap.regions(regions, count)
    assert memmap.usable_bytes(made) == multiboot.usable_bytes(regions, count) \
        == 0x9FC00 + 0x7EE0000


def test_report_prints_the_boot_log_lines(capsys) -> None:
    regions, count = table()
    memmap.report(memmap.regions(regions, count))
    assert capsys.readouterr().out.splitlines() == [
        "memory map (5 regions):",
        "  0x0000000000000000-0x000000000009fbff    639 KiB available",
        "  0x000000000009fc00-0x000000000009ffff      1 KiB reserved",
        "  0x00000000000f0000-0x00000000000fffff     64 KiB reserved",
        "  0x0000000000100000-0x0000000007fdffff 129920 KiB available",
        "  0x000000fd00000000-0x000000ffffffffff     12 GiB reserved",
        "usable memory: 130559 KiB (127 MiB)",
    ]
