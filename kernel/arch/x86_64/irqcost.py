"""Measuring what an interrupt costs, in instructions, with ``rdtsc``.

Under QEMU's ``-icount shift=0,sleep=off`` the time stamp counter advances
by exactly one per guest instruction, so the difference of two ``rdtsc``
readings is an exact, repeatable instruction count (``bench/kernel.py``
boots the kernel that way).  On real hardware the same code measures
cycles.  Each measurement subtracts the cost of the ``rdtsc`` pair itself.

Two ways to get an interrupt between the readings:

* ``int_32_cost``: ``int $32`` raises vector 32, the timer's, in software.
  This runs the whole delivery (gate lookup, frame push), the handler and
  its ``iretq``, exactly as IRQ 0 would, without waiting for the PIT.  The
  handler counts one extra tick and sends an EOI that the PIC, with
  nothing in service, ignores.
* ``pending_interrupt_cost``: for an IRQ that is already pending at the
  PIC while interrupts are disabled, ``sti; nop; cli`` opens a window of
  exactly one instruction in which it is taken.  The reading includes those
  three instructions; the PIC's acknowledge cycle costs no instructions.
"""

from pythos.lang import asm, rdtsc, u64


def rdtsc_overhead() -> u64:
    """What two back-to-back ``rdtsc`` readings measure for nothing."""
    start = rdtsc()
    end = rdtsc()
    return end - start


def int_32_cost() -> u64:
    """Instructions from ``int $32`` to the instruction after it returns.

    Safety: vector 32 must have a handler that tolerates a spurious call
    (``preempt.on_timer`` does).
    """
    start = rdtsc()
    asm("int $$32", "~{memory}")
    end = rdtsc()
    return end - start - rdtsc_overhead()


def pending_interrupt_cost() -> u64:
    """Instructions to take one pending maskable interrupt and return.

    Safety: call with interrupts disabled and an IRQ pending whose handler
    is installed; interrupts are disabled again afterwards.
    """
    start = rdtsc()
    asm("sti; nop; cli", "~{memory}")
    end = rdtsc()
    return end - start - rdtsc_overhead()
