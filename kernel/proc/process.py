"""Processes: how they start, end, wait for each other and are cleaned up.

A process is a task (kernel/proc/tasks.py) with an address space, a
kernel stack and a program from the ramdisk.  Its life:

1. **spawn** (``spawn``): find the program in the ramdisk and check it as
   an ELF executable (kernel/fs/initrd.py, kernel/proc/elf.py); take a
   free task slot and map its kernel stack (kernel/proc/kstack.py); make
   an address space (kernel/mm/address_space.py) and map each segment with
   its own permissions (USER always, WRITABLE only for a writable
   segment, NO_EXECUTE for all but code: W^X), then ``USER_STACK_PAGES``
   of stack below ``USER_STACK_TOP`` with an unmapped guard page under
   them.  The argument line is copied to the top of the user stack; the
   program finds its address in RDI and its length in RSI at entry.  The
   kernel stack gets a first frame that enters ring 3
   (kernel/arch/x86_64/context.py) and the task is queued: it runs when
   the scheduler picks it.  Any failure undoes everything and returns an
   error; nothing is left half made.
2. **runs** under the scheduler (kernel/proc/scheduler.py), preempted by
   the timer, blocked in ``read``, ``wait`` and ``sleep_ms``.
3. **exit** (``exit_current``: the ``exit`` call, a fault, or ``kill``):
   its files are closed and its address space freed at once (every page,
   every table, the PML4), its children are handed to the kernel, its
   parent is woken, and it stays a ZOMBIE holding only its exit status and
   its kernel stack, which it is still running on.
4. **reap** (``wait`` in the parent, or the kernel task for the processes
   it started and for orphans, or, for a process started with
   ``start_awaited``, the executor task awaiting it: the shell's ``run``,
   kernel/task/procwait.py): the kernel stack is unmapped and freed
   and the slot is FREE again.  After a process has been reaped every
   frame it took is back; ``run=`` checks that for each program it runs.

A process's open ramdisk files are in kernel/proc/files.py, its heap
(``brk``) in kernel/proc/brk.py, and console input in kernel/proc/tty.py.

An exit status is the low byte of ``exit``'s argument, 0-255;
``KILLED_STATUS`` (256) means killed by a fault or by ``kill``, which no
``exit`` can produce.
"""

from typing import Final

import kernel.arch.x86_64.context as context
import kernel.arch.x86_64.irqflags as irqflags
import kernel.arch.x86_64.mmu as mmu
import kernel.console as console
import kernel.fs.initrd as initrd
import kernel.log as log
import kernel.mm.address_space as address_space
import kernel.mm.heap as heap
import kernel.mm.memory as memory
import kernel.proc.files as files
import kernel.proc.kstack as kstack
import kernel.proc.scheduler as scheduler
import kernel.proc.tty as tty
from kernel.bytespan import ByteSpan
from kernel.fs import ustar
from kernel.fs.ustar import Entry
from kernel.mm.addr import PAGE_SIZE, PhysAddr, VirtAddr
from kernel.mm.frames import NO_FRAME
from kernel.mm.paging import NO_EXECUTE, WRITABLE
from kernel.proc import elf, tasks
from kernel.proc.elf import Image, Segment
from kernel.proc.scheduler import table
from kernel.proc.tasks import KERNEL_TASK, NO_SLOT, NO_WAITER
from kernel.task.waker import WAKES
from pythos.lang import Array, Ptr, export, i64, panic, u8, u64
# Error results are negated errno values, as the system calls return them.
from pythos.rt.sysabi import ECHILD, EINVAL, ENOENT, ENOMEM, ESRCH

# The user stack: its top, and how many pages it has below that.
USER_STACK_TOP: Final = u64(0x00007FFFFFFF0000)
USER_STACK_PAGES: Final = u64(4)
# The longest argument line, NUL not included.  It goes on the top stack page.
MAX_ARGS: Final = u64(256)
# The longest program name (a USTAR name field).
MAX_PATH: Final = u64(100)
COMMA: Final = u8(0x2C)
COLON: Final = u8(0x3A)

