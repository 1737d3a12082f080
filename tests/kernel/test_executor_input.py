"""Input futures under the executor, with the real IRQ handlers on fake
devices: a key flood while every task is busy, serial lines, and the idle
loop against an interrupt that arrives between its check and its halt."""

from __future__ import annotations

import pytest

import kernel.drivers.keyboard as keyboard
import kernel.drivers.serial_input as serial_input
from kernel.shell import keys
from kernel.task import executor, waker
from kernel.task.executor import Executor
from kernel.task.futures import sleep_ms, with_timeout, yield_now
from kernel.task.input import NextKey, console_input, next_byte, next_key, read_line
from kernel.task.timers import TIMERS
from kernel.task.wakeset import Waiter, WakeSet
from pythos.lang import u64

from .executor_fakes import (
    FakeKeyboardController,
    FakeUart,
    HaltedForever,
    Machine,
    key_interrupt,
    serial_interrupt,
)

# Set 1 make codes of the 26 letters, a to z.
LETTER_CODES = [0x1E, 0x30, 0x2E, 0x20, 0x12, 0x21, 0x22, 0x23, 0x17, 0x24, 0x25, 0x26, 0x32,
                0x31, 0x18, 0x19, 0x10, 0x13, 0x1F, 0x14, 0x16, 0x2F, 0x11, 0x2D, 0x15, 0x2C]


def test_a_key_flood_while_every_task_is_busy_keeps_what_fits_and_counts_the_rest(
        machine: Machine, keyboard_device: FakeKeyboardController) -> None:
    capacity = int(keyboard.BUFFER_CAPACITY)
    flood = 300
    got: list[int] = []

    async def reader(count: int) -> None:
        for _ in range(count):
            got.append(int(await next_key()))

    async def busy(name: str, rounds: int) -> None:
        for i in range(rounds):
            if name == "busy0" and i == 1:
                # A long stretch of work with interrupts on: the keys pour
                # in, every IRQ wakes the reader, nobody reads them yet.
                for n in range(flood):
                    machine.cpu.raise_irq(key_interrupt(keyboard_device,
                                                        LETTER_CODES[n % 26]))
            await yield_now()

    keys_task = executor.spawn(reader(capacity + 1), "keys")
    machine.executor.run_until_idle()
    assert keys_task.state_name() == "waiting" and waker.KEYBOARD.registered() == keys_task.slot
    busy_tasks = [executor.spawn(busy(f"busy{i}", 4), f"busy{i}") for i in range(3)]
    machine.executor.run_until_idle()
    assert all(task.state_name() == "done" for task in busy_tasks)
    expected = [ord("a") + n % 26 for n in range(capacity)]
    assert got == expected, "every key that fit the buffer arrived, in order"
    assert keyboard.dropped_scancodes() == flood - capacity
    assert keys_task.wakes() == 2, "spawned, then one wake: the waiter empties at the first IRQ"
    # The flood is over: the next key still gets through.
    machine.cpu.raise_irq(key_interrupt(keyboard_device, LETTER_CODES[25]))
    machine.executor.run_until_idle()
    assert got[-1] == ord("z") and keys_task.state_name() == "done"


def test_key_releases_and_modifiers_are_skipped_and_keys_keep_their_codes(
        machine: Machine, keyboard_device: FakeKeyboardController) -> None:
    got: list[int] = []

    async def reader() -> None:
        for _ in range(3):
            got.append(int(await next_key()))

    executor.spawn(reader(), "keys")
    machine.executor.run_until_idle()
    # Shift down, a (A), a up, Shift up, Up arrow (E0 48).
    for code in [0x2A, 0x1E, 0x9E, 0xAA, 0x1E, 0xE0, 0x48]:
        machine.cpu.raise_irq(key_interrupt(keyboard_device, code))
        machine.executor.run_until_idle()
    assert got == [ord("A"), ord("a"), int(keys.key(keys.UP))]


