# gdb settings for debugging the Pythos kernel in QEMU (docs/debugging.md).
#
# `pythos run --gdb` (or `make debug`) starts QEMU stopped, waiting for gdb,
# and prints the one line that loads this script and the kernel's symbols
# and connects:
#
#     gdb -q -x tools/gdb/pythos.gdb build/kernel64.elf -ex 'target remote :1234'
#
# The CPU starts in 16-bit real mode and the boot stub switches to long
# mode, but every Python function runs in 64-bit mode, so gdb decodes the
# registers as x86-64 from the start.  QEMU's gdb stub implements
# breakpoints itself (it does not write int3 into guest memory), so
# `break kmain` works before paging maps the kernel's higher-half
# addresses.

set architecture i386:x86-64
set pagination off
set confirm off
# The compiler records DW_LANG_Python, which gdb does not know; its C-like
# "minimal" language reads `print p.field`, `print a[3]`, `print *ptr` and
# `print s.next->corner.y`.
set language minimal

# `pyframe`: where we are and what the function holds.
define pyframe
  frame
  info args
  info locals
end
document pyframe
Show the current frame (function, Python file and line), its arguments and its locals.
end

# Unwinding through interrupt handlers.  An @interrupt function is entered
# by the CPU, not by a call: above its frame lies the CPU's interrupt frame
# (RIP, CS, RFLAGS, RSP, SS), with the error code and an alignment slot in
# front of it for the vectors that have one.  LLVM's call frame information
# takes the word above the frame for a return address, which is right
# only without an error code, and never restores the interrupted RSP.  This
# unwinder reads the interrupt frame instead, through the frame pointer
# every kernel function keeps, as the kernel's own backtrace does
# (kernel/backtrace.py):
#
#     rbp + 8    RIP, CS, RFLAGS, RSP, SS              no error code
#     rbp + 24   RIP, ... (rbp + 16: the error code)   with an error code
python
import gdb
from gdb.unwinder import Unwinder


class _FrameId:
    def __init__(self, sp, pc):
        self.sp = sp
        self.pc = pc


def _interrupt_handler(pc):
    """(its first address, its parameters) if the function at pc is an
    @interrupt handler (its first parameter a Ptr[InterruptFrame]), else None."""
    block = gdb.block_for_pc(pc)
    function = block.function if block is not None else None
    while block is not None and function is None:
        block = block.superblock
        function = block.function if block is not None else None
    if function is None:
        return None
    params = function.type.fields()
    if not params or params[0].type.code != gdb.TYPE_CODE_PTR \
            or params[0].type.target().name != "InterruptFrame":
        return None
    return int(block.start), params


class PythosInterruptUnwinder(Unwinder):
    """The caller of an @interrupt handler is the code it interrupted."""

    def __init__(self):
        super().__init__("pythos-interrupt")

    def __call__(self, pending_frame):
        pc = int(pending_frame.read_register("rip"))
        handler = _interrupt_handler(pc)
        if handler is None:
            return None
        start, params = handler
        # Before `push %rbp; mov %rsp, %rbp` (and the alignment slot's push),
        # rbp is still the interrupted code's: leave those few instructions
        # to the default unwinder.
        prologue = 5 if len(params) == 2 else 4
        if pc < start + prologue:
            return None
        u64 = gdb.lookup_type("u64") if _has_type("u64") else gdb.lookup_type("long").unsigned
        rbp = int(pending_frame.read_register("rbp"))
        rip_at = rbp + (24 if len(params) == 2 else 8)
        memory = gdb.selected_inferior()

        def word(address):
            return int.from_bytes(memory.read_memory(address, 8).tobytes(), "little")

        unwind = pending_frame.create_unwind_info(
            _FrameId(gdb.Value(rip_at + 40).cast(u64), gdb.Value(start).cast(u64)))
        unwind.add_saved_register("rip", gdb.Value(word(rip_at)).cast(u64))
        unwind.add_saved_register("rsp", gdb.Value(word(rip_at + 24)).cast(u64))
        unwind.add_saved_register("rbp", gdb.Value(word(rbp)).cast(u64))
        return unwind


