"""Input futures: a task awaits the keyboard or the serial port.

    await next_key()        the next key event from the PS/2 keyboard
                            (a ``keys.py`` event: a character or a key)
    await next_byte()       the next raw byte received on COM1
    await next_serial_event()  the next decoded serial event (UTF-8, arrows)
    await read_line()       a line typed on COM1, without its end

The interrupt handlers already put bytes into lock-free ring buffers
(``keyboard.buffer``, ``serial_input.buffer``).  Each handler also wakes
the ``Waiter`` of its device (``waker.KEYBOARD``, ``waker.SERIAL``): one
line in the handler, an atomic exchange and an entry in the wake set, no
allocation.  A future looks at the buffer first; only when it is empty
does it register its task in the waiter and suspend.  The order matters::

    1. buffer empty?            (yes)
    2. register the task        <- a byte arriving here finds the task
    3. buffer empty? again         registered, and wakes it
    4. yield

A byte that arrives between 1 and 2 finds no task registered and wakes
nobody, so step 3 looks again before suspending; without it the task would
sleep with a byte waiting until the next one came.  A wake after 3 that
turns out to be for a byte already taken is a spurious poll, which costs a
look at an empty buffer.

One consumer per device: the buffers are single-consumer, so only one task
at a time may await keys (the shell, or a game while it runs), and one
the serial port; use ``next_byte`` or the event futures, not both.
"""

from collections.abc import Generator
from typing import Final

import kernel.drivers.keyboard as keyboard
import kernel.drivers.serial_input as serial_input
from kernel.drivers import terminal
from kernel.shell import keys
from kernel.task import waker
from kernel.task.executor import Task, running
from kernel.task.futures import deadline_after
from kernel.task.wakeset import Waiter
from pythos.lang import i32, u32, u64

# The longest line read_line keeps; the rest of a longer line is dropped
# and counted in ``ReadLine.dropped``.
LINE_LIMIT: Final = 1024


def wait_for(device: Waiter, task: Task) -> None:
    """Register ``task`` with ``device`` (step 2 above)."""
    device.register(u32(task.slot))


class NextKey:
    """``await next_key()``: the next key press as a ``keys.py`` event."""

    def __init__(self) -> None:
        # The event, once the future has finished (for with_timeout users).
        self.event = keys.NO_EVENT

    def __await__(self) -> Generator[None, None, u32]:
        task = running().this_task()
        while True:
            while not keyboard.buffer.is_empty():
                event = keys.from_keyboard(keyboard.next_event())
                if event != keys.NO_EVENT:
                    self.event = event
                    return event
            wait_for(waker.KEYBOARD, task)
            if keyboard.buffer.is_empty():
                yield


def next_key() -> NextKey:
    return NextKey()


class NextByte:
    """``await next_byte()``: the next byte received on COM1 (0-255)."""

    def __init__(self) -> None:
        self.byte = i32(-1)

    def __await__(self) -> Generator[None, None, i32]:
        task = running().this_task()
        while True:
            byte = serial_input.read_byte()
            if byte >= 0:
                self.byte = byte
                return byte
            wait_for(waker.SERIAL, task)
            if serial_input.buffer.is_empty():
                yield


def next_byte() -> NextByte:
    return NextByte()


class NextSerialEvent:
    """``await next_serial_event()``: the next character or key from COM1,
    decoded by ``serial_input.read_event`` (escape sequences included).

    A sequence cut short (a lone ESC) ends after
    ``serial_input.SEQUENCE_TIMEOUT_MS`` of silence, so the future also
    sets a timer for that moment while a sequence is pending.
    """

    def __init__(self) -> None:
        self.event = serial_input.NO_EVENT

    def __await__(self) -> Generator[None, None, u32]:
        executor = running()
        task = executor.this_task()
        # The deadline of the sequence timer set last, so a spurious poll
        # does not set the same one again.
        timer_at = u64(0)
        while True:
            event = serial_input.read_event()
            if event != serial_input.NO_EVENT:
                self.event = event
                return event
            wait_for(waker.SERIAL, task)
            if not serial_input.buffer.is_empty():
                continue
            if serial_input.decoder.pending():
                flush_at = serial_input.last_byte_at + serial_input.SEQUENCE_TIMEOUT_MS + u64(1)
                if flush_at != timer_at:
                    executor.add_timer(flush_at, task)
                    timer_at = flush_at
            yield


def next_serial_event() -> NextSerialEvent:
    return NextSerialEvent()


class ReadLine:
    """``await read_line()``: characters from COM1 up to Enter (CR or LF),
    with Backspace taking back the last one; keys and other control
    characters are ignored."""

    def __init__(self, limit: int = LINE_LIMIT) -> None:
        self.limit = limit
        self.text = ""
        # Characters past the limit, not kept.
        self.dropped = 0

    def __await__(self) -> Generator[None, None, str]:
        chars: list[str] = []
        while True:
            source = NextSerialEvent()
            event = yield from source.__await__()
            if terminal.is_key(event):
                continue
            if event == keys.CARRIAGE_RETURN or event == keys.LINE_FEED:
                self.text = "".join(chars)
                return self.text
            if event == keys.BACKSPACE or event == keys.DELETE_CHAR:
                if len(chars) > 0:
                    chars.pop()
            elif event < keys.SPACE:
                continue                    # other control characters mean nothing here
            elif len(chars) < self.limit:
                chars.append(chr(int(event)))
            else:
                self.dropped += 1


def read_line(limit: int = LINE_LIMIT) -> ReadLine:
    return ReadLine(limit)


def console_pending() -> bool:
    """Whether a key or a COM1 byte is waiting, or a cut escape sequence
    is waiting to be flushed."""
    return not keyboard.buffer.is_empty() or not serial_input.buffer.is_empty()


class ConsoleInput:
    """``await console_input(ms)``: until the keyboard or COM1 may have
    something, or ``ms`` milliseconds have passed, whichever comes first.

    The shell reads both consoles, each through its own decoder, so it
    cannot await one device's future: it awaits this one, then takes what
    is there.  The order of the steps is ``NextKey``'s (look, register
    with both waiters, look again, yield), and the timer bounds the wait,
    so that work the shell does on its own clock (the report of dropped
    input, once a burst is over) still happens in a quiet second.  Waking
    for nothing is allowed: the caller looks again, and may wake before
    ``ms`` is up, at a timer an earlier wait set.
    """

    def __init__(self, ms: u64) -> None:
        self.ms = ms

    def __await__(self) -> Generator[None, None, None]:
        if console_pending():
            return
        executor = running()
        task = executor.this_task()
        wait_for(waker.KEYBOARD, task)
        wait_for(waker.SERIAL, task)
        now = executor.now()
        deadline = deadline_after(now, self.ms)
        # One timer at a time: a wait ended early by input leaves its
        # timer in the heap, and a wait that sets another each time would
        # be woken once more by every stale one, and set another then,
        # for ever.  A timer still ahead and not later than needed will do.
        if task.input_timer_at <= now or task.input_timer_at > deadline:
            if executor.add_timer(deadline, task):
                task.input_timer_at = deadline
        if console_pending():
            return
        yield


def console_input(ms: u64) -> ConsoleInput:
    return ConsoleInput(ms)
