"""The interrupt flag: enabling, disabling, saving and restoring it.

RFLAGS bit 9 (IF) decides whether the CPU accepts maskable interrupts (the
PIC's IRQs); exceptions and NMIs ignore it::

     63        22 21  ...  10   9    8  ...  0
    +-----------+----------+----+----+--------+
    | reserved  |   ...    | DF | IF | ...    |
    +-----------+----------+----+----+--------+

``cli`` and ``sti`` clear and set it.  Code that disables interrupts
around a critical section must not blindly ``sti`` afterwards, because its
caller may have disabled them too; it saves RFLAGS first
(``save_and_disable``) and puts IF back the way it was (``restore``).

``sti`` has a one-instruction shadow: interrupts are accepted only after
the instruction that follows it.  ``sti; hlt`` therefore cannot lose a
wake-up: an interrupt that arrives between the caller's last check of its
condition (made with interrupts disabled) and the ``hlt`` is held until
the CPU is halted, and then wakes it.  ``enable_and_halt`` is that pair.
"""

from typing import Final

from pythos.lang import asm, cli, sti, sti_hlt, u64

RFLAGS_IF: Final = u64(1 << 9)


def rflags() -> u64:
    """The current RFLAGS register."""
    return asm("pushfq; popq $0", "=r,~{memory}", result=u64)


def are_enabled() -> bool:
    """Whether maskable interrupts are enabled now."""
    return (rflags() & RFLAGS_IF) != 0


def enable() -> None:
    """Accept interrupts (``sti``).  Safety: the IDT must handle every unmasked vector."""
    sti()


def disable() -> None:
    """Hold off maskable interrupts (``cli``)."""
    cli()


def save_and_disable() -> u64:
    """Disable interrupts; return the RFLAGS to hand to ``restore`` later."""
    flags = rflags()
    cli()
    return flags


def restore(flags: u64) -> None:
    """Re-enable interrupts if they were enabled when ``flags`` was saved."""
    if flags & RFLAGS_IF:
        sti()


def enable_and_halt() -> None:
    """``sti; hlt``: sleep until the next interrupt, atomically (see above).

    Returns after that interrupt's handler, with interrupts enabled.
    """
    sti_hlt()
