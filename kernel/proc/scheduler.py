"""The scheduler: round-robin over the task table, preemptive for user code.

**Who runs.**  The READY tasks wait in a first-in-first-out queue
(kernel/proc/tasks.py).  The running task keeps the CPU until it blocks
(``read``, ``wait``, ``sleep_ms``), yields, exits, or uses up its time
slice; then the queue's first task runs.  When the queue is empty the
kernel task runs: it is the kernel's own work (``kmain``'s echo loop,
``run=``) and also the idle task, which halts the CPU until an interrupt.

**Time slice.**  ``SLICE_TICKS`` = 10 timer ticks, 10 ms at the PIT's
1 kHz (kernel/clock.py).  Each tick (kernel/proc/preempt.py) counts the
running task's slice down; at zero, if another task is READY, the running
one goes to the back of the queue.  10 ms is the classic Unix choice:
long next to a context switch (about 150 instructions, well under a
microsecond of real time) so switching costs under 0.1%, and short enough
that a task woken from a sleep waits at most a slice per CPU-bound task
ahead of it.

**What is preemptible.**  User code always: a timer interrupt from ring 3
may switch tasks.  Kernel code is not, with one exception: system calls
run with interrupts off (SFMASK), and the kernel task is only switched
away at points it chooses (``idle``), or while it is halted inside
``idle``.  So no task is ever parked while it holds a spinlock (the
console's) or is halfway through changing shared state (the frame
allocator's): with one CPU, a task that then spun on that lock could
never get it.  This is how xv6 and classic
Unix kernels kept their locking simple; Linux's preemptible kernel counts
held locks instead.

**The kernel task** blocks with reason IDLE when it has nothing to do and
processes are READY, so it does not take a turn in every round.  It is
woken when input arrives for the console, when a process it started
ends, and whenever the queue runs dry (``next_to_run``).

**Typing is answered at once.**  A task woken by input (a process in
``read(0)``, or the kernel task's echo loop) goes to the *front* of the
queue and the running process's slice ends at that tick, so it runs
within a millisecond instead of after every CPU-bound task's slice.

**Switching** (``switch_to_next``): pick the next task, point TSS.RSP0
and the syscall stack (kernel/arch/x86_64/syscall.py's per-CPU area) at
its kernel stack, load its CR3, and switch stacks with
``context.switch``.  Everything here runs with interrupts off.
"""

from typing import Final

import kernel.arch.x86_64.context as context
import kernel.arch.x86_64.gdt as gdt
import kernel.arch.x86_64.irqflags as irqflags
import kernel.arch.x86_64.mmu as mmu
import kernel.arch.x86_64.syscall as syscall
import kernel.arch.x86_64.usermode as usermode
import kernel.clock as clock
import kernel.mm.memory as memory
import kernel.proc.kstack as kstack
import kernel.proc.tty as tty
import kernel.tickless as tickless
from kernel.proc import tasks
from kernel.proc.tasks import KERNEL_TASK, TaskTable
from kernel.task.waker import WAKES
from pythos.lang import Ptr, addr_of, u8, u64

SLICE_TICKS: Final = u64(10)

# The task table.  Every access is with interrupts off (one CPU).
table = TaskTable()
# Ticks left in the running task's slice.
slice_left = u64(10)
# Whether the kernel task is halted in ``idle``, where the timer may switch it away.
kernel_halted = False
# Context switches so far (for tests and the boot log).
switches = u64(0)
# No deadline: nobody sleeps.
NEVER: Final = u64(0xFFFFFFFFFFFFFFFF)
# The earliest SLEEPING deadline (uptime ms), or NEVER: the tick looks at
# the sleepers only once it has passed, so an ordinary tick costs a
# comparison instead of a scan of the table.  It may be early (a sleeper
# was killed), never late: a scan recomputes it.
next_wake = u64(0xFFFFFFFFFFFFFFFF)
# When the executor's next timer is due (uptime ms), or NEVER: while the
# kernel task is blocked in ``idle``, the tick wakes it then, or as soon
# as an interrupt handler has woken one of its tasks (kernel/task/share.py).
kernel_wake_at = u64(0xFFFFFFFFFFFFFFFF)


def init() -> None:
    """Only the kernel task exists, and it runs."""
    table.reset()


def current() -> u64:
    """The running task's slot."""
    return table.current


def current_pid() -> u64:
    """The running task's pid (0: the kernel task)."""
    return table.tasks[table.current].pid


def switch_to_next() -> None:
    """Run the next task (see the module docstring).  The running task has
    already been queued, blocked or made a zombie.  Returns when it runs
    again, which for a zombie is never.

    Safety: interrupts off.
    """
    global slice_left, switches
    previous = table.current
    slot = table.next_to_run()
    slice_left = SLICE_TICKS
    if slot == previous:
        return
    switches += 1
    task = table.tasks[slot]
    if slot == KERNEL_TASK:
        usermode.running = False
        usermode.stack_bottom = u64(0)
        mmu.switch_to(memory.tables.root.value)
    else:
        gdt.set_kernel_stack(task.stack_top)
        syscall.set_kernel_stack(task.stack_top)
        usermode.running = True
        usermode.current_pid = task.pid
        usermode.current_name.set(Ptr[u8](task.name_data), task.name_length)
        usermode.stack_bottom = kstack.bottom(slot)
        mmu.switch_to(task.root)
    context.switch(addr_of(table.tasks[previous].context), task.context)


