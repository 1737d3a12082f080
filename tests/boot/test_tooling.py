"""Tests of the build tooling that need no QEMU: targets, stub text, linking."""

from __future__ import annotations

import ast
import os
import subprocess
from pathlib import Path

import llvmlite.binding as llvm
import pytest

from pythos.kernel_tools.bootstub import (
    BOOT_STUB_PATH,
    boot_stub_asm,
    extract_global_asm,
    module_asm_lines,
    splice_module_asm,
)
from pythos.kernel_tools.build import BuildError, grub_cfg, kernel64_path, link_kernel, link_linux
from pythos.kernel_tools.qemu import (
    QemuConfig,
    QemuError,
    build_command,
    debug_exit_status,
    decode_exit_status,
    decode_vga_text,
)
from pythos.target import FREESTANDING, LINUX, Target, get_target, make_target_machine

KERNEL_VMA = 0xFFFFFFFF80000000


# -- targets ---------------------------------------------------------------

def test_targets_by_name():
    assert get_target("linux") is LINUX
    assert get_target("freestanding") is FREESTANDING
    with pytest.raises(ValueError, match="unknown target"):
        get_target("riscv")
    assert isinstance(FREESTANDING, Target)
    with pytest.raises(AttributeError):
        FREESTANDING.codemodel = "small"  # type: ignore[misc]


def test_freestanding_settings():
    assert FREESTANDING.triple == "x86_64-unknown-none-elf"
    assert FREESTANDING.codemodel == "kernel" and FREESTANDING.reloc == "static"
    assert "-sse" in FREESTANDING.features.split(",")
    assert "+soft-float" in FREESTANDING.features.split(",")
    assert FREESTANDING.freestanding and FREESTANDING.needs_noredzone
    assert not LINUX.freestanding


@pytest.mark.parametrize("target", [LINUX, FREESTANDING])
def test_target_machine(target):
    machine = make_target_machine(target, opt_level=2)
    assert machine.triple == target.triple
    assert str(machine.target_data).startswith("e-m:e")
    with pytest.raises(ValueError):
        make_target_machine(target, opt_level=4)


def test_freestanding_code_uses_no_vector_registers():
    # A 64-byte copy is the classic case where LLVM would pick SSE registers.
    machine = make_target_machine(FREESTANDING, opt_level=3)
    ir = f"""
target triple = "{FREESTANDING.triple}"
target datalayout = "{machine.target_data}"
define void @copy(ptr %d, ptr %s) #0 {{
  call void @llvm.memcpy.p0.p0.i64(ptr %d, ptr %s, i64 64, i1 false)
  ret void
}}
declare void @llvm.memcpy.p0.p0.i64(ptr, ptr, i64, i1)
attributes #0 = {{ noredzone nounwind }}
"""
    asm = machine.emit_assembly(llvm.parse_assembly(ir))
    assert "xmm" not in asm and "ymm" not in asm


# -- boot stub text ----------------------------------------------------------

def test_boot_py_is_a_valid_pythos_module_level():
    tree = ast.parse(BOOT_STUB_PATH.read_text())
    body = tree.body
    assert isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant)
    assert isinstance(body[1], ast.ImportFrom) and body[1].module == "pythos.lang"
    assert [alias.name for alias in body[1].names] == ["global_asm"]
    assert len(body) == 3


def test_boot_stub_text():
    asm = boot_stub_asm()
    for needle in ("_start:", ".multiboot", "0x1BADB002", "0x2BADB002", "call kmain",
                   "boot failed", "__stack_top", "__stack_guard"):
        assert needle in asm


def test_extract_rejects_non_literal(tmp_path):
    source = tmp_path / "m.py"
    source.write_text("from pythos.lang import global_asm\nglobal_asm('a' + x)\n")
    with pytest.raises(ValueError, match="string literal"):
        extract_global_asm(source)
    source.write_text("x = 1\n")
    with pytest.raises(ValueError, match="no module-level"):
        extract_global_asm(source)