# What exit_current and wait report for a process killed by a fault or kill.
KILLED_STATUS: Final = i64(256)


# spawn's copy of the argument line, made before the new address space
# exists (system calls are never preempted, so one buffer is enough).
args_copy = Array[u8, 257]()


def say_name(slot: u64) -> None:
    """Print ``pid N (name): `` for the start of a report line."""
    task = table.tasks[slot]
    print(f"pid {task.pid} (", end="")
    name = ByteSpan()
    name.set(Ptr[u8](task.name_data), task.name_length)
    console.write_span(name)
    print("): ", end="")


# -- loading ---------------------------------------------------------------


def copy_segment_page(data: ByteSpan, segment: Segment, page: u64, frame: PhysAddr) -> None:
    """Copy the file bytes of ``segment`` that fall in ``page`` into ``frame``."""
    file_end = segment.vaddr + segment.file_size
    start = segment.vaddr if segment.vaddr > page else page
    end = page + PAGE_SIZE if page + PAGE_SIZE < file_end else file_end
    destination = Ptr[u8](memory.phys_to_virt(frame))
    address = start
    while address < end:
        destination[address - page] = data.data[segment.file_offset + (address - segment.vaddr)]
        address += 1


def load_segment(root: PhysAddr, data: ByteSpan, segment: Segment) -> bool:
    """Map and fill one segment; False when memory ran out."""
    flags = u64(0)
    if segment.writable():
        flags |= WRITABLE
    if not segment.executable():
        flags |= NO_EXECUTE
    page = segment.vaddr & ~(PAGE_SIZE - 1)
    end = segment.vaddr + segment.memory_size
    while page < end:
        frame = address_space.map_page(root, page, flags)
        if frame.value == NO_FRAME:
            return False
        copy_segment_page(data, segment, page, frame)
        page += PAGE_SIZE
    return True


def load(root: PhysAddr, data: ByteSpan, image: Image) -> bool:
    """Map every segment and the stack; False when memory ran out."""
    for i in range(image.count):
        if not load_segment(root, data, image.segments[i]):
            return False
    for k in range(USER_STACK_PAGES):
        page = USER_STACK_TOP - (k + 1) * PAGE_SIZE
        if address_space.map_page(root, page, WRITABLE | NO_EXECUTE).value == NO_FRAME:
            return False
    return True


def image_end(image: Image) -> u64:
    """The first page boundary above every segment: where the heap starts."""
    end = u64(0)
    for i in range(image.count):
        segment_end = image.segments[i].vaddr + image.segments[i].memory_size
        if segment_end > end:
            end = segment_end
    return (end + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1)


def put_args(root: PhysAddr, length: u64) -> u64:
    """Copy ``args_copy`` (``length`` bytes and a NUL) to the top of the user
    stack; return its user address, 16-byte aligned, which is also the
    stack pointer the program starts with."""
    address = (USER_STACK_TOP - (length + 1)) & ~u64(15)
    top_page = USER_STACK_TOP - PAGE_SIZE
    frame = address_space.tables_of(root).translate(VirtAddr(top_page))
    destination = Ptr[u8](memory.phys_to_virt(frame)) + (address - top_page)
    for i in range(length):
        destination[i] = args_copy[i]
    destination[length] = u8(0)
    return address


