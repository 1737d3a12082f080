"""The ``syscall`` instruction: how a user program enters the kernel.

``syscall`` is the fast way from ring 3 to ring 0.  It does not touch the
stack or the IDT; the CPU only swaps a few registers, as the MSRs set up
by ``init`` say:

    MSR     value                   what the CPU does with it
    EFER    bit 0 (SCE) set         without it ``syscall`` is #UD
    STAR    [47:32] = 0x08          syscall: CS = 0x08, SS = 0x10
            [63:48] = 0x10          sysret:  SS = 0x10 + 8 = 0x18 | 3,
                                             CS = 0x10 + 16 = 0x20 | 3
    LSTAR   pythos_syscall_entry    where ``syscall`` jumps
    SFMASK  IF | TF | DF | AC       RFLAGS bits cleared on entry

On entry RCX holds the user's return address, R11 its RFLAGS, and RSP is
still the *user* stack: the entry stub below must not push anything
before it has switched to a kernel stack.  Pythos runs one CPU and one
user program at a time, so the kernel stack's top is a plain global
(``pythos_syscall_kernel_rsp``, set by ``usermode.enter``) and the user
RSP is parked in another; with several CPUs these would live in a per-CPU
area reached with ``swapgs``, which is why Linux uses it.  Interrupts stay
off for the whole call (SFMASK clears IF): the calls so far are short.

The calling convention is Linux's, so the same program binary can run on
both: RAX the number, RDI, RSI, RDX, R10, R8, R9 the arguments, RAX the
result; RCX and R11 are destroyed, every other register is preserved.
The stub saves the argument registers the C-like handler may clobber,
calls ``pythos_syscall_dispatch(number, a0, a1, a2)`` (kernel/proc/
syscalls.py), and returns with ``sysretq``.

``sysretq`` to a non-canonical RCX would fault in ring 0 with the user's
RSP; a user program's code never reaches the last page of the user half
(kernel/proc/elf.py refuses it), so the address after a ``syscall`` is
always canonical.
"""

from typing import Final

from kernel.arch.x86_64.gdt import KERNEL_CODE_SELECTOR, KERNEL_DATA_SELECTOR
from pythos.lang import asm, global_asm, rdmsr, u32, u64, wrmsr

MSR_EFER: Final = u32(0xC0000080)
MSR_STAR: Final = u32(0xC0000081)
MSR_LSTAR: Final = u32(0xC0000082)
MSR_SFMASK: Final = u32(0xC0000084)
EFER_SCE: Final = u64(1)
# RFLAGS bits cleared on entry: TF (8), IF (9), DF (10), AC (18).
SFMASK_BITS: Final = u64((1 << 8) | (1 << 9) | (1 << 10) | (1 << 18))

global_asm("""
    .section .bss
    .balign 8
    .globl pythos_syscall_kernel_rsp
pythos_syscall_kernel_rsp:
    .quad 0
pythos_syscall_user_rsp:
    .quad 0

    .text
    .globl pythos_syscall_entry
    .type pythos_syscall_entry, @function
pythos_syscall_entry:
    movq %rsp, pythos_syscall_user_rsp(%rip)
    movq pythos_syscall_kernel_rsp(%rip), %rsp
    pushq pythos_syscall_user_rsp(%rip)
    pushq %rcx                  # user RIP
    pushq %r11                  # user RFLAGS
    pushq %rdi
    pushq %rsi
    pushq %rdx
    pushq %r8
    pushq %r9
    pushq %r10
    subq $8, %rsp               # 10 slots: RSP 16-byte aligned at the call
    movq %rdx, %rcx             # dispatch(number, a0, a1, a2)
    movq %rsi, %rdx
    movq %rdi, %rsi
    movq %rax, %rdi
    call pythos_syscall_dispatch
    addq $8, %rsp
    popq %r10
    popq %r9
    popq %r8
    popq %rdx
    popq %rsi
    popq %rdi
    popq %r11
    popq %rcx
    popq %rsp                   # the user stack again
    sysretq
    .size pythos_syscall_entry, . - pythos_syscall_entry
""")


def entry_address() -> u64:
    """The address of the entry stub (LSTAR's value)."""
    return asm("leaq pythos_syscall_entry(%rip), $0", "=r", result=u64)


def init() -> None:
    """Enable ``syscall`` and point it at the entry stub (see the table above)."""
    star = (u64(KERNEL_DATA_SELECTOR) << 48) | (u64(KERNEL_CODE_SELECTOR) << 32)
    wrmsr(MSR_STAR, star)
    wrmsr(MSR_LSTAR, entry_address())
    wrmsr(MSR_SFMASK, SFMASK_BITS)
    wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_SCE)
