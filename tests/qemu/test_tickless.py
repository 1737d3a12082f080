"""The tickless idle in QEMU (kernel/tickless.py): at the prompt the PIT
stops ticking, which shows in the kernel's own count of timer interrupts
(``uptime``) and in QEMU's host CPU time, and processes that sleep while
the tick is stopped still wake on time.

Each claim is checked against the same kernel booted with ``tickless=0``
(the tick always running, as before), so that the test fails if the
tick is not stopped.  The host CPU figures come from bench/shellbench.py.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

from bench import shellbench
from pythos.kernel_tools.initrd import initrd_path

from .test_boot import boot
from .test_shell_commands import command
from .test_shell_prompt import PROMPT

IDLE_S = 2.0


def uptime(vm) -> tuple[int, int, int]:  # type: ignore[no-untyped-def]
    """(uptime ms, timer ticks, ms tickless) from the ``uptime`` command."""
    out = command(vm, "uptime")
    match = re.search(r"\((\d+) ms, (\d+) timer ticks, (\d+) ms tickless\)", out)
    assert match, out
    return int(match[1]), int(match[2]), int(match[3])


def idle_ticks(kernel_image: Path, cmdline: str) -> tuple[int, int, int]:
    """Uptime, ticks and tickless ms that pass in ``IDLE_S`` at the prompt."""
    with boot(kernel_image, cmdline=cmdline, timeout=60) as vm:
        vm.wait_for_serial(PROMPT, timeout=30)
        before = uptime(vm)
        time.sleep(IDLE_S)
        after = uptime(vm)
    ms, ticks, stopped = (a - b for a, b in zip(after, before, strict=True))
    return ms, ticks, stopped


def test_at_the_prompt_the_tick_stops(kernel_image: Path) -> None:
    ms, ticks, stopped = idle_ticks(kernel_image, "")
    assert ms >= IDLE_S * 1000
    # The shell looks at the console every 100 ms and a one-shot lasts at
    # most 54.9 ms: about 20 interrupts a second, where the tick is 1,000.
    assert ticks < ms // 10, (ms, ticks)
    assert stopped > ms * 9 // 10, (ms, stopped)
    ms, ticks, stopped = idle_ticks(kernel_image, "tickless=0")
    assert ticks > ms // 2 and stopped == 0, (ms, ticks, stopped)


def test_idle_at_the_prompt_costs_the_host_almost_nothing(kernel_image: Path) -> None:
    # Measured as `make bench` does; the tick costs QEMU about 0.04 CPU s
    # per s (docs/tasks.md), a stopped one a few thousandths.
    tickless = shellbench.idle_cpu(kernel_image, 3.0)
    ticking = shellbench.idle_cpu(kernel_image, 3.0, "tickless=0")
    assert tickless < 0.02 and tickless < ticking / 2, (tickless, ticking)


def test_sleeping_processes_wake_on_time_while_the_tick_is_stopped(kernel_image: Path) -> None:
    with boot(kernel_image, initrd=initrd_path(kernel_image), timeout=60,
              cmdline="start=sleeper:200,sleeper:300,sleeper:450") as vm:
        vm.wait_for_serial(PROMPT, timeout=30)
        serial = vm.wait_for_serial("(sleeper): exited", timeout=30)
        deadline = time.monotonic() + 30
        while serial.count("(sleeper): exited") < 3:
            assert time.monotonic() < deadline, serial
            time.sleep(0.05)
            serial = vm.serial_text
        stopped = uptime(vm)[2]
    results = re.findall(r"sleeper: asked (\d+) ms, slept (\d+) ms", serial)
    assert len(results) == 3, serial
    assert stopped > 300, "the tick was stopped while they slept"
    for asked, slept in results:
        # On time: a one-shot set for the wake-up, not the shell's next look
        # (up to 100 ms) or the end of a 54.9 ms one-shot.
        assert int(asked) <= int(slept) <= int(asked) + 10, (asked, slept)
