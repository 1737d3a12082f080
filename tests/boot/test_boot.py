"""End-to-end boot tests: the boot stub, linked and booted in QEMU.

These tests do not need the Pythos compiler: the test kernels (see
conftest.py) pair the boot stub with a hand-written ``kmain`` in LLVM IR.
Every QEMU run has a hard timeout, and sessions always stop QEMU.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from bootkernels import BANNER, EXIT_OK

from pythos.kernel_tools.build import kernel64_path, make_iso
from pythos.kernel_tools.qemu import QEMU, QemuSession, decode_exit_status

pytestmark = pytest.mark.skipif(shutil.which(QEMU) is None, reason=f"{QEMU} is not installed")

MAGIC_OK_LINE = "magic=ok"


def boot(kernel: Path, *, timeout: float = 10.0, **kwargs) -> QemuSession:
    return QemuSession(kernel, timeout=timeout, **kwargs).start()


def test_boots_prints_banner_and_exits(boot_kernel):
    start = time.monotonic()
    with boot(boot_kernel("exit")) as vm:
        status = vm.wait_for_exit()
        serial = vm.serial_text
    elapsed = time.monotonic() - start
    assert BANNER in serial
    assert MAGIC_OK_LINE in serial
    assert decode_exit_status(status) == EXIT_OK
    assert elapsed < 2.0, f"boot took {elapsed:.2f} s"


def test_boots_with_icount(boot_kernel):
    # -icount makes runs deterministic (rdtsc counts instructions).
    with boot(boot_kernel("exit"), icount=True) as vm:
        assert decode_exit_status(vm.wait_for_exit()) == EXIT_OK
        assert BANNER in vm.serial_text


def test_kernel_command_line_reaches_kmain(boot_kernel):
    with boot(boot_kernel("exit"), cmdline="console=serial hello=pythos") as vm:
        vm.wait_for_exit()
        # QEMU's loader puts the kernel's file name first, as GRUB Legacy did.
        assert re.search(r"cmdline=\S*kernel\.elf console=serial hello=pythos\n",
                         vm.serial_text), vm.serial_text


# Multiboot mem_upper is the KiB of RAM above 1 MiB, up to the first hole
# (the firmware keeps a little at the top of low memory, hence the range).
@pytest.mark.parametrize(
    ("memory", "mem_upper_mib"),
    [("32M", 31), ("128M", 127), ("1G", 1023), ("4G", None)],
)
def test_boots_with_memory_size(boot_kernel, memory, mem_upper_mib):
    with boot(boot_kernel("serial"), memory=memory) as vm:
        serial = vm.wait_for_serial("waiting")
        assert MAGIC_OK_LINE in serial
        assert vm.read_vga_text()[0].startswith(BANNER)
        match = re.search(r"mem_upper=([0-9a-f]{8})", serial)
        assert match, serial
        mem_upper = int(match.group(1), 16)
        if mem_upper_mib is not None:
            assert (mem_upper_mib - 1) * 1024 < mem_upper <= mem_upper_mib * 1024
        else:
            assert mem_upper >= 2 * 1024 * 1024  # at least 2 GiB below the PCI hole
        vm.send_serial(b"\x2a")
        assert decode_exit_status(vm.wait_for_exit()) == 0x2A


def test_vga_screen_and_screendump(boot_kernel, tmp_path):
    with boot(boot_kernel("serial")) as vm:
        vm.wait_for_serial("waiting")
        lines = vm.read_vga_text()
        assert len(lines) == 25
        # The rest of the line is the BIOS's text: the stub does not clear the screen.
        assert lines[0].startswith(BANNER)
        cells = vm.read_vga_cells()
        assert cells[1] == 0x0A, "banner should be light green on black"
        png = vm.screendump(tmp_path / "screen.png")
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_send_key_reaches_ps2_controller(boot_kernel):
    with boot(boot_kernel("keyboard")) as vm:
        vm.wait_for_serial("waiting")
        vm.send_key("a")
        # Scan code set 1 (the controller translates by default): 'a' is 0x1E.
        assert decode_exit_status(vm.wait_for_exit()) == 0x1E


def _interrupt_log(tmp_path: Path) -> tuple[tuple[str, ...], Path]:
    log = tmp_path / "qemu-int.log"
    return ("-d", "int,cpu_reset", "-D", str(log)), log


def _symbol(kernel: Path, name: str) -> int:
    """Look a symbol up in the ELF64 copy of a kernel (with nm)."""
    output = subprocess.run(["nm", str(kernel64_path(kernel))], capture_output=True,
                            text=True, check=True, timeout=10).stdout
    for line in output.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[2] == name:
            return int(parts[0], 16)
    raise AssertionError(f"{name} not in {kernel}")


def _page_faults(log: Path) -> list[int]:
    """CR2 of every page fault (vector 0x0e) in a QEMU -d int log."""
    text = log.read_text(errors="replace")
    return [int(m.group(1), 16) for m in re.finditer(r"v=0e .*?CR2=([0-9a-f]+)", text, re.DOTALL)]


def test_stack_guard_page_is_not_mapped(boot_kernel, tmp_path):
    kernel = boot_kernel("guard")
    extra, log = _interrupt_log(tmp_path)
    with boot(kernel, extra_args=extra) as vm:
        status = vm.wait_for_exit()
        serial = vm.serial_text
    # The page above the guard is usable; the guard itself faults, and with
    # no IDT yet the fault becomes a triple fault, which -no-reboot turns
    # into a plain QEMU exit.
    assert "bottom ok" in serial
    assert "before guard" in serial
    assert "after guard" not in serial
    assert decode_exit_status(status) is None
    assert _symbol(kernel, "__stack_guard") in _page_faults(log)


def test_stack_overflow_hits_guard_page(boot_kernel, tmp_path):
    kernel = boot_kernel("overflow")
    guard = _symbol(kernel, "__stack_guard")
    extra, log = _interrupt_log(tmp_path)
    with boot(kernel, extra_args=extra) as vm:
        status = vm.wait_for_exit()
        serial = vm.serial_text
    assert "recursing" in serial
    assert "returned" not in serial
    assert decode_exit_status(status) is None
    faults = _page_faults(log)
    assert faults and guard <= faults[0] < guard + 4096


def test_no_long_mode_shows_readable_error(boot_kernel):
    # qemu32 is a 32-bit CPU model: CPUID has no long mode bit.
    with boot(boot_kernel("exit"), cpu="qemu32") as vm:
        serial = vm.wait_for_serial("not 64-bit")
        assert "Pythos: boot failed: no long mode" in serial
        lines = vm.read_vga_text()
        assert lines[0].startswith("Pythos: boot failed: no long mode")
        cells = vm.read_vga_cells()
        assert cells[1] == 0x4F and cells[-1] == 0x4F, "whole screen white on red"
        assert vm.exit_code is None, "the stub must halt, not reset"


@pytest.mark.skipif(shutil.which("grub-mkrescue") is None,
                    reason="grub-mkrescue is not installed (Debian: grub-common grub-pc-bin "
                           "xorriso mtools)")
@pytest.mark.parametrize("memory", ["32M", "4G"])
def test_iso_boots_from_cdrom(boot_kernel, tmp_path, memory):
    iso = make_iso(boot_kernel("serial"), tmp_path / "pythos.iso", cmdline="from=iso")
    with QemuSession(iso=iso, memory=memory, timeout=30.0).start() as vm:
        serial = vm.wait_for_serial("waiting")
        assert MAGIC_OK_LINE in serial
        # GRUB 2 passes only the arguments, without the kernel's file name.
        assert re.search(r"cmdline=(\S*kernel\.elf )?from=iso\n", serial), serial
        assert vm.read_vga_text()[0].startswith(BANNER)
        vm.send_serial(b"\x07")
        assert decode_exit_status(vm.wait_for_exit()) == 7
