"""The PS/2 keyboard: controller set-up, the IRQ 1 handler and key events.

The path of a key press::

    keyboard --(set 2)--> 8042 controller --(translated to set 1)--> port 0x60
        --IRQ 1--> on_irq1: read the byte, push it into ``buffer``, EOI
        ... later, in normal code ...
    next_event(): pop bytes, feed the scancode Decoder, return a KeyEvent
                  (and, when a lock key toggled, tell the keyboard its LEDs)

The interrupt handler does as little as possible: one port read, one
ring-buffer push (which never blocks and counts what it cannot store, see
``sync/ringbuffer.py``) and the EOI.  Decoding, with its modifier state,
happens on the consumer side, so the handler shares nothing with normal
code except the lock-free buffer.  There is one consumer: the kernel's
input loop (``next_event`` and ``read_char`` must not be called from two
places at once).

The 8042 controller has two ports::

    0x60  data     read: a byte from the keyboard or a command's reply
                   write: a byte to the keyboard, or a command's argument
    0x64  status   read:  bit 0 output full (0x60 has a byte for us)
                          bit 1 input full (the controller is still busy
                                with the last byte we wrote; wait)
          command  write: a controller command

and a configuration byte (commands 0x20 read, 0x60 write)::

      7     6       5          4         3    2       1        0
    +---+-------+---------+---------+---+------+--------+--------+
    | 0 | XLATE | port 2  | port 1  | 0 | SYS  | port 2 | port 1 |
    |   |       | clk off | clk off |   | flag |  IRQ   |  IRQ   |
    +---+-------+---------+---------+---+------+--------+--------+

``init`` follows the usual sequence: disable both ports so nothing arrives
while we configure, flush the output buffer, clear both IRQ bits while
keeping translation on (set 1 is what the decoder speaks), run the
controller self-test (0xAA must answer 0x55; it can reset the
configuration, so it is written again afterwards), test port 1 (0xAB must
answer 0x00), enable port 1, tell the keyboard to scan (0xF4, answered by
0xFA), and only then enable IRQ 1 in the configuration, route vector 33 to
``on_irq1`` and unmask the line.  Every wait on the controller is bounded:
a machine without one reads 0xFF from both ports, fails the self-test and
leaves ``present`` False instead of hanging the boot.

The lock LEDs follow the decoder's Caps Lock, Num Lock and Scroll Lock.
Setting them is a conversation with the keyboard (command 0xED, then the
LED byte, each answered with 0xFA or 0xFE; see ``keyboard_leds.py``), and
the answers arrive through IRQ 1 among the scancodes.  The handler stays
as it is; ``next_event``, which pops the bytes, hands the answers to
``leds`` while one is expected, writes the next byte of the exchange, and
feeds everything else to the decoder.  Nothing waits for an answer: a
missing one times out on a later call.  ``init`` sets the LEDs once by
polling, before IRQ 1 is on, so they start off (the BIOS may have lit
Num Lock) like the decoder's locks.

The mouse (port 2) stays disabled.
"""

from typing import Final

import kernel.arch.x86_64.idt as idt
import kernel.arch.x86_64.pic as pic
import kernel.arch.x86_64.port as port
import kernel.clock as clock
from kernel.drivers.keyboard_leds import LEDS_UNKNOWN, NOTHING, LedUpdater, is_answer, led_bits
from kernel.drivers.scancode import Decoder, KeyEvent
from kernel.sync.ringbuffer import EMPTY, RingBuffer
from kernel.task import waker
from pythos.lang import Array, InterruptFrame, Ptr, addr_of, func_addr, i32, interrupt, u8, u16, u64

DATA_PORT: Final = u16(0x60)
STATUS_PORT: Final = u16(0x64)
COMMAND_PORT: Final = u16(0x64)

STATUS_OUTPUT_FULL: Final = u8(0x01)
STATUS_INPUT_FULL: Final = u8(0x02)

COMMAND_READ_CONFIG: Final = u8(0x20)
COMMAND_WRITE_CONFIG: Final = u8(0x60)
COMMAND_DISABLE_PORT2: Final = u8(0xA7)
COMMAND_SELF_TEST: Final = u8(0xAA)
COMMAND_TEST_PORT1: Final = u8(0xAB)
COMMAND_DISABLE_PORT1: Final = u8(0xAD)
COMMAND_ENABLE_PORT1: Final = u8(0xAE)
COMMAND_WRITE_PORT1_OUTPUT: Final = u8(0xD2)

