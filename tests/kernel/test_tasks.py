"""Host tests of the task table and run queue (kernel/proc/tasks.py).

A Hypothesis state machine drives the table through random sequences of
spawn, preempt, block, wake, exit, reap and kill-like wakes, and checks
after every step that the module's invariants hold and that the table
agrees with a plain Python model of round-robin.
"""

from __future__ import annotations

from collections import deque

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from kernel.proc import tasks
from kernel.proc.tasks import TaskTable
from pythos.lang import i64, u64


def fresh() -> TaskTable:
    table = TaskTable()
    table.reset()
    return table


def switch_next(table: TaskTable) -> int:
    slot = table.take_next()
    table.now_running(slot)
    return int(slot)


def test_a_fresh_table_runs_the_kernel_task_alone():
    table = fresh()
    assert table.check() == ""
    assert table.current == tasks.KERNEL_TASK
    assert not table.has_ready()
    assert table.take_next() == tasks.NO_SLOT


def test_round_robin_order():
    table = fresh()
    slots = []
    for _ in range(3):
        slot = table.allocate(u64(0))
        table.make_ready(slot)
        slots.append(int(slot))
    order = []
    for _ in range(8):
        table.preempt()
        order.append(switch_next(table))
        assert table.check() == ""
    assert order == [*slots, 0, *slots, 0]


def test_pids_count_up_and_slots_are_reused():
    table = fresh()
    first = table.allocate(u64(0))
    assert table.tasks[first].pid == 1
    table.make_ready(first)
    table.preempt()
    assert switch_next(table) == first
    table.exit(i64(3))
    table.reap(first)
    assert table.find(u64(1)) == tasks.NO_SLOT
    again = table.allocate(u64(0))
    assert again == first and table.tasks[again].pid == 2


def test_the_table_fills_up():
    table = fresh()
    for _ in range(tasks.MAX_TASKS - 1):
        assert table.allocate(u64(0)) != tasks.NO_SLOT
    assert table.allocate(u64(0)) == tasks.NO_SLOT


def test_exit_gives_children_to_the_kernel():
    table = fresh()
    parent = table.allocate(u64(0))
    table.make_ready(parent)
    table.preempt()
    switch_next(table)
    child = table.allocate(table.tasks[parent].pid)
    assert table.is_child(child, table.tasks[parent].pid, tasks.ANY_CHILD)
    table.exit(i64(0))
    assert table.tasks[child].parent == 0
    assert table.is_child(child, u64(0), table.tasks[child].pid)


def test_the_kernel_task_runs_when_nothing_else_can():
    table = fresh()
    slot = table.allocate(u64(0))
    table.make_ready(slot)
    table.block(tasks.IDLE)
    assert table.next_to_run() == slot
    table.block(tasks.SLEEPING)
    assert table.next_to_run() == tasks.KERNEL_TASK  # the queue is empty: idle
    assert table.check() == ""
    table.wake(slot)
    table.preempt()
    assert table.next_to_run() == slot


def test_a_woken_task_that_is_not_blocked_is_left_alone():
    table = fresh()
    slot = table.allocate(u64(0))
    table.make_ready(slot)
    table.wake(slot)  # already READY: not queued twice
    assert table.count == 1 and table.check() == ""


