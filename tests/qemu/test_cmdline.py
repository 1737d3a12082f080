"""The kernel command line: each option's effect on the first lines of the
boot, a line too long for the kernel, and `test=` on a kernel without tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from pythos.kernel_tools import ktest
from pythos.kernel_tools.qemu import QemuSession

READY = "Pythos is up."
BANNER = "Pythos 0.1.0 - an x86-64 kernel written in Python"


def boot_lines(kernel: Path, cmdline: str, until: str = READY) -> list[str]:
    with QemuSession(kernel, cmdline=cmdline, timeout=30) as vm:
        return vm.wait_for_serial(until).splitlines()


def test_loglevel_debug_shows_the_earliest_messages(kernel_image: Path) -> None:
    # Before: loglevel= took effect after the only early debug line was
    # (not) printed, so the first lines were the same with and without it.
    plain = boot_lines(kernel_image, "")
    debug = boot_lines(kernel_image, "loglevel=debug")
    assert plain[0] == debug[0] == BANNER
    assert plain[1].startswith("boot loader: ")
    assert debug[1] == "[debug] serial: COM1 passed the loopback check"
    assert debug[2].startswith("boot loader: ")
    assert not any(line.startswith("[debug]") for line in plain)


def test_loglevel_error_hides_info_from_the_start(kernel_image: Path) -> None:
    assert "[info] boot complete" in boot_lines(kernel_image, "")
    assert not any(line.startswith("[info]")
                   for line in boot_lines(kernel_image, "loglevel=error"))


def test_unknown_loglevel_is_reported_right_after_the_command_line(kernel_image: Path) -> None:
    lines = boot_lines(kernel_image, "loglevel=loud")
    at = next(i for i, line in enumerate(lines) if line.startswith("command line: "))
    assert lines[at + 1] == "[warn] unknown loglevel=; expected debug, info, warn or error"


def test_overlong_command_line_names_the_lost_options(kernel_image: Path) -> None:
    # Before: cut at 4096 bytes without a word, and the word at the cut
    # was read half ("loglevel=de").
    filler = " ".join(f"opt{i}=value" for i in range(400))   # 4,289 bytes
    cmdline = f"loglevel=warn {filler} loglevel=debug halt=wait"
    lines = boot_lines(kernel_image, cmdline)
    path_length = len(str(kernel_image)) + 1                  # QEMU puts the path first
    total = path_length + len(cmdline)
    warning = next(i for i, line in enumerate(lines) if line.startswith("warning: "))
    assert lines[warning] == (f"warning: the command line is {total} bytes, longer than "
                              "the 4096 the kernel reads")
    lost = lines[warning + 1]
    assert lost.startswith("options lost: ")
    # Every word is either kept whole (on the echoed command line) or named
    # as lost, in order; at most 8 are named, then counted.
    words = [str(kernel_image), *cmdline.split()]
    kept_line = next(line for line in lines if line.startswith("command line: "))
    kept = kept_line.removeprefix("command line: ").split()
    assert kept == words[:len(kept)]
    assert len(" ".join(kept)) <= 4096 < len(" ".join(words[:len(kept) + 1]))
    named_part, _, more = lost.removeprefix("options lost: ").partition(" and ")
    named = named_part.split()
    assert len(named) == 8
    assert named == words[len(kept):len(kept) + 8]
    assert more.endswith(" more")
    assert len(kept) + len(named) + int(more.split()[0]) == len(words)
    # The lost loglevel=debug did not apply; the kept loglevel=warn did.
    assert not any(line.startswith(("[debug]", "[info]")) for line in lines)


def test_short_command_line_has_no_warning(kernel_image: Path) -> None:
    lines = boot_lines(kernel_image, "a=1 b")
    assert not any(line.startswith("warning: ") for line in lines)


@pytest.mark.parametrize("selector", ["all", "3", "garbage"])
def test_normal_kernel_has_no_tests(kernel_image: Path, selector: str) -> None:
    # Before: "0 kernel tests passed" and the success status 33.
    status, serial = ktest.boot(kernel_image, selector)
    assert status == ktest.EXIT_BAD_SELECTOR, serial
    assert f"test={selector}: this kernel has no tests compiled in" in serial
    assert "kernel tests passed" not in serial
    assert ktest.describe_exit(status) == "the kernel rejected the test= selector"
