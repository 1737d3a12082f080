"""What the two user-space platforms share: the entry point and `syscall`.

A program for Linux (`pythos/rt/linux.py`) and one for Pythos itself
(`pythos/rt/user.py`) start the same way and enter their kernel the same
way, because Pythos chose Linux's conventions on purpose
(docs/userspace.md):

* the kernel jumps to `_start` with the stack pointer at the top of the
  stack; `_start` notes that stack pointer, RDI and RSI
  (`entry_registers`: Linux leaves the argument count and vector on the
  stack, Pythos passes the argument line in RDI and RSI, and each
  platform's `platform_args_line` reads its own), aligns the stack to 16
  bytes, as the System V ABI expects at a call, and calls `pythos_start`,
  which the compiler generates to run `main()` and then `exit_program()`;
* a system call takes its number in RAX and its arguments in RDI, RSI,
  RDX, R10 (then R8, R9), returns its result in RAX, and destroys RCX and
  R11, where the `syscall` instruction keeps the return address and the
  flags.  A negative result is an error number (-errno).

Write is number 1 on both kernels (SYS_WRITE in pythos/rt/sysabi.py), so
the loop that writes a whole buffer is shared too.
"""

from typing import Final

from pythos.lang import Ptr, asm, global_asm, i32, i64, u8, u64
from pythos.rt.sysabi import SYS_WRITE

global_asm("""
    .text
    .globl _start
    .type _start, @function
_start:
    movq %rsp, pythos_entry_registers(%rip)
    movq %rdi, pythos_entry_registers+8(%rip)
    movq %rsi, pythos_entry_registers+16(%rip)
    xorl %ebp, %ebp
    andq $-16, %rsp
    call pythos_start
    ud2

    .bss
    .balign 8
    .globl pythos_entry_registers
    .hidden pythos_entry_registers
pythos_entry_registers:
    .zero 24
    .text
""")

# The slots of `entry_registers`.
ENTRY_RSP: Final = 0
ENTRY_RDI: Final = 1
ENTRY_RSI: Final = 2


def entry_registers() -> Ptr[u64]:
    """RSP, RDI and RSI as the kernel handed them to `_start` (slots
    ENTRY_RSP, ENTRY_RDI, ENTRY_RSI).  They live in assembly-defined
    storage, which the compiler cannot assume to be zero.  The symbol is
    global (hidden) rather than local to the runtime's object: this
    function, and the `leaq` that names it, may be copied into the
    program's own object (pythos/rtsplit.py, "Private copies")."""
    return Ptr[u64](asm("leaq pythos_entry_registers(%rip), $0", "=r", result=u64))


def syscall4(number: u64, a0: u64, a1: u64, a2: u64, a3: u64) -> i64:
    """Make system call `number` with four arguments and return RAX.  The
    `memory` clobber tells the compiler that the kernel may have read or
    written any buffer the arguments point to."""
    return asm("syscall", "={rax},{rax},{rdi},{rsi},{rdx},{r10},~{rcx},~{r11},~{memory}",
               number, a0, a1, a2, a3, result=i64)


def syscall6(number: u64, a0: u64, a1: u64, a2: u64, a3: u64, a4: u64, a5: u64) -> i64:
    """The same with six arguments (Linux's `mmap` takes six)."""
    return asm("syscall",
               "={rax},{rax},{rdi},{rsi},{rdx},{r10},{r8},{r9},~{rcx},~{r11},~{memory}",
               number, a0, a1, a2, a3, a4, a5, result=i64)


# The same with fewer arguments: the unused registers get zero, which
# costs an instruction each and keeps one copy of the constraints.
def syscall0(number: u64) -> i64:
    return syscall4(number, 0, 0, 0, 0)


def syscall1(number: u64, a0: u64) -> i64:
    return syscall4(number, a0, 0, 0, 0)


def syscall2(number: u64, a0: u64, a1: u64) -> i64:
    return syscall4(number, a0, a1, 0, 0)


def syscall3(number: u64, a0: u64, a1: u64, a2: u64) -> i64:
    return syscall4(number, a0, a1, a2, 0)


def write_all(fd: i32, data: Ptr[u8], length: u64) -> None:
    """Write `length` bytes, calling write again after a short write; stop
    at an error, since a program has nowhere left to report it."""
    done: u64 = 0
    while done < length:
        n = syscall3(SYS_WRITE, u64(fd), (data + done).addr, length - done)
        if n <= 0:
            return
        done += u64(n)
