"""The kernel console: where ``print()`` and panic reports go.

The compiler's runtime (pythos/rt/kernel.py) calls two functions that the
kernel must export:

* ``pythos_console_write(fd, data, length)``: fd 1 is ordinary output
  (``print()``, f-strings), fd 2 a panic report.  Both go to the serial
  port and to the VGA screen; a panic report is drawn in light red so it
  stands out, and a line of it too long for the 80 columns (a long panic
  message) continues on the next row ``REPORT_WRAP_INDENT`` columns in, so
  that it does not read as a line of its own.  Serial gets every line
  whole: a terminal or a log wraps it as it likes.  The runtime flushes after every ``print()``, so output
  appears line by line and nothing waits in a buffer when the machine
  stops.
* ``pythos_halt(code)``: stop for good.  The runtime calls it with 101
  after a panic report.  It writes the code to QEMU's isa-debug-exit port
  (so a test run ends with status ``(code << 1) | 1`` instead of hanging)
  and then halts the CPU with interrupts disabled.  With ``halt=wait`` on
  the command line it only halts, leaving QEMU running.  The kernel never
  resets the machine, which would wipe the report from the screen.

Every line written is also kept in the kernel log ring
(``logring.record_console``), for ``dmesg``.

Each device has its own lock (``serial.lock``, ``vga.lock``), taken one
after the other, never nested, so there is no lock order to get wrong.

Panics inside the console
-------------------------

If the console itself panics (say, an index error in the VGA code while
``vga.lock`` is held), the runtime's panic report calls back into
``pythos_console_write`` while the first call is still running.  Taking
the locks again would spin forever, and redrawing a screen whose state is
half updated might panic again.  ``writing`` detects the re-entry; the
nested call then sends its bytes to the serial port only, without the
lock.  (``writing`` would need to be per CPU once there are several.)
"""

from typing import Final

import kernel.arch.x86_64.cpu as cpu
import kernel.drivers.debug_exit as debug_exit
import kernel.drivers.serial as serial
import kernel.drivers.vga as vga
import kernel.logring as logring
from kernel.bytespan import ByteSpan
from kernel.drivers import color as Color
from pythos.lang import Ptr, export, i32, u8, u32, u64

STDOUT: Final = i32(1)
STDERR: Final = i32(2)
# Where a wrapped line of a panic report continues on the screen: past the
# backtrace's frame numbers ("  #3 "), short of its inlined calls.
REPORT_WRAP_INDENT: Final = u32(4)

# Whether a console write is in progress on this CPU (see above).  Only
# one CPU runs, with interrupts off, so a plain flag is enough.
writing: bool = False
# Whether pythos_halt asks QEMU to exit.  ``halt=wait`` on the command line
# clears it, so a halted machine stays up with its screen readable (the
# boot tests read the panic report off the screen that way).
exit_on_halt: bool = True


def write(fd: i32, data: Ptr[u8], length: u64) -> None:
    """Write to serial and screen; fd 2 is drawn in red.

    Safety: ``data`` must point at ``length`` readable bytes.
    """
    write_to(fd, data, length, True)


def write_serial_only(data: Ptr[u8], length: u64) -> None:
    """Write to the serial port alone: detail that the 80-column screen has
    no room for, such as a backtrace's raw addresses, but a log should keep.

    Safety: ``data`` must point at ``length`` readable bytes.
    """
    write_to(STDOUT, data, length, False)


def write_to(fd: i32, data: Ptr[u8], length: u64, screen: bool) -> None:
    """Write to serial and, if ``screen``, to the screen (red for fd 2).

    A nested write (see above: the console itself panicked) goes to the
    serial port only.

    Safety: ``data`` must point at ``length`` readable bytes.
    """
    global writing
    if writing:
        serial.write_unlocked(data, length)
        return
    writing = True
    logring.record_console(fd == STDERR, data, length)  # for dmesg
    serial.write(data, length)
    if screen and fd == STDERR:
        vga.write_attribute(data, length, Color.attribute(Color.LIGHT_RED, Color.BLACK),
                            REPORT_WRAP_INDENT)
    elif screen:
        vga.write_bytes(data, length)
    writing = False


def set_color(fg: u8, bg: u8 = Color.BLACK) -> None:
    """Colour of ``print()`` output on the screen from now on."""
    vga.set_color(fg, bg)


def reset_color() -> None:
    """Back to the default light grey on black."""
    vga.set_color(vga.DEFAULT_FG, vga.DEFAULT_BG)


@export("pythos_console_write")
def pythos_console_write(fd: i32, data: Ptr[u8], length: u64) -> None:
    """The runtime's output hook: see the module docstring."""
    write(fd, data, length)


@export("pythos_halt")
def pythos_halt(code: i32) -> None:
    """The runtime's stop hook: exit QEMU with ``code``, else halt forever."""
    if exit_on_halt:
        debug_exit.exit_qemu(u8(code))
    cpu.halt_forever()


def set_exit_on_halt(enabled: bool) -> None:
    """Whether halting also exits QEMU (see ``exit_on_halt``)."""
    global exit_on_halt
    exit_on_halt = enabled


def write_span(span: ByteSpan) -> None:
    """Write bytes from memory (a command line, say) like ``print`` output."""
    write(STDOUT, span.data, span.length)
