"""In-kernel tests of the input path: drops counted and reported, and the
terminal decoder compiled (issue 10, items 2 and 8)."""

from typing import Final

import kernel.arch.x86_64.irqflags as irqflags
import kernel.clock as clock
import kernel.drivers.keyboard as keyboard
import kernel.drivers.serial as serial
import kernel.drivers.serial_input as serial_input
from kernel.drivers import scancode
from kernel.drivers.terminal import TerminalDecoder, key_event
from kernel.dropreport import QUIET_MS, DropReport
from kernel.utf8 import REPLACEMENT
from pythos.lang import str_bytes, u8, u32, u64

FLOOD: Final = u64(300)
# More than the serial ring holds.
SERIAL_FLOOD: Final = u64(9192)

flood_report = DropReport()
serial_report = DropReport()
decoder = TerminalDecoder()


def inject(code: u8) -> None:
    """Inject one scancode and wait (up to 50 ms) until IRQ 1 has taken it."""
    stored = keyboard.buffer.length()
    dropped = keyboard.dropped_scancodes()
    assert keyboard.inject_scancode(code)
    deadline = clock.ticks() + 50
    while keyboard.buffer.length() == stored and keyboard.dropped_scancodes() == dropped \
            and clock.ticks() < deadline:
        irqflags.enable_and_halt()
    assert keyboard.buffer.length() + keyboard.dropped_scancodes() == stored + dropped + 1


def test_a_keyboard_flood_is_counted_and_reported_once() -> None:
    assert keyboard.present
    keyboard.buffer.clear()
    before = keyboard.dropped_scancodes()
    assert flood_report.due(before, u64(0)) == before
    for _ in range(FLOOD):
        inject(u8(0x1E))                      # "a" held down
    lost = keyboard.dropped_scancodes() - before
    assert lost == FLOOD - keyboard.BUFFER_CAPACITY
    # Reported once the burst is over, with the exact count.
    now = u64(1000)
    assert flood_report.due(keyboard.dropped_scancodes(), now) == 0
    assert flood_report.due(keyboard.dropped_scancodes(), now + QUIET_MS) == lost
    assert flood_report.due(keyboard.dropped_scancodes(), now + 10 * QUIET_MS) == 0
    keyboard.buffer.clear()


def test_a_serial_flood_is_counted_and_reported_once() -> None:
    # In loopback every byte sent arrives through the receiver and IRQ 4,
    # as from a terminal, and nobody reads the ring during the test.
    assert serial_input.enabled
    serial_input.buffer.clear()
    before = serial_input.dropped_bytes()
    overruns = serial.receive_overruns()
    assert serial_report.due(before, u64(0)) == before
    serial.set_loopback(True)
    with serial.lock:
        for i in range(SERIAL_FLOOD):
            serial.put_byte(u8(0x41 + i % 26))
    clock.sleep_ms(u64(20))           # the last bytes arrive by the FIFO's timeout
    serial.set_loopback(False)
    lost = serial_input.dropped_bytes() - before
    assert serial.receive_overruns() == overruns
    assert serial_input.buffer.length() == serial_input.BUFFER_CAPACITY
    assert lost == SERIAL_FLOOD - serial_input.BUFFER_CAPACITY
    assert serial_input.read_byte() == 0x41
    now = u64(1000)
    assert serial_report.due(serial_input.dropped_bytes(), now) == 0
    assert serial_report.due(serial_input.dropped_bytes(), now + QUIET_MS) == lost
    serial_input.buffer.clear()


def decode(text: str) -> u32:
    """Feed ``text``'s bytes; the last event it produced."""
    last = u32(0xFFFFFFFF)
    for b in str_bytes(text):
        count = decoder.feed(u8(b))
        if count != 0:
            last = decoder.out[count - 1]
    return last


def test_terminal_decoder_compiled() -> None:
    assert decode("\x1b[A") == key_event(scancode.KEY_UP)
    assert decode("\x1b[3~") == key_event(scancode.KEY_DELETE)
    assert decode("\x1bOH") == key_event(scancode.KEY_HOME)
    assert decode("é") == 0xE9
    assert decode("╔") == 0x2554
    assert decode("\x1b[1;5C") == key_event(scancode.KEY_RIGHT)
    # A broken character is replaced and the byte after it kept.
    assert decoder.feed(u8(0xC3)) == 0
    assert decoder.feed(u8(0x41)) == 2
    assert decoder.out[0] == REPLACEMENT and decoder.out[1] == 0x41
