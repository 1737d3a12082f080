"""Panic backtraces on the booted kernel: ``panic=nested`` panics and
``panic=fault`` page-faults three calls deep (kernel/crashtest.py), and the
report must name the functions on the way, innermost first.

At -O0 every function keeps its own frame, so the exact chain is known.
At -O2 (the normal build) the three functions are inlined into kmain; the
backtrace has fewer frames but must still be right: every address must lie
in the function it is attributed to, per the ELF symbols, and each frame
lists the calls inlined at its address (the line table's scopes,
pythos/kernel_tools/linetable.py), each with its file and line, as
``addr2line -i`` reads them from the DWARF.
"""

from __future__ import annotations

import re
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from pythos.kernel_tools.build import kernel64_path
from pythos.kernel_tools.kernel_cli import panic_lines
from pythos.kernel_tools.qemu import QemuSession, decode_exit_status

from .conftest import REPO

EXIT_PANIC = 101
FRAME = re.compile(r"^  #(\d+) 0x([0-9a-f]{16}) (\S+?)(?:\+0x([0-9a-f]+))?(?: at (\S+:\d+))?"
                   r"( \(interrupted\))?$", re.M)
# A frame's line and the lines of the calls inlined at its address.
FRAME_WITH_INLINES = re.compile(
    r"^  #\d+ 0x([0-9a-f]{16}) .*?(?: at (\S+:\d+))?( \(interrupted\))?\r?\n"
    r"((?:      inlined: \S+ at \S+:\d+\r?\n)*)", re.M)
INLINED = re.compile(r"^      inlined: (\S+) at (\S+:\d+)", re.M)
RIP = re.compile(r"^  RIP 0x([0-9a-f]{16})", re.M)
LIGHT_RED_ON_BLACK = 0x0C

CALLERS = ["kernel.crashtest.nested_2", "kernel.crashtest.nested_1", "kernel.crashtest.run",
           "__main__.apply_options", "kmain", "_start64"]


@pytest.fixture(scope="module")
def unoptimised_image(kernel_image: Path, built_kernel: Callable[..., Path]) -> Path:
    return built_kernel("-O0")


def crash(image: Path, kind: str) -> str:
    with QemuSession(image, cmdline=f"panic={kind}", timeout=30) as vm:
        status = vm.wait_for_exit()
        serial = vm.serial_text
    assert decode_exit_status(status) == EXIT_PANIC, serial
    return serial


def backtrace(serial: str) -> list[tuple[int, str, int, bool]]:
    """(address, function, offset, interrupted) for each line after "backtrace:"."""
    report = serial[serial.index("\nbacktrace:\n"):]
    frames = FRAME.findall(report)
    assert [int(number) for number, *_ in frames] == list(range(len(frames))), report
    return [(int(address, 16), name, int(offset or "0", 16), bool(interrupted))
            for _, address, name, offset, _, interrupted in frames]


def positions(serial: str) -> list[str]:
    """The ``file:line`` of each frame after "backtrace:" ("" for none)."""
    report = serial[serial.index("\nbacktrace:\n"):]
    return [position for _, _, _, _, position, _ in FRAME.findall(report)]


def inline_chains(serial: str) -> list[list[tuple[str, str]]]:
    """For each frame: (function, file:line) of its own line ("" for the
    function) and of each inlined call after it, outermost first."""
    report = serial[serial.index("\nbacktrace:\n") + 1:]
    return [[("", position)] + INLINED.findall(inlined)
            for _, position, _, inlined in FRAME_WITH_INLINES.findall(report)]


def check_positions_against_elf(image: Path, serial: str) -> None:
    """Each frame's file:line, and those of the calls inlined there, must be
    what ``addr2line -i`` reads from the image's DWARF for the call (one
    byte before a return address) or the interrupted instruction; only
    the boot stub has none."""
    frames = backtrace(serial)
    queries = [f"{address - (0 if interrupted else 1):#x}"
               for address, _, _, interrupted in frames]
    listing = subprocess.run(["addr2line", "-a", "-i", "-e", str(kernel64_path(image)),
                              *queries], capture_output=True, text=True, check=True,
                             timeout=30).stdout
    answers: list[list[str]] = []
    for line in listing.splitlines():
        if line.startswith("0x"):
            answers.append([])
        elif line:
            answers[-1].append(line.split(" (discriminator")[0])
    chains = inline_chains(serial)
    for (_, name, _, _), chain, answer in zip(frames, chains, answers, strict=True):
        # addr2line lists the innermost position first.
        ours = [position for _, position in reversed(chain)]
        if name == "_start64":
            assert ours == [""], serial
            continue
        assert len(ours) == len(answer), (name, ours, answer)
        for position, theirs in zip(ours, answer, strict=True):
            assert position and theirs.endswith("/" + position), (name, ours, answer)


