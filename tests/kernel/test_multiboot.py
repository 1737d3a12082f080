"""Host tests of Multiboot parsing over an Array standing in for physical memory."""

from __future__ import annotations

import struct as pystruct

from kernel import multiboot
from kernel.arch.x86_64.layout import PhysAddr, PhysWindow
from kernel.multiboot import BootInfo, MemoryRegion
from pythos.lang import Array, u32, u64

from .helpers import FakeMemory, span_bytes

INFO = 0x100
CMDLINE = 0x400
LOADER = 0x500
MMAP = 0x600

QEMU_128M_MAP = [
    (0x0, 0x9FC00, 1),
    (0x9FC00, 0x400, 2),
    (0xF0000, 0x10000, 2),
    (0x100000, 0x7EE0000, 1),
    (0x7FE0000, 0x20000, 2),
    (0xFFFC0000, 0x40000, 2),
]


def make_info(memory: FakeMemory, flags: int, *, mem_lower=639, mem_upper=129920,
              cmdline=b"kernel.elf panic=test", loader=b"GRUB 2.06",
              regions=QEMU_128M_MAP, entry_size=20) -> None:
    memory.poke(INFO + 0, flags, 4)
    memory.poke(INFO + 4, mem_lower, 4)
    memory.poke(INFO + 8, mem_upper, 4)
    memory.poke(INFO + 16, CMDLINE, 4)
    memory.write(CMDLINE, cmdline + b"\0")
    memory.poke(INFO + 64, LOADER, 4)
    memory.write(LOADER, loader + b"\0")
    offset = MMAP
    for base, length, kind in regions:
        entry = pystruct.pack("<IQQI", entry_size, base, length, kind)
        memory.write(offset, entry + bytes(entry_size - 20))
        offset += entry_size + 4
    memory.poke(INFO + 44, offset - MMAP, 4)
    memory.poke(INFO + 48, MMAP, 4)


ALL_FLAGS = (multiboot.FLAG_MEMORY | multiboot.FLAG_CMDLINE | multiboot.FLAG_MEMORY_MAP
             | multiboot.FLAG_LOADER_NAME)


def window_over(memory: FakeMemory) -> PhysWindow:
    return PhysWindow(u64(memory.base), u64(memory.size))


def parse(memory: FakeMemory) -> tuple[BootInfo, Array, int]:
    window = window_over(memory)
    boot = BootInfo()
    assert multiboot.read_info(window, PhysAddr(u64(INFO)), boot)
    regions = Array[MemoryRegion, 32]()
    count = int(multiboot.read_memory_map(window, boot, regions))
    return boot, regions, count


def test_reads_all_fields():
    memory = FakeMemory()
    make_info(memory, int(ALL_FLAGS))
    boot, regions, count = parse(memory)
    assert int(boot.mem_lower_kib) == 639
    assert int(boot.mem_upper_kib) == 129920
    assert span_bytes(boot.cmdline) == b"kernel.elf panic=test"
    assert span_bytes(boot.loader_name) == b"GRUB 2.06"
    assert count == len(QEMU_128M_MAP)
    got = [(int(regions[i].base), int(regions[i].length), int(regions[i].kind))
           for i in range(count)]
    assert got == QEMU_128M_MAP


def test_usable_bytes_adds_available_regions():
    memory = FakeMemory()
    make_info(memory, int(ALL_FLAGS))
    _, regions, count = parse(memory)
    assert int(multiboot.usable_bytes(regions, u32(count))) == 0x9FC00 + 0x7EE0000


def test_fields_without_their_flag_are_ignored():
    memory = FakeMemory()
    make_info(memory, int(multiboot.FLAG_MEMORY))
    boot, _, count = parse(memory)
    assert int(boot.mem_upper_kib) == 129920
    assert int(boot.cmdline.length) == 0
    assert int(boot.loader_name.length) == 0
    assert count == 0
    assert not boot.has(multiboot.FLAG_CMDLINE)


def test_larger_entries_are_skipped_by_their_size():
    memory = FakeMemory()
    make_info(memory, int(ALL_FLAGS), entry_size=24)
    _, regions, count = parse(memory)
    assert count == len(QEMU_128M_MAP)
    assert int(regions[3].base) == 0x100000


def test_malformed_entry_ends_the_map():
    memory = FakeMemory()
    make_info(memory, int(ALL_FLAGS))
    memory.poke(MMAP + 2 * 24, 8, 4)  # the third entry claims 8 bytes
    _, _, count = parse(memory)
    assert count == 2


def test_region_array_limit():
    memory = FakeMemory()
    many = [(i * 0x1000, 0x1000, 1) for i in range(40)]
    make_info(memory, int(ALL_FLAGS), regions=many)
    _, regions, count = parse(memory)
    assert count == multiboot.MAX_REGIONS
    assert int(regions[31].base) == 31 * 0x1000