def test_with_timeout_on_a_key_gives_up_then_a_later_key_is_not_lost(
        machine: Machine, keyboard_device: FakeKeyboardController) -> None:
    seen: list[str] = []

    async def arrives(key: NextKey) -> None:
        await key

    async def prompt() -> None:
        key = next_key()
        if not await with_timeout(u64(100), arrives(key)):
            seen.append(f"no key by {machine.clock.ms}")
        key = next_key()
        await key
        seen.append(f"key {chr(key.event)}")

    task = executor.spawn(prompt(), "prompt")
    with pytest.raises(HaltedForever):
        machine.executor.run(until=task)      # waits 100 ms, then for a key for ever
    assert seen == ["no key by 100"]
    machine.cpu.enabled = True
    machine.cpu.raise_irq(key_interrupt(keyboard_device, LETTER_CODES[10]))
    machine.executor.run(until=task)
    assert seen == ["no key by 100", "key k"]


def test_read_line_assembles_a_line_from_serial_interrupts(
        machine: Machine, uart: FakeUart) -> None:
    lines: list[str] = []

    async def reader() -> None:
        for _ in range(3):
            lines.append(await read_line())

    task = executor.spawn(reader(), "serial")
    for chunk in [b"he", b"lx\x7fp\r", "caf\u00e9\n".encode(), b"\x1b[Au\x07p\r"]:
        machine.executor.run_until_idle()
        assert task.state_name() == "waiting"
        machine.cpu.raise_irq(serial_interrupt(uart, chunk))
    machine.executor.run_until_idle()
    assert lines == ["help", "caf\u00e9", "up"] and task.state_name() == "done"


def test_read_line_keeps_its_limit_and_counts_the_rest(machine: Machine, uart: FakeUart) -> None:
    future = read_line(8)

    async def reader() -> None:
        await future

    task = executor.spawn(reader(), "serial")
    machine.executor.run_until_idle()
    machine.cpu.raise_irq(serial_interrupt(uart, b"0123456789abc\r"))
    machine.executor.run(until=task)
    assert future.text == "01234567" and future.dropped == 5


class RaceOnTheIdleCheck:
    """Makes a byte reach the UART right after the idle loop found the wake
    set empty, before it halts: the window a lost wake-up hides in."""

    def __init__(self, machine: Machine, uart: FakeUart, monkeypatch: pytest.MonkeyPatch) -> None:
        self.machine = machine
        self.uart = uart
        self.armed = False
        self.fired = 0
        original = WakeSet.is_empty_locked

        def checked(wakes: WakeSet) -> bool:
            empty = original(wakes)
            self.armed = empty
            return empty

        monkeypatch.setattr(WakeSet, "is_empty_locked", checked)
        machine.clock.on_read = self.on_clock_read

    def on_clock_read(self) -> None:
        # The idle check reads the clock (for the timers) just after the
        # wake set: the interrupt arrives exactly then.
        if self.armed and self.fired == 0:
            self.armed = False
            self.fired += 1
            self.machine.cpu.raise_irq(serial_interrupt(self.uart, b"x"))


def careless_idle(self: Executor) -> None:
    """An idle loop that checks with interrupts enabled, then halts."""
    if waker.WAKES.is_empty_locked() and TIMERS.next_deadline() > self.now():
        self.halts += 1
        import kernel.arch.x86_64.irqflags as irqflags
        irqflags.enable_and_halt()


def byte_reader(got: list[int]) -> executor.Task:
    async def reader() -> None:
        got.append(int(await next_byte()))
    return executor.spawn(reader(), "serial")


def test_a_wake_between_the_idle_check_and_the_halt_is_not_lost(
        machine: Machine, uart: FakeUart, monkeypatch: pytest.MonkeyPatch) -> None:
    race = RaceOnTheIdleCheck(machine, uart, monkeypatch)
    got: list[int] = []
    task = byte_reader(got)
    machine.executor.run(until=task)
    assert race.fired == 1 and got == [ord("x")]
    assert machine.cpu.halts == 1, "the pending interrupt ended the halt at once"