def spawn(name: ByteSpan, args: Ptr[u8], args_length: u64, parent: u64) -> i64:
    """Start the ramdisk program ``name`` with the argument line ``args``
    (see the module docstring); its pid, or a negative error:
    -ENOENT (no such file), -EINVAL (not a program, or arguments too
    long), -ENOMEM (no task slot or no memory).

    Safety: ``name`` and ``args`` are readable; interrupts are off.
    """
    if args_length > MAX_ARGS:
        return -EINVAL
    for i in range(args_length):
        args_copy[i] = args[i]
    entry = Entry()
    if initrd.find(name, entry) != ustar.OK:
        return -ENOENT
    image = Image()
    if elf.parse(entry.data, image) != elf.OK:
        return -EINVAL
    slot = table.allocate(parent)
    if slot == NO_SLOT:
        return -ENOMEM
    if not kstack.allocate(slot):
        table.reap(slot)
        return -ENOMEM
    root = address_space.create()
    if root.value == NO_FRAME or not load(root, entry.data, image):
        if root.value != NO_FRAME:
            address_space.destroy(root)
        kstack.free(slot)
        table.reap(slot)
        return -ENOMEM
    task = table.tasks[slot]
    task.root = root.value
    task.stack_top = kstack.top(slot)
    task.name_data = entry.name.data.addr
    task.name_length = entry.name.length
    task.heap_start = image_end(image)
    task.heap_end = task.heap_start
    arguments = put_args(root, args_length)
    task.context = context.start_stack(task.stack_top, image.entry, arguments, arguments,
                                       args_length)
    table.make_ready(slot)
    return i64(task.pid)


@export("pythos_task_first_run")
def first_run() -> None:
    """A new task is about to enter ring 3 for the first time (from
    context.py's ``pythos_task_start``): one killed before it ran ends here."""
    exit_if_killed()


# -- ending ----------------------------------------------------------------


def wake_parent(parent: u64) -> None:
    """Tell ``parent`` (a pid) that a child of its has ended."""
    if parent == 0:
        scheduler.wake_kernel()
        return
    slot = table.find(parent)
    if slot != NO_SLOT and table.tasks[slot].reason == tasks.CHILD:
        scheduler.wake(slot)


def exit_current(status: i64, report: bool) -> None:
    """End the running process with ``status`` (see the module docstring).
    With ``report``, say so on the console if it was killed, or if the
    kernel started it (a process's own parent learns of it from ``wait``,
    so a loop of spawns does not flood the console).  Never returns.

    Safety: interrupts off; called in the process's own context.
    """
    slot = table.current
    if slot == KERNEL_TASK:
        panic("exit_current called by the kernel task")
    task = table.tasks[slot]
    awaited = task.waiter_slot != NO_WAITER   # that task reports the end itself
    if report and status == KILLED_STATUS and not awaited:
        say_name(slot)
        print("killed")
    elif report and task.parent == 0 and not awaited:
        say_name(slot)  # a user parent learns it from wait instead
        print(f"exited with status {status}")
    files.close_all(slot)
    mmu.switch_to(memory.tables.root.value)
    address_space.destroy(PhysAddr(task.root))
    task.root = u64(0)
    had_orphans = False
    for i in range(u64(1), u64(tasks.MAX_TASKS)):
        if table.tasks[i].state != tasks.FREE and table.tasks[i].parent == task.pid:
            had_orphans = True
    table.exit(status)
    wake_parent(task.parent)
    if awaited:
        WAKES.wake_in_interrupt(task.waiter_slot)
    if had_orphans:
        scheduler.wake_kernel()
    scheduler.switch_to_next()
    panic("an exited process ran again")


def exit_if_killed() -> None:
    """End the running process if ``kill`` asked it to (interrupts off)."""
    slot = table.current
    if slot != KERNEL_TASK and table.tasks[slot].killed:
        exit_current(KILLED_STATUS, True)


@export("pythos_user_fault_exit")
def fault_exit() -> None:
    """A fault in ring 3 (already reported by the exception handler)."""
    exit_current(KILLED_STATUS, False)


def reap(slot: u64) -> i64:
    """Free a ZOMBIE's kernel stack and slot; return its exit status."""
    status = table.tasks[slot].status
    kstack.free(slot)
    table.reap(slot)
    return status


def wait(pid: u64) -> i64:
    """The exit status of the running process's child ``pid`` (ANY_CHILD:
    any), once it has ended; the child is then reaped.  -ECHILD when there
    is no such child.  Blocks meanwhile.  Safety: interrupts off."""
    me = table.current
    my_pid = table.tasks[me].pid
    while True:
        found = False
        for i in range(u64(1), u64(tasks.MAX_TASKS)):
            if table.is_child(u64(i), my_pid, pid):
                found = True
                if table.tasks[i].state == tasks.ZOMBIE:
                    return reap(u64(i))
        if not found:
            return -ECHILD
        exit_if_killed()
        table.tasks[me].wait_pid = pid
        scheduler.block(tasks.CHILD)