def test_info_outside_window_is_refused():
    memory = FakeMemory()
    boot = BootInfo()
    window = window_over(memory)
    assert not multiboot.read_info(window, PhysAddr(u64(memory.size - 8)), boot)
    assert not multiboot.read_info(window, PhysAddr(u64(0xFFFFFFFFFFFFFFF0)), boot)
    assert int(boot.flags) == 0


def test_memory_map_outside_window_gives_no_regions():
    memory = FakeMemory()
    make_info(memory, int(ALL_FLAGS))
    memory.poke(INFO + 48, 0x7FFF0000, 4)
    _, _, count = parse(memory)
    assert count == 0


def test_unterminated_string_stops_at_window_end():
    memory = FakeMemory()
    make_info(memory, int(ALL_FLAGS))
    memory.poke(INFO + 16, memory.size - 4, 4)
    memory.write(memory.size - 4, b"abcd")
    boot, _, _ = parse(memory)
    assert span_bytes(boot.cmdline) == b"abcd"


def test_string_outside_window_is_empty():
    memory = FakeMemory()
    make_info(memory, int(ALL_FLAGS))
    memory.poke(INFO + 16, 0x12345678, 4)
    boot, _, _ = parse(memory)
    assert int(boot.cmdline.length) == 0


def test_kind_names():
    assert multiboot.kind_name(u32(1)) == "available"
    assert multiboot.kind_name(u32(3)) == "ACPI tables"
    assert multiboot.kind_name(u32(99)) == "unknown"


def test_overlong_command_line_is_cut_at_a_word_and_kept_in_full():
    memory = FakeMemory(16384)
    words = [f"w{i:04}=x".encode() for i in range(700)]  # 7 bytes each
    line = b" ".join(words)                               # 5,599 bytes
    make_info(memory, int(ALL_FLAGS))
    memory.poke(INFO + 16, 0x2000, 4)
    memory.write(0x2000, line + b"\0")
    boot, _, _ = parse(memory)
    kept = span_bytes(boot.cmdline)
    assert len(kept) <= 4096 and kept.split() == line.split()[:len(kept.split())]
    assert kept == b" ".join(words[:len(kept.split())])
    assert span_bytes(boot.cmdline_full) == line
    assert multiboot.cmdline_was_cut(boot)


def test_short_command_line_is_not_cut():
    memory = FakeMemory()
    make_info(memory, int(ALL_FLAGS))
    boot, _, _ = parse(memory)
    assert span_bytes(boot.cmdline) == span_bytes(boot.cmdline_full) == b"kernel.elf panic=test"
    assert not multiboot.cmdline_was_cut(boot)


MODS = 0x700


def add_modules(memory: FakeMemory, entries: list[tuple[int, int]]) -> None:
    for i, (start, end) in enumerate(entries):
        memory.write(MODS + 16 * i, pystruct.pack("<IIII", start, end, 0, 0))
    memory.poke(INFO + 20, len(entries), 4)
    memory.poke(INFO + 24, MODS, 4)


def test_reads_the_first_module_as_the_initrd():
    memory = FakeMemory()
    make_info(memory, int(ALL_FLAGS | multiboot.FLAG_MODULES))
    add_modules(memory, [(0x15B000, 0x160000), (0x200000, 0x201000)])
    boot, _, _ = parse(memory)
    assert int(boot.module_count) == 2
    assert (int(boot.initrd_start), int(boot.initrd_end)) == (0x15B000, 0x160000)


def test_module_flag_clear_or_bad_entry_gives_no_initrd():
    memory = FakeMemory()
    make_info(memory, int(ALL_FLAGS))  # modules present but the flag not set
    add_modules(memory, [(0x15B000, 0x160000)])
    boot, _, _ = parse(memory)
    assert (int(boot.module_count), int(boot.initrd_end)) == (0, 0)
    memory = FakeMemory()
    make_info(memory, int(ALL_FLAGS | multiboot.FLAG_MODULES))
    add_modules(memory, [(0x160000, 0x15B000)])  # reversed
    boot, _, _ = parse(memory)
    assert int(boot.module_count) == 1
    assert int(boot.initrd_end) - int(boot.initrd_start) == 0
    memory = FakeMemory()
    make_info(memory, int(ALL_FLAGS | multiboot.FLAG_MODULES))
    memory.poke(INFO + 20, 1, 4)
    memory.poke(INFO + 24, 0xFFFFFFF0, 4)  # the entry lies outside the window
    boot, _, _ = parse(memory)
    assert int(boot.initrd_end) == 0
