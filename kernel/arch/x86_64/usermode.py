"""Entering ring 3, and coming back.

``enter(rip, rsp)`` runs user code until the program exits or faults,
then returns its status, like a function call.  It works like C's
``setjmp``/``longjmp``:

1. ``pythos_enter_user`` pushes the callee-saved registers, remembers the
   stack pointer in ``pythos_user_resume_rsp`` and makes that address the
   kernel stack for everything that happens while user code runs (TSS.RSP0
   for interrupts and exceptions, and the ``syscall`` stack), rounded
   down to 16 bytes;
2. it builds the frame ``iretq`` expects (SS, RSP, RFLAGS with IF set, CS,
   RIP: user selectors, RPL 3), clears every general register so no kernel
   value is visible in ring 3, and executes ``iretq``;
3. ``leave(status)``, called by the ``exit`` system call or by the fault
   handler for a user fault, loads the remembered stack pointer, pops the
   saved registers and returns ``status`` from ``pythos_enter_user``.

Everything the kernel did on the stack below the remembered pointer (the
system call or exception frames) is simply dropped: it belonged to the
program that is gone.  ``leave`` may be called with interrupts disabled
(from an exception or a system call); ``enter``'s caller turns them back on.

The stack while a program runs::

    higher  | enter()'s caller ...              |
            | return address, rbx rbp r12-r15   |  <- pythos_user_resume_rsp
            | system call / interrupt frames    |     (= TSS.RSP0, syscall stack)
    lower   v                                   v
"""

from typing import Final

import kernel.arch.x86_64.gdt as gdt
from kernel.bytespan import ByteSpan
from pythos.lang import Ptr, extern, global_asm, i64, u64

global_asm("""
    .section .bss
    .balign 8
    .globl pythos_user_resume_rsp
pythos_user_resume_rsp:
    .quad 0

    .text
    .globl pythos_enter_user
    .type pythos_enter_user, @function
pythos_enter_user:                  # (rdi = rip, rsi = rsp, rdx = &TSS.RSP0) -> rax = status
    pushq %rbx
    pushq %rbp
    pushq %r12
    pushq %r13
    pushq %r14
    pushq %r15
    movq %rsp, pythos_user_resume_rsp(%rip)
    movq %rsp, %rax
    andq $-16, %rax
    movq %rax, pythos_syscall_kernel_rsp(%rip)
    movq %rax, (%rdx)               # TSS.RSP0: interrupts from ring 3 land here too
    pushq $0x1B                     # SS: user data, RPL 3
    pushq %rsi                      # RSP
    pushq $0x202                    # RFLAGS: IF
    pushq $0x23                     # CS: user code, RPL 3
    pushq %rdi                      # RIP
    xorl %eax, %eax
    xorl %ebx, %ebx
    xorl %ecx, %ecx
    xorl %edx, %edx
    xorl %esi, %esi
    xorl %edi, %edi
    xorl %ebp, %ebp
    xorl %r8d, %r8d
    xorl %r9d, %r9d
    xorl %r10d, %r10d
    xorl %r11d, %r11d
    xorl %r12d, %r12d
    xorl %r13d, %r13d
    xorl %r14d, %r14d
    xorl %r15d, %r15d
    iretq
    .size pythos_enter_user, . - pythos_enter_user

    .globl pythos_leave_user
    .type pythos_leave_user, @function
pythos_leave_user:                  # (rdi = status), never returns to its caller
    movq pythos_user_resume_rsp(%rip), %rsp
    movq %rdi, %rax
    popq %r15
    popq %r14
    popq %r13
    popq %r12
    popq %rbp
    popq %rbx
    ret
    .size pythos_leave_user, . - pythos_leave_user
""")

# What ``enter`` returns for a program killed by a fault.
KILLED: Final = i64(-1)

# Whether a user program is running (between enter and leave), and which:
# its pid and its name (bytes in the ramdisk), for fault reports.
running = False
current_pid = u64(0)
current_name = ByteSpan()


@extern("pythos_enter_user")
def enter_user(rip: u64, rsp: u64, rsp0: Ptr[u64]) -> i64:  # type: ignore[empty-body]
    """The assembly above: run user code, return the status given to leave."""
    ...


@extern("pythos_leave_user")
def leave_user(status: i64) -> None:
    ...


def enter(rip: u64, rsp: u64) -> i64:
    """Run user code at ``rip`` with stack ``rsp`` until ``leave``; return its status.

    Safety: the current page tables must map the program (user pages) and
    the kernel; ``rip`` and ``rsp`` must be user-half addresses.
    """
    global running
    running = True
    status = enter_user(rip, rsp, gdt.kernel_stack_slot())
    running = False
    return status


def leave(status: i64) -> None:
    """End the running program: ``enter`` returns ``status``.  Never returns."""
    leave_user(status)


def kill() -> None:
    """End the running program after a fault: ``enter`` returns KILLED."""
    leave_user(KILLED)
