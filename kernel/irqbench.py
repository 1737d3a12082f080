"""The interrupt benchmark: one timer and one keyboard interrupt, entry to exit.

``bench=irq`` on the kernel command line makes ``kmain`` call ``run``,
which prints ``bench: <name> <count>`` lines that ``bench/kernel.py``
collects when it boots the kernel under ``-icount`` (where the counts are
exact guest instructions; see ``arch/x86_64/irqcost.py``).

The keyboard interrupt is a real IRQ 1: the controller is asked to deliver
an acknowledge byte (0xFA) as if the keyboard had sent it, which the
handler pushes into the ring buffer and the decoder later ignores.  With
interrupts disabled the IRQ waits at the PIC until the measured window
opens.
"""

from typing import Final

import kernel.arch.x86_64.cpu as cpu
import kernel.arch.x86_64.irqcost as irqcost
import kernel.arch.x86_64.irqflags as irqflags
import kernel.drivers.keyboard as keyboard
from kernel.drivers.scancode import ACK
from pythos.lang import u64

# How many status polls to wait for the injected byte to be pending.
PENDING_POLLS: Final = u64(100000)


def keyboard_interrupt_cost() -> u64:
    """Instructions for one IRQ 1, or 0 if no keyboard controller took the byte."""
    flags = irqflags.save_and_disable()
    cost = u64(0)
    if keyboard.inject_scancode(ACK):
        polls = u64(0)
        while not keyboard.output_pending() and polls < PENDING_POLLS:
            polls += 1
        cost = irqcost.pending_interrupt_cost()
    irqflags.restore(flags)
    return cost


def timer_interrupt_cost() -> u64:
    """Instructions for one timer interrupt (vector 32, raised with ``int``)."""
    flags = irqflags.save_and_disable()
    cost = irqcost.int_32_cost()
    irqflags.restore(flags)
    return cost


def run(kmain_entered_at: u64) -> None:
    """Print the measurements for bench/kernel.py."""
    print(f"bench: reset to kmain {kmain_entered_at}")
    # Everything kmain does before it reads the options (every init call);
    # under -icount a timestamp counts instructions.
    print(f"bench: kmain to options {cpu.timestamp() - kmain_entered_at}")
    print(f"bench: timer interrupt {timer_interrupt_cost()}")
    print(f"bench: keyboard interrupt {keyboard_interrupt_cost()}")
    print(f"bench: rdtsc pair {irqcost.rdtsc_overhead()}")


