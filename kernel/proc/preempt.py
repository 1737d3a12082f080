"""The timer interrupt that drives the scheduler.

``init`` points IRQ 0 at ``on_timer`` instead of the clock's own handler
(kernel/clock.py); it does the clock's work first, then the scheduler's:

1. if the tick was stopped (a tickless idle, kernel/tickless.py), this
   interrupt is the one-shot that ends the stop: start the 1 kHz tick
   again, so that whatever runs next has its time slice counted;
2. count the tick (``clock.tick``) and send the EOI, *before* anything
   that may switch tasks: the task switched to may not return through
   this handler for a long time, and the PIC would hold every lower
   interrupt until the EOI;
3. if input is waiting, wake whoever reads it (a process in ``read(0)``,
   or the kernel task's echo loop);
4. ``scheduler.tick``: wake sleepers, count the slice down, maybe switch;
5. on the way back to ring 3, end the process if ``kill`` asked it to.

The handler is an ``@interrupt`` function, so every register of the
interrupted code is saved on entry and restored by its ``iretq``, however
long the switch in step 3 keeps it away (kernel/arch/x86_64/context.py
draws the stack).
"""

import kernel.arch.x86_64.idt as idt
import kernel.arch.x86_64.pic as pic
import kernel.clock as clock
import kernel.proc.process as process
import kernel.proc.scheduler as scheduler
import kernel.proc.tty as tty
import kernel.tickless as tickless
from pythos.lang import InterruptFrame, Ptr, func_addr, interrupt


@interrupt
def on_timer(frame: Ptr[InterruptFrame]) -> None:
    """IRQ 0: a tick for the clock and the scheduler (see the module docstring)."""
    tickless.restart_at_timer()
    clock.tick()
    pic.send_eoi(clock.TIMER_IRQ)
    if tty.input_waiting():
        process.wake_for_input()
    from_user = frame[0].cs & 3 == 3
    scheduler.tick(from_user)
    if from_user:
        process.exit_if_killed()


def init() -> None:
    """Take over IRQ 0 from the clock.  Safety: after clock.init and scheduler.init."""
    idt.set_handler(pic.vector(clock.TIMER_IRQ), func_addr(on_timer))
