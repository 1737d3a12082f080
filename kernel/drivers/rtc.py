"""The real-time clock: today's date and time from the CMOS clock chip.

The PC keeps the wall-clock time in a battery-backed chip (the MC146818
of the IBM AT, now part of every chipset), read a byte at a time through
the CMOS index and data ports (``kernel/arch/x86_64/cmos.py``)::

    index  register              index  register
    0x00   seconds               0x0A   status A: bit 7 = update in progress
    0x02   minutes               0x0B   status B: bit 1 = 24-hour mode,
    0x04   hours (bit 7 = PM                       bit 2 = binary (else BCD)
           in 12-hour mode)      0x32   century (the ACPI FADT's usual
    0x07   day of the month              place; QEMU keeps it there)
    0x08   month
    0x09   year within the century

Three things make reading it less simple than reading eight bytes:

* **The chip updates itself once a second**, and for up to about 2 ms
  its time registers are being rewritten.  Status A's bit 7 ("update in
  progress") warns of that: it rises 244 us before an update starts.  We
  wait for it to clear before reading.  That alone is not enough: the
  update can start between the check and the last of our eight reads,
  giving 23:59:59 of one day and the date of the next.  So we read
  everything twice, each time after waiting, and accept the reading only
  when two in a row agree (the method OSDev's CMOS page describes, and
  Linux's ``mc146818_get_time`` in spirit).  Agreement is a strong
  check: two reads that straddle an update differ in at least the
  seconds.
* **The encoding is the firmware's choice**: status B says whether the
  numbers are binary or BCD (binary-coded decimal: 0x59 means 59, one
  decimal digit per nibble), and whether hours run 0-23 or 1-12 with
  bit 7 as the PM flag.  We never change status B (the firmware and
  other operating systems on the machine expect their setting), we
  decode whatever it says.
* **The chip knows no time zone.**  We read it as UTC, which is what
  QEMU gives by default (``-rtc base=utc``) and what Linux machines keep
  in it.

Decoding is ``decode``, a pure function from the raw registers
(``RtcRegisters``) to a ``DateTime``, tested on the host against
Python's ``datetime`` for every encoding.  ``now()`` does the reading
with the chip.  A value that is not a real date (an absent chip reads
0xFF everywhere) is refused rather than shown: ``now()`` then gives None.
"""

from dataclasses import dataclass
from typing import Final

import kernel.arch.x86_64.cmos as cmos
import kernel.log as log
from pythos.lang import struct, u8, u32

SECONDS: Final = u8(0x00)
MINUTES: Final = u8(0x02)
HOURS: Final = u8(0x04)
DAY_OF_MONTH: Final = u8(0x07)
MONTH: Final = u8(0x08)
YEAR: Final = u8(0x09)
STATUS_A: Final = u8(0x0A)
STATUS_B: Final = u8(0x0B)
CENTURY: Final = u8(0x32)

UPDATE_IN_PROGRESS: Final = u8(0x80)  # status A
HOURS_24: Final = u8(0x02)  # status B
BINARY: Final = u8(0x04)  # status B
HOUR_PM: Final = u8(0x80)  # the hours register, 12-hour mode

# Polls of status A before giving up on the update ending (it lasts at
# most about 2 ms; each poll is a few port accesses of ~1 us or more).
MAX_POLLS: Final = u32(100000)
# Pairs of readings tried before giving up on two agreeing.
MAX_READS: Final = 10


@struct
class RtcRegisters:
    """The clock's registers as read, still in the chip's encoding."""

    second: u8
    minute: u8
    hour: u8
    day: u8
    month: u8
    year: u8
    century: u8
    status_b: u8

    def same_as(self, other: "RtcRegisters") -> bool:
        """Whether two readings are the same, byte for byte."""
        return (self.second == other.second and self.minute == other.minute
                and self.hour == other.hour and self.day == other.day
                and self.month == other.month and self.year == other.year
                and self.century == other.century and self.status_b == other.status_b)

    def copy_from(self, other: "RtcRegisters") -> None:
        """Make this reading equal to ``other``."""
        self.second = other.second
        self.minute = other.minute
        self.hour = other.hour
        self.day = other.day
        self.month = other.month
        self.year = other.year
        self.century = other.century
        self.status_b = other.status_b


