"""Suite-wide settings: how the tests share the machine.

``make test`` runs the suite in parallel with pytest-xdist (``-n``), with
``--dist loadgroup``.  The tests that boot QEMU (tests/boot, tests/qemu,
tests/debug and tests/ktest) are one group, so they run one after another
on one worker: they are timing-sensitive (a guest that gets too little
CPU sees its timer interrupts coalesce and its serial port stall), they
share fixed resources (gdb's port, build/ in the source tree), and they
share the kernels `built_kernel` builds once per worker.  The other
workers take the host tests, which are independent compiles and runs in
their own temporary directories.

The tests in tests/own_kernel boot QEMU too, but each builds a test
kernel of its own into its temporary directory (``pythos test
--build-dir``), boots it in its own QEMU, and checks only what the
kernel's tests report, none of which is a timing.  They are most of the
kernel builds, and in the group they would make its worker the suite's
critical path; so they stay in the pool, beside the host tests.

The group is chosen by directory, in the scheduler below, and not by an
``xdist_group`` mark: pytest-xdist's own ``loadgroup`` passes a mark's
group from the worker to the scheduler by appending ``@group`` to the
test's node id, which pytest 9.2 no longer lets it change, so the marks
were silently ignored (pytest-xdist issue #1386) and the QEMU tests ran
on both workers, each building its own kernels.  The directory is known
to the scheduler from the node id alone, with any pytest.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
QEMU_DIRS = ("boot", "qemu", "debug", "ktest")
QEMU_GROUP = "qemu"


def work_unit(nodeid: str) -> str:
    """What the scheduler hands out whole: the QEMU group, or one test."""
    parts = nodeid.split("/")
    if len(parts) > 2 and parts[0] == TESTS.name and parts[1] in QEMU_DIRS:
        return QEMU_GROUP
    return nodeid


try:
    from xdist.scheduler import LoadGroupScheduling
except ImportError:  # pytest without xdist: nothing to schedule
    pass
else:
    class DirectoryGroupScheduling(LoadGroupScheduling):  # type: ignore[misc]
        """`--dist loadgroup` with the groups of `work_unit`."""

        def _split_scope(self, nodeid: str) -> str:
            return work_unit(nodeid)

    @pytest.hookimpl(optionalhook=True)
    def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
        if config.getvalue("dist") != "loadgroup":
            return None
        return DirectoryGroupScheduling(config, log)


@pytest.fixture(scope="session")
def built_kernel(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Path]:
    """`built_kernel(*options)`: the image `pythos build *options` writes,
    built once per test process for each set of options.

    The QEMU, backtrace and debugger tests all need the kernel as `make
    build` makes it (-O2, with debug information) or at -O0, and a build is
    most of a minute of compiling: they share these instead of building
    their own.  A test must not change the files it is given.  The build
    runs in a child process, as a user would run it.
    """
    built: dict[tuple[str, ...], Path] = {}

    def get(*options: str) -> Path:
        key = tuple(o for o in options if o != "-O2")  # -O2 is the default
        if key not in built:
            image = tmp_path_factory.mktemp("kernel") / "kernel.elf"
            env = {**os.environ, "PYTHONHASHSEED": "0"}
            result = subprocess.run(
                [sys.executable, "-m", "pythos", "build", "-o", str(image), *key],
                cwd=REPO, env=env, capture_output=True, text=True, timeout=600)
            if result.returncode != 0:
                pytest.fail(f"pythos build {' '.join(key)} failed:\n{result.stderr}")
            built[key] = image
        return built[key]

    return get