class Scheduling(RuleBasedStateMachine):
    """Random operations against a model: a deque of READY slots, a set of
    BLOCKED ones, a set of ZOMBIEs, and the running slot."""

    def __init__(self) -> None:
        super().__init__()
        self.table = fresh()
        self.ready: deque[int] = deque()
        self.blocked: set[int] = set()
        self.zombies: set[int] = set()
        self.running = 0

    def switch(self) -> None:
        """What the scheduler does once the running task gave up the CPU:
        the queue's first, or the idle kernel task when the queue is empty."""
        if self.ready:
            expected = self.ready.popleft()
        else:
            expected = 0
            self.blocked.discard(0)
        assert self.table.next_to_run() == expected
        self.running = expected

    @rule()
    def spawn(self) -> None:
        slot = self.table.allocate(u64(0))
        live = len(self.ready) + len(self.blocked - {0}) + len(self.zombies) + 1
        if live >= tasks.MAX_TASKS:
            assert slot == tasks.NO_SLOT
            return
        assert slot != tasks.NO_SLOT
        self.table.make_ready(slot)
        self.ready.append(int(slot))

    @precondition(lambda self: self.ready)
    @rule()
    def preempt(self) -> None:
        self.table.preempt()
        self.ready.append(self.running)
        self.switch()

    @precondition(lambda self: self.running != 0)
    @rule(reason=st.sampled_from([tasks.SLEEPING, tasks.CHILD, tasks.INPUT]))
    def block(self, reason) -> None:
        self.table.block(reason)
        self.blocked.add(self.running)
        self.switch()

    @precondition(lambda self: self.running == 0 and self.ready)
    @rule()
    def kernel_idles(self) -> None:
        """The kernel task has nothing to do while processes are ready."""
        self.table.block(tasks.IDLE)
        self.blocked.add(0)
        self.switch()

    @precondition(lambda self: self.blocked)
    @rule(data=st.data())
    def wake(self, data) -> None:
        slot = data.draw(st.sampled_from(sorted(self.blocked)))
        self.table.wake(u64(slot))
        self.blocked.discard(slot)
        self.ready.append(slot)

    @precondition(lambda self: self.blocked)
    @rule(data=st.data())
    def wake_first(self, data) -> None:
        """Woken by input: to the front of the queue."""
        slot = data.draw(st.sampled_from(sorted(self.blocked)))
        assert self.table.wake_first(u64(slot))
        self.blocked.discard(slot)
        self.ready.appendleft(slot)

    @rule(slot=st.integers(0, tasks.MAX_TASKS - 1))
    def wake_anything(self, slot) -> None:
        """A wake-up for a task that is not blocked changes nothing."""
        if slot in self.blocked:
            return
        self.table.wake(u64(slot))
        assert not self.table.wake_first(u64(slot))

    @precondition(lambda self: self.running != 0)
    @rule(status=st.integers(0, 256))
    def exit(self, status) -> None:
        self.table.exit(i64(status))
        self.zombies.add(self.running)
        self.switch()

    @precondition(lambda self: self.zombies)
    @rule(data=st.data())
    def reap(self, data) -> None:
        slot = data.draw(st.sampled_from(sorted(self.zombies)))
        assert self.table.tasks[slot].state == tasks.ZOMBIE
        self.table.reap(u64(slot))
        self.zombies.discard(slot)

    @invariant()
    def invariants_hold(self) -> None:
        assert self.table.check() == ""
        assert self.table.current == self.running
        assert self.table.count == len(self.ready)
        for slot in self.ready:
            assert self.table.tasks[slot].state == tasks.READY
        for slot in self.blocked:
            assert self.table.tasks[slot].state == tasks.BLOCKED
        for slot in self.zombies:
            assert self.table.tasks[slot].state == tasks.ZOMBIE


Scheduling.TestCase.settings = settings(max_examples=150, stateful_step_count=60,
                                        deadline=None)
TestScheduling = Scheduling.TestCase


def test_check_notices_a_broken_queue():
    """The invariant check can fail: a slot queued twice, a READY slot not queued."""
    table = fresh()
    slot = table.allocate(u64(0))
    table.make_ready(slot)
    table.enqueue(slot)
    assert table.check() == "a slot is queued twice"
    table = fresh()
    slot = table.allocate(u64(0))
    table.tasks[slot].state = tasks.READY
    assert table.check() == "a READY slot is not queued"


def test_a_task_woken_by_input_runs_next_and_ends_the_slice(monkeypatch):
    """scheduler.wake_for_input: the reader goes ahead of the CPU-bound
    tasks already queued, and the running one's slice is over."""
    from kernel.proc import scheduler

    table = fresh()
    monkeypatch.setattr(scheduler, "table", table)
    monkeypatch.setattr(scheduler, "slice_left", scheduler.SLICE_TICKS)
    busy = [table.allocate(u64(0)) for _ in range(3)]
    reader = table.allocate(u64(0))
    for slot in busy:
        table.make_ready(slot)
    table.block(tasks.IDLE)
    assert switch_next(table) == busy[0]
    assert table.tasks[reader].state == tasks.BLOCKED  # as if in read(0)
    scheduler.wake_for_input(reader)
    assert scheduler.slice_left == 0
    table.preempt()
    assert switch_next(table) == reader
    assert table.check() == ""
    scheduler.wake_for_input(reader)  # not blocked: nothing changes
    assert table.check() == ""