def yield_cpu() -> None:
    """Go to the back of the queue and let the others run first.

    Safety: interrupts off.
    """
    if table.has_ready():
        table.preempt()
        switch_to_next()


def block(reason: u8) -> None:
    """Stop the running process until ``wake``.  Safety: interrupts off."""
    table.block(reason)
    switch_to_next()


def wake(slot: u64) -> None:
    """Make a blocked task READY.  Safety: interrupts off."""
    table.wake(slot)


def wake_kernel() -> None:
    """Wake the kernel task if it is idle.  Safety: interrupts off."""
    if table.tasks[KERNEL_TASK].state == tasks.BLOCKED:
        table.wake(KERNEL_TASK)


def wake_for_input(slot: u64) -> None:
    """Wake ``slot`` because input came for it: to the front of the queue,
    and the running process's slice ends at this tick.  Safety: interrupts off."""
    global slice_left
    if table.wake_first(slot):
        slice_left = u64(0)


def wake_sleepers(now: u64) -> None:
    """Wake every task whose sleep ends at ``now`` (uptime in ms) or before.

    Deadlines are in uptime milliseconds, which come from the TSC
    (kernel/clock.py), not in ticks: under QEMU ticks arrive late and
    merge, and a sleep counted in ticks ran 10-15% long."""
    global next_wake
    next_wake = NEVER
    for i in range(u64(1), u64(tasks.MAX_TASKS)):
        if table.tasks[i].state != tasks.BLOCKED or table.tasks[i].reason != tasks.SLEEPING:
            continue
        if table.tasks[i].wake_at <= now:
            table.wake(u64(i))
        elif table.tasks[i].wake_at < next_wake:
            next_wake = table.tasks[i].wake_at


def wake_readers() -> None:
    """Wake every process blocked in ``read`` of the console (they check
    for input again themselves)."""
    for i in range(u64(1), u64(tasks.MAX_TASKS)):
        if table.tasks[i].state == tasks.BLOCKED and table.tasks[i].reason == tasks.INPUT:
            wake_for_input(u64(i))


def sleep_until(deadline: u64) -> None:
    """Block the running process until ``clock.uptime_ms()`` reaches
    ``deadline`` (or it is killed).  Safety: interrupts off."""
    global next_wake
    table.tasks[table.current].wake_at = deadline
    if deadline < next_wake:
        next_wake = deadline
    while clock.uptime_ms() < deadline and not table.tasks[table.current].killed:
        block(tasks.SLEEPING)


def tick(from_user: bool) -> None:
    """One timer tick (after EOI, interrupts off): wake sleepers, count the
    slice down and switch if it is over, or if the kernel task is halted
    in ``idle`` and someone is READY."""
    global slice_left
    if next_wake != NEVER:
        now = clock.uptime_ms()
        if now >= next_wake:
            wake_sleepers(now)
    if table.tasks[KERNEL_TASK].state == tasks.BLOCKED and kernel_has_work():
        table.wake(KERNEL_TASK)
    if slice_left > 0:
        slice_left -= 1
    if not table.has_ready():
        return
    if table.current == KERNEL_TASK and kernel_halted:
        table.block(tasks.IDLE)
        switch_to_next()
    elif from_user and slice_left == 0:
        table.preempt()
        switch_to_next()


def kernel_has_work() -> bool:
    """Whether the executor in the kernel task has a task woken (by an
    interrupt handler) or a timer due.  Safety: interrupts off (the tick)."""
    if not WAKES.is_empty_locked():
        return True
    return kernel_wake_at != NEVER and clock.uptime_ms() >= kernel_wake_at


def idle() -> None:
    """The kernel task has nothing to do: let processes run, or halt until
    the next interrupt.  Returns when there may be something to do.  The
    tick keeps running (the echo loop looks for work at each one).

    Interrupts must be on; they are on again on return.
    """
    irqflags.disable()
    idle_locked(False)
    irqflags.enable()


def idle_locked(may_stop_tick: bool) -> None:
    """``idle`` with interrupts off on entry and on return (they are on
    only during the halt, or while processes run).  The caller's check for
    work and this halt are then one step that no interrupt can split.

    With ``may_stop_tick`` (the executor's idle, kernel/task/share.py) the
    halt is tickless (kernel/tickless.py): the PIT interrupts once, at the
    earliest of ``kernel_wake_at`` and the sleeping processes' ``next_wake``,
    instead of every millisecond, unless input is waiting for a process,
    which only a tick would wake.  The tick runs again on return.

    Safety: interrupts off.
    """
    global kernel_halted
    if table.has_ready():
        table.block(tasks.IDLE)
        switch_to_next()
        return
    kernel_halted = True
    if may_stop_tick and tickless.enabled and not tty.input_waiting():
        tickless.stop_until(min(kernel_wake_at, next_wake))
    irqflags.enable_and_halt()
    irqflags.disable()
    tickless.restart()
    kernel_halted = False
