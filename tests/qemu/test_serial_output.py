"""Serial output when the other end stops reading (issue 10, item 11).

QEMU writes each transmitted byte to the serial socket on its own, and a
UNIX socket charges every such write several hundred bytes of its buffer,
so only about 500 bytes of output fit while nobody reads.  Then QEMU keeps the UART's
"transmitter empty" bit clear until the reader catches up.  The test
harness's reader is a thread on a busy host, and when it was late the
kernel used to give up on bytes after a fixed number of polls (a test once
read "general protection fult").  Here the reader is paused on purpose.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

from .serial_session import PausableSession, after_ready_line

PROMPT = re.compile(rb"\n\[ *\d+\.\d{3}\] ")
STALL_REPORT = re.compile(r"serial: (\d+) output bytes dropped \(transmitter stalled\)")


def test_a_reader_that_pauses_loses_no_output(kernel_image: Path) -> None:
    enters = 60                       # 60 new prompts: 780 bytes of output
    with PausableSession(kernel_image, cmdline="echo=1", timeout=60) as vm:
        start = after_ready_line(vm)
        time.sleep(0.2)               # the first prompt is out
        vm.reading.clear()
        time.sleep(0.05)              # let a recv in progress finish
        vm.send_serial(b"\r" * enters)
        time.sleep(0.3)               # the reader is late by 0.3 s
        vm.reading.set()
        deadline = time.monotonic() + 20
        while len(PROMPT.findall(vm.serial_output[start:])) < enters + 1 \
                and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.5)
        out = vm.serial_output[start:]
        screen = "\n".join(vm.read_vga_text())
    # Every byte of every prompt arrived: the first, then one per Enter.
    assert re.fullmatch(rb"\[ *\d+\.\d{3}\] (\n\[ *\d+\.\d{3}\] ){%d}" % enters, out), out
    assert not STALL_REPORT.search(screen)


def test_a_reader_gone_for_good_is_reported_on_screen(kernel_image: Path) -> None:
    with PausableSession(kernel_image, timeout=90) as vm:
        after_ready_line(vm)
        time.sleep(0.2)
        vm.reading.clear()
        time.sleep(0.05)
        vm.send_serial(b"\r" * 60)
        # The transmitter stays busy: after the time bound (about 3 s on this
        # host) bytes are counted, and once the burst is over the screen
        # says how many.
        deadline = time.monotonic() + 40
        found = None
        while found is None and time.monotonic() < deadline:
            time.sleep(0.5)
            found = STALL_REPORT.search("\n".join(vm.read_vga_text()))
        vm.reading.set()
    assert found is not None, "no stall report on the screen"
    assert 0 < int(found.group(1)) <= 60 * 13
