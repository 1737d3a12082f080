"""Helpers for the serial console tests: a session whose serial reader can
be paused, and where the output after the boot's last line begins."""

from __future__ import annotations

import threading
import time
from typing import Any

from pythos.kernel_tools.qemu import QemuSession

READY = b"Pythos is up."


class PausableSession(QemuSession):
    """A session whose serial reader thread can be paused (``reading``).

    While it is paused QEMU's socket fills after about 500 bytes (each byte
    is written on its own), and the UART's transmitter then stays busy.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.reading = threading.Event()
        self.reading.set()

    def _receive_serial(self) -> bytes:
        self.reading.wait()
        return super()._receive_serial()


def after_ready_line(vm: QemuSession) -> int:
    """Where the serial output after the whole "Pythos is up." line starts.

    The rest of that line has capital letters too, which the flood tests
    must not count.
    """
    vm.wait_for_serial(READY)
    deadline = time.monotonic() + 10
    while True:
        out = vm.serial_output
        end = out.find(b"\n", out.index(READY))
        if end >= 0:
            return end + 1
        assert time.monotonic() < deadline, out[-300:]
        time.sleep(0.01)
