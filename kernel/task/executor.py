"""The executor: runs ``async def`` kernel tasks, one poll at a time.

A task is a coroutine.  Polling it is ``coro.send(None)``: the coroutine
runs until it finishes (``StopIteration``), raises, or reaches a future
that is not ready, which registers a *waker* (the task's slot number, left
with a timer, a device or another task) and yields.  The executor then
forgets about the task until the waker puts the slot on the wake set
(``waker.py``), and polls whatever is there, oldest wake first::

    spawn(coro) --> slot 7, woken --> WAKES: [7]
                                           |
    run():  take() -> 7 --> poll: coro.send(None)
                               |-- yields: suspended; slot 7 is in a
                               |           Waiter, the timer heap, or a
                               |           task's joiners
                               |-- StopIteration: done, wake the joiners
                               '-- raises: report it, failed, wake the joiners
            nothing queued --> expire due timers; idle: halt until an interrupt

Everything is cooperative and on one CPU: a task runs until it awaits, and
nothing else in the executor runs meanwhile (interrupt handlers only ever
add slots to the wake set).  Fairness comes from the wake set being a FIFO:
a task that calls ``await yield_now()`` wakes itself and so goes behind
every task already woken, which is round robin among the ready tasks.

Task states, as ``ps`` shows them:

    ready      woken: its slot is queued for a poll
    running    being polled now
    waiting    suspended on a device, another task, or nothing yet
    sleeping   suspended on the timer heap (``sleep_ms``)
    done       returned
    cancelled  ``cancel()``ed: its coroutine was closed, its finally blocks ran
    failed     an exception escaped it (reported with its traceback)

A finished task gives its slot back at once; its ``Task`` object keeps the
final state (and the exception) for whoever holds it, for ``await task``.

Pythos has no generic classes, so a task's result cannot be typed per
task: tasks return None, ``await task`` waits for the end and re-raises a
failure (or ``TaskCancelled``), and a result travels in an object the
task and its joiner share.

The same module runs under CPython: the host tests drive real coroutines
with a fake clock (``now``) and a fake interrupt flag.
"""

from collections.abc import Callable, Coroutine, Generator
from typing import Final

from kernel.task import report, waker
from kernel.task.idle import halt_if_idle
from kernel.task.slots import SLOTS
from kernel.task.timers import TIMERS
from kernel.task.waker import WAKES
from kernel.task.wakeset import MAX_TASKS, NO_SLOT
from pythos.lang import u64

# The states of a task (see the module docstring).
READY: Final = 0
RUNNING: Final = 1
WAITING: Final = 2
SLEEPING: Final = 3
DONE: Final = 4
CANCELLED: Final = 5
FAILED: Final = 6
STATE_NAMES: Final = ["ready", "running", "waiting", "sleeping", "done", "cancelled", "failed"]


class TaskCancelled(Exception):
    """What ``await task`` raises when the task was cancelled."""


class Task:
    """The handle of one spawned task."""

    def __init__(self, coro: Coroutine[None, None, None], name: str, slot: int,
                 ident: int) -> None:
        self.coro = coro
        self.name = name
        # Its slot while it lives (wakers use the number); kept after the end.
        self.slot = slot
        # A number that is never reused, for ``ps`` and ``kill``.
        self.ident = ident
        # WAITING or SLEEPING while suspended (futures set it), then a final state.
        self.state = WAITING
        self.polls = 0
        # Wake-ups received, taken from the wake set when the task ended.
        self.final_wakes = u64(0)
        self.error: BaseException | None = None
        # Slots of tasks awaiting this one.
        self.joiners: list[int] = []
        # cancel() was called while the task itself was running.
        self.cancel_requested = False
        # The deadline of the timer ``console_input`` set last (input.py).
        self.input_timer_at = u64(0)

    def finished(self) -> bool:
        return self.state >= DONE

    def cancel(self) -> bool:
        """Close the coroutine (its ``finally`` blocks run); False if it had ended."""
        return running().cancel(self)

    def wakes(self) -> u64:
        """Wake-ups asked for this task so far (coalesced ones included)."""
        if self.finished():
            return self.final_wakes
        return WAKES.wake_count(u64(self.slot))

    def state_name(self) -> str:
        """Its state as ``ps`` shows it."""
        if (self.state == WAITING or self.state == SLEEPING) and WAKES.is_woken(u64(self.slot)):
            return STATE_NAMES[READY]
        return STATE_NAMES[self.state]

    def __await__(self) -> Generator[None, None, None]:
        """Join: wait for the end; re-raise what the task raised."""
        waiter = running().this_task()
        if waiter is self:
            raise RuntimeError(f"task {self.name} awaits itself: it would never end")
        while not self.finished():
            if waiter.slot not in self.joiners:
                self.joiners.append(waiter.slot)
            waiter.state = WAITING
            yield
        error = self.error
        if error is not None:
            raise error
        if self.state == CANCELLED:
            raise TaskCancelled(self.name)


