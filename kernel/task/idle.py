"""Idle: halt the CPU until an interrupt, unless work is already waiting.

The executor calls ``halt_if_idle`` when it found no woken task.  The
check and the halt must not be separable by an interrupt, or a wake-up can
be lost::

    careless                              here
    --------                              ----
    if wake set empty:                    cli
        <- IRQ: wake(task), iretq         if wake set empty and no timer due:
    hlt  (sleeps with a task woken,           sti; hlt   <- the IRQ, held since
          until some other interrupt)                       the check, ends the hlt
                                          restore the flags

With interrupts off during the check, an interrupt that arrives after it
stays pending in the PIC.  ``sti`` enables interrupts only after the
instruction that follows it, so the pending interrupt is taken once
``hlt`` has begun, which ends the halt; the executor then finds the wake.
``irqflags.enable_and_halt`` is exactly ``sti; hlt``.

The timer heap is part of the check: a deadline that has passed means work
(``expire_timers`` will wake a task), so the CPU must not halt for it.  A
deadline in the future needs nothing special, since the PIT interrupts
every millisecond: each tick ends the halt, the executor expires what came
due and halts again.  Between ticks the CPU is halted.  (The kernel's own
executor idles through kernel/task/share.py instead, which stops the
tick and arms a one-shot for the next deadline: kernel/tickless.py.)

A function of its own, rather than an executor method, so that it compiles
before the coroutines do (kernel/tests/test_executor.py).
"""

from collections.abc import Callable

import kernel.arch.x86_64.irqflags as irqflags
from kernel.task.timers import TIMERS
from kernel.task.waker import WAKES
from pythos.lang import u64


def halt_if_idle(now: Callable[[], u64]) -> bool:
    """Halt until the next interrupt if no slot is woken and no timer is
    due by ``now()``; whether it halted.  Interrupts are enabled afterwards
    if they were before (and after a halt, always)."""
    flags = irqflags.save_and_disable()
    halted = False
    if WAKES.is_empty_locked() and TIMERS.next_deadline() > now():
        irqflags.enable_and_halt()
        halted = True
    irqflags.restore(flags)
    return halted
