"""The QEMU tests run on one worker (tests/conftest.py).

A tree with the suite's conftest, four tests in a QEMU directory and four
elsewhere, run with `-n 2 --dist loadgroup` as `make test` runs the
suite: every QEMU test must run on the same worker, and the others must
not wait for them.  (pytest-xdist's own groups stopped working with
pytest 9.2 without an error: this is the test that would have said so.)
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import QEMU_GROUP, work_unit

pytest.importorskip("xdist")

HERE = Path(__file__).resolve().parent
TEST = "import time\n\n" + "".join(
    f"def test_{n}() -> None:\n    time.sleep(0.3)\n\n" for n in range(4))


def test_work_units() -> None:
    assert work_unit("tests/ktest/test_in_kernel.py::test_x[a/b]") == QEMU_GROUP
    assert work_unit("tests/boot/test_boot.py::test_boots") == QEMU_GROUP
    for own in ("tests/own_kernel/test_heap_designs.py::test_design[bump]",
                "tests/objects/test_corpus.py::test_x[qemu-O2]",
                "tests/test_scheduling.py::test_work_units"):
        assert work_unit(own) == own


def test_qemu_tests_share_one_worker(tmp_path: Path) -> None:
    tests = tmp_path / "tests"
    for sub in ("ktest", "compiler"):
        (tests / sub).mkdir(parents=True)
        (tests / sub / "__init__.py").write_text("")
        (tests / sub / f"test_{sub}.py").write_text(TEST)
    (tests / "__init__.py").write_text("")
    shutil.copy(HERE / "conftest.py", tests / "conftest.py")
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-n", "2", "--dist", "loadgroup", "-v",
         "-p", "no:cacheprovider", "tests"],
        cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    ran = re.findall(r"\[(gw\d)\] .*PASSED (tests/\w+)/", done.stdout)
    assert len(ran) == 8, done.stdout
    qemu_workers = {worker for worker, where in ran if where == "tests/ktest"}
    other_workers = {worker for worker, where in ran if where == "tests/compiler"}
    assert len(qemu_workers) == 1, done.stdout
    assert other_workers - qemu_workers, done.stdout
