"""The real-time clock: decoding every encoding, and reading around updates."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

import kernel.drivers.rtc as rtc
from kernel.drivers.rtc import DateTime, RtcRegisters
from pythos.lang import u8

from .fake_hardware import FakePorts

DATES = st.datetimes(min_value=datetime.datetime(1900, 1, 1),
                     max_value=datetime.datetime(2099, 12, 31, 23, 59, 59))


def bcd(n: int) -> int:
    return (n // 10) << 4 | (n % 10)


def encode(moment: datetime.datetime, binary: bool, hours_24: bool) -> dict[int, int]:
    """The CMOS registers a chip in this mode shows for ``moment``."""
    enc = (lambda n: n) if binary else bcd
    if hours_24:
        hour = enc(moment.hour)
    else:
        twelve = moment.hour % 12 or 12
        hour = enc(twelve) | (0x80 if moment.hour >= 12 else 0)
    return {0x00: enc(moment.second), 0x02: enc(moment.minute), 0x04: hour,
            0x07: enc(moment.day), 0x08: enc(moment.month), 0x09: enc(moment.year % 100),
            0x32: enc(moment.year // 100),
            0x0B: (0x04 if binary else 0) | (0x02 if hours_24 else 0)}


def registers(values: dict[int, int]) -> RtcRegisters:
    return RtcRegisters(u8(values[0x00]), u8(values[0x02]), u8(values[0x04]), u8(values[0x07]),
                        u8(values[0x08]), u8(values[0x09]), u8(values[0x32]), u8(values[0x0B]))


def as_datetime(value: DateTime) -> datetime.datetime:
    return datetime.datetime(value.year, value.month, value.day, value.hour, value.minute,
                             value.second)


@given(DATES, st.booleans(), st.booleans())
def test_decode_agrees_with_datetime(moment: datetime.datetime, binary: bool,
                                     hours_24: bool) -> None:
    moment = moment.replace(microsecond=0)
    decoded = rtc.decode(registers(encode(moment, binary, hours_24)))
    assert decoded.is_valid()
    assert as_datetime(decoded) == moment
    assert decoded.format() == moment.strftime("%Y-%m-%d %H:%M:%S")
    epoch = datetime.datetime(1970, 1, 1)
    assert decoded.epoch_seconds() == (moment - epoch) // datetime.timedelta(seconds=1)


@pytest.mark.parametrize("hour, register", [(0, 0x12), (1, 0x01), (11, 0x11), (12, 0x92),
                                            (13, 0x81), (23, 0x91)])
def test_twelve_hour_bcd(hour: int, register: int) -> None:
    values = encode(datetime.datetime(2026, 11, 30, 0, 5, 9), False, True)
    values[0x04], values[0x0B] = register, 0x00
    assert rtc.decode(registers(values)).hour == hour


def test_format_pads_every_field() -> None:
    assert DateTime(2026, 11, 30, 14, 5, 9).format() == "2026-11-30 14:05:09"
    assert DateTime(2024, 2, 29, 0, 0, 0).format() == "2024-02-29 00:00:00"


@given(st.integers(1900, 2099), st.integers(1, 12), st.integers(1, 31))
def test_is_valid_agrees_with_datetime(year: int, month: int, day: int) -> None:
    try:
        datetime.date(year, month, day)
        real = True
    except ValueError:
        real = False
    assert DateTime(year, month, day, 0, 0, 0).is_valid() == real


def test_missing_century_register_means_this_century() -> None:
    values = encode(datetime.datetime(2024, 2, 29, 23, 59, 58), False, True)
    values[0x32] = 0xFF
    assert rtc.decode(registers(values)).year == 2024


def test_an_absent_chip_is_no_date() -> None:
    assert not rtc.decode(registers({i: 0xFF for i in (0, 2, 4, 7, 8, 9, 0x32, 0x0B)})).is_valid()


class FakeClock:
    """A CMOS clock chip that ticks after a given number of register reads,
    with the update-in-progress flag up for a few reads around each tick."""

    def __init__(self, ports: FakePorts, start: datetime.datetime, *, binary: bool = False,
                 hours_24: bool = True, tick_every: int = 10**9, busy_reads: int = 3) -> None:
        self.now, self.binary, self.hours_24 = start, binary, hours_24
        self.tick_every, self.busy_reads = tick_every, busy_reads
        self.index = 0
        self.reads = 0
        self.nmi_masked_reads = 0
        ports.attach([0x70], write=self.select)
        ports.attach([0x71], read=self.read)

    def select(self, port: int, value: int) -> None:
        self.index = value

    def read(self, port: int) -> int:
        self.reads += 1
        if self.index & 0x80:
            self.nmi_masked_reads += 1
        if self.reads % self.tick_every == 0:
            self.now += datetime.timedelta(seconds=1)
        index = self.index & 0x7F
        if index == 0x0A:
            until_tick = self.tick_every - self.reads % self.tick_every
            return 0x80 if until_tick <= self.busy_reads else 0x26
        return encode(self.now, self.binary, self.hours_24).get(index, 0)


def test_now_reads_the_clock(ports: FakePorts) -> None:
    clock = FakeClock(ports, datetime.datetime(2026, 11, 30, 14, 5, 9), binary=True,
                      hours_24=False)
    moment = rtc.now()
    assert moment is not None and moment.format() == "2026-11-30 14:05:09"
    assert clock.nmi_masked_reads == clock.reads, "NMIs masked while the index is set"


@given(st.integers(20, 60), st.integers(0, 5))
def test_a_tick_during_the_read_never_mixes_two_seconds(tick_every: int, busy: int) -> None:
    # Midnight at the end of a leap day: a torn read would mix 23:59:59
    # with the date of 1 March, or 2024 with 2025 at new year.
    for start in (datetime.datetime(2024, 2, 29, 23, 59, 59),
                  datetime.datetime(2024, 12, 31, 23, 59, 59)):
        fake = FakePorts()
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(rtc.cmos.port, "read8", fake.read8)
            mp.setattr(rtc.cmos.port, "write8", fake.write8)
            clock = FakeClock(fake, start, tick_every=tick_every, busy_reads=busy)
            moment = rtc.now()
        assert moment is not None
        seen = as_datetime(moment)
        assert seen in (start, start + datetime.timedelta(seconds=1)), seen
        assert clock.reads > 16


def test_a_clock_that_is_always_updating_gives_none(ports: FakePorts,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rtc, "MAX_POLLS", 50)
    ports.attach([0x71], read=lambda p: 0xFF)
    assert rtc.now() is None


def test_a_clock_that_never_agrees_gives_none(ports: FakePorts) -> None:
    # Ticks on every 9th read: no two 8-register readings can agree.
    FakeClock(ports, datetime.datetime(2026, 1, 1), tick_every=9, busy_reads=0)
    assert rtc.now() is None
