"""The 16550 UART on COM1: the kernel's first and most reliable console.

Serial output works before anything else is set up, survives a broken
screen, and is what QEMU hands to the tests (``-serial``).  The UART has
eight byte-wide registers at consecutive ports from ``COM1`` = 0x3F8::

    offset  DLAB=0 read / write         DLAB=1
    +0      RBR receive / THR transmit  DLL divisor latch, low byte
    +1      IER interrupt enable        DLM divisor latch, high byte
    +2      IIR interrupt id / FCR FIFO control
    +3      LCR line control  (bit 7 = DLAB, bits 0-1 = word length - 5,
                               bit 2 = 2 stop bits, bits 3-5 = parity)
    +4      MCR modem control (bit 0 DTR, 1 RTS, 2 OUT1, 3 OUT2, 4 LOOP)
    +5      LSR line status   (bit 0 data ready, bit 5 THR empty)

``init`` follows the datasheet's order: mask the UART's interrupts, set
DLAB and write the baud-rate divisor (115200 / divisor; 1 is the fastest
rate and what QEMU ignores anyway), clear DLAB while setting 8 data bits,
no parity, one stop bit (8N1), enable and clear both 16-byte FIFOs with a
14-byte receive threshold, and raise DTR, RTS and OUT2 (OUT2 gates the
UART's interrupt line on PCs).  Then the self-check: in loopback mode the
transmitter is wired to the receiver inside the chip, so a byte written
must come back.  A machine without a working COM1 reads 0xFF from every
port, fails the check, and ``present`` stays False, after which every
write is skipped instead of spinning on a status register that never
changes.

Lines end with a bare LF, as the rest of the kernel writes them: QEMU's
``-serial stdio`` and the test harness want it that way, and terminals
attached to QEMU translate it.

Waiting for the transmitter
---------------------------

A byte may be written to THR only when line status bit 5 (THR empty) is
set.  A real UART at 115200 baud empties its holding register in 87 us,
so the wait is short, but under QEMU the bit stays clear until QEMU's
main loop has handed the previous bytes to the host (a socket, a pipe, a
terminal), and on a busy host that thread may not run for a good part of
a second.  The wait is therefore bounded by *time*, read from the time
stamp counter, not by a number of polls: ``TRANSMIT_TIMEOUT_CYCLES`` is
at least two seconds on any CPU up to 4 GHz.  It also takes at least
``TRANSMIT_MIN_POLLS`` polls, because the counter keeps running while the
host has descheduled QEMU, and a guest resumed after such a pause must
still give the UART a chance before it gives up.

A byte that still cannot be sent is not lost silently: it is counted in
``dropped`` and the transmitter is marked ``stalled``.  While stalled,
each byte waits only ``STALLED_TIMEOUT_CYCLES`` (a few milliseconds, the
time a working UART needs to empty its 16-byte FIFO), so a dead UART
slows printing down instead of stopping the kernel for seconds per byte;
the first byte that gets through ends the stall.  The input loop reports
the count on the console (``serial: 12 output bytes dropped (transmitter
stalled)``, see ``kernel/dropreport.py``), where the screen shows it even
if the serial line never recovers.

The port, ``present``, ``stalled`` and ``dropped`` are guarded by
``lock``.  ``write_unlocked`` is for the panic path only, when the lock
may be held by the code that panicked.
"""

from typing import Final

import kernel.arch.x86_64.cpu as cpu
import kernel.arch.x86_64.port as port
from kernel.sync.spinlock import Mutex
from pythos.lang import (
    Array,
    Ptr,
    addr_of,
    atomic_add,
    atomic_load,
    atomic_store,
    i32,
    str_bytes,
    u8,
    u16,
    u64,
)

COM1: Final = u16(0x3F8)

# Register offsets from the base port.
DATA: Final = u16(0)
INTERRUPT_ENABLE: Final = u16(1)
FIFO_CONTROL: Final = u16(2)
LINE_CONTROL: Final = u16(3)
MODEM_CONTROL: Final = u16(4)
LINE_STATUS: Final = u16(5)

LCR_DLAB: Final = u8(0x80)
LCR_8N1: Final = u8(0x03)
# Enable the FIFOs, clear both, interrupt at 14 received bytes.
FCR_ENABLE_CLEAR_14: Final = u8(0xC7)
MCR_DTR_RTS_OUT2: Final = u8(0x0B)
MCR_LOOPBACK_TEST: Final = u8(0x1E)
# Normal operation: DTR, RTS, OUT1 and OUT2.
MCR_NORMAL: Final = u8(0x0F)
LSR_DATA_READY: Final = u8(0x01)
LSR_OVERRUN: Final = u8(0x02)
LSR_THR_EMPTY: Final = u8(0x20)

BAUD_DIVISOR: Final = u16(1)
LOOPBACK_PROBE: Final = u8(0xAE)
# How long to wait for the transmitter before dropping a byte, in time
# stamp counter cycles: 2 s at 4 GHz, 8 s at 1 GHz (see the docstring).
TRANSMIT_TIMEOUT_CYCLES: Final = u64(8_000_000_000)
# The fewest status polls before a byte is dropped, however far the time
# stamp counter jumped while the host had QEMU descheduled.
TRANSMIT_MIN_POLLS: Final = u64(100_000)
# The wait for each byte while the transmitter is stalled: 4 ms at 4 GHz,
# more than the 1.4 ms a working UART needs to empty its FIFO.
STALLED_TIMEOUT_CYCLES: Final = u64(16_000_000)
STALLED_MIN_POLLS: Final = u64(1_000)

