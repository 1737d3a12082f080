"""Running a program from the ramdisk in ring 3, in its own address space.

``run(name)`` is the whole life of a process, one at a time:

1. find ``name`` in the ramdisk and check it as an ELF executable
   (kernel/fs/initrd.py, kernel/proc/elf.py); a bad file is refused
   with the checker's message, nothing is mapped;
2. make an address space (kernel/mm/address_space.py) and map each
   segment with its own permissions: USER always, WRITABLE only for a
   writable segment, NO_EXECUTE for all but code (W^X: the ELF check
   refused a segment that asks for both).  File bytes are copied in, the
   rest of the segment is left zero (bss);
3. map the user stack: ``USER_STACK_PAGES`` pages ending at
   ``USER_STACK_TOP``; the page below them stays unmapped, a guard page;
4. switch CR3, enter ring 3 at the entry point (``usermode.enter``) and
   wait for ``exit`` or a fault (kernel/arch/x86_64/exceptions.py kills
   the program with a one-line report);
5. switch back to the kernel's tables and free every frame the process
   had, then say how it ended.

There is no scheduler yet: ``run`` returns when the program ends, and
the kernel goes on with its next boot step.
"""

from typing import Final

import kernel.arch.x86_64.irqflags as irqflags
import kernel.arch.x86_64.mmu as mmu
import kernel.arch.x86_64.usermode as usermode
import kernel.console as console
import kernel.fs.initrd as initrd
import kernel.mm.address_space as address_space
import kernel.mm.memory as memory
from kernel.bytespan import ByteSpan
from kernel.fs import ustar
from kernel.fs.ustar import Entry
from kernel.mm.addr import PAGE_SIZE, PhysAddr
from kernel.mm.frames import NO_FRAME
from kernel.mm.paging import NO_EXECUTE, WRITABLE
from kernel.proc import elf
from kernel.proc.elf import Image, Segment
from pythos.lang import Ptr, i64, u8, u64

# The user stack: its top, and how many pages it has below that.
USER_STACK_TOP: Final = u64(0x00007FFFFFFF0000)
USER_STACK_PAGES: Final = u64(4)
COMMA: Final = u8(0x2C)

next_pid = u64(1)


def say_name(pid: u64, name: ByteSpan) -> None:
    """Print ``pid N (name): `` for the start of a report line."""
    print(f"pid {pid} (", end="")
    console.write_span(name)
    print("): ", end="")


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


def run(name: ByteSpan) -> None:
    """Run the ramdisk program ``name`` to its end (see the module docstring)."""
    global next_pid
    entry = Entry()
    found = initrd.find(name, entry)
    if found != ustar.OK:
        print("run: ", end="")
        console.write_span(name)
        print(f": {ustar.error_name(found)}")
        return
    image = Image()
    checked = elf.parse(entry.data, image)
    if checked != elf.OK:
        print("run: ", end="")
        console.write_span(name)
        print(f": not a program: {elf.error_name(checked)}")
        return
    free_before = memory.frames.free_frames()
    root = address_space.create()
    if root.value == NO_FRAME or not load(root, entry.data, image):
        print("run: ", end="")
        console.write_span(name)
        print(": out of memory")
        if root.value != NO_FRAME:
            address_space.destroy(root)
        return
    pid = next_pid
    next_pid += 1
    usermode.current_pid = pid
    usermode.current_name.set(entry.name.data, entry.name.length)
    mmu.switch_to(root.value)
    status = usermode.enter(image.entry, USER_STACK_TOP)
    mmu.switch_to(memory.tables.root.value)
    irqflags.enable()  # exit and faults leave with interrupts off
    address_space.destroy(root)
    if status != usermode.KILLED:  # a killed one was reported by the fault handler
        say_name(pid, entry.name)
        print(f"exited with status {status}")
    leaked = free_before - memory.frames.free_frames()
    if leaked != 0:
        say_name(pid, entry.name)
        print(f"{leaked} frames not freed")


def run_list(names: ByteSpan) -> None:
    """Run each program of a comma-separated list, one after the other."""
    start = u64(0)
    while start <= names.length:
        end = start
        while end < names.length and names.data[end] != COMMA:
            end += 1
        if end > start:
            one = ByteSpan()
            one.set(names.data + start, end - start)
            run(one)
        start = end + 1


def exit_status(value: u64) -> i64:
    """The status ``exit`` reports: the low byte, as on Unix."""
    return i64(value & 0xFF)