def test_splice_after_datalayout_and_escaping():
    ir = 'target triple = "x"\ntarget datalayout = "e"\n\ndefine void @f() { ret void }\n'
    spliced = splice_module_asm(ir, 'nop\n.ascii "a\\b"')
    lines = spliced.splitlines()
    assert lines[1] == 'target datalayout = "e"'
    assert lines[2] == 'module asm "nop"'
    assert lines[3] == 'module asm ".ascii \\22a\\5Cb\\22"'
    assert module_asm_lines("") == ""


def test_integrated_assembler_accepts_stub():
    machine = make_target_machine(FREESTANDING)
    ir = f'target triple = "{FREESTANDING.triple}"\ntarget datalayout = "{machine.target_data}"\n'
    module = llvm.parse_assembly(splice_module_asm(ir, boot_stub_asm()))
    assert machine.emit_object(module)[:4] == b"\x7fELF"


# -- linking -------------------------------------------------------------------

def _symbols(elf: Path) -> dict[str, int]:
    output = subprocess.run(["nm", str(elf)], capture_output=True, text=True, check=True,
                            timeout=10).stdout
    return {parts[2]: int(parts[0], 16) for parts in map(str.split, output.splitlines())
            if len(parts) == 3}


def test_kernel_layout(boot_kernel):
    kernel = boot_kernel("exit")
    elf64 = kernel64_path(kernel)
    assert kernel.read_bytes()[4] == 1, "kernel.elf must be ELF32 for Multiboot"
    assert elf64.read_bytes()[4] == 2, "kernel64.elf keeps 64-bit symbols"
    sym = _symbols(elf64)
    assert sym["_start"] < 0x200000, "the entry runs before paging, at a physical address"
    assert sym["__kernel_start"] == KERNEL_VMA + 0x100000
    assert sym["kmain"] >= KERNEL_VMA
    for name in ("__text_start", "__text_end", "__rodata_start", "__rodata_end",
                 "__data_start", "__data_end", "__bss_start", "__bss_end",
                 "__stack_guard", "__stack_bottom", "__stack_top", "__kernel_end"):
        assert sym[name] % 4096 == 0, name
        assert sym[name] >= KERNEL_VMA, name
    assert sym["__text_end"] <= sym["__rodata_start"] <= sym["__rodata_end"]
    assert sym["__rodata_end"] <= sym["__data_start"] <= sym["__data_end"] <= sym["__bss_start"]
    assert sym["__stack_bottom"] - sym["__stack_guard"] == 4096
    assert sym["__stack_top"] - sym["__stack_bottom"] == 64 * 1024
    assert sym["__bss_end"] == sym["__stack_top"] == sym["__kernel_end"]
    assert sym["__kernel_phys_end"] == sym["__kernel_end"] - KERNEL_VMA


def test_link_errors_are_build_errors(tmp_path):
    with pytest.raises(BuildError, match="not found"):
        link_kernel([tmp_path / "missing.o"], tmp_path / "kernel.elf")
    garbage = tmp_path / "garbage.o"
    garbage.write_bytes(b"this is not an object file")
    with pytest.raises(BuildError) as info:
        link_kernel([garbage], tmp_path / "kernel.elf")
    assert "ld" in str(info.value) and info.value.stderr


def test_kernel_without_stub_has_no_multiboot_header(tmp_path):
    machine = make_target_machine(FREESTANDING)
    ir = (f'target triple = "{FREESTANDING.triple}"\n'
          f'target datalayout = "{machine.target_data}"\n'
          "define void @_start() { ret void }\n")
    obj = tmp_path / "k.o"
    obj.write_bytes(machine.emit_object(llvm.parse_assembly(ir)))
    with pytest.raises(BuildError, match="Multiboot header"):
        link_kernel([obj], tmp_path / "kernel.elf")


