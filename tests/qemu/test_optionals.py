"""kernel/tests/test_optionals.py in QEMU: boxed `int | None` values,
nested containers, frozen dataclass keys and the text of dataclass
instances on the kernel heap, all freed, with two heap designs."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.own_kernel
@pytest.mark.parametrize("heap", ["bump", "buddy"])
def test_optionals_on_the_kernel_heap(heap: str, tmp_path: Path) -> None:
    if shutil.which("qemu-system-x86_64") is None:
        pytest.skip("qemu-system-x86_64 is not installed")
    result = subprocess.run(
        [sys.executable, "-m", "pythos", "test", "test_optionals", f"--heap={heap}",
         "--build-dir", str(tmp_path)],
        cwd=REPO, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"^1 passed, 0 failed$", result.stdout, re.M), result.stdout
