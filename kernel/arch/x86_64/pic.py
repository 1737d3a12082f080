"""The two 8259A Programmable Interrupt Controllers (the legacy PIC).

PC devices raise interrupt request lines IRQ 0-15.  Two 8259As, chained,
turn a raised line into an interrupt vector for the CPU: the *master*
(ports 0x20/0x21) owns IRQ 0-7 and the *slave* (0xA0/0xA1) IRQ 8-15, and
the slave's output is wired to the master's IRQ 2 (the *cascade*)::

    IRQ 0  PIT timer        IRQ 8  RTC
    IRQ 1  PS/2 keyboard    IRQ 9-11 free / ACPI / PCI
    IRQ 2  cascade <------- slave INT
    IRQ 3  COM2             IRQ 12 PS/2 mouse
    IRQ 4  COM1             IRQ 13 FPU (legacy)
    IRQ 5  LPT2 / sound     IRQ 14 primary ATA
    IRQ 6  floppy           IRQ 15 secondary ATA
    IRQ 7  LPT1 / spurious         (IRQ 15 is also the slave's spurious line)

Remapping.  After reset the master delivers IRQ 0-7 as vectors 8-15,
which collide with CPU exceptions (IRQ 0, the timer, would look like a
double fault).  ``init`` sends the four Initialization Command Words to
each chip to move IRQ 0-15 to vectors 32-47:

    ICW1 (command port) 0x11  start initialisation, ICW4 follows, cascaded
    ICW2 (data port)          vector offset: 32 for the master, 40 for the slave
    ICW3 (data port)          master: bit mask of lines with a slave (0x04 = IRQ 2)
                              slave: its cascade identity (2)
    ICW4 (data port)    0x01  8086 mode, normal (not automatic) EOI

Masking.  Writing the data port sets the Interrupt Mask Register (OCW1):
bit n set = line n ignored.  The kernel keeps a copy of both masks
(``masks``: bit n for IRQ n) so that changing one line is a write, not a
read-modify-write of the chip.  ``init`` masks everything but the cascade;
drivers unmask their own line once their handler is installed.

End of interrupt.  While the chip waits for an EOI (OCW2, 0x20 to the
command port) it delivers nothing of equal or lower priority.  An IRQ from
the slave went through both chips, so it needs an EOI to the slave and
then to the master.

Spurious interrupts.  If a line drops before the CPU acknowledges it, the
chip still has to deliver a vector and uses its lowest-priority one: IRQ 7
(master) or IRQ 15 (slave).  The In-Service Register (read after OCW3
0x0B) tells a real IRQ 7/15 from a spurious one: a spurious IRQ has its
ISR bit clear.  A spurious IRQ must not get an EOI from its own chip (that
would end some other interrupt in service), but a spurious IRQ 15 did
reach the master as a real IRQ 2, so the master gets one.

``masks`` is guarded by ``lock``; the EOI and ISR accesses are made by
interrupt handlers, with interrupts disabled, on one CPU.
"""

from typing import Final

import kernel.arch.x86_64.idt as idt
import kernel.arch.x86_64.port as port
from kernel.sync.irqlock import IrqLock
from pythos.lang import (
    Array,
    InterruptFrame,
    Ptr,
    addr_of,
    atomic_add,
    atomic_load,
    func_addr,
    interrupt,
    u8,
    u16,
    u64,
)

MASTER_COMMAND: Final = u16(0x20)
MASTER_DATA: Final = u16(0x21)
SLAVE_COMMAND: Final = u16(0xA0)
SLAVE_DATA: Final = u16(0xA1)

ICW1_INIT_WITH_ICW4: Final = u8(0x11)
ICW4_8086_MODE: Final = u8(0x01)
OCW2_EOI: Final = u8(0x20)
OCW3_READ_IRR: Final = u8(0x0A)
OCW3_READ_ISR: Final = u8(0x0B)

# Where IRQ 0 and IRQ 8 appear in the IDT after init.
MASTER_VECTOR_BASE: Final = u8(32)
SLAVE_VECTOR_BASE: Final = u8(40)
IRQ_LINES: Final = 16
CASCADE_IRQ: Final = u8(2)
SPURIOUS_MASTER_IRQ: Final = u8(7)
SPURIOUS_SLAVE_IRQ: Final = u8(15)
# Everything masked except the cascade, so the slave's lines can be
# unmasked one by one later.
INITIAL_MASKS: Final = u16(0xFFFB)

# The Interrupt Mask Registers of both chips, bit n = IRQ n.  Guarded by lock.
masks: u16 = INITIAL_MASKS
lock = IrqLock()
# Spurious IRQ 7s and 15s seen so far.  Written only by their handlers.
spurious_count = Array[u64, 1]()


def vector(irq: u8) -> u8:
    """The IDT vector of IRQ line ``irq`` after ``init``."""
    return MASTER_VECTOR_BASE + irq


