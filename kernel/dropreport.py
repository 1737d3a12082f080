"""Telling the user about lost input (and output): one line per burst.

Input is lost in two places: an interrupt handler finds its ring buffer
full (``sync/ringbuffer.py``) and counts the byte instead of storing it,
or, on real hardware with interrupts held off for too long, the UART's
16-byte receive FIFO overflows and the UART flags an *overrun*, which
``serial.line_status`` counts (at 115200 baud that takes 1.4 ms).
The handler cannot say so itself; printing from an interrupt would take
the console locks that the interrupted code may hold, and a flood would
then print a line per byte.  Output is lost when the serial transmitter
never becomes ready (``drivers/serial.py``).  Either way a counter grows,
and the input loop, in normal code, calls ``report`` on every turn to turn
the counters into console lines such as::

    serial: 90191 bytes dropped (input too fast)
    serial: 2 receive overruns (input lost before the kernel read it)
    keyboard: 12 scancodes dropped (input too fast)
    serial: 37 output bytes dropped (transmitter stalled)

A flood drops bytes for as long as it lasts, so one report per dropped
byte, or even one per turn of the loop, would bury the screen.
``DropReport`` waits until a burst of drops is over: it reports once the
counter has not moved for ``QUIET_MS``, with the whole burst's count, so a
paste that overflows gives exactly one line with the exact number lost.
A flood that never ends is still reported, at most every
``MAX_DELAY_MS``, each line counting the drops since the previous one.
The counts of all lines add up to the counter: nothing is reported twice
or left out.

``DropReport`` is pure logic over (counter, time) and is tested on the
host (tests/kernel/test_dropreport.py).
"""

from typing import Final

import kernel.drivers.keyboard as keyboard
import kernel.drivers.serial as serial
import kernel.drivers.serial_input as serial_input
from pythos.lang import struct, u64

# A burst of drops is over when the counter has not moved for this long.
QUIET_MS: Final = u64(200)
# A burst that goes on is reported at least this often.
MAX_DELAY_MS: Final = u64(2000)


@struct
class DropReport:
    """When to report a drop counter.  ``DropReport()`` has reported nothing."""

    # The counter's value when last polled, and how much of it is reported.
    seen: u64
    reported: u64
    # When ``seen`` last changed, and when the oldest unreported drop was
    # first seen (milliseconds of uptime).
    changed_at: u64
    pending_since: u64

    def due(self, count: u64, now_ms: u64) -> u64:
        """How many drops to report now, given the counter's value; 0: none.

        A non-zero answer counts as reported.
        """
        if count != self.seen:
            if self.seen == self.reported:
                self.pending_since = now_ms
            self.seen = count
            self.changed_at = now_ms
        if self.seen == self.reported:
            return u64(0)
        if now_ms - self.changed_at < QUIET_MS and now_ms - self.pending_since < MAX_DELAY_MS:
            return u64(0)
        burst = self.seen - self.reported
        self.reported = self.seen
        return burst

    def absorb(self, count: u64, counter: u64) -> None:
        """Count ``count`` drops as reported without reporting them.

        For the drops a report causes itself (see ``end_report``);
        ``counter`` is the counter's value now, which includes them.  The
        invariant ``reported <= seen <= counter`` holds: ``reported`` was
        at most the counter before those drops.
        """
        self.reported += count
        self.seen = counter


serial_input_drops = DropReport()
keyboard_drops = DropReport()
serial_output_drops = DropReport()
serial_overruns = DropReport()
# serial.dropped_output() when the report being printed began.
output_dropped_before: u64 = u64(0)


def report(now_ms: u64) -> bool:
    """Print a line for each counter with drops due; whether any was printed.

    Each line starts with a newline, so it never joins text already on
    the line.  If anything was printed the caller ends the last line (and
    may print a prompt), then calls ``end_report``.  Normal
    (non-interrupt) code only: it prints.
    """
    global output_dropped_before
    output_dropped_before = serial.dropped_output()
    printed = False
    lost = serial_input_drops.due(serial_input.dropped_bytes(), now_ms)
    if lost != 0:
        print(f"\nserial: {lost} bytes dropped (input too fast)", end="")
        printed = True
    lost = serial_overruns.due(serial.receive_overruns(), now_ms)
    if lost != 0:
        print(f"\nserial: {lost} receive overruns (input lost before the kernel read it)",
              end="")
        printed = True
    lost = keyboard_drops.due(keyboard.dropped_scancodes(), now_ms)
    if lost != 0:
        print(f"\nkeyboard: {lost} scancodes dropped (input too fast)", end="")
        printed = True
    lost = serial_output_drops.due(serial.dropped_output(), now_ms)
    if lost != 0:
        print(f"\nserial: {lost} output bytes dropped (transmitter stalled)", end="")
        printed = True
    return printed


def end_report() -> None:
    """Mark the output bytes the report itself lost as known.

    While the transmitter is stalled, the report's own lines are dropped
    on the serial side too (the screen shows them).  Reporting those
    would print another report, which would be dropped in turn, for ever;
    they are the only output between ``report`` and this call, so they
    are absorbed instead.
    """
    now_dropped = serial.dropped_output()
    serial_output_drops.absorb(now_dropped - output_dropped_before, now_dropped)
