"""Wakers: how an interrupt handler (or any code) makes a task runnable.

A task that cannot go on (no key yet, a deadline not reached) leaves its
*slot number* with whoever will know when it can: a ``Waiter`` for a device,
the timer heap for a deadline.  Waking it is then ``waker.wake(slot)``:
mark the slot woken and put its number on a queue that the executor takes
slots from, in order, to poll their tasks.  Everything here is integers in
fixed arrays, so an interrupt handler may do it: no allocation, no
reference count, no exception (the rule in docs/interrupts.md, which the
compiler checks from every ``@interrupt`` handler down).

The wake set deduplicates.  ``woken[slot]`` is 1 from the moment the slot
is queued until the executor takes it off the queue, and a wake that finds
it already 1 only counts itself::

      wake(5) wake(5) wake(9) wake(5)          take() -> 5, take() -> 9
                                               (two polls for four wakes)
      woken: [ . . . . . 1 . . . 1 . ]
      ring:  [ 5 9 . . . . . . . . . ]   tail=0  head=2

So a flood of key interrupts for one waiting task becomes one poll, and
because every slot is queued at most once, a ring of ``MAX_TASKS`` entries
can never overflow.  ``wake`` still checks, and counts in ``refused``
rather than panicking, a wake it cannot queue (a slot number out of range).

Who may touch it: producers are interrupt handlers
(``WAKES.wake_in_interrupt``, interrupts already off) and normal code
(``wake`` here, which turns interrupts off around the update); the
consumer is the executor (``take``, also with interrupts off).  The
structs themselves are in ``wakeset.py``, which leaves the interrupt flag
to its callers.  On one CPU, turning interrupts off is the whole of the
mutual exclusion: there is no lock, so an interrupt can never find one
held by the code it interrupted.  The executor clears ``woken[slot]`` when
it takes the slot, *before* it polls the task, so a wake that arrives
during the poll queues the task again instead of being swallowed.

A ``Waiter`` is the one-slot mailbox a device driver's interrupt path
wakes: a future registers the current task's slot in it, and the handler's
hook (``key_arrived``, ``serial_arrived``: one line in each handler) takes
the slot out with an atomic exchange and wakes it.  One registration, one
wake; the next interrupt finds the mailbox empty and costs nothing more.
"""

import kernel.arch.x86_64.irqflags as irqflags
from kernel.task.wakeset import NO_SLOT, Waiter, WakeSet
from pythos.lang import i32, u64

# The kernel's one wake set, shared by every interrupt handler and the executor.
WAKES = WakeSet()
# The devices' waiters: the task awaiting a key, and the one awaiting COM1.
KEYBOARD = Waiter()
SERIAL = Waiter()
# The task that takes Ctrl-C on COM1 as a signal (serial_input.py).
INTERRUPT = Waiter()


def wake(slot: u64) -> bool:
    """Queue ``slot`` from normal code (interrupts are off meanwhile); False if refused."""
    flags = irqflags.save_and_disable()
    queued = WAKES.wake_in_interrupt(slot)
    irqflags.restore(flags)
    return queued


def take() -> i32:
    """The slot woken longest ago, cleared for the next wake; ``NO_SLOT`` if none."""
    flags = irqflags.save_and_disable()
    slot = WAKES.take_locked()
    irqflags.restore(flags)
    return slot


def wake_waiter(waiter: Waiter) -> None:
    """Wake the task registered in ``waiter``, if any, and forget it.

    Safety: interrupts off (an interrupt handler).
    """
    slot = waiter.take()
    if slot != NO_SLOT:
        WAKES.wake_in_interrupt(u64(slot))


def key_arrived() -> None:
    """IRQ 1 stored a byte: wake the task awaiting a key.  Interrupts off."""
    wake_waiter(KEYBOARD)


def serial_arrived() -> None:
    """IRQ 4 stored bytes: wake the task awaiting COM1.  Interrupts off."""
    wake_waiter(SERIAL)


def interrupt_typed() -> bool:
    """IRQ 4 received Ctrl-C: wake the task waiting for it, if any; whether
    there was one (the byte is then a signal, not input).  Interrupts off."""
    slot = INTERRUPT.take()
    if slot == NO_SLOT:
        return False
    WAKES.wake_in_interrupt(u64(slot))
    return True


def reset() -> None:
    """Empty the wake set and forget the devices' registrations (a new executor)."""
    flags = irqflags.save_and_disable()
    WAKES.reset()
    KEYBOARD.clear()
    SERIAL.clear()
    INTERRUPT.clear()
    irqflags.restore(flags)
