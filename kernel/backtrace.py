"""Symbolised backtraces: which functions were running when the kernel panicked.

After the panic message, the report lists the chain of calls that led to
it, innermost first, each return address with the function it lies in
and the Python file and line of the call::

    kernel/crashtest.py:66: panic: nested panic requested on the command line (panic=nested)
    backtrace:
      #0 0xffffffff801120d0 kernel.crashtest.nested_3+0x70 at kernel/crashtest.py:66
      #1 0xffffffff8011204d kernel.crashtest.nested_2+0x1d at kernel/crashtest.py:61
      #2 0xffffffff8011201d kernel.crashtest.nested_1+0x1d at kernel/crashtest.py:56
      #3 0xffffffff80111faf kernel.crashtest.run+0x26f at kernel/crashtest.py:120
      #4 0xffffffff8010866b __main__.apply_options+0x10b at kernel/kmain.py:190
      #5 0xffffffff801080e6 kmain+0xc6 at kernel/kmain.py:93
      #6 0xffffffff80108019 _start64+0x19

(a kernel built with -O0).  At -O2 most of these are inlined into
``kmain`` and have no frame of their own; the line table still knows
them, and each is printed as an indented line under the frame it was
inlined into, outermost first::

      #0 0xffffffff8010db4c kmain+0x5b2c at kernel/kmain.py:93
          inlined: apply_options at kernel/kmain.py:227
          inlined: run at kernel/crashtest.py:52
          ...
          inlined: nested_3 at kernel/crashtest.py:71

The runtime calls ``pythos_backtrace`` at the end of every panic report
(``pythos/rt/kernel.py``); the frames of the panic machinery itself (the
runtime, this module) are left out.

Frame pointers
--------------

Every kernel function keeps a frame pointer (``pythos/target.py``): its
prologue is ``push %rbp; mov %rsp, %rbp``, so each frame starts with the
caller's ``rbp``, right under the return address the ``call`` pushed, and
the saved ``rbp`` values chain all frames together::

    higher addresses
    |  ...                  |
    |  return address       |  rbp' + 8     the caller's caller's frame
    |  saved rbp  ----------+-> ...         (rbp')
    |  caller's locals      |
    |  return address       |  rbp + 8      into the caller
    |  saved rbp = rbp' ----+               <- rbp
    |  locals               |
    lower addresses (the stack grows down)

The boot stub calls ``kmain`` with ``rbp`` = 0, which ends the chain.  An
interrupt handler's frame is different: the CPU pushed an interrupt frame
(RIP, CS, RFLAGS, RSP, SS) instead of a return address, with an error
code and an alignment slot in front of it for some vectors::

    rbp + 8    RIP ...                         no error code
    rbp + 24   RIP ...  (rbp + 16 error code)  with an error code

and ``saved rbp`` is the interrupted code's.  The symbol table marks
interrupt handlers and which kind they are (``pythos/kernel_tools/symtab.py``), so a
walk through an exception handler continues with the instruction that
faulted, shown as ``(interrupted)``, and the frames of the code it
interrupted.

Never fault while reporting a fault
-----------------------------------

The stack may be exactly what went wrong, so the walker reads only
memory it has checked: a frame pointer must be 8-byte aligned and lie,
with the 16 bytes it points at, inside one of the kernel's stacks (the
kernel stack or an IST stack), and must be above the previous one when on
the same stack (frames are only ever further up: anything else is a
loop).  The walk stops at the first frame pointer that fails, and after
``MAX_FRAMES`` frames.  The symbol table is checked once, before it is
used.  A panic while the backtrace is being printed prints no second one.

Lines
-----

The files and lines, and the calls inlined at an address, come from the
line table that ``link_kernel`` builds from the DWARF and links in after
the symbol table (``kernel/debug/linetable.py`` reads it,
``pythos/kernel_tools/linetable.py`` writes it and draws its layout).  A
return address is looked up one byte back, in the ``call`` instruction,
as for its function; an interrupted instruction at its own address.  A
kernel built with ``--no-debug`` has an empty table, and the frames have
no lines.  The table is checked once, like the symbol table.

Folding: the report must fit on the screen
------------------------------------------

A panic report is read on a 25-line VGA screen that cannot scroll back,
and its most important line, the cause, comes *before* the backtrace.
A runaway recursion puts hundreds of identical frames on the stack: listed
one per line they push the cause off the top.  So the frames go through a
``Folder`` before they are printed:

* A run of three or more consecutive frames in the same function (a
  recursion) becomes its first frame and one line for the rest::

      #3 0xffffffff8010f80f kernel.crashtest.recurse+0x3f
      ... 235 more calls of kernel.crashtest.recurse (#4-#238)

  A run of two stays two lines: folding it would save nothing.
* If there are still more than ``HEAD_LINES + 1 + TAIL_LINES`` lines, the
  first ``HEAD_LINES`` (the innermost frames, where it went wrong) and the
  last ``TAIL_LINES`` (the outermost: who started it, down to
  ``_start64``) are kept, and the middle becomes ``... N frames not
  shown``.

Frame numbers count every frame, folded or not, so ``#239`` is the 240th
frame from the top however it is shown.  With the folding the walk need
not stop early to protect the screen, so ``MAX_FRAMES`` is enough for the
deepest chain the stacks can hold: at least 16 bytes per frame on the
64 KiB kernel stack and the three 16 KiB IST stacks.  The folder keeps
only the lines it will print, so its memory is fixed, and it is pure
logic, tested under CPython (tests/kernel/test_backtrace.py).
"""

