"""Task slots: small numbers that name live tasks, handed out from a free queue.

Wakers name a task by its slot, an integer below ``MAX_TASKS``, because
an interrupt handler can store and pass an integer but must not touch the
task's object (that would change its reference count).  ``SlotTable``
hands slots out and takes them back; the executor keeps each live task's
object in its list at the slot's index.

The free slots wait in a FIFO ring rather than a stack, so a freed slot
goes to the back and is reused as late as possible: a stale wake (a timer
entry or a waiter left by the slot's previous task) then most likely finds
the slot still free, where the executor ignores it, rather than giving
the next task a spurious poll (harmless, but wasted).

Normal code only.
"""

from kernel.task.wakeset import MAX_TASKS, NO_SLOT
from pythos.lang import Array, i32, struct, u8, u16, u64


@struct
class SlotTable:
    """Which slots are in use, and the queue of free ones."""

    # 1 for a slot held by a live task.
    used: Array[u8, MAX_TASKS]
    # Free slot numbers; entry n % MAX_TASKS for n in [free_tail, free_head).
    free: Array[u16, MAX_TASKS]
    free_head: u64
    free_tail: u64
    # Slots in use now, and the most ever at once.
    live: u64
    peak: u64
    # Allocations refused because every slot was in use.
    refused: u64

    def reset(self) -> None:
        """Every slot free, in order 0, 1, 2, ..."""
        for i in range(MAX_TASKS):
            self.used[i] = u8(0)
            self.free[i] = u16(i)
        self.free_tail = u64(0)
        self.free_head = u64(MAX_TASKS)
        self.live = u64(0)
        self.peak = u64(0)
        self.refused = u64(0)

    def allocate(self) -> i32:
        """A free slot, now in use; ``NO_SLOT`` when all are taken."""
        if self.free_head == self.free_tail:
            self.refused += 1
            return NO_SLOT
        slot = self.free[self.free_tail % u64(MAX_TASKS)]
        self.free_tail += 1
        self.used[slot] = u8(1)
        self.live += 1
        if self.live > self.peak:
            self.peak = self.live
        return i32(slot)

    def release(self, slot: u64) -> bool:
        """Give ``slot`` back; False if it was not in use (nothing changes)."""
        if slot >= u64(MAX_TASKS) or self.used[slot] == 0:
            return False
        self.used[slot] = u8(0)
        self.free[self.free_head % u64(MAX_TASKS)] = u16(slot)
        self.free_head += 1
        self.live -= 1
        return True

    def in_use(self, slot: u64) -> bool:
        return slot < u64(MAX_TASKS) and self.used[slot] != 0


# The kernel's task slots (the executor's, normal code only).
SLOTS = SlotTable()
