"""The executor's fixed-array parts, compiled and under CPython alike:
the wake set (coalescing, order, refusals), the timer heap (deadline
order, ties in push order, a full heap refusing) and the slot table (FIFO
reuse, exhaustion).  tests/kernel/test_executor_compiled.py compares the
output of both; the interrupt-flag wrappers (``wake``, ``take``) need the
kernel and are exercised by kernel/tests/test_executor.py."""

from kernel.task.slots import SlotTable
from kernel.task.timers import CAPACITY, TimerHeap
from kernel.task.wakeset import MAX_TASKS, NO_SLOT, WakeSet
from kernel.xorshift import xorshift64
from pythos.lang import Array, u64

wakes = WakeSet()
heap = TimerHeap()
slots = SlotTable()


def wake_set() -> None:
    wakes.reset()
    for woken in [5, 5, 9, 5, 1, 9, 1023]:
        wakes.wake_in_interrupt(u64(woken))
    print("queued", wakes.queued(), "coalesced", wakes.coalesced,
          "wakes of 5", wakes.wake_count(u64(5)))
    print("refused out of range", wakes.wake_in_interrupt(u64(MAX_TASKS)), wakes.refused)
    order: list[int] = []
    slot = wakes.take_locked()
    while slot != NO_SLOT:
        order.append(int(slot))
        if slot == 9:
            wakes.wake_in_interrupt(u64(5))   # woken again after it was taken
        slot = wakes.take_locked()
    print("order", order)
    for i in range(MAX_TASKS):
        wakes.wake_in_interrupt(u64(i))
        wakes.wake_in_interrupt(u64(i))
    print("all slots twice: queued", wakes.queued(), "refused", wakes.refused)
    total = 0
    while wakes.take_locked() != NO_SLOT:
        total += 1
    print("taken", total, "empty", wakes.is_empty_locked())


def timer_heap() -> None:
    heap.reset()
    deadlines = Array[u64, 1000]()
    state = u64(12345)
    for i in range(1000):
        state = xorshift64(state)
        deadlines[i] = state % u64(5000)
        heap.push(deadlines[i], u64(i))
    print("heap ok", heap.check(), "count", heap.count, "first", heap.next_deadline())
    last = u64(0)
    in_order = True
    popped = 0
    now = u64(0)
    while heap.count > 0:
        now += 7
        slot = heap.pop_due(now)
        while slot != NO_SLOT:
            popped += 1
            if deadlines[slot] < last or deadlines[slot] > now:
                in_order = False
            last = deadlines[slot]
            slot = heap.pop_due(now)
    print("popped", popped, "in order", in_order, "heap ok", heap.check(), "at", now)
    heap.reset()
    for i in range(4):
        heap.push(u64(100), u64(10 + i))
    ties: list[int] = []
    for _ in range(4):
        ties.append(int(heap.pop_due(u64(100))))
    print("ties", ties)
    for i in range(CAPACITY):
        heap.push(u64(i), u64(0))
    print("full push", heap.push(u64(1), u64(1)), "refused", heap.refused)


def slot_table() -> None:
    slots.reset()
    a = slots.allocate()
    b = slots.allocate()
    slots.release(u64(a))
    c = slots.allocate()
    print("slots", a, b, c, "release twice", slots.release(u64(a)), slots.release(u64(b)))
    count = 0
    while slots.allocate() != NO_SLOT:
        count += 1
    print("then", count, "more; live", slots.live, "peak", slots.peak, "refused", slots.refused)


def main() -> None:
    wake_set()
    timer_heap()
    slot_table()


if __name__ == "__main__":
    main()
