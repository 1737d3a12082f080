"""Boot with different amounts of RAM and check what memory setup reports.

The kernel builds its frame allocator from the Multiboot memory map, maps
all of physical memory at a fixed offset and starts the kernel heap
(kernel/mm/memory.py, kernel/mm/heap.py); it prints one line for each.
8 GiB puts most of the RAM above 4 GiB, beyond the 1 GiB boot window.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .test_boot import boot, check_booted

MEMORY_LINE = re.compile(
    r"^memory: (\d+) MiB usable RAM, (\d+) MiB free after boot; frame allocator: (\w+)$", re.M)
REPO = Path(__file__).resolve().parents[2]
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


@pytest.mark.parametrize("option", ["--heap=bump", "--heap=list", "--heap=fixed",
                                    "--heap=buddy", "--frames=list"])
def test_in_kernel_memory_tests_pass_with_every_design(option, tmp_path):
    """`pythos test memory --heap=NAME`: the kernel built with each heap design,
    and with the free-list frame allocator instead of the bitmap."""
    if shutil.which("qemu-system-x86_64") is None:
        pytest.skip("qemu-system-x86_64 is not installed")
    result = subprocess.run(
        [sys.executable, "-m", "pythos", "test", "memory", option,
         "--build-dir", str(tmp_path)],
        cwd=REPO, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"^\d+ passed, 0 failed$", result.stdout, re.M), result.stdout