CONFIG_PORT1_IRQ: Final = u8(0x01)
CONFIG_PORT2_IRQ: Final = u8(0x02)
CONFIG_PORT1_CLOCK_OFF: Final = u8(0x10)
CONFIG_TRANSLATION: Final = u8(0x40)

SELF_TEST_PASSED: Final = u8(0x55)
PORT_TEST_PASSED: Final = u8(0x00)
KEYBOARD_ENABLE_SCANNING: Final = u8(0xF4)
KEYBOARD_ACK: Final = u8(0xFA)

KEYBOARD_IRQ: Final = u8(1)
# Status polls before giving up on the controller.  A real 8042 answers
# within a few milliseconds; each poll is a port read of about 1 us.
TIMEOUT_POLLS: Final = 100000
# At most this many stale bytes are drained at init (the output buffer is
# one byte, but a keyboard can have a few more queued).
FLUSH_LIMIT: Final = 32

# Slots of the scancode buffer: a typist sends a few dozen bytes per
# second, and the input loop reads them within a timer tick.
BUFFER_CAPACITY: Final = u64(256)

# Scancodes from on_irq1 (the producer) to next_event (the consumer),
# stored in ``buffer_storage`` once init has attached it.
buffer = RingBuffer()
buffer_storage = Array[u8, BUFFER_CAPACITY]()
# Consumer-side decoding state.  Only next_event touches it.
decoder = Decoder()
# The LED exchange.  Consumer side too: init, then only next_event.
leds = LedUpdater()
# Whether init found a working controller.  Written once by init.
present: bool = False


def wait_until_writable() -> bool:
    """Wait for the controller's input buffer to empty; False on timeout."""
    for _ in range(TIMEOUT_POLLS):  # noqa: SIM110 - no generators in Pythos
        if (port.read8(STATUS_PORT) & STATUS_INPUT_FULL) == 0:
            return True
    return False


def write_command(command: u8) -> bool:
    """Send a controller command; False if the controller never got ready."""
    if not wait_until_writable():
        return False
    port.write8(COMMAND_PORT, command)
    return True


def write_data(value: u8) -> bool:
    """Send a byte to the data port (a command argument, or to the keyboard)."""
    if not wait_until_writable():
        return False
    port.write8(DATA_PORT, value)
    return True


def read_data() -> i32:
    """Wait for a byte from the data port; -1 on timeout."""
    for _ in range(TIMEOUT_POLLS):
        if (port.read8(STATUS_PORT) & STATUS_OUTPUT_FULL) != 0:
            return i32(port.read8(DATA_PORT))
    return i32(-1)


def flush() -> None:
    """Drop whatever bytes are waiting in the controller."""
    for _ in range(FLUSH_LIMIT):
        if (port.read8(STATUS_PORT) & STATUS_OUTPUT_FULL) == 0:
            return
        port.read8(DATA_PORT)


def write_config(config: u8) -> bool:
    """Write the controller configuration byte."""
    return write_command(COMMAND_WRITE_CONFIG) and write_data(config)


def init() -> bool:
    """Set up the controller and the keyboard and start taking IRQ 1.

    Returns whether a working controller was found.  Safety: after
    ``pic.init``, with interrupts disabled; call once.
    """
    global present
    buffer.attach(addr_of(buffer_storage), BUFFER_CAPACITY)
    if not (write_command(COMMAND_DISABLE_PORT1) and write_command(COMMAND_DISABLE_PORT2)):
        return False
    flush()
    if not write_command(COMMAND_READ_CONFIG):
        return False
    reply = read_data()
    if reply < 0:
        return False
    config = (u8(reply) & ~(CONFIG_PORT1_IRQ | CONFIG_PORT2_IRQ)) | CONFIG_TRANSLATION
    if not write_config(config):
        return False
    if not write_command(COMMAND_SELF_TEST) or read_data() != i32(SELF_TEST_PASSED):
        return False
    if not write_config(config):
        return False
    if not write_command(COMMAND_TEST_PORT1) or read_data() != i32(PORT_TEST_PASSED):
        return False
    if not write_command(COMMAND_ENABLE_PORT1):
        return False
    # The keyboard normally scans after power-on; ask anyway (a missing
    # acknowledgement is not fatal: some keyboards only answer later).
    if write_data(KEYBOARD_ENABLE_SCANNING):
        read_data()
    set_leds_polling()
    config = (config | CONFIG_PORT1_IRQ) & ~CONFIG_PORT1_CLOCK_OFF
    if not write_config(config):
        return False
    flush()
    present = True
    idt.set_handler(pic.vector(KEYBOARD_IRQ), func_addr(on_irq1))
    pic.unmask(KEYBOARD_IRQ)
    return True


