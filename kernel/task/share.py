"""How the executor and the process scheduler share the CPU.

Two kinds of work take turns on the one CPU.  User processes are
scheduled preemptively (kernel/proc/scheduler.py), and all of the
kernel's own work is one entry in their task table: the *kernel task*,
which is ``kmain`` running the executor.  Inside the kernel task the
executor runs its ``async def`` tasks (the shell, a game) cooperatively::

    scheduler (preemptive, timer ticks)
    |-- process 1 (ring 3)
    |-- process 2 (ring 3)
    '-- kernel task: executor.run() (cooperative)
            |-- shell task
            '-- snake task ...

The executor calls ``idle`` here when no task of its own is woken and
no timer is due.  In the kernel that is the moment the kernel task
steps aside, as the echo loop's ``process.kernel_idle`` did: it reaps
the processes it started that have ended, and then either lets READY
processes run (the kernel task blocks with reason IDLE) or, with none,
halts until the next interrupt.

Three things make that safe:

* **The check and the halt are one step.**  Interrupts go off before
  the wake set and the timer heap are looked at, and stay off until
  ``sti; hlt`` (``scheduler.idle_locked``), so a wake from an interrupt
  handler cannot slip in between (task/idle.py draws the race).  While
  processes run instead, the same holds: the kernel task is blocked
  before interrupts come back on.
* **The kernel task comes back for its tasks.**  Blocked, it would
  otherwise wait for a key (``tty.input_waiting``) or for the process
  queue to run dry.  So before it blocks, the executor's next timer
  deadline is left in ``scheduler.kernel_wake_at``, and every timer
  tick wakes the kernel task when that deadline has passed or when an
  interrupt handler has put a slot on the wake set
  (``scheduler.kernel_has_work``).  A game's frame timer therefore fires
  on time next to a CPU-bound process, at worst one tick and one time
  slice late.
* **The halt is tickless.**  With no process ready, the 1 kHz tick
  stops for the halt and the PIT interrupts once, at the earliest of
  the executor's next timer and the sleeping processes' next wake
  (kernel/tickless.py); the tick runs again before anything else does.
* **The timer may take the CPU from a halted kernel task** (that is
  what ``scheduler.kernel_halted`` says), but never from one that is
  running a task: the kernel is not preemptible, so no task is ever
  parked holding the console's lock.  A task that computes for a long
  time without awaiting holds up the processes too; it should
  ``await yield_now()`` now and then.

In the host tests the executor keeps ``idle.halt_if_idle``, which knows
nothing of processes.
"""

from collections.abc import Callable

import kernel.arch.x86_64.irqflags as irqflags
import kernel.proc.process as process
import kernel.proc.scheduler as scheduler
from kernel.task import executor
from kernel.task.executor import Executor
from kernel.task.timers import NEVER, TIMERS
from kernel.task.waker import WAKES
from pythos.lang import u64


def idle(now: Callable[[], u64]) -> bool:
    """The kernel executor's idle step: reap ended processes, else let
    processes run or halt, unless a task is woken or a timer is due by
    ``now()``.  Whether it stepped aside.  Interrupts on, and on again on
    return."""
    flags = irqflags.save_and_disable()
    stepped_aside = False
    if process.reap_kernel_children():
        pass                     # a reap is work done: look for tasks again
    elif WAKES.is_empty_locked() and TIMERS.next_deadline() > now():
        scheduler.kernel_wake_at = TIMERS.next_deadline()
        scheduler.idle_locked(True)
        scheduler.kernel_wake_at = NEVER
        stepped_aside = True
    irqflags.restore(flags)
    return stepped_aside


def start(now: Callable[[], u64]) -> Executor:
    """Make the kernel's executor, idling through ``idle`` above."""
    runner = executor.init(now)
    runner.halt = idle
    return runner
