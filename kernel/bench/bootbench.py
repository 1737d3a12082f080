"""``bench=boot``: the kernel's own share of the time from power-on to the prompt.

``make bench`` times QEMU from its start to ``pythos> `` on the serial
port, on the host's clock (bench/shellbench.py).  That wall time is three
things in a row: QEMU starting (its own process, devices, loading the
kernel image), the firmware and Multiboot loader, and the kernel.  The
guest can measure the last two itself: QEMU's time-stamp counter starts
at 0 when the virtual CPU starts, and the kernel knows the counter's rate
(``clock.tsc_hz``, measured on the PIT at boot).  ``at_prompt``, called
just before the prompt loop starts, prints::

    bench: reset to kmain us N      firmware and loader (kmain's first line)
    bench: kmain to prompt us N     every init step, the boot log included
    bench: kmain to clock us N      of which: up to the TSC measured on the PIT

(In microseconds; under ``-icount`` the counter counts instructions
instead, and these are not times.)  Nothing is printed without the option.
"""

import kernel.arch.x86_64.cpu as cpu
import kernel.clock as clock
import kernel.cmdline as cmdline
from kernel.bytespan import ByteSpan
from pythos.lang import u64


def micros(cycles: u64) -> u64:
    """``cycles`` of the TSC in microseconds (0 if the rate is unknown)."""
    if clock.tsc_hz == 0:
        return u64(0)
    return cycles * u64(1000) // (clock.tsc_hz // u64(1000))


def at_prompt(line: ByteSpan, kmain_entered_at: u64) -> None:
    """With ``bench=boot``, print how long reaching the prompt took."""
    value = ByteSpan()
    if not (cmdline.find_option(line, "bench", value) and value.equals("boot")):
        return
    now = cpu.timestamp()
    print(f"bench: reset to kmain us {micros(kmain_entered_at)}")
    print(f"bench: kmain to prompt us {micros(now - kmain_entered_at)}")
    print(f"bench: kmain to clock us {micros(clock.tsc_at_init - kmain_entered_at)}")
