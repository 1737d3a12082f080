"""Serial input by interrupt: bytes received on COM1 into a ring buffer.

``drivers/serial.py`` sets up the 16550 UART and sends; this module adds
the receive side, so the machine can be driven headless (QEMU's
``-serial``, or a terminal on a real COM port) as well as from the
keyboard.  The path mirrors the keyboard's::

    UART receive FIFO --IRQ 4--> on_irq4: drain RBR into ``buffer``, EOI
        ... later, in normal code ...
    read_byte(): pop one byte
    read_event(): pop bytes into the terminal decoder (``terminal.py``),
                  return a character or a key (Up, Delete, ...); after
                  250 ms without a byte, end a sequence left half way

Sizing the buffer: QEMU (like a terminal on a fast line) hands the UART
bytes as fast as the kernel takes them out of the FIFO, and the handler
takes them at once; the input loop, which echoes each character to the
serial port and the screen, is several times slower, so a paste must fit
in the buffer almost whole.  ``BUFFER_CAPACITY`` = 8 KiB: pastes of 8 KiB,
10,000 bytes and 12 KiB sent at once through QEMU's serial socket arrived
whole in three runs each or more; 16 KiB arrived whole in two runs of
four and lost 1,535 and 3,367 bytes in the others
(``tests/qemu/test_serial_input.py`` pastes 6 KiB).  A larger flood loses
what does not fit, and the input loop says how much (``dropreport.py``).

``init`` sets bit 0 of the Interrupt Enable Register (IER, COM1 + 1),
"received data available"::

      7 - 4     3          2             1            0
    +-------+--------+-------------+------------+-------------+
    |   0   | modem  | line status | THR empty  | data ready  |
    +-------+--------+-------------+------------+-------------+

The UART then raises IRQ 4 when its receive FIFO reaches the trigger level
that ``serial.init`` chose (14 bytes), and also when fewer bytes have
waited for four character times (the character timeout), so a single
typed byte arrives within a fraction of a millisecond.  Reading the
receive buffer register (RBR, COM1 + 0) until the Line Status Register
says "no data ready" clears both conditions.  The IRQ line reaches the PIC
only because ``serial.init`` raised OUT2 in the modem control register.

Ctrl-C as a signal: while a task waits for Ctrl-C (``waker.INTERRUPT``,
the shell's ``run`` waiting for a program), a received 0x03 is not input:
the handler counts it in ``interrupts``, wakes that task and drops the
byte, as a Unix terminal with ISIG turns its INTR character into SIGINT
for the foreground job.  With nobody waiting it is an ordinary byte (the
shell's editor cancels the line with it).

Sharing the UART: normal code sends under ``serial.lock``, touching THR and
LSR.  The handler cannot take that lock (the code it interrupted may hold
it), and does not need to: it reads only RBR and LSR, and reading LSR does
not disturb the transmitter's state.  Nobody else reads RBR once this
module is initialised (``serial.try_read``, the polling alternative, is
then unused).
"""

from typing import Final

import kernel.arch.x86_64.idt as idt
import kernel.arch.x86_64.pic as pic
import kernel.arch.x86_64.port as port
import kernel.clock as clock
import kernel.drivers.serial as serial
from kernel.drivers.terminal import TerminalDecoder
from kernel.sync.ringbuffer import RingBuffer
from kernel.task import waker
from pythos.lang import Array, InterruptFrame, Ptr, addr_of, func_addr, i32, interrupt, u8, u32, u64

COM1_IRQ: Final = u8(4)
IER_DATA_READY: Final = u8(0x01)
# The most bytes one interrupt drains (the FIFO holds 16); a UART that
# always says "data ready" (a dead one reads 0xFF) cannot hang the handler.
DRAIN_LIMIT: Final = 16

# Slots of the receive buffer: a paste of this many bytes arriving at
# once is never lost (see "Sizing the buffer" above).
BUFFER_CAPACITY: Final = u64(8192)

