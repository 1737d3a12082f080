"""Issue 13's `make bench` measurements (bench/shellbench.py), each run once.

One pass of `shellbench.measure` boots the kernel four ways: `bench=tasks`
and `bench=keys` under -icount (kernel/bench/wakebench.py, keybench.py),
`bench=boot` to the prompt (twice here), and the prompt idle (with the
tick stopped, then with `tickless=0`), then halted after a panic, for
QEMU's host CPU.  The test checks that every
line is reported and that the numbers hang together, not what they are:
exact counts repeat exactly, the parts add up to the whole, the guest's
share of the boot fits inside the host's wall time, the typed keys made
the line they spell.  The issue's goal for the wake-to-poll round trip
(under 300) is met (275 on 2026-12-01); the bench's table reports it.
"""

from __future__ import annotations

from pathlib import Path

from bench import shellbench


def test_shell_measurements(kernel_image: Path) -> None:
    result = shellbench.measure(kernel_image, boot_runs=2, idle_window=1.5)

    wake = result.wake
    rounds = wake["wake to poll rounds"]
    assert rounds > 100
    # Under -icount each round is the same instructions: min, mean and max agree.
    assert wake["wake to poll min"] == wake["wake to poll mean"] == wake["wake to poll max"]
    assert 0 < wake["wake alone mean"] < wake["wake to poll mean"] < 2000
    assert wake["wake to poll resumes"] == rounds + 1  # the warm-up round too
    assert wake["wake to poll leftover polls"] == 0 and wake["wake to poll tasks left"] == 0

    keys = result.keys
    assert keys["key to screen line right"] == 1
    assert keys["key to screen keys"] == 11 and keys["key to screen missed"] == 0
    assert 0 < keys["key to screen min"] <= keys["key to screen mean"] <= keys[
        "key to screen max"]
    parts = [keys[f"key to screen part {name}"]
             for name in ("irq", "decode", "edit", "serial echo", "screen")]
    assert all(part > 0 for part in parts)
    # The parts add up to the whole, but for the four readings between them
    # (a few instructions each; half an empty window is taken off each part,
    # a whole one off the whole) and the rounding of five means.
    assert abs(sum(parts) - keys["key to screen mean"]) <= 4 * 3 + 5

    for boot in result.boots:
        assert 0 < boot.banner < boot.prompt
        kernel = boot.kernel
        assert 0 < kernel["kmain to clock us"] < kernel["kmain to prompt us"]
        # The guest's time from reset is part of the host's wall time.
        guest = (kernel["reset to kmain us"] + kernel["kmain to prompt us"]) / 1e6
        assert 0 < guest < boot.prompt

    assert 0 <= result.idle < 1.0 and 0 <= result.ticking < 1.0 and 0 <= result.halted < 1.0

    table = shellbench.report(result)
    assert table.count("\n| ") == 1 + 4 and "WRONG" not in table  # the header, four rows
