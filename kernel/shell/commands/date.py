"""``date``: the date and time from the CMOS real-time clock (kernel/drivers/rtc.py).

The clock keeps UTC here (QEMU starts it from the host's UTC by
default), so that is what is printed, with the weekday worked out from
the date: 1970-01-01 was a Thursday.
"""

from typing import Final

import kernel.drivers.rtc as rtc
from kernel.shell.output import Output
from kernel.shell.registry import FAILED, OK, command

WEEKDAYS: Final = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]


def weekday(days_since_epoch: int) -> str:
    return WEEKDAYS[days_since_epoch % 7]


@command("date", help="show the date and time (UTC) from the real-time clock")
def date(out: Output, words: list[str]) -> int:
    moment = rtc.now()
    if moment is None:
        out.line("date: the real-time clock gives no valid date")
        return FAILED
    day = rtc.days_from_civil(moment.year, moment.month, moment.day)
    out.line(f"{weekday(day)} {moment.format()} UTC")
    return OK
