"""Lists, dicts, str and module-level objects in the kernel, on every
kernel heap design (kernel/tests/test_containers.py): the kernel's own
uses (the command line as a dict, the memory map as a list of regions)
included, and the heap back at its baseline afterwards."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.own_kernel
@pytest.mark.parametrize("heap", ["bump", "list", "fixed", "buddy"])
def test_containers_on_every_heap_design(heap: str, tmp_path: Path) -> None:
    if shutil.which("qemu-system-x86_64") is None:
        pytest.skip("qemu-system-x86_64 is not installed")
    result = subprocess.run(
        [sys.executable, "-m", "pythos", "test", "test_containers", f"--heap={heap}",
         "--build-dir", str(tmp_path)],
        cwd=REPO, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"^2 passed, 0 failed$", result.stdout, re.M), result.stdout
