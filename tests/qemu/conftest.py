"""Fixtures for booting the real Pythos kernel in QEMU.

The kernel is compiled and linked once per test session into a temporary
directory (``pythos build`` does the same into build/), and the ISO is
made from that image on first use.  Tests skip when QEMU or GRUB is
missing rather than fail, so host-only machines still run the rest.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from pythos.kernel_tools.build import have_tool, kernel64_path, make_iso
from pythos.kernel_tools.initrd import initrd_path
from pythos.kernel_tools.kernel_cli import inputs_path
from pythos.kernel_tools.qemu import QEMU

REPO = Path(__file__).resolve().parents[2]

# The ISO's grub.cfg carries this command line (-append only works with
# -kernel), so the ISO boot can check it reaches the kernel too.
ISO_CMDLINE = "from=iso"


@pytest.fixture(scope="session")
def kernel_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pythos-kernel")


@pytest.fixture(scope="session")
def kernel_image(built_kernel: Callable[..., Path]) -> Path:
    """build/kernel.elf's equivalent, built once per session by ``pythos build``
    (tests/conftest.py, shared with the backtrace and debugger tests)."""
    if shutil.which(QEMU) is None:
        pytest.skip(f"{QEMU} is not installed")
    return built_kernel()


@pytest.fixture
def built_tree(kernel_image: Path, tmp_path: Path) -> Path:
    """A directory where `make`/`pythos build` has been run: `build/` holds
    the session's kernel with its stamp, so `pythos run` there finds it up
    to date (pythos/kernel_tools/kernel_cli.py) and boots it at once."""
    build = tmp_path / "build"
    build.mkdir()
    for f in (kernel_image, kernel64_path(kernel_image), initrd_path(kernel_image),
              inputs_path(kernel_image)):
        shutil.copy(f, build / f.name)
    return tmp_path


@pytest.fixture(scope="session")
def iso_image(kernel_image: Path, kernel_dir: Path) -> Path:
    """A GRUB ISO of the same kernel, with ``ISO_CMDLINE``."""
    if not have_tool("grub-mkrescue"):
        pytest.skip("grub-mkrescue is not installed")
    return make_iso(kernel_image, kernel_dir / "pythos.iso", cmdline=ISO_CMDLINE)
