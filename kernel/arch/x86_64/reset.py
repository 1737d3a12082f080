"""Restarting the machine: the two ways a PC can be made to reset itself.

**The keyboard controller's reset line.**  On the PC/AT the 8042
keyboard controller's output port drives the CPU's RESET pin, and its
command 0xFE ("pulse output line 0") pulses it: every PC since has kept
this, and QEMU's i8042 resets the machine on it (with ``-no-reboot``,
QEMU exits instead, which is how a test sees it).  The controller takes
a command only when its input buffer is empty (bit 1 of the status port
0x64), so that is awaited first, for a bounded number of reads.

**A triple fault.**  Where there is no 8042, a fault the CPU cannot
deliver resets it: with an interrupt table of limit 0 loaded, ``int3``
cannot find its gate (a general protection fault), nor that fault's
gate (a double fault), nor the double fault's (a triple fault, which
makes the processor signal shutdown, and the chipset resets).
"""

from typing import Final

import kernel.arch.x86_64.port as port
from kernel.arch.x86_64.gdt import DescriptorTablePointer
from pythos.lang import addr_of, cli, int3, lidt, u8, u16, u64

CONTROLLER_STATUS: Final = u16(0x64)
CONTROLLER_COMMAND: Final = u16(0x64)
STATUS_INPUT_FULL: Final = u8(0x02)
PULSE_RESET: Final = u8(0xFE)
MAX_STATUS_READS: Final = 100000


def pulse_reset_line() -> None:
    """Ask the keyboard controller to reset the CPU; returns if it did not.

    Safety: the machine restarts; nothing after this call may be needed.
    """
    for _ in range(MAX_STATUS_READS):
        if (port.read8(CONTROLLER_STATUS) & STATUS_INPUT_FULL) == 0:
            break
    port.write8(CONTROLLER_COMMAND, PULSE_RESET)


def triple_fault() -> None:
    """Reset the CPU with a fault it cannot deliver; never returns.

    Safety: as ``pulse_reset_line``.
    """
    cli()
    empty = DescriptorTablePointer(u16(0), u64(0))
    lidt(addr_of(empty))
    int3()
