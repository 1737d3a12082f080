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
#
# It makes the CPU's entry a frame of its own, as gdb shows a Unix signal:
# the handler's caller is `__interrupt_entry` (kernel/arch/x86_64/idt.py),
# with RSP at the interrupt frame.  That address has call frame
# information of its own that marks it as a signal frame and reads RIP and
# RSP from the interrupt frame, so gdb's own unwinder takes over from
# there, and -- what an unwinder written in Python cannot do -- looks the
# interrupted code up at its exact RIP, the faulting instruction, rather
# than one byte before it as for a return address.  `bt`, `frame N`,
# `info frame`, `info locals` and `list` all see the same line and the
# same inlined calls there:
#
#     #1  vector14 (frame=..., error_code=0) at .../vectors.py:105
#     #2  <signal handler called>
#     #3  0x... in nested_3 () at kernel/crashtest.py:70
#
# A kernel without `__interrupt_entry` gets the interrupted frame directly
# (with gdb's one-byte-back lookup).
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


def _interrupt_entry():
    """The address of `__interrupt_entry`, or None in a kernel without it."""
    try:
        return int(gdb.parse_and_eval("&__interrupt_entry"))
    except gdb.error:
        return None


class PythosInterruptUnwinder(Unwinder):
    """The caller of an @interrupt handler is the CPU's entry into it."""

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
        entry = _interrupt_entry()
        if entry is not None:
            unwind.add_saved_register("rip", gdb.Value(entry).cast(u64))
            unwind.add_saved_register("rsp", gdb.Value(rip_at).cast(u64))
        else:
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
