"""The cycle collector in the kernel, on every kernel heap design.

`pythos test gc --heap=NAME` builds a test kernel with that design and
runs kernel/tests/test_gc.py: cycles collected on the kernel heap and its
16 KiB stack, and the heap back at its baseline afterwards.
"""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.own_kernel
@pytest.mark.parametrize("heap", ["bump", "list", "fixed", "buddy"])
def test_cycles_collected_on_every_heap_design(heap: str, tmp_path: Path) -> None:
    if shutil.which("qemu-system-x86_64") is None:
        pytest.skip("qemu-system-x86_64 is not installed")
    result = subprocess.run(
        [sys.executable, "-m", "pythos", "test", "test_gc.", f"--heap={heap}",
         "--build-dir", str(tmp_path)],
        cwd=REPO, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"^1 passed, 0 failed$", result.stdout, re.M), result.stdout
