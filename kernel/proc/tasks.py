"""The task table and the run queue: who exists, who may run, who runs next.

This module is pure bookkeeping (no registers, no page tables), so it runs
under CPython and is tested there with Hypothesis
(tests/kernel/test_tasks.py); kernel/proc/scheduler.py does the switching
and kernel/proc/process.py the loading and freeing around it.

A *task* is something the CPU can run: slot 0 is the kernel's own task
(``kmain``'s boot stack, running the echo loop), every other slot can hold
a user process.  Each task is in exactly one state::

                 make_ready            take_next
      FREE ──allocate──▶ READY ◀──────────────▶ RUNNING
                           ▲      (preempt/yield)  │  │
                           │ wake                  │  │ exit
                           └───── BLOCKED ◀─block──┘  ▼
                                                    ZOMBIE ──reap──▶ FREE

The run queue is a ring of slot numbers, first in first out: round-robin.
A task woken by typed input goes to the front instead (``wake_first``),
so an interactive task answers before the CPU-bound ones take their turns.
The invariants ``check`` tests (and the Hypothesis test drives through
random sequences of every operation):

* a slot is in the queue exactly when its state is READY, and at most once;
* exactly one task is RUNNING, the one in ``current``;
* the kernel task (slot 0) is never FREE or ZOMBIE.  It is also the idle
  task: when it has nothing to do while processes are ready it blocks
  (reason IDLE), and ``next_to_run`` picks it whenever the queue is empty,
  so the CPU always has something to run.

The table is a fixed array because the compiler has no heap objects yet;
64 tasks is plenty for a teaching kernel and keeps every scan short.
"""

from typing import Final

from pythos.lang import Array, i64, struct, u8, u64

MAX_TASKS: Final = 64
KERNEL_TASK: Final = u64(0)
# What the table returns when there is no such slot.
NO_SLOT: Final = u64(0xFFFFFFFFFFFFFFFF)
# Task.waiter_slot of a process no kernel task awaits.
NO_WAITER: Final = u64(0xFFFFFFFFFFFFFFFF)

FREE: Final = u8(0)
READY: Final = u8(1)
RUNNING: Final = u8(2)
BLOCKED: Final = u8(3)
ZOMBIE: Final = u8(4)

# Why a BLOCKED task waits (Task.reason).
NOT_WAITING: Final = u8(0)
SLEEPING: Final = u8(1)  # for the uptime in wake_at
CHILD: Final = u8(2)  # for a child (wait_pid, or any) to exit
INPUT: Final = u8(3)  # for console input
IDLE: Final = u8(4)  # the kernel task, with nothing to do


@struct
class Task:
    """One entry of the table.  Every field is written with interrupts off."""

    pid: u64
    parent: u64  # the parent's pid (0: the kernel)
    state: u8
    reason: u8  # why it is BLOCKED
    killed: bool  # kill() asked it to end; it does at its next return to ring 3
    reads_console: bool  # it has read fd 0, so the echo loop leaves input alone
    status: i64  # the exit status, once a ZOMBIE
    wake_at: u64  # SLEEPING: the uptime (ms) to wake at
    wait_pid: u64  # CHILD: the pid waited for, or ANY_CHILD
    context: u64  # the saved kernel stack pointer while it does not run
    stack_top: u64  # top of its kernel stack (TSS.RSP0, the syscall stack)
    root: u64  # its PML4's physical address (0 once freed)
    heap_start: u64  # brk: where its heap starts (page aligned)
    heap_end: u64  # brk: the current end
    name_data: u64  # its name: bytes in the ramdisk, which never moves
    name_length: u64
    # The executor slot of the kernel task (the shell's ``run``) that awaits
    # its end, or NO_WAITER: that task is woken at the exit, reports it and
    # reaps the zombie itself (kernel/proc/process.py, ``start_awaited``).
    waiter_slot: u64


def fresh_task(task: Task, pid: u64, parent: u64) -> None:
    """Fill a FREE slot for a new task: BLOCKED (not runnable) until make_ready."""
    task.pid = pid
    task.parent = parent
    task.state = BLOCKED
    task.reason = NOT_WAITING
    task.killed = False
    task.reads_console = False
    task.status = i64(0)
    task.wake_at = u64(0)
    task.wait_pid = u64(0)
    task.context = u64(0)
    task.stack_top = u64(0)
    task.root = u64(0)
    task.heap_start = u64(0)
    task.heap_end = u64(0)
    task.name_data = u64(0)
    task.name_length = u64(0)
    task.waiter_slot = NO_WAITER


# wait(-1): any child.
ANY_CHILD: Final = u64(0xFFFFFFFFFFFFFFFF)