# Guards the UART registers, ``present``, ``stalled`` and ``dropped``.
lock = Mutex()
# Whether init found a working UART (set once by init).
present: bool = False
# Whether the last byte timed out (see "Waiting for the transmitter").
stalled: bool = False
# Output bytes dropped because the transmitter never became ready.  Written
# under ``lock``; read without it (an atomic load) by the drop report.
dropped = Array[u64, 1]()
# Receive overruns: times the UART's receive FIFO was full when another
# byte arrived, so that byte was lost before anyone could read it.  Reading
# the line status register clears the overrun bit, so every read goes
# through ``line_status``, which counts it; normal code and the IRQ 4
# handler both read it, hence the atomic add.
overruns = Array[u64, 1]()


def init() -> bool:
    """Initialise COM1 at 115200 8N1 and run the loopback self-check.

    Returns whether a working UART was found; without one, output is
    silently dropped.
    """
    global present
    with lock:
        port.write8(COM1 + INTERRUPT_ENABLE, u8(0))
        port.write8(COM1 + LINE_CONTROL, LCR_DLAB)
        port.write8(COM1 + DATA, u8(BAUD_DIVISOR & 0xFF))
        port.write8(COM1 + INTERRUPT_ENABLE, u8(BAUD_DIVISOR >> 8))
        port.write8(COM1 + LINE_CONTROL, LCR_8N1)
        port.write8(COM1 + FIFO_CONTROL, FCR_ENABLE_CLEAR_14)
        port.write8(COM1 + MODEM_CONTROL, MCR_DTR_RTS_OUT2)

        port.write8(COM1 + MODEM_CONTROL, MCR_LOOPBACK_TEST)
        port.write8(COM1 + DATA, LOOPBACK_PROBE)
        echoed = port.read8(COM1 + DATA)
        present = echoed == LOOPBACK_PROBE
        if present:
            port.write8(COM1 + MODEM_CONTROL, MCR_NORMAL)
    return present


def line_status() -> u8:
    """Read the line status register, counting a receive overrun it reports."""
    status = port.read8(COM1 + LINE_STATUS)
    if status & LSR_OVERRUN != 0:
        atomic_add(addr_of(overruns), u64(1))
    return status


def transmitter_empty() -> bool:
    """Whether THR can take a byte now.  Caller holds ``lock``."""
    return line_status() & LSR_THR_EMPTY != 0


def wait_for_transmitter(timeout_cycles: u64, min_polls: u64) -> bool:
    """Poll until THR is empty; False once both bounds have passed.

    Caller holds ``lock``.
    """
    start = cpu.timestamp()
    polls = u64(0)
    while not transmitter_empty():
        polls += 1
        if polls >= min_polls and cpu.timestamp() - start >= timeout_cycles:
            return False
        cpu.spin_hint()
    return True


def put_byte(b: u8) -> None:
    """Send one byte once the transmitter can take it, or count it dropped.

    Caller holds ``lock``.
    """
    global stalled
    if stalled:
        ready = wait_for_transmitter(STALLED_TIMEOUT_CYCLES, STALLED_MIN_POLLS)
    else:
        ready = wait_for_transmitter(TRANSMIT_TIMEOUT_CYCLES, TRANSMIT_MIN_POLLS)
    if not ready:
        stalled = True
        atomic_store(addr_of(dropped), atomic_load(addr_of(dropped)) + 1)
        return
    stalled = False
    port.write8(COM1 + DATA, b)


def dropped_output() -> u64:
    """Output bytes dropped so far because the transmitter stayed busy."""
    return atomic_load(addr_of(dropped))


def receive_overruns() -> u64:
    """Receive overruns so far (each lost at least one received byte)."""
    return atomic_load(addr_of(overruns))


def write_unlocked(data: Ptr[u8], length: u64) -> None:
    """Send ``length`` bytes at ``data`` without taking ``lock``.

    Safety: only for the panic path, when the lock may be held by the very
    code that panicked; the caller must ensure no other CPU uses the port.
    ``data`` must point at ``length`` readable bytes.
    """
    if not present:
        return
    for i in range(length):
        put_byte(data[i])


def write(data: Ptr[u8], length: u64) -> None:
    """Send ``length`` bytes at ``data``.

    Safety: ``data`` must point at ``length`` readable bytes.
    """
    with lock:
        write_unlocked(data, length)


def put_str(s: str) -> None:
    """Send a string.  Caller holds ``lock``."""
    if present:
        for b in str_bytes(s):
            put_byte(u8(b))


def write_str(s: str) -> None:
    """Send a string."""
    with lock:
        put_str(s)


def set_loopback(enabled: bool) -> None:
    """Wire the transmitter to the receiver inside the UART, or undo it.

    For tests: every byte sent comes back as received input, and nothing
    reaches the line meanwhile.  (QEMU still raises IRQ 4 for it; a real
    PC does not, as loopback also cuts OUT2 off the interrupt line.)
    """
    with lock:
        port.write8(COM1 + MODEM_CONTROL, MCR_LOOPBACK_TEST if enabled else MCR_NORMAL)


def try_read() -> i32:
    """A received byte (0-255), or -1 when none is waiting."""
    received = i32(-1)
    with lock:
        if present and line_status() & LSR_DATA_READY != 0:
            received = i32(port.read8(COM1 + DATA))
    return received

