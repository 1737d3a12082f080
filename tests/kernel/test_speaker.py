"""The PC speaker: divisors and the port sequence of a tone."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import kernel.drivers.speaker as speaker
from pythos.lang import u16, u32

from .fake_hardware import FakePorts


@given(st.integers(0, 2**32 - 1))
def test_divisor_gives_the_nearest_audible_tone(hz: int) -> None:
    wanted = min(max(hz, 20), 20000)
    divisor = int(speaker.divisor_for(u32(hz)))
    assert 1 <= divisor <= 0xFFFF
    # No other divisor comes closer to the clamped frequency.
    error = abs(1193182 / divisor - wanted)
    for other in (divisor - 1, divisor + 1):
        if 1 <= other <= 0xFFFF:
            assert error <= abs(1193182 / other - wanted) + 1e-9
    assert abs(int(speaker.frequency_of(u16(divisor))) - 1193182 / divisor) <= 0.5


def test_frequency_of_known_divisors() -> None:
    assert speaker.divisor_for(u32(440)) == 2712
    assert speaker.frequency_of(u16(2712)) == 440
    assert speaker.frequency_of(u16(0)) == 18     # 65536
    assert speaker.divisor_for(u32(5)) == speaker.divisor_for(u32(20))
    # The ideal divisor is 65.50: 65 is the nearer period but 66 the nearer
    # tone (18078.5 Hz is 138.5 Hz off, 18356.6 Hz 139.6 Hz).
    assert speaker.divisor_for(u32(18217)) == 66


class FakeSpeakerPort:
    """Port 0x61, whose bits other than 0 and 1 belong to other hardware."""

    def __init__(self, ports: FakePorts, value: int) -> None:
        self.value = value
        ports.attach([0x61], read=lambda p: self.value, write=self.write)

    def write(self, port: int, value: int) -> None:
        self.value = value


def test_start_programs_channel_2_then_connects_the_speaker(ports: FakePorts) -> None:
    control = FakeSpeakerPort(ports, 0xB0)
    assert speaker.start(u32(440)) == 2712
    assert ports.writes == [(0x43, 0xB6), (0x42, 2712 & 0xFF), (0x42, 2712 >> 8), (0x61, 0xB3)]
    assert speaker.is_playing()
    speaker.stop()
    assert control.value == 0xB0, "the other bits of 0x61 are left alone"
    assert not speaker.is_playing()


def test_channel2_status_uses_the_read_back_command(ports: FakePorts) -> None:
    ports.attach([0x42], read=lambda p: 0b1011_0110)
    assert speaker.channel2_status() == 0b1011_0110
    assert ports.writes == [(0x43, 0xE8)]