def check_against_elf(image: Path, frames: list[tuple[int, str, int, bool]]) -> None:
    """Each function+offset must be the address, according to nm."""
    listing = subprocess.run(["nm", "-S", "--defined-only", str(kernel64_path(image))],
                             capture_output=True, text=True, check=True, timeout=10).stdout
    functions = {}
    for line in listing.splitlines():
        fields = line.split()
        if len(fields) == 4 and fields[2] in "Tt":
            functions.setdefault(fields[3], (int(fields[0], 16), int(fields[1], 16)))
    for address, name, offset, interrupted in frames:
        start, size = functions[name]
        assert start + offset == address, (name, hex(address))
        # A return address may be one past its function's last byte (a call at the end).
        assert offset < size or (offset == size and not interrupted), (name, hex(address))


def test_nested_panic_names_the_callers_in_order(unoptimised_image: Path) -> None:
    serial = crash(unoptimised_image, "nested")
    assert re.search(r"^kernel/crashtest\.py:\d+: panic: nested panic requested", serial, re.M)
    frames = backtrace(serial)
    # The runtime's panic functions and the backtrace's own are left out.
    assert [name for _, name, _, _ in frames] == ["kernel.crashtest.nested_3", *CALLERS]
    assert not any(interrupted for *_, interrupted in frames)
    check_against_elf(unoptimised_image, frames)
    # Every frame but the boot stub's has its Python file and line: the
    # panic itself, then each call on the way to it.
    source = (REPO / "kernel" / "crashtest.py").read_text().splitlines()
    where = positions(serial)
    assert where[-3:] == [f"kernel/kmain.py:{line_of('kernel/kmain.py', '        crashtest.run(')}",
                          f"kernel/kmain.py:{line_of('kernel/kmain.py', '    apply_options()')}",
                          ""], where
    calls = ["panic(", "nested_3(kind)", "nested_2(kind)", "nested_1(kind)"]
    for position, call in zip(where[:4], calls, strict=True):
        file, line = position.split(":")
        assert file == "kernel/crashtest.py" and call in source[int(line) - 1], (position, call)
    check_positions_against_elf(unoptimised_image, serial)


def test_fault_backtrace_continues_in_the_interrupted_code(unoptimised_image: Path) -> None:
    serial = crash(unoptimised_image, "fault")
    frames = backtrace(serial)
    assert [name for _, name, _, _ in frames] == [
        "kernel.arch.x86_64.exceptions.handle", "kernel.arch.x86_64.vectors.vector14",
        "kernel.crashtest.nested_3", *CALLERS]
    # The faulting instruction, from the interrupt frame (vector 14 has an
    # error code, so its RIP is 16 bytes further up than for vector 0).
    faulted = frames[2]
    assert faulted[3] and not any(frame[3] for frame in frames[:2] + frames[3:])
    assert faulted[0] == int(RIP.search(serial).group(1), 16)
    check_against_elf(unoptimised_image, frames)


def line_of(path: str, start: str) -> int:
    """The number of the first line of ``path`` that starts with ``start``."""
    lines = (REPO / path).read_text().splitlines()
    return next(number for number, line in enumerate(lines, start=1) if line.startswith(start))


def test_optimised_kernel_backtrace(kernel_image: Path) -> None:
    serial = crash(kernel_image, "fault")
    frames = backtrace(serial)
    names = [name for _, name, _, _ in frames]
    assert names[:2] == ["kernel.arch.x86_64.exceptions.handle",
                         "kernel.arch.x86_64.vectors.vector14"]
    assert names[-1] == "_start64"
    interrupted = [frame for frame in frames if frame[3]]
    assert len(interrupted) == 1
    assert interrupted[0][0] == int(RIP.search(serial).group(1), 16)
    check_against_elf(kernel_image, frames)
    # At -O2 the panicking line is right, and every frame's line and the
    # calls inlined there are those the debug information records.
    assert re.search(r"^kernel/arch/x86_64/exceptions\.py:\d+: panic: page fault", serial, re.M)
    assert positions(serial)[0].startswith("kernel/arch/x86_64/exceptions.py:")
    check_positions_against_elf(kernel_image, serial)
    # The faulting frame is kmain's, at the call to apply_options, and its
    # inlined calls lead to the faulting line in nested_3.
    faulted = inline_chains(serial)[names.index("kmain")]
    check_kmain_chain(faulted, "volatile_load()")


