"""The wake set, the timer heap and the slot table against plain Python
models, driven by random operations (Hypothesis)."""

from __future__ import annotations

import heapq

from hypothesis import given, settings
from hypothesis import strategies as st

from kernel.task.slots import SlotTable
from kernel.task.timers import CAPACITY, NEVER, TimerHeap
from kernel.task.wakeset import MAX_TASKS, NO_SLOT, Waiter, WakeSet
from pythos.lang import u32, u64

wake_ops = st.lists(st.one_of(st.tuples(st.just("wake"), st.integers(0, MAX_TASKS + 2)),
                              st.tuples(st.just("take"), st.just(0))), max_size=400)


@settings(max_examples=60, deadline=None)
@given(ops=wake_ops)
def test_the_wake_set_is_an_ordered_set_of_slots(ops: list[tuple[str, int]]) -> None:
    wakes = WakeSet()
    wakes.reset()
    queued: list[int] = []          # the model: slots in wake order, no repeats
    asked = [0] * MAX_TASKS
    coalesced = refused = 0
    for op, slot in ops:
        if op == "wake":
            ok = wakes.wake_in_interrupt(u64(slot))
            if slot >= MAX_TASKS:
                refused += 1
                assert not ok
                continue
            asked[slot] += 1
            assert ok
            if slot in queued:
                coalesced += 1
            else:
                queued.append(slot)
        else:
            taken = wakes.take_locked()
            assert taken == (queued.pop(0) if queued else NO_SLOT)
        assert wakes.queued() == len(queued)
        assert wakes.coalesced == coalesced and wakes.refused == refused
    for slot in set(queued):
        assert wakes.is_woken(u64(slot)) and wakes.wake_count(u64(slot)) == asked[slot]


def test_a_waiter_wakes_once_per_registration() -> None:
    waiter = Waiter()
    assert waiter.take() == NO_SLOT, "a new waiter is empty"
    waiter.register(u32(0))
    assert waiter.registered() == 0
    assert waiter.take() == 0 and waiter.take() == NO_SLOT
    waiter.register(u32(5))
    waiter.register(u32(6))
    assert waiter.take() == 6, "the latest registration wins"


timer_ops = st.lists(st.one_of(st.tuples(st.just("push"), st.integers(0, 300)),
                               st.tuples(st.just("pop"), st.integers(0, 300))), max_size=500)


@settings(max_examples=60, deadline=None)
@given(ops=timer_ops)
def test_the_timer_heap_pops_what_a_sorted_model_pops(ops: list[tuple[str, int]]) -> None:
    timers = TimerHeap()
    timers.reset()
    model: list[tuple[int, int, int]] = []     # (deadline, seq, slot)
    seq = 0
    for op, value in ops:
        if op == "push":
            slot = seq % MAX_TASKS
            assert timers.push(u64(value), u64(slot))
            heapq.heappush(model, (value, seq, slot))
            seq += 1
        else:
            expected = heapq.heappop(model)[2] if model and model[0][0] <= value else NO_SLOT
            assert timers.pop_due(u64(value)) == expected
        assert timers.check() and timers.count == len(model)
        assert timers.next_deadline() == (model[0][0] if model else NEVER)


def test_a_full_timer_heap_refuses_and_counts() -> None:
    timers = TimerHeap()
    timers.reset()
    for i in range(CAPACITY):
        assert timers.push(u64(CAPACITY - i), u64(1))
    assert not timers.push(u64(0), u64(2)) and timers.refused == 1
    assert timers.pop_due(u64(1)) == 1 and timers.push(u64(0), u64(2))


slot_ops = st.lists(st.one_of(st.tuples(st.just("allocate"), st.just(0)),
                              st.tuples(st.just("release"), st.integers(0, MAX_TASKS))),
                    max_size=3000)


@settings(max_examples=30, deadline=None)
@given(ops=slot_ops)
def test_slots_are_handed_out_fifo_and_never_twice(ops: list[tuple[str, int]]) -> None:
    slots = SlotTable()
    slots.reset()
    free = list(range(MAX_TASKS))
    used: set[int] = set()
    for op, slot in ops:
        if op == "allocate":
            got = slots.allocate()
            if free:
                assert got == free.pop(0)
                used.add(int(got))
            else:
                assert got == NO_SLOT
        else:
            assert slots.release(u64(slot)) == (slot in used)
            if slot in used:
                used.remove(slot)
                free.append(slot)
        assert slots.live == len(used)
