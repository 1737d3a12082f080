"""Fixtures for the boot tests (the test kernels are in bootkernels.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

# The tests import pythos from this checkout even when it is not installed,
# and bootkernels from this directory whatever pytest's import mode.
HERE = Path(__file__).resolve().parent
for path in (HERE.parents[1], HERE):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

from bootkernels import build_test_kernel


@pytest.fixture(scope="session")
def boot_kernel(tmp_path_factory: pytest.TempPathFactory):
    """A function mode -> path of that test kernel, built once per session."""
    built: dict[str, Path] = {}
    root = tmp_path_factory.mktemp("boot-kernels")

    def get(mode: str) -> Path:
        if mode not in built:
            built[mode] = build_test_kernel(mode, root / mode)
        return built[mode]

    return get
