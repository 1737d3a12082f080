"""In-kernel tests that drive coroutines on the executor.

What they check, on the real clock,
keyboard controller and PIT:

- ready tasks run round robin, and a sleep lasts at least its time on the
  clock (``clock.uptime_ms``), with the CPU halted in between;
- a key injected through the 8042 reaches a task awaiting ``next_key``
  through IRQ 1 and the keyboard's waiter;
- an exception in one task ends that task only; cancelling runs
  ``finally``; joining re-raises;
- every object is freed afterwards, the heap back at its baseline.
"""

import kernel.clock as clock
import kernel.drivers.keyboard as keyboard
import kernel.mm.heap as heap
from kernel.task import executor
from kernel.task.executor import TaskCancelled
from kernel.task.futures import sleep_ms, with_timeout, yield_now
from kernel.task.input import NextKey, next_key
from pythos.lang import u8, u64
from pythos.rt.alloc import obj_stats, obj_trim


class Log:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def add(self, line: str) -> None:
        self.lines.append(line)


async def worker(log: Log, name: str, rounds: int) -> None:
    for i in range(rounds):
        log.add(f"{name}{i}")
        await yield_now()


async def sleeper(log: Log, ms: u64) -> None:
    start = clock.uptime_ms()
    await sleep_ms(ms)
    slept = clock.uptime_ms() - start
    log.add(f"slept enough {slept >= ms}")


async def arrives(key: NextKey) -> None:
    await key


async def key_reader(log: Log) -> None:
    key = next_key()
    if await with_timeout(u64(1000), arrives(key)):
        log.add(f"key {chr(int(key.event))}")
    else:
        log.add("no key")


async def faulty() -> None:
    await yield_now()
    raise ValueError("bad port 0x3f8")


async def guarded(log: Log) -> None:
    try:
        await sleep_ms(u64(10_000))
    finally:
        log.add("finally ran")


async def main_task(log: Log) -> None:
    workers = [executor.spawn(worker(log, name, 2), name) for name in ["a", "b", "c"]]
    for task in workers:
        await task
    await executor.spawn(sleeper(log, u64(20)), "sleeper")
    reader = executor.spawn(key_reader(log), "keys")
    await yield_now()
    assert keyboard.inject_scancode(u8(0x1E))
    await reader
    bad = executor.spawn(faulty(), "faulty")
    try:
        await bad
    except ValueError as e:
        log.add(f"joined: {e}")
    victim = executor.spawn(guarded(log), "guarded")
    await yield_now()
    victim.cancel()
    try:
        await victim
    except TaskCancelled:
        log.add("cancelled")


def run_scenario() -> str:
    keyboard.buffer.clear()
    log = Log()
    runner = executor.init(clock.uptime_ms)
    main = runner.spawn(main_task(log), "main")
    runner.run(until=main)
    assert runner.failures == 1 and runner.halts > 0
    assert main.state_name() == "done"
    executor.the_executor.clear()
    keyboard.buffer.clear()
    return ", ".join(log.lines)


def test_tasks_sleep_read_keys_fail_and_cancel_on_the_real_machine() -> None:
    obj_trim()
    live = obj_stats().live
    used = heap.stats().bytes_used
    text = run_scenario()
    assert text == ("a0, b0, c0, a1, b1, c1, slept enough True, key a, "
                    "joined: bad port 0x3f8, finally ran, cancelled"), text
    obj_trim()
    assert obj_stats().live == live, "every task, coroutine and future was freed"
    assert heap.stats().bytes_used == used