from typing import Final

import kernel.arch.x86_64.cpu as cpu
import kernel.arch.x86_64.gdt as gdt
import kernel.arch.x86_64.sections as sections
import kernel.arch.x86_64.usermode as usermode
import kernel.console as console
import kernel.proc.kstack as kstack
from kernel.debug.linetable import LineTable, Position, open_line_table
from kernel.debug.symtab import FLAG_ERROR_CODE, FLAG_INTERRUPT, SymbolTable, open_table
from pythos.lang import Array, Ptr, addr_of, export, i64, struct, u8, u32, u64

# Characters for the serial-only address and the module-name match.
DIGIT_0: Final = u8(0x30)
LETTER_A: Final = u8(0x61)
LETTER_P: Final = u8(0x70)
LETTER_X: Final = u8(0x78)
LETTER_Y: Final = u8(0x79)
DOT: Final = u8(0x2E)
SLASH: Final = u8(0x2F)
SPACE: Final = u8(0x20)

# Frames walked at most: more than the stacks can hold (16 bytes a frame,
# 64 KiB of kernel stack and 48 KiB of IST stacks), so only a corrupt,
# looping chain is cut off.
MAX_FRAMES: Final = u64(8192)
# The folded backtrace's lines: the innermost HEAD_LINES, a gap line, the
# outermost TAIL_LINES.  With the exception report (up to 7 lines), the
# panic line, "backtrace:" and a last line for why the walk stopped, a
# report fits on the 25-line screen with the cause still at the top.
HEAD_LINES: Final = u64(7)
TAIL_LINES: Final = u64(5)
MAX_LINES: Final = 13
# A run of at least this many frames in one function is folded.
FOLD_RUN: Final = u64(3)

# What a folded line shows.
LINE_FRAME: Final = u8(0)     # one frame
LINE_REPEAT: Final = u8(1)    # "... N more calls of f": the rest of a run
LINE_GAP: Final = u8(2)       # "... N frames not shown": the middle of a long chain
# The kernel stack and the three IST stacks.
STACK_COUNT: Final = 4

# Why a walk ended.
WALKING: Final = u8(0)
END_OF_CHAIN: Final = u8(1)        # rbp = 0: the boot stub called kmain
OUTSIDE_STACKS: Final = u8(2)      # a frame pointer outside the stacks, or misaligned
NOT_UPWARD: Final = u8(3)          # a frame pointer not above the last on its stack
TOO_DEEP: Final = u8(4)            # MAX_FRAMES reached

# Frames of these are the panic machinery, not the code that panicked:
# the runtime, this module and its exported hook.
RUNTIME_PREFIX: Final = b"pythos.rt."
BACKTRACE_PREFIX: Final = b"kernel.backtrace."
HOOK_NAME: Final = b"pythos_backtrace"


@struct
class StackRange:
    """Memory frames may live in: ``[low, high)``."""

    low: u64
    high: u64


@struct
class Frame:
    """One step of a walk."""

    # A return address, or with ``interrupted`` the instruction an
    # interrupt or exception stopped.
    address: u64
    interrupted: bool
    # The function it lies in (an index into the table), or -1.
    symbol: i64