@dataclass
class DateTime:
    """A calendar date and time of day, UTC, to the second."""

    year: int
    month: int
    day: int
    hour: int
    minute: int
    second: int

    def format(self) -> str:
        """ISO 8601 with a space, as ``date`` prints it: ``2026-11-30 14:05:09``."""
        return (f"{self.year:04d}-{self.month:02d}-{self.day:02d} "
                f"{self.hour:02d}:{self.minute:02d}:{self.second:02d}")

    def is_valid(self) -> bool:
        """Whether this is a real date and time (no 31 April, no 25:00)."""
        if self.month < 1 or self.month > 12 or self.day < 1:
            return False
        if self.day > days_in_month(self.year, self.month):
            return False
        return 0 <= self.hour < 24 and 0 <= self.minute < 60 and 0 <= self.second < 60

    def seconds_since(self, earlier: "DateTime") -> int:
        """Seconds from ``earlier`` to this time (negative if it is later)."""
        return self.epoch_seconds() - earlier.epoch_seconds()

    def epoch_seconds(self) -> int:
        """Seconds since 1970-01-01 00:00:00 UTC."""
        return (days_from_civil(self.year, self.month, self.day) * 86400
                + self.hour * 3600 + self.minute * 60 + self.second)


def is_leap_year(year: int) -> bool:
    """The Gregorian rule: every fourth year, but not centuries unless by 400."""
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def days_in_month(year: int, month: int) -> int:
    """How many days ``month`` (1-12) of ``year`` has."""
    if month == 2:
        return 29 if is_leap_year(year) else 28
    if month == 4 or month == 6 or month == 9 or month == 11:
        return 30
    return 31


def days_from_civil(year: int, month: int, day: int) -> int:
    """Days from 1970-01-01 to the given date (Howard Hinnant's algorithm:
    count from a year that starts in March, so the leap day comes last)."""
    y = year - 1 if month <= 2 else year
    era = y // 400
    year_of_era = y - era * 400
    shifted_month = month - 3 if month > 2 else month + 9
    day_of_year = (153 * shifted_month + 2) // 5 + day - 1
    day_of_era = year_of_era * 365 + year_of_era // 4 - year_of_era // 100 + day_of_year
    return era * 146097 + day_of_era - 719468


def from_bcd(value: u8) -> int:
    """The number a BCD byte holds (0x59 -> 59).  A nibble above 9 gives a
    number past 99, which validation then refuses."""
    return int(value >> 4) * 10 + int(value & 0x0F)


def field(value: u8, status_b: u8) -> int:
    """A register's number, in the encoding status B names."""
    if status_b & BINARY:
        return int(value)
    return from_bcd(value)


def decode(raw: RtcRegisters) -> DateTime:
    """The date and time the registers hold (possibly invalid: check
    ``is_valid``).

    In 12-hour mode the PM flag is bit 7 of the hours register, kept apart
    from the number before it is decoded; 12 AM is midnight (0) and 12 PM
    noon (12).  The year is the century register's century when that
    holds a plausible one (19-20: this century or the last), else 20xx.
    """
    hour = field(raw.hour & ~HOUR_PM, raw.status_b)
    if not raw.status_b & HOURS_24:
        if hour == 12:
            hour = 0
        if raw.hour & HOUR_PM:
            hour += 12
    century = field(raw.century, raw.status_b)
    if century < 19 or century > 20:
        century = 20
    return DateTime(century * 100 + field(raw.year, raw.status_b),
                    field(raw.month, raw.status_b),
                    field(raw.day, raw.status_b),
                    hour,
                    field(raw.minute, raw.status_b),
                    field(raw.second, raw.status_b))


def wait_for_update_end() -> bool:
    """Poll status A until no update is in progress; False if it never ends."""
    for _ in range(MAX_POLLS):
        if not cmos.read(STATUS_A) & UPDATE_IN_PROGRESS:
            return True
    return False


def read_once(out: RtcRegisters) -> None:
    """Read every register once, after waiting for an update to end."""
    out.second = cmos.read(SECONDS)
    out.minute = cmos.read(MINUTES)
    out.hour = cmos.read(HOURS)
    out.day = cmos.read(DAY_OF_MONTH)
    out.month = cmos.read(MONTH)
    out.year = cmos.read(YEAR)
    out.century = cmos.read(CENTURY)
    out.status_b = cmos.read(STATUS_B)


def read_registers(out: RtcRegisters) -> bool:
    """Fill ``out`` with a consistent reading: two in a row, each taken
    after an update ended, that agree.  False if the chip never settles."""
    previous = RtcRegisters()
    if not wait_for_update_end():
        return False
    read_once(previous)
    for _ in range(MAX_READS):
        if not wait_for_update_end():
            return False
        read_once(out)
        if out.same_as(previous):
            return True
        previous.copy_from(out)
    return False


def now() -> DateTime | None:
    """The current date and time (UTC), or None if the clock cannot be read
    or holds no real date."""
    raw = RtcRegisters()
    if not read_registers(raw):
        return None
    moment = decode(raw)
    if not moment.is_valid():
        return None
    return moment


def report() -> None:
    """The boot log's one line about the clock: the date, or why there is none."""
    moment = now()
    if moment is None:
        log.warn("rtc: the real-time clock gives no valid date")
        return
    print(f"date: {moment.format()} UTC")
