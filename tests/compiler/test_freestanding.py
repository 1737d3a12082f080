"""The freestanding (kernel) target: intrinsics become the right
instructions, interrupt handlers use the interrupt calling convention, and
no SSE register or red zone is ever used."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, env

KERNEL_SOURCE = '''
from pythos.lang import (Array, InterruptFrame, Ptr, addr_of, asm, atomic_cas, atomic_xchg,
                         cli, export, extern, func_addr, hlt, inb, interrupt, invlpg, lidt,
                         outb, rdmsr, rdtsc, read_cr2, read_cr3, sti, struct, u8, u16, u32, u64,
                         write_cr3, wrmsr)

LOCKED = Array[u64, 1]()
TICKS = Array[u64, 1]()
IDT = Array[u64, 512]()


@struct(packed=True)
class IdtPointer:
    limit: u16
    base: u64


@interrupt
def on_timer(frame: Ptr[InterruptFrame]) -> None:
    TICKS[0] += 1
    outb(u16(0x20), u8(0x20))


@interrupt
def on_page_fault(frame: Ptr[InterruptFrame], error_code: u64) -> None:
    TICKS[0] = read_cr2() + error_code + frame[0].rip


@extern("external_symbol")
def external_symbol(x: u64) -> u64:
    ...


@export("kmain")
def kmain(magic: u32, info: u64) -> None:
    status = inb(u16(0x64))
    outb(u16(0x3F8), status)
    while atomic_xchg(addr_of(LOCKED), u64(1)) != 0:
        pass
    atomic_cas(addr_of(LOCKED), u64(1), u64(0))
    pointer = IdtPointer(u16(4095), addr_of(IDT).addr)
    lidt(addr_of(pointer))
    write_cr3(read_cr3())
    invlpg(u64(0xFFFFFFFF80000000))
    wrmsr(u32(0xC0000080), rdmsr(u32(0xC0000080)) | 0x800)
    TICKS[0] = rdtsc() + func_addr(on_timer) + external_symbol(info)
    flags = asm("pushfq; popq $0", "=r", result=u64)
    Ptr[u16](0xFFFFFFFF800B8000).volatile_store(u16(flags))
    sti()
    cli()
    hlt()
'''


@pytest.fixture(scope="module")
def kernel_asm(tmp_path_factory: pytest.TempPathFactory) -> str:
    tmp = tmp_path_factory.mktemp("freestanding")
    src = tmp / "k.py"
    src.write_text(KERNEL_SOURCE)
    out = tmp / "k.s"
    result = subprocess.run([sys.executable, "-m", "pythos", "compile", str(src), "--target",
                             "freestanding", "--emit", "asm", "-o", str(out)],
                            cwd=ROOT, env=env(), capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return out.read_text()


def function_body(asm: str, name: str) -> str:
    match = re.search(rf'^"?{re.escape(name)}"?:\n(.*?)(?=^\s*\.size\s)', asm, re.M | re.S)
    assert match, f"no function {name}"
    return match.group(1)


@pytest.mark.parametrize("instruction", [
    r"inb\s+(\$100|%dx), %al", r"outb\s+%al, %dx", r"xchgq", r"lock\s+cmpxchgq", r"lidtq?\s+\(",
    r"movq?\s+%cr3,", r"movq?\s+%\w+, %cr3", r"invlpg\s+\(", r"rdmsr", r"wrmsr", r"rdtsc",
    r"pushfq", r"\bsti\b", r"\bcli\b", r"\bhlt\b", r"callq?\s+external_symbol"])
def test_intrinsic_instructions(kernel_asm: str, instruction: str) -> None:
    assert re.search(instruction, function_body(kernel_asm, "kmain")), instruction


def test_interrupt_handlers_return_with_iretq(kernel_asm: str) -> None:
    for name in ("__main__.on_timer", "__main__.on_page_fault"):
        body = function_body(kernel_asm, name)
        assert "iretq" in body
        assert not re.search(r"\bretq?\b", body.replace("iretq", ""))
    # The error-code handler reads CR2 and pops the error code.
    assert "%cr2" in function_body(kernel_asm, "__main__.on_page_fault")


def test_no_sse_registers(kernel_asm: str) -> None:
    assert not re.search(r"%xmm|%ymm|%zmm", kernel_asm)


def test_volatile_store_is_kept(kernel_asm: str) -> None:
    # 0xFFFFFFFF800B8000, the VGA buffer, as a sign-extended 32-bit address.
    assert re.search(r"movw\s+%\w+, -2146729984", function_body(kernel_asm, "kmain"))


def test_kernel_only_intrinsic_rejected_for_linux(tmp_path: Path) -> None:
    src = tmp_path / "p.py"
    src.write_text("from pythos.lang import inb, u16\n\ndef main() -> None:\n"
                   "    print(inb(u16(0x60)))\n")
    result = subprocess.run([sys.executable, "-m", "pythos", "check", str(src)], cwd=ROOT,
                            env=env(), capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "p.py:4:11: error: inb() is only available in the freestanding (kernel) target" \
        in result.stderr


def test_two_compilations_in_one_process(tmp_path: Path) -> None:
    """Struct types are named per compilation, not in a global context."""
    from pythos.driver import compile_file
    from pythos.target import LINUX
    src = tmp_path / "s.py"
    src.write_text("from pythos.lang import struct, u8\n\n@struct\nclass S:\n    x: u8\n\n"
                   "def main() -> None:\n    s = S()\n    print(s.x)\n")
    for _ in range(2):
        assert compile_file(src, LINUX, 0).obj


def test_atomic_store_and_load(tmp_path: Path) -> None:
    src = tmp_path / "a.py"
    src.write_text("from pythos.lang import Array, addr_of, atomic_load, atomic_store, u64\n"
                   "CELL = Array[u64, 1]()\n\ndef main() -> None:\n"
                   "    atomic_store(addr_of(CELL), u64(42))\n"
                   "    print(atomic_load(addr_of(CELL)))\n")
    result = subprocess.run([sys.executable, "-m", "pythos", "exec", str(src)], cwd=ROOT,
                            env=env(), capture_output=True, text=True, timeout=60)
    assert result.stdout == "42\n", result.stderr


def test_panic_location_is_relative_to_the_project(tmp_path: Path) -> None:
    """A panic names project files relative to the project root, whatever
    the working directory of the build was."""
    exe = tmp_path / "p"
    prog = ROOT / "kernel" / "tests" / "test_runtime.py"
    assert prog.exists()
    src = tmp_path / "entry.py"
    src.write_text("from kernel.tests.test_runtime import test_failed_assert_panics\n\n"
                   "def main() -> None:\n    test_failed_assert_panics()\n")
    subprocess.run([sys.executable, "-m", "pythos", "compile", str(src), "-o", str(exe)],
                   cwd=tmp_path, env=env(), check=True, timeout=120)
    result = subprocess.run([str(exe)], capture_output=True, text=True, timeout=30)
    assert result.returncode == 101
    assert result.stderr.startswith("kernel/tests/test_runtime.py:"), result.stderr


def test_every_inline_asm_clobbers_the_flags(tmp_path: Path) -> None:
    """Intrinsics and asm() alike: without the clobber, LLVM compared before
    rdtsc's `shlq`/`orq` and branched on the flags after it (the serial
    driver then always took its short "stalled" wait)."""
    src = tmp_path / "k.py"
    src.write_text(KERNEL_SOURCE)
    out = tmp_path / "k.ll"
    result = subprocess.run([sys.executable, "-m", "pythos", "compile", str(src), "--target",
                             "freestanding", "--emit", "llvm", "-o", str(out)],
                            cwd=ROOT, env=env(), capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    calls = re.findall(r'asm sideeffect "([^"]*)", "([^"]*)"', out.read_text())
    assert len(calls) >= 10
    for text, constraints in calls:
        assert "~{flags}" in constraints.split(","), (text, constraints)


def test_a_comparison_is_not_carried_across_rdtsc(tmp_path: Path) -> None:
    """The serial driver's transmit loop, where the bug struck: LLVM tested
    ``stalled``, ran rdtsc's `shlq`/`orq`, then branched on the old flags.
    No conditional instruction may follow rdtsc before a new compare."""
    src = tmp_path / "k.py"
    src.write_text(
        "import kernel.drivers.serial as serial\n"
        "from pythos.lang import Ptr, export, u8, u64\n\n\n"
        "@export(\"send\")\ndef send(data: Ptr[u8], length: u64) -> None:\n"
        "    serial.write_unlocked(data, length)\n\n\n"
        "@export(\"start\")\ndef start() -> bool:\n    return serial.init()\n")
    out = tmp_path / "k.s"
    result = subprocess.run([sys.executable, "-m", "pythos", "compile", str(src), "--target",
                             "freestanding", "--emit", "asm", "-o", str(out)],
                            cwd=ROOT, env=env(), capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    body = function_body(out.read_text(), "send")
    lines = [line.strip() for line in body.splitlines()
             if line.strip() and not line.strip().startswith((".", "#"))]
    checked = 0
    for i, line in enumerate(lines):
        if line.startswith("rdtsc"):
            checked += 1
            for later in lines[i + 1:]:
                if re.match(r"(cmp|test|sub|add|and|xor|inc|dec)", later):
                    break                       # flags computed after the asm
                assert not re.match(r"(j(?!mp)\w+|set\w+|cmov\w+)\s", later), body
    assert checked >= 2
