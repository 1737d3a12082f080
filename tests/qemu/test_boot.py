"""Boot the real kernel in QEMU and check what it shows on serial and screen.

Every check reads the screen through QEMU's monitor (the VGA text buffer
at physical 0xB8000), not only the serial log, so a console that only
works on one device fails.  Every session has a hard timeout and always
stops QEMU.  Boot to idle takes well under a second per run; the ISO adds
GRUB's start-up.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from pythos.kernel_tools.qemu import QemuSession, decode_exit_status, decode_vga_text

from .conftest import ISO_CMDLINE

REPO = Path(__file__).resolve().parents[2]
BANNER = "Pythos 0.1.0"
IDLE = "Pythos is up."
EXIT_PANIC = 101
LIGHT_CYAN_ON_BLACK = 0x0B
LIGHT_RED_ON_BLACK = 0x0C
BOOT_TIMEOUT = 10.0


def boot(image: Path, *, iso: bool = False, **kwargs) -> QemuSession:
    timeout = kwargs.pop("timeout", BOOT_TIMEOUT)
    if iso:
        return QemuSession(iso=image, timeout=timeout, **kwargs).start()
    return QemuSession(image, timeout=timeout, **kwargs).start()


def wait_for_screen(vm: QemuSession, text: str, timeout: float = 3.0) -> list[str]:
    """Poll the VGA text until ``text`` is on it (the serial log runs ahead)."""
    deadline = time.monotonic() + timeout
    while True:
        lines = vm.read_vga_text()
        if any(text in line for line in lines):
            return lines
        if time.monotonic() > deadline:
            raise AssertionError(f"{text!r} never appeared on screen:\n" + "\n".join(lines))
        time.sleep(0.05)


def screen_holds_line(lines: list[str], line: str) -> bool:
    """Whether ``line`` starts a screen row, wrapped onto the next rows if long.

    The rows come with trailing spaces removed, so a row that a long line
    filled up to a space looks shorter than 80 columns: pad every row back
    to 80 and look for the line at a row boundary.
    """
    flat = "".join(row.ljust(80) for row in lines)
    return any(flat.startswith(line, start) for start in range(0, len(flat), 80))


def usable_kib(text: str) -> int:
    match = re.search(r"usable memory: (\d+) KiB", text)
    assert match, text
    return int(match.group(1))


def check_booted(vm: QemuSession) -> tuple[str, list[str]]:
    """Wait for idle; check the banner on both consoles; return both."""
    serial = vm.wait_for_serial(IDLE)
    screen = wait_for_screen(vm, IDLE)
    assert serial.startswith(BANNER), serial
    assert screen[0].startswith(BANNER), screen
    # "Pythos 0.1.0" is drawn in light cyan, the rest in the default grey.
    cells = vm.read_vga_cells()
    assert cells[1] == LIGHT_CYAN_ON_BLACK
    assert cells[2 * len(BANNER) + 1] == 0x07
    assert serial.count(BANNER) == 1, "the kernel started twice (a reset?)"
    return serial, screen


@pytest.mark.parametrize("memory_mib", [32, 128, 1024, 4096])
def test_boots_and_reports_memory(kernel_image, memory_mib):
    with boot(kernel_image, memory=f"{memory_mib}M", cmdline="hello=pythos") as vm:
        serial, screen = check_booted(vm)
        assert vm.exit_code is None, "the kernel should idle, not exit"
    # The firmware keeps a few hundred KiB (BIOS ROM, ACPI tables) for itself.
    usable = usable_kib(serial)
    assert memory_mib * 1024 - 2048 < usable <= memory_mib * 1024, serial
    assert usable_kib("\n".join(screen)) == usable
    # QEMU puts the kernel's path first on the command line.
    command_line = re.search(r"^command line: \S*kernel\.elf hello=pythos$", serial, re.M)
    assert command_line, serial
    assert screen_holds_line(screen, command_line.group(0)), screen
    assert "boot loader: qemu" in serial
    # The log goes to serial only.
    assert "[info] boot complete" in serial
    assert not any("[info]" in line for line in screen)


def test_memory_map_above_4g(kernel_image):
    # With 4 GiB, QEMU leaves a hole below 4 GiB for PCI and puts the rest
    # of the RAM above 4 GiB; the map must show both parts.
    with boot(kernel_image, memory="4G") as vm:
        serial, _ = check_booted(vm)
    assert re.search(r"0x0000000100000000-0x000000013fffffff +1 GiB available", serial), serial


@pytest.mark.parametrize("memory_mib", [32, 128, 1024, 4096])
def test_boots_from_iso(iso_image, memory_mib):
    with boot(iso_image, iso=True, memory=f"{memory_mib}M", timeout=30.0) as vm:
        serial, screen = check_booted(vm)
    assert re.search(r"^boot loader: GRUB", serial, re.M), serial
    assert re.search(rf"^command line: (\S*kernel\.elf )?{ISO_CMDLINE}$", serial, re.M), serial
    assert memory_mib * 1024 - 2048 < usable_kib("\n".join(screen)) <= memory_mib * 1024


def crashtest_line(marker: str) -> int:
    """The line of kernel/crashtest.py that fails for a panic kind."""
    source = (REPO / "kernel" / "crashtest.py").read_text().splitlines()
    for number, line in enumerate(source, 1):
        if marker in line:
            return number
    raise AssertionError(f"{marker!r} not in crashtest.py")


PANICS = {
    "test": ("panic(\"test panic", "test panic requested on the command line"),
    "assert": ("assert kind.length", "assertion failed on purpose (panic=assert)"),
    # An exception since issue 12: uncaught, it is a panic after its traceback.
    "divide": ("// zero", "uncaught ZeroDivisionError: integer division or modulo by zero"),
    "index": ("small[kind.length]", "index 5 out of range for length 4"),
}


@pytest.mark.parametrize("kind", list(PANICS))
def test_panic_reports_and_exits(kernel_image, kind):
    marker, message = PANICS[kind]
    with boot(kernel_image, cmdline=f"panic={kind}") as vm:
        status = vm.wait_for_exit()
        serial = vm.serial_text
    expected = f"kernel/crashtest.py:{crashtest_line(marker)}: panic: {message}"
    assert expected in serial, serial
    assert serial.count(BANNER) == 1
    assert decode_exit_status(status) == EXIT_PANIC, f"QEMU exit status {status}"


def test_panic_is_red_on_screen_and_halts(kernel_image):
    # halt=wait keeps QEMU running after the panic, so the screen stays readable.
    with boot(kernel_image, cmdline="panic=test halt=wait") as vm:
        # Read the screen once the whole report is on it (its backtrace ends
        # with _start64's frame): while it is still being written, the
        # screen scrolls between reading the text and reading the colours.
        # The text is taken from the same read of video memory as the
        # colours, so a scroll in between cannot mismatch them.
        vm.wait_for_serial("_start64+")
        wait_for_screen(vm, "_start64+")
        cells = vm.read_vga_cells()
        lines = decode_vga_text(cells)
        row = next(i for i, line in enumerate(lines) if "panic:" in line)
        assert re.match(r"kernel/crashtest\.py:\d+: panic: test panic", lines[row]), lines
        start = row * 80 * 2
        attributes = set(cells[start + 1:start + 2 * len(lines[row]):2])
        assert attributes == {LIGHT_RED_ON_BLACK}, attributes
        time.sleep(0.2)
        assert vm.exit_code is None, "the kernel should stay halted, not exit or reset"
        assert IDLE not in vm.serial_text
        assert vm.serial_text.count(BANNER) == 1


def test_unknown_options_are_reported_not_fatal(kernel_image):
    with boot(kernel_image, cmdline="panic=sometimes loglevel=loud") as vm:
        serial = vm.wait_for_serial(IDLE)
    assert "[warn] unknown loglevel=" in serial
    assert "[warn] unknown panic= option" in serial


def test_loglevel_filters_the_serial_log(kernel_image):
    with boot(kernel_image, cmdline="loglevel=error") as vm:
        serial = vm.wait_for_serial(IDLE)
    assert "[info]" not in serial


def test_screendump(kernel_image, tmp_path):
    with boot(kernel_image, cmdline="hello=pythos") as vm:
        check_booted(vm)
        png = vm.screendump(tmp_path / "boot.png")
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (720, 400), "80x25 text mode with the 9x16 font"