@struct
class TaskTable:
    """All tasks, the run queue and who runs.  Slot 0 is the kernel task."""

    tasks: Array[Task, 64]
    queue: Array[u8, 64]  # a ring of READY slots
    head: u64  # the queue's first element
    count: u64  # how many slots are queued
    current: u64  # the RUNNING slot
    next_pid: u64

    def reset(self) -> None:
        """Only the kernel task, running, pid 0."""
        for i in range(MAX_TASKS):
            self.tasks[i].state = FREE
            self.tasks[i].pid = u64(0)
        self.head = u64(0)
        self.count = u64(0)
        self.current = KERNEL_TASK
        self.next_pid = u64(1)
        self.tasks[KERNEL_TASK].state = RUNNING

    def allocate(self, parent: u64) -> u64:
        """A FREE slot with a new pid, not yet READY; NO_SLOT when full."""
        for i in range(u64(1), u64(MAX_TASKS)):
            if self.tasks[i].state == FREE:
                fresh_task(self.tasks[i], self.next_pid, parent)
                self.next_pid += 1
                return u64(i)
        return NO_SLOT

    def find(self, pid: u64) -> u64:
        """The slot of the live or zombie task ``pid``; NO_SLOT if none."""
        for i in range(u64(MAX_TASKS)):
            if self.tasks[i].state != FREE and self.tasks[i].pid == pid:
                return u64(i)
        return NO_SLOT

    def enqueue(self, slot: u64) -> None:
        """Put ``slot`` at the back of the queue (internal: the state says READY)."""
        self.queue[(self.head + self.count) % MAX_TASKS] = u8(slot)
        self.count += 1

    def make_ready(self, slot: u64) -> None:
        """A BLOCKED task (new, or woken) becomes READY, at the back of the queue."""
        task = self.tasks[slot]
        if task.state != BLOCKED:
            return
        task.state = READY
        task.reason = NOT_WAITING
        self.enqueue(slot)

    def has_ready(self) -> bool:
        """Whether some task waits in the queue."""
        return self.count > 0

    def take_next(self) -> u64:
        """Dequeue the next READY task, or NO_SLOT when the queue is empty.

        The caller then switches to it and calls ``now_running``.
        """
        if self.count == 0:
            return NO_SLOT
        slot = u64(self.queue[self.head])
        self.head = (self.head + 1) % MAX_TASKS
        self.count -= 1
        return slot

    def next_to_run(self) -> u64:
        """The slot to run once the running task has given up the CPU: the
        queue's first, or the kernel task (the idle task) when it is empty.
        It is marked RUNNING and becomes ``current``."""
        slot = self.take_next()
        if slot == NO_SLOT:
            slot = KERNEL_TASK
            self.tasks[slot].reason = NOT_WAITING
        self.now_running(slot)
        return slot

    def preempt(self) -> None:
        """The running task goes to the back of the queue, still runnable."""
        self.tasks[self.current].state = READY
        self.enqueue(self.current)

    def block(self, reason: u8) -> None:
        """The running task stops until ``wake`` (the kernel task only as IDLE)."""
        task = self.tasks[self.current]
        task.state = BLOCKED
        task.reason = reason

    def now_running(self, slot: u64) -> None:
        """``slot`` (just taken from the queue) is the running task."""
        self.tasks[slot].state = RUNNING
        self.current = slot

    def wake(self, slot: u64) -> None:
        """End a BLOCKED task's wait (a no-op in any other state)."""
        self.make_ready(slot)

    def wake_first(self, slot: u64) -> bool:
        """End a BLOCKED task's wait and put it at the *front* of the queue
        (for a task woken by typed input); whether it was blocked."""
        task = self.tasks[slot]
        if task.state != BLOCKED:
            return False
        task.state = READY
        task.reason = NOT_WAITING
        self.head = (self.head + MAX_TASKS - 1) % MAX_TASKS
        self.queue[self.head] = u8(slot)
        self.count += 1
        return True

    def exit(self, status: i64) -> None:
        """The running task ends: a ZOMBIE until reaped.  Its children go to
        the kernel (parent pid 0), which reaps them when they end."""
        task = self.tasks[self.current]
        task.state = ZOMBIE
        task.reason = NOT_WAITING
        task.status = status
        for i in range(u64(1), u64(MAX_TASKS)):
            if self.tasks[i].state != FREE and self.tasks[i].parent == task.pid:
                self.tasks[i].parent = u64(0)

    def reap(self, slot: u64) -> None:
        """A ZOMBIE's slot becomes FREE."""
        self.tasks[slot].state = FREE

    def is_child(self, slot: u64, parent: u64, pid: u64) -> bool:
        """Whether ``slot`` holds a child of ``parent`` that ``wait(pid)`` matches."""
        task = self.tasks[slot]
        if task.state == FREE or slot == KERNEL_TASK or task.parent != parent:
            return False
        return pid == ANY_CHILD or task.pid == pid

    def check(self) -> str:
        """Check the invariants of the module docstring; "" or what is wrong."""
        seen = Array[u8, 64]()
        for k in range(self.count):
            slot = u64(self.queue[(self.head + k) % MAX_TASKS])
            if slot >= MAX_TASKS:
                return "a queued slot is out of range"
            if seen[slot] != 0:
                return "a slot is queued twice"
            seen[slot] = u8(1)
            if self.tasks[slot].state != READY:
                return "a queued slot is not READY"
        running = 0
        for i in range(MAX_TASKS):
            state = self.tasks[i].state
            if state == READY and seen[i] == 0:
                return "a READY slot is not queued"
            if state == RUNNING:
                running += 1
                if u64(i) != self.current:
                    return "a RUNNING slot is not current"
        if running != 1:
            return "not exactly one task RUNNING"
        kernel = self.tasks[KERNEL_TASK].state
        if kernel == FREE or kernel == ZOMBIE:  # noqa: SIM109 - no tuples in Pythos
            return "the kernel task has ended"
        return ""