@interrupt
def on_irq1(frame: Ptr[InterruptFrame]) -> None:
    """IRQ 1: move the byte from the controller into ``buffer``."""
    if (port.read8(STATUS_PORT) & STATUS_OUTPUT_FULL) != 0:
        buffer.push(port.read8(DATA_PORT))
        waker.key_arrived()  # wake the task awaiting next_key, if any (kernel/task/input.py)
    pic.send_eoi(KEYBOARD_IRQ)


def set_leds_polling() -> None:
    """Make the LEDs match the decoder's locks, polling for the answers.

    For ``init`` only, before IRQ 1 is enabled.  The exchange is bounded
    (``LedUpdater`` gives up after a few resends and attempts), and so is
    each wait; a keyboard that does not answer leaves the LEDs as they were.
    """
    leds.shown = LEDS_UNKNOWN          # whatever the BIOS left lit
    to_send = leds.set(decoder_leds(), u64(0))
    while to_send != NOTHING:
        if not write_data(u8(to_send)):
            break
        answer = read_answer()
        if answer < 0:
            break
        to_send = leds.answer(u8(answer), u64(0))
    if leds.awaiting_answer():
        leds.give_up()


def read_answer() -> i32:
    """Wait for the keyboard's 0xFA or 0xFE, skipping keys; -1 if none comes."""
    for _ in range(FLUSH_LIMIT):
        byte = read_data()
        if byte < 0:
            return byte
        if is_answer(u8(byte)):
            return byte
    return i32(-1)


def decoder_leds() -> u8:
    """The LED bits for the decoder's locks now."""
    return led_bits(decoder.modifiers, decoder.scroll_lock)


def send_led_byte(byte: i32) -> None:
    """Write the LED exchange's next byte, if there is one.

    A byte the controller does not take is not retried here: its answer
    never comes, and the exchange times out and starts again.
    """
    if byte != NOTHING and present:
        write_data(u8(byte))


def next_event() -> KeyEvent:
    """The next key press or release, or an event with ``key == KEY_NONE``.

    Never blocks.  Consumer side: one caller at a time.  Also moves the
    LED exchange on: it answers the keyboard's replies, notices time-outs
    and starts an exchange when a key changed a lock.
    """
    while True:
        byte = buffer.pop()
        if byte == EMPTY:
            if leds.awaiting_answer():
                send_led_byte(leds.poll(clock.uptime_ms()))
            return KeyEvent()
        if leds.awaiting_answer() and is_answer(u8(byte)):
            send_led_byte(leds.answer(u8(byte), clock.uptime_ms()))
            continue
        event = decoder.feed(u8(byte))
        if event.is_key():
            bits = decoder_leds()
            if not leds.is_settled(bits):
                send_led_byte(leds.set(bits, clock.uptime_ms()))
            return event


def read_char() -> i32:
    """The next character typed (from key presses), or -1 if none is waiting."""
    while True:
        event = next_event()
        if not event.is_key():
            return i32(-1)
        if event.pressed and event.char != 0:
            return i32(event.char)


def inject_scancode(byte: u8) -> bool:
    """Make the controller deliver ``byte`` as if the keyboard had sent it.

    Controller command 0xD2 writes the next data byte into port 1's output
    buffer, which raises IRQ 1 like a real key would; in-kernel tests and
    the interrupt benchmark use it to exercise the whole path.  Returns
    False if the controller never took the byte.
    """
    return present and write_command(COMMAND_WRITE_PORT1_OUTPUT) and write_data(byte)


def output_pending() -> bool:
    """Whether the controller holds a byte that has not been read yet."""
    return (port.read8(STATUS_PORT) & STATUS_OUTPUT_FULL) != 0


def dropped_scancodes() -> u64:
    """Scancodes lost because nobody read them in time."""
    return buffer.dropped_count()