def _has_type(name):
    try:
        gdb.lookup_type(name)
        return True
    except gdb.error:
        return False


gdb.unwinder.register_unwinder(None, PythosInterruptUnwinder(), replace=True)
end

# The interrupted code in `bt`.  gdb looks a caller's line up one byte
# before its pc, which is right for a return address (the byte before is
# in the call) but not for the instruction an interrupt stopped: at -O2
# the byte before it is often other code, another line, even other
# inlined calls.  gdb skips that step only for frames its own signal-frame
# unwinders make, and an unwinder written in Python cannot make one.  So
# this frame filter redraws, in `bt`, the machine frame under an interrupt
# handler from its pc itself: the innermost line at pc, then each inlined
# call out to the real function.  gdb keeps an inlined function's call
# site as the line and file of the function's symbol in that block.  Only
# `bt` goes through frame filters: `frame N`, `info locals` and `list` in
# that frame still see gdb's own view (docs/debugging.md, "Limits").
python
from gdb.FrameDecorator import FrameDecorator


class _InterruptedCall(FrameDecorator):
    """One Python call in the machine frame an interrupt stopped."""

    def __init__(self, base, function, filename, line, address, args):
        super().__init__(base)
        self._function = function
        self._filename = filename
        self._line = line
        self._address = address
        self._args = args

    def function(self):
        return self._function

    def filename(self):
        return self._filename

    def line(self):
        return self._line

    def address(self):
        return self._address

    def frame_args(self):
        return self._args

    def frame_locals(self):
        return None


def _interrupted_calls(group):
    """The decorators for the frames of one interrupted machine frame (gdb's
    inline frames, then the real one), from the pc itself; None if gdb has
    no blocks there."""
    pc = group[0].inferior_frame().pc()
    block = gdb.block_for_pc(pc)
    functions = []
    while block is not None and not (block.is_global or block.is_static):
        if block.function is not None:
            functions.append(block.function)
        block = block.superblock
    where = gdb.find_pc_line(pc)
    if not functions or where.symtab is None:
        return None
    # Innermost first: the line at pc, then each inlined function's call site.
    places = [(where.symtab.filename, where.line)]
    places += [(f.symtab.filename if f.symtab else "??", f.line) for f in functions[:-1]]
    # gdb numbers a line by the frame under it, once: the outermost calls
    # keep gdb's frames (and numbers, so that `frame N` selects the same
    # function), the innermost ones share the first, and only the first
    # line has the number and the address.
    surplus = len(functions) - len(group)
    calls = []
    for depth, (function, (filename, line)) in enumerate(zip(functions, places)):
        real = depth == len(functions) - 1
        base = group[min(max(depth - surplus, 0), len(group) - 1)]
        calls.append(_InterruptedCall(base, function.print_name, filename, line,
                                      pc if depth == 0 else None,
                                      base.frame_args() if real else None))
    return calls


class PythosInterruptedFrames:
    """Frame filter: the frames under an interrupt handler, from its pc."""

    def __init__(self):
        self.name = "pythos-interrupted"
        self.priority = 100
        self.enabled = True
        gdb.frame_filters[self.name] = self

    def filter(self, frames):
        return self._frames(frames)

    def _frames(self, frames):
        interrupted = False
        group = []
        for decorator in frames:
            frame = decorator.inferior_frame()
            if interrupted:
                group.append(decorator)
                if frame.type() == gdb.INLINE_FRAME:
                    continue
                yield from _interrupted_calls(group) or group
                group = []
                interrupted = False
            else:
                yield decorator
            interrupted = frame.type() == gdb.NORMAL_FRAME and \
                _interrupt_handler(frame.pc()) is not None
        yield from group


PythosInterruptedFrames()
end
