"""A spinlock ``Mutex``: mutual exclusion by busy-waiting on one word.

The lock is a ``u64`` that is 0 when free and 1 when held.  ``lock``
swaps in 1 with an atomic exchange (``xchg``, a full barrier on x86); if
the old value was 0 the caller now owns the lock, otherwise someone else
does and it retries.  While waiting it only *reads* the word (a plain
atomic load that stays in the local cache) and exchanges again once the
word reads 0, so waiting CPUs do not bounce the cache line between them
("test and test-and-set").  ``unlock`` stores 0 with another atomic
exchange, whose barrier publishes every write made under the lock before
the lock is seen free.

A Pythos ``Mutex`` guards data by convention, not by type (there are no
generics): each guarded variable says in a comment which mutex guards it.
Use it with ``with``::

    screen_lock = Mutex()

    def write(...) -> None:
        with screen_lock:
            ...

Spinlocks must be held briefly and never across a sleep.  They do not
disable interrupts; today's kernel runs with interrupts off, and once
interrupt handlers take locks, the lock users will have to disable them
first or the handler can deadlock against the code it interrupted.
"""

import kernel.arch.x86_64.cpu as cpu
from pythos.lang import Ptr, addr_of, atomic_load, atomic_xchg, struct, u64


@struct
class Mutex:
    """A spinlock.  ``Mutex()`` is unlocked."""

    # 0: free, 1: held.  Only touched through atomics, via ``word``.  It
    # must stay the first field: ``word`` relies on its offset being 0.
    locked: u64

    def word(self) -> Ptr[u64]:
        """The lock word's address.

        ``self.word()`` would say this directly, but CPython's
        ``addr_of`` only takes arrays and structs, and host tests use this
        module too; the field is at offset 0, so the struct's address is the
        word's.
        """
        return Ptr[u64](addr_of(self).addr)

    def try_lock(self) -> bool:
        """Take the lock if it is free; True when the caller now holds it."""
        return atomic_xchg(self.word(), u64(1)) == 0

    def lock(self) -> None:
        """Spin until the lock is ours."""
        while not self.try_lock():
            while atomic_load(self.word()) != 0:
                cpu.spin_hint()

    def unlock(self) -> None:
        """Release the lock.  The caller must hold it."""
        # An exchange rather than atomic_store: it is a full barrier too, and
        # atomic_store does not compile yet (llvmlite's store_atomic wants a
        # typed pointer).
        atomic_xchg(self.word(), u64(0))

    def is_locked(self) -> bool:
        """Whether someone holds the lock (a snapshot, for diagnostics)."""
        return atomic_load(self.word()) != 0

    def __enter__(self) -> None:
        self.lock()

    def __exit__(self, *exc: object) -> None:
        self.unlock()
