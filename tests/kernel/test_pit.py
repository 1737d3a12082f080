"""PIT channel 0 programming: command byte layout and divisors."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import kernel.drivers.pit as pit
from pythos.lang import u8, u32

from .fake_hardware import FakePorts


def test_command_byte_layout() -> None:
    assert pit.command_byte(u8(0), u8(3), u8(2)) == 0x34
    assert pit.command_byte(u8(0), u8(3), u8(3)) == 0x36
    assert pit.command_byte(u8(2), u8(1), u8(0)) == 0b10_01_000_0


@pytest.mark.parametrize("hz, divisor", [(1000, 1193), (100, 11932), (1193182, 1), (19, 62799),
                                         (18, 0xFFFF), (0, 0xFFFF), (2_000_000, 1)])
def test_divisor_for(hz: int, divisor: int) -> None:
    assert pit.divisor_for(u32(hz)) == divisor


@given(st.integers(19, 1193182))
def test_divisor_is_the_nearest(hz: int) -> None:
    # Nearest to the ideal (fractional) divisor 1193182 / hz.
    d = int(pit.divisor_for(u32(hz)))
    assert abs(2 * (1193182 - d * hz)) <= hz


def test_start_periodic_writes_command_then_low_high(ports: FakePorts) -> None:
    assert pit.start_periodic(u32(1000)) == 1193
    assert ports.writes == [(0x43, 0x34), (0x40, 1193 & 0xFF), (0x40, 1193 >> 8)]


def test_start_channel2_gates_off_programs_then_gates_on(ports: FakePorts) -> None:
    ports.attach([0x61], read=lambda p: 0x23)     # gate and speaker on, other bits set
    pit.start_channel2()
    assert ports.writes == [(0x61, 0x20), (0x43, 0xB4), (0x42, 0), (0x42, 0), (0x61, 0x21)]


def test_read_channel2_latches_then_reads_low_high(ports: FakePorts) -> None:
    data = [0x34, 0x12]
    ports.attach([0x42], read=lambda p: data.pop(0))
    assert pit.read_channel2() == 0x1234
    assert ports.writes == [(0x43, 0x80)]


def test_stop_channel2_keeps_the_speaker_off(ports: FakePorts) -> None:
    ports.attach([0x61], read=lambda p: 0x23)
    pit.stop_channel2()
    assert ports.writes == [(0x61, 0x20)]
