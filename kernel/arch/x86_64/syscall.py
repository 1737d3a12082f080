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
before it has switched to a kernel stack.  Which stack?  The running
task's own (each task has one, kernel/proc/process.py), whose top the
scheduler writes into the *per-CPU area* on every switch, next to TSS.RSP0.
The stub reaches that area through GS, the way Linux does:

    MSR              holds                    while
    GS.base          0 (whatever ring 3 set)  ring 3 and all kernel code
    KERNEL_GS_BASE   &cpu_area                the same

``swapgs`` exchanges the two, so right after it ``%gs:0`` is the kernel
stack's top and ``%gs:8`` a scratch slot for the user RSP; a second
``swapgs`` puts the user's GS base back before anything else runs.  The
window between the two is a handful of instructions with interrupts off
(SFMASK clears IF), so no interrupt, exception or task switch ever sees
the kernel's GS base, and interrupt handlers never need a ``swapgs`` of
their own.  On a machine with several CPUs each would point
KERNEL_GS_BASE at its own area; nothing else in the stub would change.

Interrupts stay off for the whole call.  A call that must wait (``read``,
``wait``, ``sleep_ms``) blocks inside the kernel: the scheduler switches
to another task's kernel stack, and this one's frames wait on its own
stack until it is woken and ``sysretq`` finally runs.

The calling convention is Linux's, so the same program binary can run on
both: RAX the number, RDI, RSI, RDX, R10, R8, R9 the arguments, RAX the
result; RCX and R11 are destroyed, every other register is preserved.
The stub saves the argument registers the C-like handler may clobber,
calls ``pythos_syscall_dispatch(number, a0, a1, a2, a3)`` (kernel/proc/
syscalls.py), and returns with ``sysretq``.

``sysretq`` to a non-canonical RCX would fault in ring 0 with the user's
RSP; a user program's code never reaches the last page of the user half
(kernel/proc/elf.py refuses it), so the address after a ``syscall`` is
always canonical.
"""

from typing import Final

from kernel.arch.x86_64.gdt import KERNEL_CODE_SELECTOR, KERNEL_DATA_SELECTOR
from pythos.lang import addr_of, asm, global_asm, rdmsr, struct, u32, u64, wrmsr

MSR_EFER: Final = u32(0xC0000080)
MSR_STAR: Final = u32(0xC0000081)
MSR_LSTAR: Final = u32(0xC0000082)
MSR_SFMASK: Final = u32(0xC0000084)
MSR_GS_BASE: Final = u32(0xC0000101)
MSR_KERNEL_GS_BASE: Final = u32(0xC0000102)
EFER_SCE: Final = u64(1)
# RFLAGS bits cleared on entry: TF (8), IF (9), DF (10), AC (18).
SFMASK_BITS: Final = u64((1 << 8) | (1 << 9) | (1 << 10) | (1 << 18))

global_asm("""
    .text
    .globl pythos_syscall_entry
    .type pythos_syscall_entry, @function
pythos_syscall_entry:
    swapgs                      # GS.base = &cpu_area
    movq %rsp, %gs:8            # cpu_area.user_rsp
    movq %gs:0, %rsp            # cpu_area.kernel_rsp: this task's kernel stack
    pushq %gs:8                 # the user RSP, on the kernel stack
    swapgs                      # the user's GS.base again
    pushq %rcx                  # user RIP
    pushq %r11                  # user RFLAGS
    pushq %rdi
    pushq %rsi
    pushq %rdx
    pushq %r8
    pushq %r9
    pushq %r10
    subq $8, %rsp               # 10 slots: RSP 16-byte aligned at the call
    movq %r10, %r8              # dispatch(number, a0, a1, a2, a3)
    movq %rdx, %rcx
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


@struct
class CpuArea:
    """What the syscall entry stub reads through GS (offsets are in the stub)."""

    kernel_rsp: u64  # offset 0: the running task's kernel stack top
    user_rsp: u64  # offset 8: scratch for the user RSP during the entry


cpu_area = CpuArea()


def set_kernel_stack(top: u64) -> None:
    """The stack the next ``syscall`` runs on (the scheduler calls this, with
    gdt.set_kernel_stack for interrupts, on every switch to a process)."""
    cpu_area.kernel_rsp = top


def entry_address() -> u64:
    """The address of the entry stub (LSTAR's value)."""
    return asm("leaq pythos_syscall_entry(%rip), $0", "=r", result=u64)


def init() -> None:
    """Enable ``syscall`` and point it at the entry stub (see the table above)."""
    star = (u64(KERNEL_DATA_SELECTOR) << 48) | (u64(KERNEL_CODE_SELECTOR) << 32)
    wrmsr(MSR_STAR, star)
    wrmsr(MSR_LSTAR, entry_address())
    wrmsr(MSR_SFMASK, SFMASK_BITS)
    wrmsr(MSR_GS_BASE, u64(0))
    wrmsr(MSR_KERNEL_GS_BASE, addr_of(cpu_area).addr)
    wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_SCE)