# Received bytes from on_irq4 (producer) to read_byte (consumer), stored
# in ``buffer_storage`` once init has attached it.
buffer = RingBuffer()
buffer_storage = Array[u8, BUFFER_CAPACITY]()
# Whether init turned receive interrupts on.  Written once by init.
enabled: bool = False
# What ``read_event`` returns when no input is waiting.
NO_EVENT: Final = u32(0xFFFFFFFF)
# Consumer side: the terminal decoder, and the index in ``decoder.out`` of
# the next event not yet handed out by ``read_event``.
decoder = TerminalDecoder()
next_decoded: u8 = u8(0)
# A sequence or character begun and then followed by this many
# milliseconds of silence is ended (a lone ESC is the Escape key).  A
# terminal sends a sequence in one piece, but QEMU hands it to the UART in
# FIFO-sized parts, with its main loop's scheduling delay in between, which
# on a busy host can reach tens of milliseconds; hence more than vim's 100.
SEQUENCE_TIMEOUT_MS: Final = u64(250)
# The uptime when next_byte last took a byte.  Consumer side.
last_byte_at: u64 = u64(0)
# What next_byte answers when there is no byte to decode.
# The byte Ctrl-C sends.
CTRL_C: Final = u8(0x03)
# Ctrl-Cs taken as signals (see the module docstring), modulo 2**64.
# Written only by the IRQ handler; a task compares it with what it saw.
interrupts: u64 = u64(0)

NO_BYTE: Final = i32(-1)
SILENCE: Final = i32(-2)


def init() -> bool:
    """Take COM1 receive interrupts on IRQ 4; False if there is no UART.

    Safety: after ``serial.init`` and ``pic.init``; call once.
    """
    global enabled
    if not serial.present:
        return False
    buffer.attach(addr_of(buffer_storage), BUFFER_CAPACITY)
    idt.set_handler(pic.vector(COM1_IRQ), func_addr(on_irq4))
    with serial.lock:
        port.write8(serial.COM1 + serial.INTERRUPT_ENABLE, IER_DATA_READY)
    enabled = True
    pic.unmask(COM1_IRQ)
    return True


@interrupt
def on_irq4(frame: Ptr[InterruptFrame]) -> None:
    """IRQ 4: move every received byte into ``buffer`` (a Ctrl-C that a
    task waits for is a signal instead: see the module docstring)."""
    global interrupts
    for _ in range(DRAIN_LIMIT):
        if (serial.line_status() & serial.LSR_DATA_READY) == 0:
            break
        byte = port.read8(serial.COM1 + serial.DATA)
        if byte == CTRL_C and waker.interrupt_typed():
            interrupts += 1
        else:
            buffer.push(byte)
    waker.serial_arrived()  # wake the task awaiting COM1, if any (kernel/task/input.py)
    pic.send_eoi(COM1_IRQ)


def read_byte() -> i32:
    """The next received byte (0-255), or -1 if none is waiting.

    Falls back to polling the UART when receive interrupts are off.
    """
    if not enabled:
        return serial.try_read()
    return buffer.pop()


def next_byte(pending: bool) -> i32:
    """The next received byte for a decoder; ``NO_BYTE`` when none is
    waiting, or ``SILENCE`` when none is waiting and the decoder has a
    sequence or character ``pending`` that has seen no byte for
    ``SEQUENCE_TIMEOUT_MS``: the caller then ends it (``flush``).

    The one place that times input out, for both decoders that read
    COM1: ``read_event``'s and the shell's (kernel/shell/consolekeys.py).
    Consumer side; a boot uses one of them.
    """
    global last_byte_at
    byte = read_byte()
    if byte >= 0:
        last_byte_at = clock.uptime_ms()
        return byte
    if pending and clock.uptime_ms() - last_byte_at >= SEQUENCE_TIMEOUT_MS:
        return SILENCE
    return NO_BYTE


def read_event() -> u32:
    """The next input event (a character or a key, see ``terminal.py``), or NO_EVENT.

    Consumer side, like ``read_byte``; use one or the other.
    """
    global next_decoded
    while next_decoded >= decoder.count:
        byte = next_byte(decoder.pending())
        if byte == NO_BYTE:
            return NO_EVENT
        if byte == SILENCE:
            decoder.flush()
        else:
            decoder.feed(u8(byte))
        next_decoded = u8(0)
    event = decoder.out[next_decoded]
    next_decoded += 1
    return event


def has_input() -> bool:
    """Whether a received byte or a decoded event is waiting (for idle loops)."""
    return not buffer.is_empty() or next_decoded < decoder.count


def dropped_bytes() -> u64:
    """Received bytes lost because nobody read them in time."""
    return buffer.dropped_count()