def check_kmain_chain(chain: list[tuple[str, str]], innermost: str) -> None:
    """kmain -> apply_options -> crashtest.run -> nested_1 -> nested_2 ->
    nested_3 (all inlined at -O2), ending on the line that starts ``innermost``."""
    assert chain[0][1] == f"kernel/kmain.py:{line_of('kernel/kmain.py', '    apply_options()')}"
    assert chain[1] == ("apply_options", "kernel/kmain.py:"
                        f"{line_of('kernel/kmain.py', '        crashtest.run(')}"), chain
    assert [name for name, _ in chain[2:]] == ["run", "nested_1", "nested_2", "nested_3"], chain
    source = (REPO / "kernel" / "crashtest.py").read_text().splitlines()
    calls = ["nested_1(kind)", "nested_2(kind)", "nested_3(kind)", innermost]
    for (_, position), call in zip(chain[2:], calls, strict=True):
        file, line = position.split(":")
        assert file == "kernel/crashtest.py" and call in source[int(line) - 1], (position, call)


def test_optimised_nested_panic_shows_the_inlined_calls(kernel_image: Path) -> None:
    serial = crash(kernel_image, "nested")
    assert re.search(r"^kernel/crashtest\.py:\d+: panic: nested panic requested", serial, re.M)
    frames = backtrace(serial)
    assert [name for _, name, _, _ in frames] == ["kmain", "_start64"], serial
    check_against_elf(kernel_image, frames)
    check_positions_against_elf(kernel_image, serial)
    check_kmain_chain(inline_chains(serial)[0], "panic(")


# Complete only with its newline: serial may be read in the middle of it.
LAST_FRAME = re.compile(r"^  #(\d+) 0x[0-9a-f]{16} (_start64\+0x[0-9a-f]+)\r?\n", re.M)
SERIAL_FRAME = re.compile(r"^  #(\d+) 0x[0-9a-f]{16} ([^\s+]+)(.*)$")
SCREEN_COLUMNS = 80


def on_screen(serial_line: str) -> str:
    """A backtrace line as the screen shows it: a frame's raw address left
    out, and the module part of its function's name when its file shows
    that module (``kernel.crashtest.recurse+0x3f at kernel/crashtest.py:81``
    becomes ``recurse+0x3f at kernel/crashtest.py:81``)."""
    frame = SERIAL_FRAME.match(serial_line)
    if not frame:
        return serial_line
    number, name, rest = frame.groups()
    at = re.match(r"\+0x[0-9a-f]+ at (\S+)\.py:", rest)
    if at and name.startswith(at.group(1).replace("/", ".") + "."):
        name = name[len(at.group(1)) + 1:]
    return f"  #{number} {name}{rest}"


def wait_for_last_frame(vm: QemuSession) -> tuple[str, list[str]]:
    """(serial, screen lines) once the backtrace's last line, ``_start64``'s,
    is complete on both.  The console writes each piece to serial first and
    then to the screen, so the screen may lag a few characters behind."""
    deadline = time.monotonic() + 10
    vm.wait_for_serial("_start64+")
    while not (last := LAST_FRAME.search(serial := vm.serial_text)) \
            and time.monotonic() < deadline:
        time.sleep(0.05)
    assert last, serial
    expected = f"  #{last.group(1)} {last.group(2)}"
    while expected not in (lines := vm.read_vga_text()) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert expected in lines, lines
    # The line's newline may still be scrolling the screen: the kernel
    # copies all its cells to video memory, and a read in the middle of
    # that shows rows half old and half new (on a loaded machine, often).
    # The report is done when two reads agree.
    settled = time.monotonic() + 10
    while (again := vm.read_vga_text()) != lines and time.monotonic() < settled:
        lines = again
        time.sleep(0.1)
    return serial, lines


def check_screen_matches_serial(serial: str, lines: list[str]) -> None:
    """The screen's backtrace is the serial one in its short form, every
    line within the 80 columns (none continued on the next row)."""
    report = serial[serial.rindex("\nbacktrace:\n") + 1:].replace("\r", "").splitlines()
    report = report[:next(i for i, line in enumerate(report) if "_start64+" in line) + 1]
    row = lines.index("backtrace:")
    screen = lines[row:row + len(report)]
    assert screen == [on_screen(line) for line in report], (screen, report)
    assert all(len(line) <= SCREEN_COLUMNS for line in screen), screen


def test_backtrace_is_on_screen_in_red(kernel_image: Path) -> None:
    with QemuSession(kernel_image, cmdline="panic=nested halt=wait", timeout=30) as vm:
        serial, lines = wait_for_last_frame(vm)
        check_screen_matches_serial(serial, lines)
        assert "backtrace:" in lines, lines
        row = lines.index("backtrace:")
        assert re.match(r"  #0 kmain\+0x[0-9a-f]+ at kernel/kmain\.py:\d+$", lines[row + 1]), lines
        # kmain's inlined calls, down to nested_3's panic.
        inlined = [r - row - 2 for r in range(row + 2, len(lines))
                   if lines[r].startswith("      inlined: ")]
        assert inlined == list(range(5)), lines
        assert lines[row + 6].startswith("      inlined: nested_3 at kernel/crashtest.py:")
        last = row + 7
        assert re.match(r"  #1 _start64\+0x[0-9a-f]+$", lines[last]), lines
        cells = vm.read_vga_cells()
        for r in range(row, last + 1):
            start = r * 80 * 2
            assert set(cells[start + 1:start + 2 * len(lines[r]):2]) == {LIGHT_RED_ON_BLACK}
        assert vm.exit_code is None


