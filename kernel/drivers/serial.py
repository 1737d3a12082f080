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

The port and ``present`` are guarded by ``lock``.  ``write_unlocked`` is
for the panic path only, when the lock may be held by the code that
panicked.
"""

from typing import Final

import kernel.arch.x86_64.port as port
from kernel.sync.spinlock import Mutex
from pythos.lang import Ptr, i32, str_bytes, u8, u16, u64

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
LSR_THR_EMPTY: Final = u8(0x20)

BAUD_DIVISOR: Final = u16(1)
LOOPBACK_PROBE: Final = u8(0xAE)
# How many status polls to wait for the transmitter before giving up on a
# byte.  A real UART at 115200 baud empties its holding register in about
# 87 us; this bound only matters for hardware that has died since init.
TRANSMIT_SPINS: Final = 100000

# Guards the UART registers and ``present``.
lock = Mutex()
# Whether init found a working UART (set once by init).
present: bool = False


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


def put_byte(b: u8) -> None:
    """Send one byte once the transmitter can take it.  Caller holds ``lock``."""
    spins = 0
    while port.read8(COM1 + LINE_STATUS) & LSR_THR_EMPTY == 0:
        spins += 1
        if spins == TRANSMIT_SPINS:
            return
    port.write8(COM1 + DATA, b)


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


def try_read() -> i32:
    """A received byte (0-255), or -1 when none is waiting."""
    received = i32(-1)
    with lock:
        if present and port.read8(COM1 + LINE_STATUS) & LSR_DATA_READY != 0:
            received = i32(port.read8(COM1 + DATA))
    return received