def kill(pid: u64) -> i64:
    """Ask process ``pid`` to end; 0, or -ESRCH if there is no such live
    process, -EINVAL for the kernel (pid 0).  The process ends at once if
    it is the caller, otherwise the next time it would run in ring 3.
    Safety: interrupts off."""
    if pid == 0:
        return -EINVAL
    slot = table.find(pid)
    if slot == NO_SLOT or table.tasks[slot].state == tasks.ZOMBIE:
        return -ESRCH
    table.tasks[slot].killed = True
    if slot == table.current:
        exit_current(KILLED_STATUS, True)
    scheduler.wake(slot)  # a blocked one notices at once
    return i64(0)


def reap_kernel_children() -> bool:
    """Reap every ended process whose parent is the kernel; whether any was."""
    reaped = False
    for i in range(u64(1), u64(tasks.MAX_TASKS)):
        task = table.tasks[i]
        if (table.is_child(u64(i), u64(0), tasks.ANY_CHILD) and task.state == tasks.ZOMBIE
                and task.waiter_slot == NO_WAITER):
            reap(u64(i))
            reaped = True
    return reaped


def kernel_idle() -> None:
    """The kernel task's idle step: reap what ended, else let processes run
    or halt until an interrupt (scheduler.idle).  Interrupts on."""
    irqflags.disable()
    reaped = reap_kernel_children()
    irqflags.enable()
    if not reaped:
        scheduler.idle()


# -- console input ---------------------------------------------------------


def console_claimed() -> bool:
    """Whether a live process reads the console (the echo loop keeps off)."""
    for i in range(u64(1), u64(tasks.MAX_TASKS)):
        task = table.tasks[i]
        if task.reads_console and task.state != tasks.FREE and task.state != tasks.ZOMBIE:
            return True
    return False


def wake_for_input() -> None:
    """Input has arrived: wake the processes reading it, or the kernel task
    when nobody reads (timer tick, interrupts off)."""
    if console_claimed():
        scheduler.wake_readers()
    else:
        scheduler.wake_for_input(KERNEL_TASK)


def read_console(destination: Ptr[u8], length: u64) -> i64:
    """``read(0, ...)``: block until a line is finished, then copy it (0:
    the end of input; see kernel/proc/tty.py).

    Safety: ``destination`` is writable for ``length`` bytes; interrupts off.
    """
    table.tasks[table.current].reads_console = True
    if length == 0:
        return i64(0)
    while True:
        count = tty.read(destination, length)
        if count != tty.NOT_YET:
            return count
        exit_if_killed()
        scheduler.block(tasks.INPUT)


# -- started by the kernel -------------------------------------------------


def elf_problem(name: ByteSpan) -> str:
    """What the ELF check says of ramdisk file ``name``."""
    entry = Entry()
    initrd.find(name, entry)
    image = Image()
    return elf.error_name(elf.parse(entry.data, image))


def start(name: ByteSpan, args: ByteSpan) -> u64:
    """Spawn ``name`` as a child of the kernel with the argument line
    ``args``; its pid, or 0 after reporting why it could not start.  Its
    end is reported by ``exit_current``."""
    irqflags.disable()
    result = spawn(name, args.data, args.length, u64(0))
    irqflags.enable()
    if result < 0:
        print("run: ", end="")
        console.write_span(name)
        if result == -ENOENT:
            print(": no such file")
        elif result == -EINVAL and args.length > MAX_ARGS:
            print(": argument line too long")
        elif result == -EINVAL:
            print(f": not a program: {elf_problem(name)}")
        else:
            print(": out of memory or too many processes")
        return u64(0)
    return u64(result)


# What ``awaited_status`` returns while the process has not ended.
NOT_ENDED: Final = i64(-1)


