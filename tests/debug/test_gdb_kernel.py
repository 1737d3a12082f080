"""gdb on the kernel: QEMU started as `pythos run --gdb` starts it (CPU
stopped, gdb stub on a TCP port), gdb loads tools/gdb/pythos.gdb and
build/kernel64.elf's debug information, and then breaks at Python lines,
steps, prints the stack and struct locals.

Each test picks a free port: other QEMUs (other tests, other users) may
be listening on 1234 at the same time."""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from pythos.kernel_tools.qemu import GDB_SCRIPT, QEMU, QemuConfig, build_command
from tests.compiler.conftest import ROOT

from .conftest import GDB_TIMEOUT, marked_text_line

KMAIN = ROOT / "kernel" / "kmain.py"
IDT = ROOT / "kernel" / "arch" / "x86_64" / "idt.py"
# An inlined frame's arguments, as gdb shows them: none when the
# optimiser left no location for them, else `kind=...` (a struct).
ARGS = r"\((?:kind=\.\.\.)?\)"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def debug_kernel(built_kernel: Callable[..., Path]) -> Path:
    """A kernel built at -O0 with debug information; returns its ELF32 image."""
    if shutil.which(QEMU) is None or shutil.which("gdb") is None:
        pytest.skip("QEMU or gdb is not installed")
    return built_kernel("-O0")


@pytest.fixture(scope="module")
def optimised_kernel(built_kernel: Callable[..., Path]) -> Path:
    """The same at -O2, where most calls are inlined."""
    if shutil.which(QEMU) is None or shutil.which("gdb") is None:
        pytest.skip("QEMU or gdb is not installed")
    return built_kernel("-O2")


@pytest.fixture
def waiting_qemu(debug_kernel: Path, request: pytest.FixtureRequest) -> Iterator[int]:
    """QEMU with the kernel, stopped before the first instruction and waiting
    for gdb; yields the gdb port.  A test's `cmdline` mark gives the kernel
    command line, its `kernel` mark the fixture with another kernel image."""
    mark = request.node.get_closest_marker("cmdline")
    kernel_mark = request.node.get_closest_marker("kernel")
    if kernel_mark:
        debug_kernel = request.getfixturevalue(kernel_mark.args[0])
    port = free_port()
    command = build_command(QemuConfig(kernel=debug_kernel, display="none", gdb=True,
                                       gdb_port=port, cmdline=mark.args[0] if mark else ""),
                            terminal=False)
    assert command[-3:] == ["-gdb", f"tcp:127.0.0.1:{port}", "-S"]
    qemu = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    try:
        yield port
    finally:
        qemu.kill()
        qemu.wait(30)


def gdb_kernel(kernel64: Path, port: int, commands: list[str]) -> str:
    # gdb retries the connection while QEMU starts (tcp auto-retry).
    args = ["gdb", "-nx", "-batch", "-x", str(GDB_SCRIPT), "-ex", "set width 0",
            "-ex", "set tcp connect-timeout 60", "-ex", f"file {kernel64}",
            "-ex", f"target remote 127.0.0.1:{port}"]
    for command in commands:
        args += ["-ex", command]
    result = subprocess.run(args, cwd=ROOT, capture_output=True, text=True,
                            timeout=GDB_TIMEOUT)
    return result.stdout + result.stderr


def frames(output: str) -> list[tuple[str, str]]:
    """(function, file:line) of each `bt` line; file:line is empty for
    frames without line information (the boot stub)."""
    found = re.findall(r"^#\d+\s+(?:0x[0-9a-f]+ in )?([\w.]+) \(.*?\)(?: at (\S+))?$",
                       output, flags=re.M)
    return [(name, where) for name, where in found]


def test_break_at_a_kmain_line_bt_next(debug_kernel: Path, waiting_qemu: int) -> None:
    line = marked_text_line(KMAIN, "    gdt.init()")
    output = gdb_kernel(debug_kernel.with_name("kernel64.elf"), waiting_qemu, [
        f"break kernel/kmain.py:{line}", "continue", "bt", "print boot.loader_name",
        "print boot.mem_lower_kib", "next", "next"])
    assert re.search(rf"^Breakpoint 1, kmain \(magic=732803074, info=\d+\) at "
                     rf"kernel/kmain.py:{line}$", output, flags=re.M), output
    assert frames(output) == [("kmain", f"kernel/kmain.py:{line}"), ("_start64", "")], output
    assert '"qemu"' in output, output        # the loader's name, a str field
    assert re.search(r"^\$2 = 639$", output, flags=re.M), output  # KiB below 640K
    assert re.search(rf"^{line + 1}\s+vectors\.install\(\)", output, flags=re.M), output
    assert re.search(rf"^{line + 2}\s+idt\.load\(\)", output, flags=re.M), output


