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
"""

from __future__ import annotations

from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
QEMU_DIRS = ("boot", "qemu", "debug", "ktest")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        try:
            part = item.path.resolve().relative_to(TESTS).parts[0]
        except ValueError:
            continue
        if part in QEMU_DIRS:
            item.add_marker(pytest.mark.xdist_group("qemu"))
