"""The build's ramdisk: user programs assembled, linked and packed as USTAR.

The archive ``pythos build`` writes must pass the kernel's own reader and
ELF checks (run here under CPython), and hello, which uses Linux's system
call numbers on purpose, must run as a Linux program too.
"""

from __future__ import annotations

import subprocess
import tarfile

import pytest

from kernel.fs import ustar
from kernel.proc import elf
from pythos.kernel_tools.build import have_tool
from pythos.kernel_tools.initrd import USER_DIR, make_initrd
from tests.kernel.helpers import exact_span

pytestmark = pytest.mark.skipif(not (have_tool("as") and have_tool("ld")),
                                reason="GNU as and ld build the user programs")


def test_archive_passes_the_kernels_checks(tmp_path):
    archive = make_initrd(tmp_path / "initrd.tar").read_bytes()
    span = exact_span(archive)
    summary = ustar.Summary()
    assert ustar.summarize(span, summary) == ustar.END
    names = sorted(p.stem for p in USER_DIR.glob("*.s"))
    assert int(summary.files) == len(names) >= 1
    for name in names:
        entry = ustar.Entry()
        assert ustar.find(span, exact_span(name.encode()), entry) == ustar.OK
        image = elf.Image()
        status = elf.parse(entry.data, image)
        assert status == elf.OK, elf.error_name(status)


def test_archive_is_deterministic(tmp_path):
    first = make_initrd(tmp_path / "a.tar").read_bytes()
    second = make_initrd(tmp_path / "b.tar").read_bytes()
    assert first == second
    with tarfile.open(tmp_path / "a.tar") as tar:
        for info in tar.getmembers():
            assert (info.mtime, info.uid, info.mode) == (0, 0, 0o755)


def test_hello_runs_on_linux(tmp_path):
    make_initrd(tmp_path / "initrd.tar")
    with tarfile.open(tmp_path / "initrd.tar") as tar:
        tar.extract("hello", tmp_path, filter="data")
    hello = tmp_path / "hello"
    hello.chmod(0o755)
    result = subprocess.run([str(hello)], capture_output=True, timeout=10)
    assert result.returncode == 0
    assert result.stdout == b"hello from user space\n"


def test_grub_cfg_loads_the_ramdisk_as_a_module():
    from pythos.kernel_tools.build import grub_cfg
    cfg = grub_cfg("kernel.elf", "a=1", module="initrd.tar")
    assert "multiboot /boot/kernel.elf a=1\n    module /boot/initrd.tar initrd.tar\n" in cfg
    assert "module" not in grub_cfg("kernel.elf", "a=1")


def test_qemu_gets_the_ramdisk_with_initrd():
    from pathlib import Path

    from pythos.kernel_tools.qemu import QemuConfig, QemuError, build_command
    command = build_command(QemuConfig(kernel=Path("k"), initrd=Path("b/initrd.tar")),
                            terminal=False)
    assert command[command.index("-initrd") + 1] == "b/initrd.tar"
    with pytest.raises(QemuError, match="comma"):
        build_command(QemuConfig(kernel=Path("k"), initrd=Path("a,b.tar")), terminal=False)
    with pytest.raises(QemuError, match="initrd"):
        build_command(QemuConfig(iso=Path("x.iso"), initrd=Path("i.tar")), terminal=False)