def test_step_into_a_function_and_print_a_struct_local(debug_kernel: Path,
                                                       waiting_qemu: int) -> None:
    line = marked_text_line(IDT, "    pointer = DescriptorTablePointer(")
    call = marked_text_line(KMAIN, "    idt.load()")
    output = gdb_kernel(debug_kernel.with_name("kernel64.elf"), waiting_qemu, [
        "break kmain", "continue",
        f"break kernel/arch/x86_64/idt.py:{line}", "continue", "next", "bt",
        "print pointer", "print pointer.limit", "finish"])
    assert re.search(r"^Breakpoint 1, kmain \(magic=732803074, info=\d+\) at kernel/kmain.py:\d+$",
                     output, flags=re.M), output
    assert re.search(rf"^Breakpoint 2, load \(\) at kernel/arch/x86_64/idt.py:{line}$", output,
                     flags=re.M), output
    assert frames(output) == [("load", f"kernel/arch/x86_64/idt.py:{line + 1}"),
                              ("kmain", f"kernel/kmain.py:{call}"), ("_start64", "")], output
    assert re.search(r"^\$1 = \{limit = 4095, base = \d+\}$", output, flags=re.M), output
    assert re.search(r"^\$2 = 4095$", output, flags=re.M), output
    # `finish` returns to kmain just after the call, which is the last
    # instruction of its line: the return address starts the next line.
    assert re.search(rf"^(0x[0-9a-f]+ in )?kmain \(.*\) at kernel/kmain.py:({call}|{call + 1})$",
                     output, flags=re.M), output


@pytest.mark.cmdline("panic=fault")
def test_bt_from_an_exception_handler_continues_in_the_interrupted_code(
        debug_kernel: Path, waiting_qemu: int) -> None:
    """tools/gdb/pythos.gdb's unwinder reads the CPU's interrupt frame, so
    `bt` goes on from the vector stub to the code that faulted."""
    output = gdb_kernel(debug_kernel.with_name("kernel64.elf"), waiting_qemu,
                        ["break handle", "continue", "bt"])
    fault = marked_text_line(ROOT / "kernel" / "crashtest.py",
                             "        return Ptr[u64](UNMAPPED).volatile_load()")
    names = [name for name, _ in frames(output)]
    assert names == ["handle", "vector14", "nested_3", "nested_2", "nested_1", "run",
                     "apply_options", "kmain", "_start64"], output
    assert frames(output)[2] == ("nested_3", f"kernel/crashtest.py:{fault}"), output


@pytest.mark.cmdline("panic=fault")
@pytest.mark.kernel("optimised_kernel")
def test_bt_at_O2_shows_the_faulting_instruction_and_its_inlined_calls(
        optimised_kernel: Path, waiting_qemu: int) -> None:
    """At -O2 nested_3 to apply_options are inlined into kmain.  The frame
    the CPU interrupted is at the faulting instruction itself, not at a
    return address, so its line and inlined calls are those of that
    instruction, not of the byte before it (which belongs to other code)."""
    kernel64 = optimised_kernel.with_name("kernel64.elf")
    output = gdb_kernel(kernel64, waiting_qemu,
                        ["break handle", "continue", "bt", "print/x frame->rip"])
    rip = int(re.findall(r"^\$1 = (0x[0-9a-f]+)$", output, flags=re.M)[-1], 16)
    chain = subprocess.run(["addr2line", "-i", "-f", "-e", str(kernel64), hex(rip)],
                           capture_output=True, text=True, check=True, timeout=60).stdout
    # addr2line: function and file:line pairs, innermost first.
    positions = [line.split(str(ROOT) + "/")[-1] for line in chain.splitlines()[1::2]]
    fault = marked_text_line(ROOT / "kernel" / "crashtest.py",
                             "        return Ptr[u64](UNMAPPED).volatile_load()")
    assert positions[0] == f"kernel/crashtest.py:{fault}", chain
    bt = output[output.index("\n#0  handle"):output.index("_start64 ()") + 11]
    found = re.findall(r"^(?:#(\d+)\s+)?(?:0x[0-9a-f]+ in )?([\w.]+) \(.*?\)(?: at (\S+))?$",
                       bt, flags=re.M)
    names = [name for _, name, _ in found]
    assert names == ["handle", "vector14", "nested_3", "nested_2", "nested_1", "run",
                     "apply_options", "kmain", "_start64"], output
    # The faulting instruction's inlined chain, innermost first, up to the
    # function it was inlined into (apply_options, or kmain when LLVM also
    # inlines apply_options there: its heuristics decide, not the test).
    assert [where for _, _, where in found[2:2 + len(positions)]] == positions, output
    assert len(positions) >= 4, chain
    # The CPU's entry is a frame of its own (#2, `<signal handler called>`),
    # and the interrupted machine frame is gdb's own: one numbered frame for
    # each inlined call, the innermost at the faulting instruction.
    assert re.search(r"^#2  <signal handler called>$", output, flags=re.M), output
    assert re.search(rf"^#3  (?:{rip:#x} in )?nested_3 {ARGS} at kernel/crashtest.py:{fault}$",
                     output, flags=re.M), output
    levels = [int(level) if level else None for level, _, _ in found]
    assert levels == [0, 1, 3, 4, 5, 6, 7, 8, 9], output


