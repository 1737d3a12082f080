"""The games on the real VGA screen (kernel/apps/gamebench.py, `bench=games`).

The kernel plays the scripted games the host tests replay (snake from seed
42, flappy bird from seed 7) through text graphics onto the VGA console,
holding the picture at a frame in the middle of each game and at its end.
This test reads the screen from guest memory at each hold, takes a
`screendump` (kept in the test's directory, and the pictures in
docs/images/ come from here), and lets the kernel go on with a byte on
COM1.  At the end the screen the games found must be back, cell for cell.
Under -icount the same run gives the frame costs `make bench` reports.
"""

from __future__ import annotations

import re
from pathlib import Path

from pythos.kernel_tools.qemu import QemuSession

HOLD_TIMEOUT = 120.0


def hold(vm: QemuSession, name: str, shots: Path) -> list[str]:
    """Wait for the kernel to hold a frame; the screen's text, and a screendump."""
    vm.wait_for_serial(f"games: {name}: frame held", timeout=HOLD_TIMEOUT)
    text = vm.read_vga_text()
    vm.screendump(shots / f"{name.replace(' ', '-')}.png")
    vm.send_serial(b"g")
    return text


def test_scripted_games_on_the_screen(kernel_image: Path, tmp_path: Path) -> None:
    with QemuSession(kernel_image, memory="128M", cmdline="bench=games",
                     timeout=3 * HOLD_TIMEOUT) as vm:
        playing = hold(vm, "snake playing", tmp_path)
        assert playing[0].startswith(" SNAKE  Score ")
        assert playing[1] == "╔" + "═" * 78 + "╗" and playing[24] == "╚" + "═" * 78 + "╝"
        assert all(line[0] == "║" and line[-1] == "║" for line in playing[2:24])
        over = hold(vm, "snake over", tmp_path)
        assert over[0].startswith(" SNAKE  Score 25   High 25   Length 79")
        assert any("GAME OVER: score 25" in line for line in over)
        flying = hold(vm, "flappy playing", tmp_path)
        assert flying[0].startswith(" FLAPPY  Score ")
        assert flying[24] == "▒" * 80 and any("█████" in line for line in flying)
        crashed = hold(vm, "flappy over", tmp_path)
        assert crashed[0].startswith(" FLAPPY  Score 11   High 11")
        assert any("CRASH! Score 11" in line for line in crashed)
        vm.wait_for_serial("boot complete", timeout=HOLD_TIMEOUT)
        serial = vm.serial_text
        assert "games: snake score 25 length 79 ticks 869" in serial
        assert "games: flappy score 11 frames 619" in serial
        assert "games: screen restored, 2000 of 2000 cells as before" in serial
        # The boot log is on the screen again, as the games found it.
        restored = vm.read_vga_text()
        assert restored[0].startswith("Pythos ") and any("memory map" in x for x in restored)
        assert not any("SNAKE" in line or "FLAPPY" in line for line in restored)
    for name in ("snake-playing", "snake-over", "flappy-playing", "flappy-over"):
        assert (tmp_path / f"{name}.png").stat().st_size > 1000


def test_frame_costs_under_icount(kernel_image: Path) -> None:
    """The bench run: exact instructions per frame, and the same games."""
    with QemuSession(kernel_image, memory="128M", icount=True, cmdline="bench=games",
                     timeout=HOLD_TIMEOUT) as vm:
        vm.wait_for_serial("boot complete", timeout=HOLD_TIMEOUT)
        serial = vm.serial_text
    counts = {name: int(value)
              for name, value in re.findall(r"^bench: (.+?) (\d+)$", serial, re.M)}
    assert counts["snake frames"] == 869 and counts["flappy frames"] == 619
    for game in ("snake", "flappy"):
        mean = counts[f"{game} frame mean"]
        parts = sum(counts[f"{game} {part} mean"] for part in ("step", "render", "present"))
        assert abs(mean - parts) <= 3
        # A frame is well under a millisecond of a 1 GHz machine's time.
        assert 1000 < mean < 200_000, mean
