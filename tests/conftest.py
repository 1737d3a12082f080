"""Suite-wide settings: how the tests share the machine.

``make test`` runs the suite in parallel with pytest-xdist (``-n``), with
``--dist loadgroup``.  The tests that boot QEMU (tests/boot, tests/qemu,
tests/debug and tests/ktest) are one group, so they run one after another
on one worker: they are timing-sensitive (a guest that gets too little
CPU sees its timer interrupts coalesce and its serial port stall), they
share fixed resources (gdb's port, build/ in the source tree), and they
share one kernel image built per worker.  The other workers take the host
tests, which are independent compiles and runs in their own temporary
directories.

A QEMU test marked ``own_kernel`` is left out of the group: it builds a
test kernel of its own into its temporary directory (``pythos test
--build-dir``), boots it in its own QEMU, and checks only what the
kernel's tests report, none of which is a timing.  Such tests (one per
heap design, for the allocator, the collector, the containers) are most
of the group's build time, and alone in one group they made that worker
the suite's critical path; in the pool they run beside the host tests.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
QEMU_DIRS = ("boot", "qemu", "debug", "ktest")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "own_kernel: builds and boots a kernel of its own, timing-free: "
        "may run beside other QEMU tests")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.get_closest_marker("own_kernel") is not None:
            continue
        try:
            part = item.path.resolve().relative_to(TESTS).parts[0]
        except ValueError:
            continue
        if part in QEMU_DIRS:
            item.add_marker(pytest.mark.xdist_group("qemu"))


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
