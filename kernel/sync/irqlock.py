"""``IrqLock``: a spinlock that also keeps interrupts off while it is held.

A plain ``Mutex`` is not enough for data shared with an interrupt handler.
If normal code holds the lock and the interrupt arrives on the same CPU,
the handler spins on a lock that can only be released by the code it
interrupted, which cannot run until the handler returns: a deadlock.  So
the lock disables interrupts *before* taking the spinlock and restores the
interrupt flag *after* releasing it::

    lock:    flags = RFLAGS; cli; take the spinlock; remember flags
    unlock:  release the spinlock; if flags had IF set: sti

Restoring (rather than always enabling) makes the lock usable where
interrupts are already off, inside a handler or inside another
``IrqLock``: the inner unlock leaves them off and only the outermost one
turns them back on.  The saved flags are written only by the holder, after
it has the spinlock, and read only by the holder when it unlocks, so they
need no protection of their own.

Interrupt handlers run through interrupt gates with IF already clear, so
in a handler the ``cli`` is redundant but harmless.  Lock order: an
``IrqLock`` may be taken while holding another ``IrqLock`` only in a
documented order, as for any spinlock; never wait for a device with one
held, since the clock stops ticking meanwhile.

Use it with ``with``::

    queue_lock = IrqLock()

    with queue_lock:
        ...
"""

import kernel.arch.x86_64.irqflags as irqflags
from kernel.sync.spinlock import Mutex
from pythos.lang import struct, u64


@struct
class IrqLock:
    """A spinlock held with interrupts disabled.  ``IrqLock()`` is unlocked."""

    mutex: Mutex
    # RFLAGS before ``lock`` disabled interrupts.  Written and read only by
    # the holder.
    saved_flags: u64

    def lock(self) -> None:
        """Disable interrupts, then spin until the lock is ours."""
        flags = irqflags.save_and_disable()
        self.mutex.lock()
        self.saved_flags = flags

    def try_lock(self) -> bool:
        """Take the lock if it is free; on failure interrupts are as before."""
        flags = irqflags.save_and_disable()
        if not self.mutex.try_lock():
            irqflags.restore(flags)
            return False
        self.saved_flags = flags
        return True

    def unlock(self) -> None:
        """Release the lock and put the interrupt flag back.  The caller holds it."""
        flags = self.saved_flags
        self.mutex.unlock()
        irqflags.restore(flags)

    def is_locked(self) -> bool:
        """Whether someone holds the lock (a snapshot, for diagnostics)."""
        return self.mutex.is_locked()

    def __enter__(self) -> None:
        self.lock()

    def __exit__(self, *exc: object) -> None:
        self.unlock()
