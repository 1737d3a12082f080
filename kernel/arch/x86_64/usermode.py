"""Which user program the CPU is running, for the exception handlers.

Ring 3 is entered in one place only: ``pythos_task_start`` (context.py)
runs a new task's first ``iretq``, and from then on a task goes back to
ring 3 the way it left it (``iretq`` after an interrupt, ``sysretq`` after
a system call).  The scheduler (kernel/proc/scheduler.py) keeps the
variables below in step on every switch, so a fault taken in ring 3 can be
reported with the program's pid and name and the program killed, by
``kill``, which ends the running process (kernel/proc/process.py exports
``pythos_user_fault_exit``; this module cannot import it, since kernel/proc
sits above kernel/arch).
"""

from kernel.bytespan import ByteSpan
from pythos.lang import extern, u64

# Whether the running task is a user process (not the kernel task), and
# which: its pid and its name (bytes in the ramdisk), for fault reports.
# Written by the scheduler with interrupts off.
running = False
current_pid = u64(0)
current_name = ByteSpan()
# The lowest byte of the running process's kernel stack, whose guard page
# is just below it (0: the kernel task, on the boot stack), so that an
# overflow of it is reported as one.
stack_bottom = u64(0)


@extern("pythos_user_fault_exit")
def user_fault_exit() -> None:
    """kernel/proc/process.py: end the running process as killed.  Never returns."""
    ...


def kill() -> None:
    """End the running program after a fault it caused.  Never returns."""
    user_fault_exit()
