"""The memory-management modules compile for the kernel and behave the same compiled.

Each program in tests/kernel/programs/mm_*.py drives kernel.mm modules
through a fixed pseudo-random workload and prints offsets, statistics and
checksums; it must print the same bytes under CPython and compiled for
Linux.  The heap programs share one workload written against the
kernel's ``KernelHeap``, and the frame programs one written against its
``FrameAllocator``, so each is compiled with ``kernel.mm.heap_allocator``
or ``kernel.mm.frame_allocator`` pointed at its design, as
``pythos build --heap=NAME`` and ``--frames=NAME`` do.  A tiny
freestanding entry imports every module, as the kernel will, and must
compile to an object.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from pythos.kernel_tools.build import link_linux
from pythos.driver import compile_file
from pythos.kernel_tools.kernel_cli import heap_aliases
from pythos.target import get_target
from tests.compiler.conftest import ROOT, run_compiled, run_cpython

PROGRAMS = sorted((ROOT / "tests" / "kernel" / "programs").glob("mm_*.py"))
# The memory manager's own modules.  The bench modules (objcost.py, run by
# objbench.py and heapbench.py) measure compiled Python
# objects on the kernel heap (make bench), so they need the object runtime
# that kmain starts after heap.init(); the in-kernel bench runs it.
MODULES = sorted(p.stem for p in (ROOT / "kernel" / "mm").glob("*.py")
                 if p.stem not in ("__init__", "objcost", "objbench", "heapbench"))


def run_compiled_with(path: Path, aliases: dict[str, Path],
                      tmp: Path) -> subprocess.CompletedProcess[bytes]:
    """Compile a program with these module aliases, link it and run it."""
    result = compile_file(path, get_target("linux"), 2, aliases=aliases)
    obj = tmp / f"{path.stem}.o"
    obj.write_bytes(result.obj)
    exe = link_linux([obj], tmp / path.stem)
    return subprocess.run([str(exe)], cwd=path.parent, capture_output=True, timeout=60)


@pytest.mark.parametrize("path", PROGRAMS, ids=[p.stem for p in PROGRAMS])
def test_program_matches_cpython(path: Path, tmp_path: Path) -> None:
    expected = run_cpython(path)
    assert expected.returncode == 0, expected.stderr.decode()
    if path.stem.startswith("mm_heap_"):
        actual = run_compiled_with(path, heap_aliases(path.stem.removeprefix("mm_heap_")),
                                   tmp_path)
    elif path.stem.startswith("mm_frames_"):
        actual = run_compiled_with(path, heap_aliases(None, path.stem.removeprefix("mm_frames_")),
                                   tmp_path)
    else:
        actual = run_compiled(path, tmp_path)
    assert actual.returncode == 0, actual.stderr.decode()
    assert actual.stdout == expected.stdout
    assert expected.stdout.count(b"\n") >= 3


def test_every_allocator_has_a_program() -> None:
    names = {p.stem for p in PROGRAMS}
    assert {"mm_frames_bitmap", "mm_frames_list", "mm_heap_bump", "mm_heap_list", "mm_heap_fixed",
            "mm_heap_buddy", "mm_paging"} <= names


def test_modules_compile_for_the_kernel(tmp_path: Path) -> None:
    imports = "\n".join(f"from kernel.mm import {name}" for name in MODULES)
    entry = tmp_path / "mm_kernel.py"
    entry.write_text(f'''
from pythos.lang import export, u32, u64
{imports}
from kernel.arch.x86_64 import layout
from kernel.mm.heap_list import ListHeap
from kernel.mm.heap_buddy import BuddyHeap
from kernel.mm.heap_fixed import FixedHeap
from kernel.mm.heap_bump import BumpHeap
from kernel.mm.frames_bitmap import BitmapFrameAllocator
from kernel.mm.frames_list import ListFrameAllocator

LIST = ListHeap()
BUDDY = BuddyHeap()
FIXED = FixedHeap()
BUMP = BumpHeap()
BITMAP_FRAMES = BitmapFrameAllocator()
LIST_FRAMES = ListFrameAllocator()


@export("kmain")
def kmain(magic: u32, info: u64) -> None:
    start = info
    LIST.init(start, u64(4096))
    BUDDY.init(start, u64(4096))
    FIXED.init(start, u64(4096))
    BUMP.init(start, u64(4096))
    a = LIST.alloc(u64(16), u64(8)) + BUDDY.alloc(u64(16), u64(8))
    a += FIXED.alloc(u64(16), u64(8)) + BUMP.alloc(u64(16), u64(8))
    if a == 0:
        LIST.grow(u64(4096))
    frame = BITMAP_FRAMES.allocate()
    LIST_FRAMES.free(frame)
    tables = paging.PageTables(layout.boot_window(), frame)
    tables.map(addr.VirtAddr(start), frame, paging.WRITABLE, BITMAP_FRAMES)
''')
    result = compile_file(entry, get_target("freestanding"), 2)
    assert result.obj[:4] == b"\x7fELF"
