"""The wake set: woken task slots, each queued at most once.

The structs of ``waker.py``'s design, without the interrupt flag: every
method here expects its caller to have interrupts off already (an
interrupt handler, or ``waker.wake``/``waker.take``), which is what lets a
Linux test program compile and run them too
(tests/kernel/programs/executor_parts.py).  docs/tasks.md, "The wake set".
"""

from typing import Final

from pythos.lang import Array, addr_of, atomic_load, atomic_xchg, i32, struct, u8, u16, u32, u64

# Task slots: the most tasks alive at once (1,000 sleepers fit).
MAX_TASKS: Final = 1024
# What ``take`` and an empty ``Waiter`` hold when there is no slot.
NO_SLOT: Final = i32(-1)


@struct
class WakeSet:
    """The queue of woken task slots, each slot at most once."""

    # 1 while the slot is on the ring.  Interrupts off to read or write.
    woken: Array[u8, MAX_TASKS]
    # Slot numbers in wake order; entry n % MAX_TASKS for n in [tail, head).
    ring: Array[u16, MAX_TASKS]
    # Slots ever queued and ever taken, modulo 2**64.
    head: u64
    tail: u64
    # Wake-ups asked for each slot since it was last reset, coalesced ones included.
    wakes: Array[u64, MAX_TASKS]
    # Wake-ups that asked for the same slot while it was already queued.
    coalesced: u64
    # Wakes that could not be queued (a slot out of range; a full ring,
    # which the one-entry-per-slot rule makes impossible).
    refused: u64

    def wake_in_interrupt(self, slot: u64) -> bool:
        """Queue ``slot`` unless it is queued already; False if refused.

        Safety: interrupts must be off (an interrupt handler, or ``wake``).
        """
        if slot >= u64(MAX_TASKS):
            self.refused += 1
            return False
        self.wakes[slot] += 1
        if self.woken[slot] != 0:
            self.coalesced += 1
            return True
        if self.head - self.tail >= u64(MAX_TASKS):
            self.refused += 1
            return False
        self.woken[slot] = u8(1)
        self.ring[self.head % u64(MAX_TASKS)] = u16(slot)
        self.head += 1
        return True

    def take_locked(self) -> i32:
        """The slot woken longest ago, cleared for the next wake; ``NO_SLOT`` if none.

        Safety: interrupts off (``waker.take``).
        """
        if self.head == self.tail:
            return NO_SLOT
        entry = self.ring[self.tail % u64(MAX_TASKS)]
        self.tail += 1
        self.woken[entry] = u8(0)
        return i32(entry)

    def is_empty_locked(self) -> bool:
        """Whether no slot is queued.  Safety: interrupts off (the idle check)."""
        return self.head == self.tail

    def is_woken(self, slot: u64) -> bool:
        """Whether ``slot`` is queued now (a snapshot, for ``ps``)."""
        return slot < u64(MAX_TASKS) and self.woken[slot] != 0

    def queued(self) -> u64:
        """How many slots are queued (a snapshot)."""
        return self.head - self.tail

    def wake_count(self, slot: u64) -> u64:
        """Wake-ups asked for ``slot`` since ``reset_slot``."""
        return self.wakes[slot] if slot < u64(MAX_TASKS) else u64(0)

    def reset_slot(self, slot: u64) -> None:
        """Start a new task's wake count (its slot may still be queued by a
        stale wake of the slot's previous task: harmless, a spurious poll)."""
        if slot < u64(MAX_TASKS):
            self.wakes[slot] = u64(0)

    def reset(self) -> None:
        """Empty the set and zero the counters (boot, and host tests).

        Safety: no interrupt handler may wake meanwhile (before interrupts
        are enabled, or with them off).
        """
        for i in range(MAX_TASKS):
            self.woken[i] = u8(0)
            self.wakes[i] = u64(0)
        self.head = u64(0)
        self.tail = u64(0)
        self.coalesced = u64(0)
        self.refused = u64(0)


@struct
class Waiter:
    """A one-slot mailbox: the task to wake when a device has something.

    ``Waiter()`` is empty: the field holds the slot plus one, so zero
    (what a new struct holds) means nobody.
    """

    # The registered slot + 1, or 0.  Exchanged atomically: written by the
    # future (normal code) and taken by the interrupt handler.
    armed: Array[u32, 1]

    def register(self, slot: u32) -> None:
        """Wake ``slot`` at the next ``wake`` (replacing any earlier task)."""
        atomic_xchg(addr_of(self.armed), slot + 1)

    def clear(self) -> None:
        """Forget the registration."""
        atomic_xchg(addr_of(self.armed), u32(0))

    def registered(self) -> i32:
        """The registered slot, or NO_SLOT (a snapshot)."""
        return i32(atomic_load(addr_of(self.armed))) - 1

    def take(self) -> i32:
        """The registered slot, now forgotten, or NO_SLOT.  Safe in an interrupt handler."""
        return i32(atomic_xchg(addr_of(self.armed), u32(0))) - 1
