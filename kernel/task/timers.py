"""The timer heap: which sleeping task wakes next.

``await sleep_ms(n)`` puts an entry (deadline, seq, slot) here and
suspends; before each look for work the executor pops every entry whose
deadline has passed and wakes its slot.  Entries live in a binary min-heap
ordered by (deadline, seq), stored in three parallel fixed arrays::

    index:        0           the earliest deadline
                /   \\
               1     2        children of i: 2i+1 and 2i+2
              / \\   / \\      parent of i:   (i-1) // 2
             3   4 5   6

``push`` puts the new entry at the end and swaps it up past every later
parent; ``pop`` moves the last entry to the root and swaps it down past
every earlier child.  Both are O(log n): 1,000 sleepers cost at most ten
swaps per operation, where a sorted list would move 500 entries on average
per insertion.  ``seq`` numbers the entries in push order, so two equal
deadlines wake in the order they were asked for (the heap alone is not
stable), and no two entries ever compare equal.

Deadlines are milliseconds of the clock's *time* (``clock.uptime_ms``, from
the TSC), never a count of timer interrupts: under QEMU's TCG several ticks
can arrive merged as one, and a tick count would wake sleepers late.  The
ticks only wake the CPU from ``hlt`` so the executor looks at the heap.

An entry is never removed early.  A sleep abandoned half way (its task
cancelled, or a ``with_timeout`` that finished first) leaves its entry, and
when the entry comes due its slot gets one spurious wake, which a poll
shrugs off (every future re-checks its condition when polled).  That keeps
the heap free of search and of back-pointers, at the price of the capacity
holding stale entries for a while: ``CAPACITY`` is twice ``MAX_TASKS``, and
a push into a full heap returns False (counted in ``refused``), which the
sleep turns into polling on every pass instead of a panic.

Normal code only (the executor's task): no interrupt handler touches it.
"""

from typing import Final

from kernel.task.wakeset import NO_SLOT
from pythos.lang import Array, i32, struct, u16, u64

CAPACITY: Final = 2048
NEVER: Final = u64(0xFFFFFFFFFFFFFFFF)


@struct
class TimerHeap:
    """A min-heap of (deadline, seq, slot) entries."""

    deadline: Array[u64, CAPACITY]
    seq: Array[u64, CAPACITY]
    slot: Array[u16, CAPACITY]
    count: u64
    next_seq: u64
    # Pushes refused because the heap was full.
    refused: u64

    def earlier(self, a: u64, b: u64) -> bool:
        """Whether entry ``a`` comes due before entry ``b``."""
        if self.deadline[a] != self.deadline[b]:
            return self.deadline[a] < self.deadline[b]
        return self.seq[a] < self.seq[b]

    def swap(self, a: u64, b: u64) -> None:
        self.deadline[a], self.deadline[b] = self.deadline[b], self.deadline[a]
        self.seq[a], self.seq[b] = self.seq[b], self.seq[a]
        self.slot[a], self.slot[b] = self.slot[b], self.slot[a]

    def push(self, deadline: u64, slot: u64) -> bool:
        """Add an entry; False (and one more ``refused``) if the heap is full."""
        if self.count >= u64(CAPACITY):
            self.refused += 1
            return False
        i = self.count
        self.deadline[i] = deadline
        self.seq[i] = self.next_seq
        self.slot[i] = u16(slot)
        self.next_seq += 1
        self.count += 1
        while i > 0:
            parent = (i - 1) // 2
            if not self.earlier(i, parent):
                break
            self.swap(i, parent)
            i = parent
        return True

    def next_deadline(self) -> u64:
        """The earliest deadline, or ``NEVER`` when empty."""
        if self.count == 0:
            return NEVER
        return self.deadline[0]

    def pop_due(self, now: u64) -> i32:
        """Remove the earliest entry if its deadline is at or before ``now``
        and return its slot; ``NO_SLOT`` otherwise."""
        if self.count == 0 or self.deadline[0] > now:
            return NO_SLOT
        slot = i32(self.slot[0])
        self.count -= 1
        last = self.count
        if last > 0:
            self.deadline[0] = self.deadline[last]
            self.seq[0] = self.seq[last]
            self.slot[0] = self.slot[last]
            i = u64(0)
            while True:
                smallest = i
                left = 2 * i + 1
                right = left + 1
                if left < last and self.earlier(left, smallest):
                    smallest = left
                if right < last and self.earlier(right, smallest):
                    smallest = right
                if smallest == i:
                    break
                self.swap(i, smallest)
                i = smallest
        return slot

    def check(self) -> bool:
        """Whether every parent comes due before its children (for tests)."""
        i = u64(1)
        while i < self.count:
            if self.earlier(i, (i - 1) // 2):
                return False
            i += 1
        return True

    def reset(self) -> None:
        """Drop every entry and zero the counters."""
        self.count = u64(0)
        self.next_seq = u64(0)
        self.refused = u64(0)


# The kernel's timer heap (the executor's, normal code only).
TIMERS = TimerHeap()
