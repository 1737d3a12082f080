"""``halt`` and ``reboot``: stopping and restarting the machine.

``halt`` ends a QEMU run through the isa-debug-exit device (exit status
33, "success", where QEMU was started with it: ``pythos run`` and the
tests do), and on a machine without it prints that it is safe to switch
off and stops the CPU with interrupts off.

``reboot`` pulses the keyboard controller's reset line and, should the
machine still be running after a short wait, resets the CPU with a
triple fault (kernel/arch/x86_64/reset.py).  Both print what they do
first, since nothing can be printed after.
"""

from typing import Final

import kernel.arch.x86_64.cpu as cpu
import kernel.arch.x86_64.reset as reset
import kernel.clock as clock
import kernel.drivers.debug_exit as debug_exit
from kernel.shell.output import Output
from kernel.shell.registry import OK, command
from pythos.lang import u64

# How long the reset line gets before the triple fault.
RESET_WAIT_MS: Final = 100


@command("halt", help="stop the machine (QEMU exits)")
def halt(out: Output, words: list[str]) -> int:
    out.line("halt: stopping the machine")
    debug_exit.exit_qemu(debug_exit.SUCCESS)
    out.line("halt: the machine has stopped; it is safe to switch it off")
    cpu.halt_forever()
    return OK


@command("reboot", help="restart the machine")
def reboot(out: Output, words: list[str]) -> int:
    out.line("reboot: restarting")
    reset.pulse_reset_line()
    clock.sleep_ms(u64(RESET_WAIT_MS))
    out.line("reboot: the keyboard controller did not reset the machine; "
             "resetting with a triple fault")
    reset.triple_fault()
    return OK