@struct
class Walker:
    """Follows the frame pointer chain, reading only inside ``stacks``."""

    stacks: Array[StackRange, 4]
    # The frame pointer of the next frame, and the FLAG_* of the function
    # it belongs to (that of the previous frame's address).
    rbp: u64
    flags: u32
    # The previous frame pointer and the index of its stack (-1 at first).
    previous_rbp: u64
    previous_stack: i64
    frames: u64
    # WALKING, or why the walk ended.
    stop: u8

    def start(self, rbp: u64) -> None:
        """Begin at the frame ``rbp``, owned by an ordinary function."""
        self.rbp = rbp
        self.flags = u32(0)
        self.previous_rbp = u64(0)
        self.previous_stack = i64(-1)
        self.frames = u64(0)
        self.stop = WALKING

    def stack_holding(self, address: u64, length: u64) -> i64:
        """The index of the stack that holds all of ``[address, address + length)``, or -1."""
        for i in range(STACK_COUNT):
            stack = self.stacks[i]
            if stack.low <= address < stack.high and stack.high - address >= length:
                return i64(i)
        return i64(-1)

    def next(self, table: SymbolTable, frame: Frame) -> bool:
        """Read the next frame into ``frame``; False when the walk has ended (see ``stop``)."""
        if self.stop != WALKING:
            return False
        rbp = self.rbp
        if self.frames >= MAX_FRAMES:
            self.stop = TOO_DEEP
            return False
        if rbp == 0:
            self.stop = END_OF_CHAIN
            return False
        stack = self.stack_holding(rbp, u64(16))
        if (rbp & 7) != 0 or stack < 0:
            self.stop = OUTSIDE_STACKS
            return False
        if stack == self.previous_stack and rbp <= self.previous_rbp:
            self.stop = NOT_UPWARD
            return False
        words = Ptr[u64](rbp)
        if (self.flags & FLAG_INTERRUPT) != 0:
            rip_at = rbp + 8
            if (self.flags & FLAG_ERROR_CODE) != 0:
                rip_at += 16
            if self.stack_holding(rip_at, u64(8)) < 0:
                self.stop = OUTSIDE_STACKS
                return False
            frame.address = Ptr[u64](rip_at)[0]
            frame.interrupted = True
            frame.symbol = table.find(frame.address)
        else:
            frame.address = words[1]
            frame.interrupted = False
            # A call can be a function's last instruction: its return
            # address is then the next function's first byte.
            frame.symbol = table.find(frame.address - 1)
        self.flags = table.flags(frame.symbol)
        self.previous_rbp = rbp
        self.previous_stack = stack
        self.rbp = words[0]
        self.frames += 1
        return True


@struct
class FoldedLine:
    """One line of a folded backtrace."""

    kind: u8
    # The number of the (first) frame the line stands for, and how many
    # frames it stands for (1 for LINE_FRAME).
    number: u64
    count: u64
    # LINE_FRAME: the frame; LINE_REPEAT: a frame of the run (its function).
    frame: Frame


def same_function(a: Frame, b: Frame) -> bool:
    """Whether ``b`` continues a recursion of ``a``: both ordinary return
    addresses in the same known function (or, unknown, at the same address)."""
    if a.interrupted or b.interrupted:
        return False
    if a.symbol >= 0 or b.symbol >= 0:
        return a.symbol == b.symbol
    return a.address == b.address


@struct
class Folder:
    """Folds a stream of frames into at most ``MAX_LINES`` lines (see above).

    ``reset``, ``add`` each frame, innermost first, then ``finish``; the result is
    ``lines[0:count]``.  The first ``HEAD_LINES`` lines go straight to
    ``lines``; later ones pass through ``tail``, a ring of the last
    ``TAIL_LINES``, and those pushed out of it are only counted.
    """

    lines: Array[FoldedLine, 13]
    count: u64
    tail: Array[FoldedLine, 5]
    tail_first: u64
    tail_count: u64
    hidden: u64
    frames: u64
    # The run being collected: its first frame and number, its length,
    # and its second frame (shown when the run is only two long).
    run: Frame
    run_number: u64
    run_length: u64
    second: Frame

    def reset(self) -> None:
        """Forget everything, ready for a new walk."""
        self.count = u64(0)
        self.tail_first = u64(0)
        self.tail_count = u64(0)
        self.hidden = u64(0)
        self.frames = u64(0)
        self.run_length = u64(0)

    def add(self, frame: Frame) -> None:
        """Take the next frame (one further out than the last)."""
        if self.run_length > 0 and same_function(self.run, frame):
            if self.run_length == 1:
                self.second = frame
            self.run_length += 1
        else:
            self.end_run()
            self.run = frame
            self.run_number = self.frames
            self.run_length = u64(1)
        self.frames += 1

    def end_run(self) -> None:
        """Emit the lines of the run collected so far."""
        if self.run_length == 0:
            return
        self.emit(LINE_FRAME, self.run_number, u64(1), self.run)
        if self.run_length == 2:
            self.emit(LINE_FRAME, self.run_number + 1, u64(1), self.second)
        elif self.run_length >= FOLD_RUN:
            self.emit(LINE_REPEAT, self.run_number + 1, self.run_length - 1, self.run)
        self.run_length = u64(0)

    def emit(self, kind: u8, number: u64, count: u64, frame: Frame) -> None:
        """Add a line: to the head while it has room, else to the tail ring."""
        if self.count < HEAD_LINES:
            self.lines[self.count] = FoldedLine(kind, number, count, frame)
            self.count += 1
            return
        if self.tail_count == TAIL_LINES:
            self.hidden += self.tail[self.tail_first].count
            self.tail[self.tail_first] = FoldedLine(kind, number, count, frame)
            self.tail_first = (self.tail_first + 1) % TAIL_LINES
            return
        self.tail[(self.tail_first + self.tail_count) % TAIL_LINES] = \
            FoldedLine(kind, number, count, frame)
        self.tail_count += 1

    def finish(self) -> None:
        """Flush the last run, then the gap line (if any) and the tail."""
        self.end_run()
        if self.hidden > 0:
            first_kept = self.tail[self.tail_first].number
            self.lines[self.count] = FoldedLine(LINE_GAP, first_kept - self.hidden,
                                                self.hidden, Frame())
            self.count += 1
        for i in range(self.tail_count):
            self.lines[self.count] = self.tail[(self.tail_first + i) % TAIL_LINES]
            self.count += 1
        self.tail_count = u64(0)