def test_the_model_catches_an_idle_loop_that_checks_with_interrupts_on(
        machine: Machine, uart: FakeUart, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same race against a careless idle loop: the interrupt is taken
    before the halt, the halt never ends (on hardware: until some later
    interrupt), so the test above would fail for such a loop."""
    race = RaceOnTheIdleCheck(machine, uart, monkeypatch)
    monkeypatch.setattr(Executor, "idle", careless_idle)
    got: list[int] = []
    task = byte_reader(got)
    with pytest.raises(HaltedForever):
        machine.executor.run(until=task)
    assert race.fired == 1 and got == []


def test_sleep_wakes_on_clock_time_not_on_tick_count(machine: Machine) -> None:
    """Under TCG several ticks arrive as one: a sleep measures the clock."""
    woke: list[int] = []

    async def sleeper() -> None:
        await sleep_ms(u64(10))
        woke.append(machine.clock.ms)

    task = executor.spawn(sleeper(), "sleeper")
    machine.executor.run_until_idle()
    machine.clock.ms = 25           # one late, merged tick: 25 ms passed at once
    machine.executor.run_until_idle()
    assert woke == [25] and task.state_name() == "done"


def test_a_key_arriving_just_before_the_task_registers_is_not_missed(
        machine: Machine, keyboard_device: FakeKeyboardController,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The byte lands after the future found the buffer empty and before it
    registered the task, so its IRQ wakes nobody: the look after
    registering must find it."""
    import kernel.task.input as task_input
    register = task_input.wait_for

    def late(device: Waiter, task: executor.Task) -> None:
        if device is waker.KEYBOARD and keyboard.buffer.is_empty() and not got:
            machine.cpu.raise_irq(key_interrupt(keyboard_device, LETTER_CODES[0]))
        register(device, task)

    monkeypatch.setattr(task_input, "wait_for", late)
    got: list[int] = []

    async def reader() -> None:
        got.append(int(await next_key()))

    task = executor.spawn(reader(), "keys")
    machine.executor.run_until_idle()
    assert got == [ord("a")] and task.state_name() == "done"


def test_console_input_returns_for_a_key_a_serial_byte_or_the_time(
        machine: Machine, keyboard_device: FakeKeyboardController, uart: FakeUart) -> None:
    """The shell's wait (kernel/shell/prompt.py): whichever console has
    something ends it, and so does the time bound, with the CPU halted in
    between; it takes nothing out of the buffers."""
    woke: list[str] = []

    async def shell() -> None:
        for _ in range(3):
            await console_input(u64(500))
            woke.append(f"{machine.clock.ms} key={not keyboard.buffer.is_empty()} "
                        f"serial={not serial_input.buffer.is_empty()}")
            while keyboard.buffer.pop() >= 0:
                pass
            while serial_input.read_byte() >= 0:
                pass

    task = executor.spawn(shell(), "shell")
    machine.executor.run_until_idle()
    assert task.state_name() == "waiting"
    machine.cpu.raise_irq(key_interrupt(keyboard_device, LETTER_CODES[0]))
    machine.executor.run_until_idle()
    machine.cpu.raise_irq(serial_interrupt(uart, b"x"))
    machine.executor.run_until_idle()
    machine.executor.run(until=task)  # the third wait ends at its deadline
    assert woke == ["0 key=True serial=False", "0 key=False serial=True",
                    "500 key=False serial=False"]


def test_console_input_keeps_one_timer_however_often_it_is_woken(
        machine: Machine, keyboard_device: FakeKeyboardController, uart: FakeUart) -> None:
    """A wait woken early by input leaves its timer behind.  If every wait
    set a timer of its own, each stale one would wake the task once more
    and that wake would set another: a burst of typing would leave the
    shell woken ten times a second per key, for ever.  One timer at a
    time, and a wait that finds it still ahead reuses it."""
    polls: list[int] = []

    async def shell() -> None:
        while True:
            await console_input(u64(100))
            polls.append(machine.clock.ms)
            while serial_input.read_byte() >= 0:
                pass

    task = executor.spawn(shell(), "shell")
    machine.executor.run_until_idle()
    for ms in range(20):                       # a byte each millisecond
        machine.clock.ms = ms
        machine.cpu.raise_irq(serial_interrupt(uart, b"k"))
        machine.executor.run_until_idle()
    assert len(polls) == 20 and TIMERS.count == 1
    polls.clear()
    while machine.clock.ms < 1000:             # then a quiet second
        machine.executor.idle()
        machine.executor.run_until_idle()
    assert len(polls) <= 10, f"{len(polls)} polls in a quiet second"
    assert TIMERS.count == 1 and task.state_name() == "waiting"
