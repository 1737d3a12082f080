"""The in-kernel coroutine scenario (kernel/tests/executor_async.py) run
under CPython on the fakes, so that what it asserts is known to hold
before the compiler can run it in QEMU."""

from __future__ import annotations

import pytest

import kernel.clock as clock
import kernel.drivers.keyboard as keyboard
from kernel.tests import test_executor_async as executor_async
from pythos.lang import u8

from .executor_fakes import FakeKeyboardController, Machine, key_interrupt


def test_the_pending_in_kernel_scenario_passes_on_the_host(
        machine: Machine, keyboard_device: FakeKeyboardController,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    def inject(code: u8) -> bool:
        machine.cpu.raise_irq(key_interrupt(keyboard_device, int(code)))
        return True

    monkeypatch.setattr(clock, "uptime_ms", machine.clock.now)
    monkeypatch.setattr(keyboard, "inject_scancode", inject)
    text = executor_async.run_scenario()
    assert text == ("a0, b0, c0, a1, b1, c1, slept enough True, key a, "
                    "joined: bad port 0x3f8, finally ran, cancelled")
    assert "task faulty failed:" in capsys.readouterr().out