def kernel_stacks(walker: Walker) -> None:
    """Give ``walker`` the kernel stack (the boot stack, or the running
    process's own, kernel/proc/kstack.py) and the IST stacks."""
    walker.stacks[0] = StackRange(sections.stack_bottom(), sections.stack_top())
    if usermode.stack_bottom != 0:  # a process runs (the scheduler says which stack)
        walker.stacks[0] = StackRange(usermode.stack_bottom, kstack.top_of(usermode.stack_bottom))
    for i in range(1, STACK_COUNT):
        top = gdt.ist_stack(u8(i))
        walker.stacks[i] = StackRange(top - gdt.IST_STACK_SIZE, top)


def is_panic_machinery(table: SymbolTable, frame: Frame) -> bool:
    """Whether ``frame`` is in the runtime's panic path or in this module."""
    return table.name_starts_with(frame.symbol, RUNTIME_PREFIX) or \
        table.name_starts_with(frame.symbol, BACKTRACE_PREFIX) or \
        table.name_starts_with(frame.symbol, HOOK_NAME)


def print_name(frame: Frame, table: SymbolTable) -> None:
    """The name of the function ``frame`` lies in, or "?"."""
    if table.has_name(frame.symbol):
        entry = table.entries[frame.symbol]
        console.write(console.STDERR, table.names + u64(entry.name_offset),
                      u64(entry.name_length))
    else:
        print("?", end="")


def lookup_address(frame: Frame) -> u64:
    """The address whose line ``frame`` shows: a return address follows
    the call, which may be its line's last instruction, so the call itself
    is one byte back; an interrupted instruction is its own."""
    return frame.address if frame.interrupted else frame.address - 1


def print_position(position: Position) -> None:
    """`` at kernel/module.py:42``, if the position is known."""
    if not position.known:
        return
    print(" at ", end="")
    console.write(console.STDERR, position.file, position.file_length)
    print(f":{position.line}", end="")


def module_prefix_length(name: Ptr[u8], name_length: u64, position: Position) -> u64:
    """The length of the module part of a function's name, with its dot,
    when it is the module of ``position``'s file (31 for
    ``kernel.arch.x86_64.exceptions.handle`` at
    ``kernel/arch/x86_64/exceptions.py``), else 0."""
    if not position.known or position.file_length < 4:
        return u64(0)
    stem = position.file_length - 3
    if position.file[stem] != DOT or position.file[stem + 1] != LETTER_P or \
            position.file[stem + 2] != LETTER_Y:
        return u64(0)
    if name_length <= stem + 1 or name[stem] != DOT:
        return u64(0)
    for i in range(stem):
        expected = position.file[i]
        # A "/" in the path is a "." in the module's name.
        if expected == SLASH:
            expected = DOT
        if name[i] != expected:
            return u64(0)
    return stem + 1


# Where a raw address is formatted for serial: a global, to keep it off a
# stack that may be broken.
address_text = Array[u8, 19]()