def is_slave_line(irq: u8) -> bool:
    """Whether ``irq`` is one of the slave's lines (8-15)."""
    return irq >= 8


def line_bit(irq: u8) -> u8:
    """The bit of ``irq`` in its chip's 8-bit registers."""
    return u8(1) << (irq & 7)


def with_line_masked(current: u16, irq: u8) -> u16:
    """``current`` masks with ``irq`` masked."""
    return current | (u16(1) << u16(irq))


def with_line_unmasked(current: u16, irq: u8) -> u16:
    """``current`` masks with ``irq`` unmasked; unmasking a slave line also
    unmasks the cascade, without which the slave cannot be heard."""
    result = current & ~(u16(1) << u16(irq))
    if is_slave_line(irq):
        result &= ~(u16(1) << u16(CASCADE_IRQ))
    return result


def is_spurious(irq: u8, in_service: u8) -> bool:
    """Whether an IRQ 7 or 15 is spurious, given its chip's ISR."""
    return (in_service & line_bit(irq)) == 0


def write_masks(value: u16) -> None:
    """Load both Interrupt Mask Registers (OCW1).  The caller holds ``lock``."""
    port.write8(MASTER_DATA, u8(value))
    port.write8(SLAVE_DATA, u8(value >> 8))


def init() -> None:
    """Remap IRQ 0-15 to vectors 32-47, mask all lines, catch spurious IRQs.

    Safety: interrupts must be disabled; call once, before any driver
    unmasks its line.
    """
    global masks
    port.write8(MASTER_COMMAND, ICW1_INIT_WITH_ICW4)
    port.io_wait()
    port.write8(SLAVE_COMMAND, ICW1_INIT_WITH_ICW4)
    port.io_wait()
    port.write8(MASTER_DATA, MASTER_VECTOR_BASE)
    port.io_wait()
    port.write8(SLAVE_DATA, SLAVE_VECTOR_BASE)
    port.io_wait()
    port.write8(MASTER_DATA, line_bit(CASCADE_IRQ))
    port.io_wait()
    port.write8(SLAVE_DATA, CASCADE_IRQ)
    port.io_wait()
    port.write8(MASTER_DATA, ICW4_8086_MODE)
    port.io_wait()
    port.write8(SLAVE_DATA, ICW4_8086_MODE)
    port.io_wait()
    with lock:
        masks = INITIAL_MASKS
        write_masks(masks)
    idt.set_handler(vector(SPURIOUS_MASTER_IRQ), func_addr(on_irq7))
    idt.set_handler(vector(SPURIOUS_SLAVE_IRQ), func_addr(on_irq15))


def mask(irq: u8) -> None:
    """Stop delivering ``irq``."""
    global masks
    with lock:
        masks = with_line_masked(masks, irq)
        write_masks(masks)


def unmask(irq: u8) -> None:
    """Start delivering ``irq``.  Safety: its vector must have a handler."""
    global masks
    with lock:
        masks = with_line_unmasked(masks, irq)
        write_masks(masks)


def is_masked(irq: u8) -> bool:
    """Whether ``irq`` is masked now."""
    return ((masks >> u16(irq)) & 1) != 0


def send_eoi(irq: u8) -> None:
    """Tell the PIC(s) the handler for ``irq`` is done: slave first, then master."""
    if is_slave_line(irq):
        port.write8(SLAVE_COMMAND, OCW2_EOI)
    port.write8(MASTER_COMMAND, OCW2_EOI)


def in_service(command_port: u16) -> u8:
    """One chip's In-Service Register (OCW3 0x0B selects it for reading)."""
    port.write8(command_port, OCW3_READ_ISR)
    return port.read8(command_port)


def spurious_interrupts() -> u64:
    """How many spurious IRQ 7s and 15s have arrived."""
    return atomic_load(addr_of(spurious_count))


@interrupt
def on_irq7(frame: Ptr[InterruptFrame]) -> None:
    """IRQ 7: nothing uses LPT1, so this is almost always a spurious IRQ."""
    if is_spurious(SPURIOUS_MASTER_IRQ, in_service(MASTER_COMMAND)):
        atomic_add(addr_of(spurious_count), u64(1))
        return
    send_eoi(SPURIOUS_MASTER_IRQ)


@interrupt
def on_irq15(frame: Ptr[InterruptFrame]) -> None:
    """IRQ 15: spurious unless the slave's ISR says it is in service."""
    if is_spurious(SPURIOUS_SLAVE_IRQ, in_service(SLAVE_COMMAND)):
        atomic_add(addr_of(spurious_count), u64(1))
        # The master saw a real IRQ 2 from the slave and waits for its EOI.
        port.write8(MASTER_COMMAND, OCW2_EOI)
        return
    send_eoi(SPURIOUS_SLAVE_IRQ)
