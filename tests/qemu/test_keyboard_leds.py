"""The lock LEDs, seen from outside: keys sent with the monitor's ``sendkey``
must set QEMU's PS/2 keyboard LEDs, and the keyboard's answers to the LED
commands must not type anything.

QEMU has no monitor or QMP command that reports the LEDs, but its PS/2
keyboard model traces every LED byte it receives (the trace event
``ps2_set_ledstate``, printed on QEMU's standard error), and that is the
state a QEMU window would show.
"""

from __future__ import annotations

import re
import subprocess
import time
from pathlib import Path

import pytest

from pythos.kernel_tools.qemu import QEMU, QemuSession

READY = "Pythos is up."
TRACE_EVENT = "ps2_set_ledstate"
LED_STATE = re.compile(TRACE_EVENT + r" \S+ ledstate (\d+)")
PROMPT = re.compile(r"^\[ *\d+\.\d{3}\] ?(.*)$")
SCROLL, NUM, CAPS = 1, 2, 4


@pytest.fixture(scope="module")
def traceable() -> None:
    listed = subprocess.run([QEMU, "-trace", "help"], capture_output=True, text=True,
                            timeout=30)
    if TRACE_EVENT not in listed.stdout + listed.stderr:
        pytest.skip(f"this QEMU cannot trace {TRACE_EVENT}")


def led_states(vm: QemuSession) -> list[int]:
    return [int(value) for value in LED_STATE.findall(vm.stderr)]


def wait_for_leds(vm: QemuSession, expected: int, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while (states := led_states(vm))[-1:] != [expected]:
        if time.monotonic() > deadline:
            raise AssertionError(f"LEDs {states}, never {expected:03b}\n{vm.stderr}")
        time.sleep(0.02)


def typed_lines(vm: QemuSession) -> list[str]:
    return [m.group(1) for line in vm.read_vga_text() if (m := PROMPT.match(line))]


def test_lock_keys_light_the_leds(kernel_image: Path, traceable: None) -> None:
    with QemuSession(kernel_image, cmdline="echo=1", timeout=30,
                     extra_args=("-trace", TRACE_EVENT)) as vm:
        vm.wait_for_serial(READY)
        # init sets the LEDs once, to the decoder's locks: all off.
        wait_for_leds(vm, 0)
        for key, leds in [("caps_lock", CAPS), ("num_lock", CAPS | NUM),
                          ("scroll_lock", CAPS | NUM | SCROLL), ("num_lock", CAPS | SCROLL),
                          ("scroll_lock", CAPS)]:
            vm.send_key(key)
            wait_for_leds(vm, leds)
        for key in ["o", "k", "caps_lock", "spc", "o", "k", "ret"]:
            vm.send_key(key)
        vm.wait_for_serial("OK ok\n")
        wait_for_leds(vm, 0)
        # Each answer (0xFA) arrived among the scancodes; none typed anything.
        assert "OK ok" in typed_lines(vm)
        assert led_states(vm)[-7:] == [0, CAPS, CAPS | NUM, CAPS | NUM | SCROLL,
                                       CAPS | SCROLL, CAPS, 0]
        assert vm.exit_code is None
