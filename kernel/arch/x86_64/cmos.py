"""The CMOS RAM behind ports 0x70 and 0x71: the real-time clock's registers.

The PC's battery-backed clock chip (a Motorola MC146818 in the original
AT, built into every chipset since) holds 128 bytes of RAM reached
through an index port and a data port::

    port 0x70 (write):   7     6 ... 0
                       +-----+---------+
                       | NMI |  index  |     bit 7 set = NMI disabled
                       +-----+---------+
    port 0x71 (read):  the byte at that index

Index 0x00-0x09 are the clock's time and date, 0x0A-0x0D its status
registers (``kernel/drivers/rtc.py`` reads them); the rest is the
firmware's configuration memory.  Bit 7 of the index byte is, for
historical reasons, also the mask of the non-maskable interrupt; we set
it while we talk to the chip, so that an NMI handler (which might read
CMOS itself) cannot come between our index write and our data read, and
we leave NMIs enabled when we are done by writing a harmless index
without it.

Only reads are offered: nothing in the kernel sets the clock, and a
stray write here can corrupt the firmware's settings.
"""

from typing import Final

import kernel.arch.x86_64.port as port
from pythos.lang import u8, u16

INDEX_PORT: Final = u16(0x70)
DATA_PORT: Final = u16(0x71)
NMI_DISABLE: Final = u8(0x80)
# Status register D, read-only: the index left selected after a read.
PARKED_INDEX: Final = u8(0x0D)


def read(index: u8) -> u8:
    """The CMOS byte at ``index`` (0-127).

    Safety: the caller must keep interrupt handlers that use CMOS from
    running meanwhile (none do today); the index and data accesses are a
    pair.
    """
    port.write8(INDEX_PORT, NMI_DISABLE | (index & 0x7F))
    value = port.read8(DATA_PORT)
    port.write8(INDEX_PORT, PARKED_INDEX)
    return value
