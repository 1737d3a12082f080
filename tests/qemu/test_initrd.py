"""Boot with the initial ramdisk: the kernel finds, checks and lists it.

``pythos build`` writes initrd.tar next to the kernel image (the session's
``kernel_image`` fixture runs it), with the programs under user/.  The
kernel must reserve its frames, read it as USTAR, check each program's
ELF headers, and carry on when the ramdisk is missing or corrupt.
"""

from __future__ import annotations

import re
import tarfile

import pytest

from pythos.kernel_tools.build import have_tool, make_iso
from pythos.kernel_tools.initrd import data_files, initrd_path, program_sources

from .test_boot import BANNER, IDLE, boot

SUMMARY = re.compile(r"^initrd: (\d+) files, (\d+) KiB at (0x[0-9a-f]+)$", re.M)


def booted(vm) -> str:
    """Wait for the idle line on serial; check the kernel started once.

    (The screen scrolls with this many lines, so only serial is checked.)
    """
    serial = vm.wait_for_serial(IDLE)
    assert serial.startswith(BANNER) and serial.count(BANNER) == 1, serial
    return serial


def user_programs() -> list[str]:
    return sorted(p.stem for p in program_sources())


def test_lists_the_programs_with_their_elf_check(kernel_image):
    initrd = initrd_path(kernel_image)
    with tarfile.open(initrd) as tar:
        assert sorted(tar.getnames()) == sorted(user_programs() + ["motd.txt"])
    with boot(kernel_image, initrd=initrd, cmdline="loglevel=debug") as vm:
        serial = booted(vm)
    match = SUMMARY.search(serial)
    assert match, serial
    assert int(match.group(1)) == len(user_programs()) + len(data_files())
    assert int(match.group(2)) == (initrd.stat().st_size + 1023) // 1024
    for name in user_programs():
        line = re.search(rf"^  {name}: (\d+) bytes, ELF, \d segments, entry 0x40[0-9a-f]+$",
                         serial, re.M)
        assert line, serial
    assert re.search(r"^  motd.txt: \d+ bytes, not a program: ", serial, re.M), serial
    # The ramdisk lies after the kernel, and its frames were not handed out:
    # the heap line (which takes frames) comes first and the archive still reads.
    assert serial.index("heap:") < match.start()


def test_no_module_is_not_an_error(kernel_image):
    with boot(kernel_image) as vm:
        serial = booted(vm)
    assert "initrd: none (the boot loader gave no module)" in serial


@pytest.mark.parametrize(("damage", "message"), [
    (lambda data: data[:1000], "file data runs past the end of the archive"),
    (lambda data: data[:300], "archive ends inside a header"),
    (lambda data: data[:148] + b"9" + data[149:], "malformed octal number"),
    (lambda data: b"x" + data[1:], "header checksum mismatch"),
])
def test_a_corrupt_ramdisk_is_reported_and_the_kernel_goes_on(kernel_image, tmp_path,
                                                               damage, message):
    bad = tmp_path / "bad.tar"
    bad.write_bytes(damage(initrd_path(kernel_image).read_bytes()))
    with boot(kernel_image, initrd=bad) as vm:
        serial = booted(vm)
        assert vm.exit_code is None, "the kernel should idle, not stop"
    assert re.search(rf"^initrd: bad archive at 0x[0-9a-f]+ \(\d+ bytes\): {message}.*; "
                     "not used$", serial, re.M), serial


def test_without_debug_only_the_summary_is_printed(kernel_image):
    with boot(kernel_image, initrd=initrd_path(kernel_image)) as vm:
        serial = booted(vm)
    assert SUMMARY.search(serial), serial
    assert "  hello: " not in serial


def test_iso_loads_the_ramdisk_as_a_grub_module(kernel_image, tmp_path):
    if not have_tool("grub-mkrescue"):
        pytest.skip("grub-mkrescue is not installed")
    iso = make_iso(kernel_image, tmp_path / "pythos.iso", initrd=initrd_path(kernel_image))
    with boot(iso, iso=True, timeout=60) as vm:
        serial = booted(vm)
    match = SUMMARY.search(serial)
    assert match, serial
    assert int(match.group(1)) == len(user_programs()) + len(data_files())
