"""The object allocator in ring 3, on a heap that ``brk`` grows and shrinks.

tests/user/programs/alloc_brk.py runs a random workload through
``pythos.rt.alloc`` compiled for the user target, whose platform takes
pages from the process's heap (pythos/rt/user.py) and gives them back.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from pythos.kernel_tools.initrd import make_initrd

from .test_boot import boot
from .test_userspace import booted

PROGRAMS = Path(__file__).resolve().parents[1] / "user" / "programs"


def test_objects_live_on_the_brk_heap_and_all_of_it_goes_back(kernel_image, tmp_path):
    sources = tmp_path / "programs"
    sources.mkdir()
    shutil.copy(PROGRAMS / "alloc_brk.py", sources)
    initrd = make_initrd(tmp_path / "initrd.tar", sources=sources)
    with boot(kernel_image, initrd=initrd, cmdline="run=alloc_brk loglevel=debug",
              timeout=120) as vm:
        serial = booted(vm)
    assert "panic" not in serial.lower(), serial
    match = re.search(r"^alloc_brk: 20000 operations, checksum (\d+), the heap grew by "
                      r"(\d+) KiB and came back to its start$", serial, re.M)
    assert match, serial
    assert int(match[2]) >= 64, serial  # runs and large blocks did come from brk
    assert "pid 1 (alloc_brk): exited with status 0" in serial
    assert re.search(r"^pid 1: every frame and heap byte given back", serial, re.M), serial