def test_a_long_panic_line_continues_indented_on_screen(kernel_image: Path) -> None:
    """The page fault's panic line is longer than the 80 columns: on the
    screen the rest of it continues on the next row, indented, so that every
    line of the report still starts at the left edge; serial has it whole."""
    with QemuSession(kernel_image, cmdline="panic=fault halt=wait", timeout=30) as vm:
        serial, lines = wait_for_last_frame(vm)
        cells = vm.read_vga_cells()
    whole = re.search(r"^(kernel/arch/x86_64/exceptions\.py:\d+: panic: page fault: .*?)\r?$",
                      serial, re.M)
    assert whole and len(whole.group(1)) > SCREEN_COLUMNS, serial
    text = whole.group(1)
    row = next(i for i, line in enumerate(lines) if line.startswith(text[:40]))
    assert lines[row] == text[:SCREEN_COLUMNS], lines
    assert lines[row + 1] == " " * 4 + text[SCREEN_COLUMNS:], lines
    # In the report's red, and the report goes on below.
    start = (row + 1) * SCREEN_COLUMNS * 2
    assert set(cells[start + 8 + 1:start + 2 * len(lines[row + 1]):2]) == {LIGHT_RED_ON_BLACK}
    assert "backtrace:" in lines[row + 2:], lines


def test_stack_overflow_report_fits_on_the_screen(kernel_image: Path, tmp_path: Path) -> None:
    """panic=overflow recurses until the stack hits its guard page: hundreds
    of identical frames, folded into one line, so that the cause, the first
    frames and the last ones are all on the 25-line screen."""
    with QemuSession(kernel_image, cmdline="panic=overflow halt=wait", timeout=30) as vm:
        serial, lines = wait_for_last_frame(vm)
        vm.screendump(tmp_path / "overflow.png")
        assert vm.exit_code is None
    screen = "\n".join(lines)
    assert "CPU exception 8 #DF: double fault" in screen, screen
    assert re.search(r"^kernel/arch/x86_64/exceptions\.py:\d+: panic: double fault: "
                     r"kernel stack overflow", screen, re.M), screen
    # Every frame line fits in the 80 columns: the raw addresses are on
    # serial only, and the file names the module.
    check_screen_matches_serial(serial, lines)
    assert re.search(r"^  #0 handle\+0x[0-9a-f]+ at kernel/arch/x86_64/exceptions\.py:\d+$",
                     screen, re.M), screen
    assert re.search(r"^  #2 recurse\+0x[0-9a-f]+ at kernel/crashtest\.py:\d+ \(interrupted\)$",
                     screen, re.M), screen
    fold = re.search(r"^  \.\.\. (\d+) more calls of kernel\.crashtest\.recurse "
                     r"\(#(\d+)-#(\d+)\)$", screen, re.M)
    assert fold, screen
    count, first, last = (int(fold.group(i)) for i in (1, 2, 3))
    # A 64 KiB stack holds a few hundred of recurse's frames.
    assert count > 100 and last - first + 1 == count, screen
    assert re.search(rf"^  #{last + 1} kmain\+", screen, re.M), screen
    assert re.search(rf"^  #{last + 2} _start64\+", screen, re.M), screen
    # The serial log has the same lines: folding loses no frame.
    assert fold.group(0) in serial
    assert serial.count("kernel.crashtest.recurse+") == 2, serial


def test_pythos_run_repeats_the_backtrace(tmp_path: Path) -> None:
    log = tmp_path / "serial.log"
    log.write_text("Pythos 0.1.0\nkernel/x.py:3: panic: boom\nbacktrace:\n"
                   "  #0 0xffffffff80108100 kmain+0xe0\n"
                   "  ... 300 more calls of kmain (#1-#300)\n"
                   "  ... 20 frames not shown (#301-#320)\n"
                   "  (stopped after 8192 frames)\n"
                   "something else\n  #1 not part of a backtrace\n")
    assert panic_lines(log) == ["kernel/x.py:3: panic: boom", "backtrace:",
                                "  #0 0xffffffff80108100 kmain+0xe0",
                                "  ... 300 more calls of kmain (#1-#300)",
                                "  ... 20 frames not shown (#301-#320)",
                                "  (stopped after 8192 frames)"]
