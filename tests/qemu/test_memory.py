"""Boot with different amounts of RAM and check what memory setup reports.

The kernel builds its frame allocator from the Multiboot memory map, maps
all of physical memory at a fixed offset and starts the kernel heap
(kernel/mm/memory.py, kernel/mm/heap.py); it prints one line for each.
8 GiB puts most of the RAM above 4 GiB, beyond the 1 GiB boot window.
"""

from __future__ import annotations

import re

import pytest

from .test_boot import boot, check_booted

MEMORY_LINE = re.compile(
    r"^memory: (\d+) MiB usable RAM, (\d+) MiB free after boot; frame allocator: (\w+)$", re.M)
HEAP_LINE = re.compile(r"^heap: (.+) allocator at 0xffff900000000000, (\d+) KiB", re.M)


@pytest.mark.parametrize("memory_mib", [32, 256, 2048, 8192])
def test_reports_usable_ram(kernel_image, memory_mib):
    with boot(kernel_image, memory=f"{memory_mib}M") as vm:
        serial, _ = check_booted(vm)
        assert vm.exit_code is None, "the kernel should idle, not exit"
    match = MEMORY_LINE.search(serial)
    assert match, serial
    usable, free, frames = int(match.group(1)), int(match.group(2)), match.group(3)
    # The firmware keeps a few hundred KiB (BIOS ROM, ACPI tables) for itself.
    assert memory_mib - 2 <= usable <= memory_mib, serial
    # The first MiB, the kernel image, the bitmap and the page tables of
    # the offset mapping are taken; everything else is free.
    assert usable - 4 <= free < usable, serial
    assert frames == "bitmap"
    heap = HEAP_LINE.search(serial)
    assert heap and heap.group(1) == "fixed-size blocks", serial


NO_NX_LINE = "memory: this CPU has no NX bit: data pages stay executable (W^X is weaker)"


@pytest.mark.parametrize("cpu", ["qemu64,-nx", "core2duo,-nx", "qemu64", "max"])
def test_boots_with_and_without_nx(kernel_image, cpu):
    """A CPU without NX treats bit 63 of a page table entry as reserved: the
    kernel must not set it there (it used to, and faulted in kmain's first
    memset of a page-table frame), and must say that data stays executable."""
    with boot(kernel_image, cpu=cpu) as vm:
        serial, screen = check_booted(vm)
        assert vm.exit_code is None, serial
    assert "panic" not in serial, serial
    assert MEMORY_LINE.search(serial), serial
    has_nx = not cpu.endswith("-nx")
    assert (NO_NX_LINE in serial) == (not has_nx), serial
    assert (NO_NX_LINE in screen) == (not has_nx), screen


WINDOW_LINE = re.compile(
    r"^memory: window of (\d+) MiB: (\d+) pages of 1 GiB, (\d+) of 2 MiB, (\d+) table frames$", re.M)


def lazy_ram(size: str) -> tuple[str, ...]:
    """QEMU arguments for guest RAM the host only commits when it is touched
    (``reserve=off``: no swap reservation either), so that a 128 GiB guest
    costs the host little more than the pages the kernel writes."""
    return ("-object", f"memory-backend-ram,id=ram0,size={size},reserve=off",
            "-machine", "memory-backend=ram0")


@pytest.mark.parametrize("cpu, gib_pages", [("qemu64,-pdpe1gb", False),
                                            ("qemu64,+pdpe1gb", True)])
def test_all_of_128_gib_is_mapped_and_free(kernel_image, cpu, gib_pages):
    """RAM above 64 GiB used to be ignored ("131071 MiB usable, 64508 MiB
    free"); now the window maps all of it, with 1 GiB pages where it can."""
    with boot(kernel_image, memory="128G", cpu=cpu, extra_args=lazy_ram("128G"),
              timeout=60.0) as vm:
        serial, _ = check_booted(vm)
        assert vm.exit_code is None, serial
    match = MEMORY_LINE.search(serial)
    assert match, serial
    usable, free = int(match.group(1)), int(match.group(2))
    assert 128 * 1024 - 2 <= usable <= 128 * 1024, serial
    assert usable - 8 <= free < usable, serial
    window = WINDOW_LINE.search(serial)
    assert window, serial
    size, gib, huge, tables = (int(window.group(i)) for i in range(1, 5))
    # QEMU puts 3 GiB below the PCI hole and 125 GiB from 4 GiB up.
    assert size == 129 * 1024, serial
    assert gib * 1024 + huge * 2 == size, serial
    if gib_pages:
        # 1-2 GiB and 4-129 GiB as 1 GiB pages; 2 MiB pages (a PD each)
        # for the kernel's first GiB, 2-3 GiB (not all RAM) and the PCI hole.
        assert (gib, tables) == (126, 1 + 3), serial
    else:
        # One PD per GiB, and the PDPT.
        assert (gib, tables) == (0, 130), serial
    assert "left unused" not in serial
