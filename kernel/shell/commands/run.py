"""``run PROG [ARG...]``: start a user program and wait until it has ended.

The program comes from the ramdisk (``ls`` lists it; Tab completes the
names of the files that pass the ELF check), and its argument line is
the words after its name joined by one space, so quotes keep spaces
(``run echo "a  b"``).  The shell task then awaits the process's end
(kernel/task/procwait.py): the executor goes on with its other tasks
and, when none is ready, lets the process and its children have the
CPU.  A program that reads the console gets the typed lines meanwhile
(the kernel's line discipline edits and echoes them, kernel/proc/tty.py).
When it ends, ``run`` says how, in the words the kernel uses for the
processes it starts::

    pythos> run status 7
    pid 4 (status): exited with status 7

and the command's status is OK only for an exit status of 0.  Ctrl-C on
the serial console stops the program (``pid 5 (spin): stopped by
Ctrl-C``), and so does cancelling the shell's wait.
"""

from typing import Final

import kernel.proc.process as process
from kernel.bytespan import ByteSpan
from kernel.fs import initrd
from kernel.fs.ustar import Entry
from kernel.shell.output import Output
from kernel.shell.registry import FAILED, OK, USAGE, async_command
from kernel.task import executor
from kernel.task.procwait import process_end
from pythos.lang import Array, addr_of, i64, str_bytes, u8, u64
from pythos.rt.sysabi import EINVAL, ENOENT

# What ``start`` returns for an argument line longer than MAX_ARGS
# (spawn's own -EINVAL means "not a program" here).
TOO_LONG: Final = i64(-1000)

# The argument line's bytes for spawn, which copies them at once.
args_buffer = Array[u8, 257]()


def program_names() -> list[str]:
    """The ramdisk's programs, for completion."""
    names: list[str] = []
    entry = Entry()
    for name in initrd.file_names():
        if initrd.find_named(name, entry) and initrd.is_program(entry):
            names.append(name)
    return names


def start(name: str, line: str, waiter: int) -> i64:
    """Spawn program ``name`` with the argument line ``line`` for the task
    in executor slot ``waiter``: its pid, or -ENOENT, -EINVAL (not a
    program), TOO_LONG, or another negative error."""
    entry = Entry()
    if not initrd.find_named(name, entry):
        return -ENOENT
    if not initrd.is_program(entry):
        return -EINVAL
    encoded = str_bytes(line)
    if u64(len(encoded)) > process.MAX_ARGS:
        return TOO_LONG
    for i in range(len(encoded)):
        args_buffer[i] = u8(encoded[i])
    args = ByteSpan()
    args.set(addr_of(args_buffer), u64(len(encoded)))
    return process.start_awaited(entry.name, args, u64(waiter))


def not_started(out: Output, name: str, error: i64) -> int:
    """Say why ``start`` failed; the command's status."""
    if error == -ENOENT:
        out.line(f"run: {name}: no such file (ls lists them)")
        return FAILED
    if error == TOO_LONG:
        out.line(f"run: the argument line is longer than {int(i64(process.MAX_ARGS))} bytes")
        return USAGE
    if error == -EINVAL:
        entry = Entry()
        initrd.find_named(name, entry)
        out.line(f"run: {name}: not a program: {process.elf_problem(entry.name)}")
        return FAILED
    out.line(f"run: {name}: out of memory or too many processes")
    return FAILED


@async_command("run", args="PROG [ARG...]", help="run a program from the ramdisk, wait for its end",
               choices=program_names)
async def run(out: Output, words: list[str]) -> int:
    name = words[0]
    pid = start(name, " ".join(words[1:]), executor.current_task().slot)
    if pid < 0:
        return not_started(out, name, pid)
    end = process_end(u64(pid))
    status = await end
    if status == process.KILLED_STATUS:
        how = "stopped by Ctrl-C" if end.interrupted else "killed"
        out.line(f"pid {int(pid)} ({name}): {how}")
        return FAILED
    out.line(f"pid {int(pid)} ({name}): exited with status {int(status)}")
    return OK if status == 0 else FAILED
