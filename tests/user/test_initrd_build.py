"""The build's ramdisk: user programs compiled or assembled, linked, packed as USTAR.

The archive ``pythos build`` writes must pass the kernel's own reader and
ELF checks (run here under CPython).  The hello programs use only system
calls whose numbers Pythos shares with Linux, so they must run as Linux
programs too, the one in assembly and the one compiled from Python.
"""

from __future__ import annotations

import re
import subprocess
import tarfile

import pytest

from kernel.fs import ustar
from kernel.proc import elf
from pythos.diagnostics import CompileError
from pythos.kernel_tools.build import BuildError, have_tool
from pythos.kernel_tools.initrd import USER_DIR, data_files, make_initrd, program_sources
from tests.kernel.helpers import exact_span

pytestmark = pytest.mark.skipif(not (have_tool("as") and have_tool("ld")),
                                reason="GNU as and ld build the user programs")


def test_archive_passes_the_kernels_checks(tmp_path):
    archive = make_initrd(tmp_path / "initrd.tar").read_bytes()
    span = exact_span(archive)
    summary = ustar.Summary()
    assert ustar.summarize(span, summary) == ustar.END
    names = sorted(p.stem for p in program_sources())
    assert {"hello", "hello_asm", "primes", "spin"} <= set(names)
    data = [p.name for p in data_files()]
    assert "motd.txt" in data
    assert int(summary.files) == len(names) + len(data)
    for name in data:
        entry = ustar.Entry()
        assert ustar.find(span, exact_span(name.encode()), entry) == ustar.OK
        assert bytes(entry.data.data[i] for i in range(entry.data.length)) == \
            (USER_DIR / name).read_bytes()
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
    outputs = {}
    with tarfile.open(tmp_path / "initrd.tar") as tar:
        for name in ("hello", "hello_asm"):
            tar.extract(name, tmp_path, filter="data")
            program = tmp_path / name
            program.chmod(0o755)
            result = subprocess.run([str(program)], capture_output=True, text=True, timeout=10)
            assert result.returncode == 0
            outputs[name] = result.stdout
    assert outputs["hello_asm"] == "hello from user space\n"
    assert re.fullmatch(r"hello from user space, pid \d+\n", outputs["hello"])


def test_python_and_assembly_programs_may_not_share_a_name(tmp_path):
    (tmp_path / "twin.s").write_text((USER_DIR / "hello_asm.s").read_text())
    (tmp_path / "twin.py").write_text("def main() -> None:\n    pass\n")
    with pytest.raises(BuildError, match="two user programs would be called twin: "
                                         "twin.py and twin.s"):
        make_initrd(tmp_path / "initrd.tar", sources=tmp_path)


def test_a_compile_error_stops_the_build(tmp_path):
    (tmp_path / "bad.py").write_text("def main() -> None:\n    x: u8 = 1\n")
    with pytest.raises(CompileError) as error:
        make_initrd(tmp_path / "initrd.tar", sources=tmp_path)
    assert "bad.py:2:" in error.value.render()
    assert not (tmp_path / "initrd.tar").exists()


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


def test_shared_assembly_helpers_run_on_linux(tmp_path):
    """syscalls.inc's ARGUMENT_OR, newline and exit_failure, and the call
    numbers the build defines, in a program run on Linux (whose exit and
    write numbers Pythos shares).  Linux starts a program with RDI and RSI
    zero: no argument line, so ARGUMENT_OR gives its default."""
    from pythos.kernel_tools.initrd import build_programs
    sources = tmp_path / "src"
    sources.mkdir()
    (sources / "syscalls.inc").write_text((USER_DIR / "syscalls.inc").read_text())
    (sources / "defaults.s").write_text("""
        .include "syscalls.inc"
        .globl _start
        .text
_start:
        ARGUMENT_OR 42
        mov     %rax, %r12
        SAY     newline
        cmp     $42, %r12
        jne     exit_failure
        mov     %r12, %rdi
        jmp     exit
        .section .note.GNU-stack, "", @progbits
""")
    (sources / "failing.s").write_text("""
        .include "syscalls.inc"
        .globl _start
        .text
_start:
        jmp     exit_failure
        .section .note.GNU-stack, "", @progbits
""")
    out = tmp_path / "out"
    out.mkdir()
    build_programs(out, sources)
    run = subprocess.run([str(out / "defaults")], capture_output=True, timeout=10)
    assert (run.returncode, run.stdout) == (42, b"\n")
    assert subprocess.run([str(out / "failing")], timeout=10).returncode == 1
