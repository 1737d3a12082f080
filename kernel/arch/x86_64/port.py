"""Typed wrappers over the x86 I/O port instructions.

x86 has a second address space beside memory: 65536 8-bit I/O ports,
reached only through the ``in`` and ``out`` instructions.  Legacy PC
devices live there (the 16550 UART at 0x3F8, the VGA CRT controller at
0x3D4/0x3D5, QEMU's isa-debug-exit at 0xF4), and the hardware decides what
a read or write means: reading the UART's data port consumes a received
byte, writing the CRTC index port selects which register the data port
touches.  Drivers therefore never call ``inb``/``outb`` themselves; they go
through these wrappers, so every raw port access in the kernel is in this
directory (see STYLE.md).

Port numbers are ``u16`` and values have the access width, so passing a
``u32`` to an 8-bit port is a compile error rather than a silent
truncation.
"""

from pythos.lang import inb, inl, inw, outb, outl, outw, u8, u16, u32

# An unused port (the POST diagnostic code port) whose write takes about a
# microsecond on real hardware, for devices that need a pause between
# accesses.  Nothing listens to it after the firmware has finished.
DELAY_PORT: u16 = u16(0x80)


def read8(port: u16) -> u8:
    """Read a byte from ``port``.

    Safety: reading a device register can have side effects (it may consume
    data or clear status); the caller must own the device.
    """
    return inb(port)


def write8(port: u16, value: u8) -> None:
    """Write a byte to ``port``.

    Safety: the caller must own the device behind ``port``; a write to the
    wrong port can reconfigure unrelated hardware (the PIC, the keyboard
    controller's reset line, ...).
    """
    outb(port, value)


def read16(port: u16) -> u16:
    """Read 16 bits from ``port``.  Safety: as for ``read8``."""
    return inw(port)


def write16(port: u16, value: u16) -> None:
    """Write 16 bits to ``port``.  Safety: as for ``write8``."""
    outw(port, value)


def read32(port: u16) -> u32:
    """Read 32 bits from ``port``.  Safety: as for ``read8``."""
    return inl(port)


def write32(port: u16, value: u32) -> None:
    """Write 32 bits to ``port``.  Safety: as for ``write8``."""
    outl(port, value)


def io_wait() -> None:
    """Wait about a microsecond, for slow legacy devices."""
    outb(DELAY_PORT, u8(0))
