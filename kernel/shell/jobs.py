"""The shell's foreground job: a command's work as a task of its own, which Ctrl-C stops.

A game is not part of the shell: ``snake`` spawns the game as a task of
the executor, named ``snake`` (so ``ps`` lists it beside ``shell``), and
the shell task waits for that task to end before it shows the prompt
again, as a Unix shell waits for its foreground job::

    shell task                               snake task
    ----------                               ----------
    run_in_foreground(play(...), "snake")
      spawn ──────────────────────────────▶  frames, keys, timers ...
      await NextWake(task)  (a joiner)         Ctrl-C read: interrupt()
                 ◀───────── wake ─────────────   (interrupted, wake the shell)
      interrupted: task.cancel() ──────────▶  GeneratorExit at its await:
                                               finally: the screen restored
      the task ended: back to the prompt

Ctrl-C reaches the job through whoever reads the keys: while the game
runs, the game task does (``gameplay.next_key``), since the console's
key stream has one reader at a time.  It does not quit by itself: it
calls ``interrupt``, which marks the job interrupted and wakes the
shell, and the shell cancels the task, as a terminal's Ctrl-C becomes a
signal the shell's job receives.  Cancelling closes the coroutine, so
its ``finally`` blocks run: the game's gives the screen back.  If the
shell task itself is cancelled while it waits, the job is cancelled
with it.

Only the task awaiting a job touches ``interrupted`` and ``waiter``, and
the job's task sets them through ``interrupt``; all of them run in the
executor's one thread of control, so nothing here needs a lock.
"""

from collections.abc import Coroutine, Generator
from typing import Final

from kernel.task import executor, waker
from kernel.task.executor import WAITING, Task, running
from pythos.lang import u64

# ``waiter`` when no task awaits a foreground job.
NO_WAITER: Final = -1

# Whether Ctrl-C came while the current job ran.
interrupted = False
# The slot of the task awaiting the foreground job (the shell), or NO_WAITER.
waiter = NO_WAITER


class NextWake:
    """``await NextWake(task)``: suspend until this task is next woken:
    by ``task``'s end (it joins ``task``) or by ``interrupt``."""

    def __init__(self, task: Task) -> None:
        self.task = task

    def __await__(self) -> Generator[None, None, None]:
        me = running().this_task()
        if not self.task.finished():
            if me.slot not in self.task.joiners:
                self.task.joiners.append(me.slot)
            me.state = WAITING
            yield


def interrupt() -> bool:
    """Ctrl-C was typed: interrupt the foreground job.  False if there is
    none (then the caller handles Ctrl-C itself)."""
    global interrupted
    if waiter == NO_WAITER:
        return False
    interrupted = True
    waker.wake(u64(waiter))
    return True


async def run_in_foreground(work: Coroutine[None, None, None], name: str) -> bool:
    """Run ``work`` as the task ``name`` and wait for its end; True if it
    ended by itself, False if Ctrl-C cancelled it (see the module docstring)."""
    global interrupted, waiter
    task = executor.spawn(work, name)
    interrupted = False
    waiter = executor.current_task().slot
    try:
        while not task.finished():
            if interrupted:
                task.cancel()
                break
            await NextWake(task)
    finally:
        waiter = NO_WAITER
        if not task.finished():
            task.cancel()      # the shell itself was cancelled: the job goes too
    return not interrupted