def print_serial_address(address: u64) -> None:
    """``0xffffffff8010abcd `` on serial only: the screen has no room for
    it, and function+offset and file:line tell a reader the same."""
    address_text[0] = DIGIT_0
    address_text[1] = LETTER_X
    for i in range(16):
        nibble = u8((address >> u64(60 - 4 * i)) & 15)
        if nibble < 10:
            address_text[2 + i] = DIGIT_0 + nibble
        else:
            address_text[2 + i] = LETTER_A + nibble - 10
    address_text[18] = SPACE
    console.write_serial_only(Ptr[u8](addr_of(address_text).addr), u64(19))


def print_frame(number: u64, frame: Frame, table: SymbolTable, lines: LineTable) -> None:
    """A frame's line and one line for each call inlined at its address,
    outermost first.  On serial::

          #3 0xffffffff8010abcd kernel.module.function+0x1d at kernel/module.py:42
              inlined: f at kernel/module.py:50

    On the 80-column screen the raw address is left out, and so is the
    module part of the function's name when the file shows it:
    ``  #3 function+0x1d at kernel/module.py:42``.
    """
    row = lines.find(lookup_address(frame))
    depth = u64(0)
    position = Position()
    if row >= 0:
        depth = lines.depth(row)
        position = lines.position(row, u64(0))
    print(f"  #{number} ", end="")
    print_serial_address(frame.address)
    if table.has_name(frame.symbol):
        entry = table.entries[frame.symbol]
        name = table.names + u64(entry.name_offset)
        length = u64(entry.name_length)
        prefix = module_prefix_length(name, length, position)
        if prefix > 0:
            console.write_serial_only(name, prefix)
        console.write(console.STDERR, name + prefix, length - prefix)
        print(f"+{frame.address - entry.address:#x}", end="")
    else:
        print("?", end="")
    print_position(position)
    if frame.interrupted:
        print(" (interrupted)", end="")
    print()
    level = u64(1)
    while level < depth:
        print("      inlined: ", end="")
        function = lines.function(row, level)
        console.write(console.STDERR, function.data, function.length)
        print_position(lines.position(row, level))
        print()
        level += 1


def print_line(line: FoldedLine, table: SymbolTable, lines: LineTable) -> None:
    """One line of a folded backtrace (with a frame's inlined calls, several)."""
    if line.kind == LINE_FRAME:
        print_frame(line.number, line.frame, table, lines)
    elif line.kind == LINE_REPEAT:
        calls = "call" if line.count == 1 else "calls"
        print(f"  ... {line.count} more {calls} of ", end="")
        print_name(line.frame, table)
        print(f" (#{line.number}-#{line.number + line.count - 1})")
    else:
        last = line.number + line.count - 1
        print(f"  ... {line.count} frames not shown (#{line.number}-#{last})")


# The folder of the backtrace being printed: a global, to keep its 900 bytes
# off a stack that may just have overflowed.
folder = Folder()


def print_walk(walker: Walker, table: SymbolTable, lines: LineTable) -> None:
    """Print the frames ``walker`` finds, after the panic machinery's,
    folded to fit the screen, and why the walk stopped."""
    print("backtrace:")
    frame = Frame()
    folder.reset()
    while walker.next(table, frame):
        if folder.frames == 0 and is_panic_machinery(table, frame):
            continue
        folder.add(frame)
    folder.finish()
    for i in range(folder.count):
        print_line(folder.lines[i], table, lines)
    if walker.stop == OUTSIDE_STACKS:
        print(f"  (frame pointer {walker.rbp:#x} is outside the kernel stacks;",
              "the stack may be corrupt)")
    elif walker.stop == NOT_UPWARD:
        print(f"  (frame pointer {walker.rbp:#x} is below the frame before it;",
              "the stack may be corrupt)")
    elif walker.stop == TOO_DEEP:
        print(f"  (stopped after {MAX_FRAMES} frames)")


def kernel_lines() -> LineTable:
    """The kernel image's own line table, inlined calls included (empty if
    it was built without debug information)."""
    return open_line_table(sections.line_table_start(), sections.line_table_end())


def kernel_symbols() -> SymbolTable:
    """The kernel image's own symbol table (empty if it was linked without one)."""
    return open_table(sections.symbol_table_start(), sections.symbol_table_end())


# Whether a backtrace is being printed: a panic while printing it must not
# start another.  One CPU, interrupts off during a panic report.
printing: bool = False


@export("pythos_backtrace")
def pythos_backtrace() -> None:
    """The runtime's hook at the end of a panic report: print the backtrace."""
    global printing
    if printing:
        return
    printing = True
    walker = Walker()
    kernel_stacks(walker)
    walker.start(cpu.frame_pointer())
    print_walk(walker, kernel_symbols(), kernel_lines())
    printing = False
