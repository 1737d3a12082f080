"""Timers under the executor: many sleepers on random deadlines wake in
deadline order, each at its deadline, on the fake clock (Hypothesis)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kernel.task import executor
from kernel.task.futures import sleep_ms
from kernel.task.timers import TIMERS
from pythos.lang import u64

from .executor_fakes import Machine


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(deadlines=st.lists(st.integers(min_value=0, max_value=100_000), min_size=1000,
                          max_size=1000),
       start=st.integers(min_value=0, max_value=10**12))
def test_a_thousand_sleepers_wake_in_deadline_order(deadlines: list[int], start: int) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        machine = Machine(monkeypatch)
        machine.clock.ms = start
        woke: list[tuple[int, int, int]] = []

        async def sleeper(index: int, ms: int) -> None:
            await sleep_ms(u64(ms))
            woke.append((ms, index, machine.clock.ms - start))

        async def main() -> None:
            tasks = [executor.spawn(sleeper(i, ms), f"sleep{i}") for i, ms in enumerate(deadlines)]
            for task in tasks:
                await task

        done = executor.spawn(main(), "main")
        machine.executor.run(until=done)
        expected = sorted((ms, i) for i, ms in enumerate(deadlines))
        assert [(ms, i) for ms, i, _ in woke] == expected
        assert all(at == ms for ms, _, at in woke), "each woke at its deadline"
        assert TIMERS.count == 0 and machine.executor.live_tasks() == []
        # The CPU halted only between distinct deadlines, never polling idly.
        assert machine.cpu.halts <= len(set(d for d in deadlines if d > 0))
        executor.the_executor.clear()
