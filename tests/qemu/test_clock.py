"""The kernel's uptime against the host's clock, over more than 20 s, with
the host busy.

The kernel prints its uptime (``[   12.345] ``) at the start of each line
it echoes.  Sending a line over serial and waiting for the new prompt
brackets the moment the kernel read its clock between two host readings
of ``time.monotonic()``; of a few such exchanges at each end, the one with
the shortest round trip is used.  The kernel's interval must then lie
within 0.1% of the host's, allowing for the brackets and the uptime's
1 ms resolution.  Counting timer interrupts, as the kernel did before,
lost 1.8% idle and more with the host busy.
"""

from __future__ import annotations

import multiprocessing
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pythos.kernel_tools.qemu import QemuSession

READY = "Pythos is up."
TOLERANCE = 0.001
INTERVAL = 22.0     # seconds between the two readings
EXCHANGES = 5       # at each end; the shortest round trip counts


def spin(stop_at: float) -> None:
    while time.monotonic() < stop_at:
        pass


@contextmanager
def busy_host(processes: int, seconds: float) -> Iterator[None]:
    """Keep ``processes`` CPU hogs running (at most ``seconds``)."""
    hogs = [multiprocessing.Process(target=spin, args=(time.monotonic() + seconds,),
                                    daemon=True) for _ in range(processes)]
    for hog in hogs:
        hog.start()
    try:
        yield
    finally:
        for hog in hogs:
            hog.terminate()
            hog.join()


def read_uptime(vm: QemuSession, tag: str) -> tuple[float, float, float]:
    """(kernel uptime in s, host time before, host time after) for one exchange."""
    pattern = re.compile(re.escape(tag).encode() + rb"\n\[ *(\d+)\.(\d{3})\] ")
    sent = time.monotonic()
    vm.send_serial(tag.encode() + b"\r")
    deadline = sent + 10.0
    while True:
        match = pattern.search(vm.serial_output)
        if match:
            received = time.monotonic()
            return int(match.group(1)) + int(match.group(2)) / 1000, sent, received
        if time.monotonic() > deadline:
            raise AssertionError(f"no prompt after {tag!r}:\n{vm.serial_text[-2000:]}")
        time.sleep(0.0002)


def best_reading(vm: QemuSession, name: str) -> tuple[float, float, float]:
    readings = [read_uptime(vm, f"{name}{i}") for i in range(EXCHANGES)]
    return min(readings, key=lambda r: r[2] - r[1])


def test_uptime_keeps_wall_time_with_the_host_busy(kernel_image: Path) -> None:
    with QemuSession(kernel_image, cmdline="echo=1", timeout=INTERVAL + 60) as vm:
        vm.wait_for_serial(READY)
        with busy_host(2, INTERVAL + 30):
            up1, sent1, received1 = best_reading(vm, "a")
            time.sleep(INTERVAL - (time.monotonic() - received1))
            up2, sent2, received2 = best_reading(vm, "b")
    kernel = up2 - up1
    shortest, longest = sent2 - received1, received2 - sent1
    host = (shortest + longest) / 2
    resolution = 0.002
    drift = kernel / host - 1
    print(f"kernel {kernel:.3f} s, host {shortest:.4f}-{longest:.4f} s, drift {drift:+.4%}")
    assert shortest >= 20.0
    assert shortest * (1 - TOLERANCE) - resolution <= kernel, f"clock slow: {drift:+.3%}"
    assert kernel <= longest * (1 + TOLERANCE) + resolution, f"clock fast: {drift:+.3%}"