def test_grub_cfg():
    cfg = grub_cfg("kernel.elf", "a=1 b")
    assert "multiboot /boot/kernel.elf a=1 b\n" in cfg
    assert "set timeout=0" in cfg
    with pytest.raises(BuildError):
        grub_cfg("kernel.elf", "a\nb")


@pytest.mark.skipif(os.uname().machine != "x86_64", reason="runs an x86-64 Linux program")
def test_link_linux_runs(tmp_path):
    machine = make_target_machine(LINUX)
    ir = f"""
target triple = "{LINUX.triple}"
target datalayout = "{machine.target_data}"
@msg = private constant [3 x i8] c"hi\\0A"
define void @_start() #0 {{
  %w = call i64 asm sideeffect "syscall", "={{rax}},{{rax}},{{rdi}},{{rsi}},{{rdx}},~{{rcx}},~{{r11}},~{{memory}}"(i64 1, i64 1, ptr @msg, i64 3)
  call void asm sideeffect "syscall", "{{rax}},{{rdi}},~{{rcx}},~{{r11}}"(i64 60, i64 3)
  unreachable
}}
attributes #0 = {{ noredzone nounwind }}
"""
    obj = tmp_path / "p.o"
    obj.write_bytes(machine.emit_object(llvm.parse_assembly(ir)))
    exe = link_linux([obj], tmp_path / "p")
    result = subprocess.run([str(exe)], capture_output=True, timeout=10, check=False)
    assert result.stdout == b"hi\n" and result.returncode == 3


# -- QEMU command lines ----------------------------------------------------------

def test_exit_status_round_trip():
    for value in (0, 1, 0x10, 0x7F):
        assert decode_exit_status(debug_exit_status(value)) == value
    assert decode_exit_status(0) is None
    assert debug_exit_status(0x10) == 33


def test_command_line_terminal_and_pipe():
    config = QemuConfig(kernel=Path("build/kernel.elf"), memory="32M", cmdline="x=1")
    tty = build_command(config, terminal=True)
    assert tty[:2] == ["qemu-system-x86_64", "-no-reboot"]
    assert ["-display", "curses"] == tty[tty.index("-display"):tty.index("-display") + 2]
    assert ["-append", "x=1"] == tty[tty.index("-append"):tty.index("-append") + 2]
    assert "isa-debug-exit,iobase=0xf4,iosize=0x04" in tty
    pipe = build_command(config, terminal=False)
    assert "-display none -serial stdio" in " ".join(pipe)
    serial = build_command(QemuConfig(kernel=Path("k"), serial_stdio=True), terminal=True)
    assert "-display none -serial mon:stdio" in " ".join(serial)
    logged = build_command(QemuConfig(kernel=Path("k"), serial_log=Path("s.log")),
                           terminal=True)
    assert "-display curses -serial file:s.log" in " ".join(logged)
    gdb = build_command(QemuConfig(kernel=Path("k"), gdb=True, icount=True), terminal=False)
    assert gdb[-2:] == ["-s", "-S"] and "shift=0,sleep=off" in gdb


def test_command_line_iso():
    command = build_command(QemuConfig(iso=Path("build/pythos.iso")), terminal=False)
    assert ["-cdrom", "build/pythos.iso"] == command[command.index("-cdrom"):][:2]
    with pytest.raises(QemuError, match="command line"):
        build_command(QemuConfig(iso=Path("x.iso"), cmdline="a"), terminal=False)
    with pytest.raises(QemuError):
        build_command(QemuConfig(), terminal=False)


def test_decode_vga_text():
    cells = bytearray(4000)
    for i, ch in enumerate(b"Hi"):
        cells[2 * i], cells[2 * i + 1] = ch, 0x07
    cells[160] = 0xDB  # a full block in code page 437, on the second line
    lines = decode_vga_text(bytes(cells))
    assert len(lines) == 25 and lines[0] == "Hi" and lines[1] == "\u2588" and lines[2] == ""