@pytest.mark.cmdline("panic=fault")
@pytest.mark.kernel("optimised_kernel")
def test_frame_info_frame_and_list_in_the_interrupted_frame_agree_with_bt(
        optimised_kernel: Path, waiting_qemu: int) -> None:
    """`frame N`, `info frame`, `list`, `up` in the frame an exception
    interrupted at -O2 see the faulting instruction's own line and inlined
    calls, as `bt` does: the CPU's entry is a signal frame
    (`__interrupt_entry`, kernel/arch/x86_64/idt.py), under which gdb looks
    the interrupted code up at its exact pc, not one byte before it."""
    kernel64 = optimised_kernel.with_name("kernel64.elf")
    crashtest = ROOT / "kernel" / "crashtest.py"
    fault = marked_text_line(crashtest, "        return Ptr[u64](UNMAPPED).volatile_load()")
    call_3 = marked_text_line(crashtest, "    return nested_3(kind) * 3")
    output = gdb_kernel(kernel64, waiting_qemu, [
        "break handle", "continue", "print/x frame->rip", "bt",
        "frame function nested_3", "info frame", "list", "up", "info locals"])
    rip = int(re.findall(r"^\$1 = (0x[0-9a-f]+)$", output, flags=re.M)[-1], 16)
    # The CPU's entry, between the handler and the code it interrupted.
    assert re.search(r"^#2  <signal handler called>$", output, flags=re.M), output
    # `frame function nested_3` selects gdb's own frame for the inlined
    # call that faulted, at the faulting instruction and its line ...
    selected = re.findall(rf"^#(\d+)  (?:{rip:#x} in )?nested_3 {ARGS} at "
                          rf"kernel/crashtest.py:{fault}$", output, flags=re.M)
    assert len(selected) == 2, output            # in `bt`, then by `frame`
    assert re.search(rf"^ rip = {rip:#x} in nested_3 \(kernel/crashtest.py:{fault}\); ",
                     output, flags=re.M), output
    assert re.search(r"^ inlined into frame \d+", output, flags=re.M), output
    # ... whose source `list` shows around that line ...
    listing = output[output.index("Saved registers:"):]
    listed = [int(n) for n in re.findall(r"^(\d+)\t", listing, flags=re.M)][:10]
    assert listed == list(range(fault - 5, fault + 5)), output
    # ... and `up` reaches the call in nested_2 that it was inlined at.
    assert re.search(rf"^#{int(selected[0][0]) + 1}  nested_2 {ARGS} at "
                     rf"kernel/crashtest.py:{call_3}$", output, flags=re.M), output


def test_a_timer_interrupt_is_a_signal_frame_over_the_code_it_stopped(
        debug_kernel: Path, waiting_qemu: int) -> None:
    """A handler without an error code (IRQ 0, clock.on_timer): the frame
    above `<signal handler called>` is the interrupted code, at exactly the
    RIP the CPU saved in the interrupt frame, and unwound from there with
    the call frame information of that very instruction.  The first tick
    usually comes right after `sti`, at `irqflags.enable`'s `ret`, after its
    `pop %rbp`: looked up one byte back, as gdb did before, the frame's
    CFA came from the frame pointer already popped, and `kmain` was lost."""
    output = gdb_kernel(debug_kernel.with_name("kernel64.elf"), waiting_qemu, [
        "break tick", "continue", "bt", "frame 1", "print/x frame->rip", "frame 3",
        "print/x $pc"])
    assert re.search(r"^#1  0x[0-9a-f]+ in on_timer \(frame=0x[0-9a-f]+\) at kernel/clock.py:\d+$",
                     output, flags=re.M), output
    assert re.search(r"^#2  <signal handler called>$", output, flags=re.M), output
    saved, pc = re.findall(r"^\$\d+ = (0x[0-9a-f]+)$", output, flags=re.M)[-2:]
    assert saved == pc, output
    bt = output[output.index("\n#0  tick"):output.index("_start64 ()") + 11]
    assert [name for name, _ in frames(bt)][-2:] == ["kmain", "_start64"], output