def start_awaited(name: ByteSpan, args: ByteSpan, waiter: u64) -> i64:
    """Spawn ``name`` as a child of the kernel for the executor task in
    slot ``waiter`` (the shell's ``run``), which awaits its end: its pid,
    or a negative error as ``spawn`` gives.  Nothing is printed.  At the
    exit ``waiter`` is woken, and the zombie stays until
    ``awaited_status`` reaps it: the idle step's reaping leaves it alone,
    so its status is the waiter's to report.  Interrupts on."""
    irqflags.disable()
    result = spawn(name, args.data, args.length, u64(0))
    if result > 0:
        table.tasks[table.find(u64(result))].waiter_slot = waiter
    irqflags.enable()
    return result


def awaited_status(pid: u64) -> i64:
    """The exit status of ``start_awaited``'s process ``pid``, reaped now,
    once it has ended (``KILLED_STATUS``: killed); ``NOT_ENDED`` before.
    Interrupts on."""
    irqflags.disable()
    status = NOT_ENDED
    slot = table.find(pid)
    if slot == NO_SLOT:
        status = KILLED_STATUS  # not ours any more: reaped by someone else
    elif table.tasks[slot].state == tasks.ZOMBIE:
        status = reap(slot)
    irqflags.enable()
    return status


def abandon(pid: u64) -> None:
    """The task awaiting ``pid`` is gone (cancelled): kill the process, as
    a terminal that closes takes its programs with it, and let the idle
    step reap it like any other child of the kernel.  Interrupts on."""
    irqflags.disable()
    slot = table.find(pid)
    if slot != NO_SLOT:
        table.tasks[slot].waiter_slot = NO_WAITER
        kill(pid)
    irqflags.enable()


def stop(pid: u64) -> None:
    """``kill(pid)`` from a kernel task (Ctrl-C for the shell's ``run``):
    the process ends the next time it would run.  Interrupts on."""
    irqflags.disable()
    kill(pid)
    irqflags.enable()


def run(name: ByteSpan, args: ByteSpan) -> None:
    """Run ``name`` with ``args`` and wait until it has ended and been reaped; then say
    if any frame or heap byte it took was not given back."""
    free_before = memory.frames.free_frames()
    heap_before = heap.stats().bytes_used
    pid = start(name, args)
    if pid == 0:
        return
    irqflags.disable()
    while table.find(pid) != NO_SLOT:
        irqflags.enable()
        kernel_idle()
        irqflags.disable()
    irqflags.enable()
    leaked = free_before - memory.frames.free_frames()
    heap_leaked = heap.stats().bytes_used - heap_before
    if leaked != 0 or heap_leaked != 0:
        print(f"pid {pid}: {leaked} frames not freed, {heap_leaked} heap bytes not freed")
    elif log.enabled(log.DEBUG):
        print(f"pid {pid}: every frame and heap byte given back "
              f"({free_before} frames free, {heap_before} heap bytes used)")


def for_each_name(names: ByteSpan, wait_for_each: bool) -> None:
    """``run`` (or just ``start``) each program of a comma-separated list;
    ``NAME:ARGS`` gives a program an argument line."""
    begin = u64(0)
    while begin <= names.length:
        end = begin
        while end < names.length and names.data[end] != COMMA:
            end += 1
        split = begin
        while split < end and names.data[split] != COLON:
            split += 1
        if split > begin:
            one = ByteSpan()
            one.set(names.data + begin, split - begin)
            args = ByteSpan()
            if split < end:
                args.set(names.data + split + 1, end - split - 1)
            else:
                args.set(names.data, u64(0))
            if wait_for_each:
                run(one, args)
            else:
                start(one, args)
        begin = end + 1


def run_list(names: ByteSpan) -> None:
    """``run=A,B:ARGS``: run each program in turn, waiting for each to end."""
    for_each_name(names, True)


def start_list(names: ByteSpan) -> None:
    """``start=A,B``: start the programs side by side and go on at once."""
    for_each_name(names, False)


def exit_status(value: u64) -> i64:
    """The status ``exit`` reports: the low byte, as on Unix."""
    return i64(value & 0xFF)
