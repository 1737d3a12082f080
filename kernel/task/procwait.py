"""``await process_end(pid)``: a task waits for a user process to end.

The shell's ``run PROG`` starts a program and waits for it, but the shell
is a task of the executor, which runs inside the *kernel task* of the
process scheduler (share.py): it may not block the way a process blocks
in ``wait``, or every other task would stop with it.  So it awaits a
future instead, and the executor goes on polling other tasks and, when
none is ready, steps aside so the process (and its children) get the
CPU::

    shell task                          the process
    ----------                          -----------
    start_awaited(name, args, slot) --> spawned, waiter_slot = slot
    await process_end(pid):
      awaited_status: NOT_ENDED
      yield  (suspended)                runs; executor idle -> process runs
                                        exit_current: a ZOMBIE,
                                        WAKES.wake_in_interrupt(slot)
      awaited_status: reaped, status
    "run: hello exited with status 0"

The waker is registered when the process is spawned, before the first
look at it, so no exit can slip between a look and the suspend.  While a
task awaits the process, the idle step's reaping of the kernel's children
leaves it alone (``waiter_slot`` set), so the status is there to be read.

Ctrl-C on the serial console stops the process: while the future waits
it is registered in ``waker.INTERRUPT``, so IRQ 4 takes a received 0x03
as a signal rather than input (kernel/drivers/serial_input.py), counts
it and wakes the task, which kills the process and waits for its end as
before.  (Ctrl+C on the PS/2 keyboard is not seen there: its scancodes
become characters only when someone decodes them.)

A task cancelled while it waits (``kill``, or its caller's cancellation)
leaves through the ``finally``: the process is killed and left to the
idle step's reaping, since nobody will read its status.
"""

from collections.abc import Generator

import kernel.drivers.serial_input as serial_input
import kernel.proc.process as process
from kernel.task import waker
from kernel.task.executor import WAITING, running
from pythos.lang import i64, u32, u64


class ProcessEnd:
    """``await process_end(pid)``: the exit status of a process started
    with ``process.start_awaited`` for this task (``KILLED_STATUS``:
    killed by a fault, by ``kill``, or by Ctrl-C on the serial console)."""

    def __init__(self, pid: u64) -> None:
        self.pid = pid
        # The status, once the process has ended and been reaped.
        self.status = process.NOT_ENDED
        # Whether Ctrl-C stopped it.
        self.interrupted = False

    def __await__(self) -> Generator[None, None, i64]:
        task = running().this_task()
        seen = serial_input.interrupts
        try:
            while True:
                self.status = process.awaited_status(self.pid)
                if self.status != process.NOT_ENDED:
                    return self.status
                if serial_input.interrupts != seen and not self.interrupted:
                    self.interrupted = True
                    process.stop(self.pid)      # it ends; its exit wakes us
                waker.INTERRUPT.register(u32(task.slot))
                if serial_input.interrupts == seen or self.interrupted:
                    task.state = WAITING
                    yield
        finally:
            waker.INTERRUPT.clear()             # Ctrl-C is input again
            if self.status == process.NOT_ENDED:
                process.abandon(self.pid)


def process_end(pid: u64) -> ProcessEnd:
    return ProcessEnd(pid)
