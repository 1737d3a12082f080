"""IrqLock against a model of the interrupt flag.

RFLAGS only exists in the kernel, so the tests replace the three
``irqflags`` functions the lock calls with a simulated IF; the lock's own
logic (save, disable, spin, restore in the right order) runs unchanged.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import kernel.arch.x86_64.irqflags as irqflags
from kernel.sync.irqlock import IrqLock

from .fake_hardware import FakeInterruptFlag


def simulated_cpu(enabled: bool) -> FakeInterruptFlag:
    sim = FakeInterruptFlag()
    sim.enabled = enabled
    return sim


@pytest.fixture
def cpu(monkeypatch: pytest.MonkeyPatch) -> FakeInterruptFlag:
    sim = simulated_cpu(True)
    monkeypatch.setattr(irqflags, "save_and_disable", sim.save_and_disable)
    monkeypatch.setattr(irqflags, "restore", sim.restore)
    return sim


def test_lock_disables_and_unlock_restores(cpu: FakeInterruptFlag) -> None:
    lock = IrqLock()
    with lock:
        assert lock.is_locked()
        assert not cpu.enabled
    assert not lock.is_locked()
    assert cpu.enabled


def test_lock_taken_with_interrupts_off_leaves_them_off(cpu: FakeInterruptFlag) -> None:
    cpu.enabled = False
    lock = IrqLock()
    with lock:
        pass
    assert not cpu.enabled


def test_try_lock_on_a_held_lock_restores_the_flag(cpu: FakeInterruptFlag) -> None:
    lock = IrqLock()
    lock.lock()
    # An "interrupt handler" would find it held; we simulate the attempt
    # with interrupts enabled again to see that the flag is put back.
    cpu.enabled = True
    assert not lock.try_lock()
    assert cpu.enabled
    cpu.enabled = False
    lock.unlock()
    assert cpu.enabled


@given(st.lists(st.booleans(), min_size=1, max_size=8), st.booleans())
def test_nested_locks_restore_only_at_the_outermost(depths: list[bool], start: bool) -> None:
    sim = simulated_cpu(start)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(irqflags, "save_and_disable", sim.save_and_disable)
        mp.setattr(irqflags, "restore", sim.restore)
        locks = [IrqLock() for _ in depths]
        for lock in locks:
            lock.lock()
            assert not sim.enabled
        for lock in reversed(locks):
            lock.unlock()
            assert sim.enabled == (start and lock is locks[0])
    assert sim.enabled == start
