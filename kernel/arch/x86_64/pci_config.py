"""PCI configuration space through the legacy I/O ports 0xCF8 and 0xCFC.

Every PCI function has 256 bytes of configuration space (its identity,
class, resources and, for a bridge, the bus numbers behind it).  x86 PCs
reach it through "configuration mechanism #1": write an address to
CONFIG_ADDRESS (0xCF8), then read or write the selected dword at
CONFIG_DATA (0xCFC)::

     31  30 .. 24  23 .. 16  15 .. 11  10 .. 8  7 .. 2  1 0
    +---+---------+---------+---------+--------+-------+---+
    | E | reserved|   bus   |  device |function| dword | 0 |
    +---+---------+---------+---------+--------+-------+---+
    E (enable) must be 1 for the access to reach configuration space.

The offset is that of a dword: the low two bits are zero, and a byte or
word field is cut out of the dword that holds it (``read8``,
``read16``).  The address and data accesses are a pair, so a caller that
could be interrupted by another user of these ports must hold a lock;
today only the kernel's one enumeration uses them.

(PCI Express adds a memory-mapped window, ECAM, with 4 KiB per function;
the legacy ports reach the first 256 bytes of it, which is all we read.)
"""

from typing import Final

import kernel.arch.x86_64.port as port
from pythos.lang import u8, u16, u32

CONFIG_ADDRESS: Final = u16(0xCF8)
CONFIG_DATA: Final = u16(0xCFC)
ENABLE: Final = u32(0x80000000)


def address(bus: u8, device: u8, function: u8, offset: u8) -> u32:
    """The CONFIG_ADDRESS value that selects this dword."""
    return (ENABLE | (u32(bus) << 16) | (u32(device & 0x1F) << 11)
            | (u32(function & 0x07) << 8) | u32(offset & 0xFC))


def read32(bus: u8, device: u8, function: u8, offset: u8) -> u32:
    """The configuration dword at ``offset`` (rounded down to a multiple of 4).

    An absent function reads as all ones.  Safety: reading configuration
    space has no side effects on the devices we know, but the address and
    data accesses must not be interleaved with another user's.
    """
    port.write32(CONFIG_ADDRESS, address(bus, device, function, offset))
    return port.read32(CONFIG_DATA)


def read16(bus: u8, device: u8, function: u8, offset: u8) -> u16:
    """The configuration word at ``offset`` (even).  Safety: as for ``read32``."""
    return u16(read32(bus, device, function, offset) >> ((u32(offset) & 2) * 8))


def read8(bus: u8, device: u8, function: u8, offset: u8) -> u8:
    """The configuration byte at ``offset``.  Safety: as for ``read32``."""
    return u8(read32(bus, device, function, offset) >> ((u32(offset) & 3) * 8))