class Executor:
    """Runs the tasks.  One exists at a time (see ``init``)."""

    def __init__(self, now: Callable[[], u64]) -> None:
        # The clock, in milliseconds (clock.uptime_ms in the kernel).
        self.now = now
        self.tasks: list[Task | None] = [None] * MAX_TASKS
        self.current: Task | None = None
        self.next_ident = 1
        self.polls = 0
        self.failures = 0
        # Halts in idle, and wakes for a slot with no task (stale ones).
        self.halts = 0
        self.stale_wakes = 0
        # What ``idle`` calls: the plain halt, or in the kernel the step
        # that shares the CPU with user processes (share.py).
        self.halt: Callable[[Callable[[], u64]], bool] = halt_if_idle
        SLOTS.reset()
        TIMERS.reset()
        waker.reset()

    def spawn(self, coro: Coroutine[None, None, None], name: str) -> Task:
        """Start ``coro`` as a task; it runs at its first poll.

        Raises RuntimeError when every slot is in use.
        """
        slot = SLOTS.allocate()
        if slot == NO_SLOT:
            coro.close()
            raise RuntimeError(f"cannot spawn {name}: all {MAX_TASKS} task slots are in use")
        task = Task(coro, name, int(slot), self.next_ident)
        self.next_ident += 1
        self.tasks[int(slot)] = task
        WAKES.reset_slot(u64(slot))
        waker.wake(u64(slot))
        return task

    def this_task(self) -> Task:
        """The task being polled (for futures)."""
        task = self.current
        if task is None:
            raise RuntimeError("a task future was awaited outside a task")
        return task

    def wake(self, task: Task) -> None:
        """Queue ``task`` for a poll (from normal code)."""
        if not task.finished():
            waker.wake(u64(task.slot))

    def add_timer(self, deadline: u64, task: Task) -> bool:
        """Wake ``task`` at ``deadline``; False if the heap is full."""
        return TIMERS.push(deadline, u64(task.slot))

    def live_tasks(self) -> list[Task]:
        """The tasks not yet finished, by slot."""
        return [task for task in self.tasks if task is not None]

    def expire_timers(self) -> int:
        """Wake the slots of every due timer; how many there were."""
        if TIMERS.count == 0:
            return 0                     # no clock read on the common path
        now = self.now()
        due = 0
        slot = TIMERS.pop_due(now)
        while slot != NO_SLOT:
            waker.wake(u64(slot))
            due += 1
            slot = TIMERS.pop_due(now)
        return due

    def poll_one(self) -> bool:
        """Poll the task woken longest ago; False if none is woken."""
        if TIMERS.count != 0:            # no call at all on the common path
            self.expire_timers()
        slot = waker.take()
        if slot == NO_SLOT:
            return False
        task = self.tasks[int(slot)]
        if task is None:
            self.stale_wakes += 1
            return True
        self.poll(task)
        return True

    def poll(self, task: Task) -> None:
        """Run ``task`` until it awaits something not ready, ends or raises."""
        self.current = task
        task.state = RUNNING
        task.polls += 1
        self.polls += 1
        try:
            task.coro.send(None)
        except StopIteration:
            self.current = None
            self.finish(task, DONE)
            return
        except BaseException as e:
            self.current = None
            self.fail(task, e)
            return
        self.current = None
        if task.state == RUNNING:
            task.state = WAITING
        if task.cancel_requested:
            self.close(task)

    def fail(self, task: Task, error: BaseException) -> None:
        task.error = error
        self.failures += 1
        report.report_failure(task.name, error)
        self.finish(task, FAILED)

    def finish(self, task: Task, state: int) -> None:
        """End ``task``: record ``state``, free its slot, wake its joiners."""
        task.final_wakes = WAKES.wake_count(u64(task.slot))
        task.state = state
        self.tasks[task.slot] = None
        SLOTS.release(u64(task.slot))
        for slot in task.joiners:
            waker.wake(u64(slot))
        task.joiners.clear()

    def cancel(self, task: Task) -> bool:
        """Cancel ``task``: now, or after its poll if it is the one running."""
        if task.finished():
            return False
        if task is self.current:
            task.cancel_requested = True
            return True
        self.close(task)
        return True

    def close(self, task: Task) -> None:
        """Close the coroutine, running its ``finally`` blocks as the current task."""
        outer = self.current
        self.current = task
        try:
            task.coro.close()
        except BaseException as e:
            self.current = outer
            self.fail(task, e)
            return
        self.current = outer
        self.finish(task, CANCELLED)

    def idle(self) -> None:
        """Halt until an interrupt, unless a wake or a due timer is waiting
        (``idle.py``: the check and the halt are atomic)."""
        if self.halt(self.now):
            self.halts += 1

    def run_until_idle(self) -> int:
        """Poll until no task is woken and no timer is due; how many polls."""
        polls = 0
        while self.poll_one():
            polls += 1
        return polls

    def run(self, until: Task | None = None) -> None:
        """Poll tasks, halting when there is nothing to do, until ``until``
        finishes (or for ever).  Interrupts must be enabled."""
        while until is None or not until.finished():
            if not self.poll_one():
                self.idle()


# The executor that futures and ``spawn`` use (set by ``init``).
the_executor: list[Executor] = []


def init(now: Callable[[], u64]) -> Executor:
    """Make the executor, with ``now`` as its clock, replacing any earlier one.

    Raises RuntimeError when called from a task of the executor in place
    (the shell's ``test`` running the executor's own tests, say): the new
    one would empty the wake set, the slots and the timers under the
    running tasks' feet.
    """
    if len(the_executor) > 0 and the_executor[0].current is not None:
        raise RuntimeError("an executor is running this task: cannot start another inside it")
    executor = Executor(now)
    the_executor.clear()
    the_executor.append(executor)
    return executor


def running() -> Executor:
    """The executor ``init`` made."""
    if len(the_executor) == 0:
        raise RuntimeError("the executor has not been started (executor.init)")
    return the_executor[0]


def spawn(coro: Coroutine[None, None, None], name: str) -> Task:
    """Start ``coro`` as a task on the executor."""
    return running().spawn(coro, name)


def current_task() -> Task:
    """The task being polled."""
    return running().this_task()


def run_forever() -> None:
    """Run the executor's tasks for ever (``kmain``'s last step)."""
    running().run()
