"""Switching the CPU from one task's kernel stack to another's.

A task that does not run is parked *on its own kernel stack*: everything
needed to resume it is stored there, and the task table keeps only the
stack pointer (``Task.context``).  ``switch(save_to, resume)`` is the whole
context switch:

    push the callee-saved registers (rbp rbx r12 r13 r14 r15) on this stack
    save RSP in *save_to
    load RSP from resume
    pop the other task's callee-saved registers
    ret                  into wherever that task called switch from

Only the callee-saved registers need saving here, because ``switch`` is an
ordinary call: its caller has already treated every other register as
clobbered.  The registers of interrupted *user* code are saved one level
up, by the way the kernel was entered: an interrupt from ring 3 pushes
SS/RSP/RFLAGS/CS/RIP (the CPU) and every register the handler touches
(``@interrupt`` functions use the x86_intrcc convention, which saves all
of them); a ``syscall`` saves the user RSP, RIP and RFLAGS and the
argument registers (kernel/arch/x86_64/syscall.py).  So a task stopped by
the timer in ring 3 looks like this while another runs::

    its kernel stack (top = TSS.RSP0 while it ran)
    +--------------------------------+  stack_top
    | SS RSP RFLAGS CS RIP            |  pushed by the CPU
    | rax rcx rdx rsi rdi r8-r11 ...  |  saved by the @interrupt handler
    | the timer handler's frames      |
    | return address into schedule    |
    | rbp rbx r12 r13 r14 r15         |  pushed by switch
    +--------------------------------+  <- Task.context

and resuming it is the same path backwards: ``switch`` pops and returns,
the handler returns, restores every register and executes ``iretq``.

A new task has never called ``switch``, so ``start_stack`` builds the stack
it would have: six zero registers, a return address of
``pythos_task_start``, the program's two entry arguments and an ``iretq``
frame for ring 3.  ``pythos_task_start`` calls ``pythos_task_first_run``
(kernel/proc/process.py: a task killed before it ever ran ends there),
loads RDI and RSI, clears every other register so no kernel value leaks
to the program, and enters ring 3 with ``iretq``.

Safety for all of this: interrupts are off during ``switch``, and both
stacks are kernel stacks mapped in every address space.
"""

from typing import Final

from kernel.arch.x86_64.gdt import USER_CODE_SELECTOR, USER_DATA_SELECTOR
from pythos.lang import Ptr, asm, extern, global_asm, u64

# RFLAGS for a new task in ring 3: IF (interrupts on) and the reserved bit 1.
USER_RFLAGS: Final = u64(0x202)
# How many u64 slots ``start_stack`` writes below the top.
START_FRAME_WORDS: Final = u64(14)

global_asm("""
    .text
    .globl pythos_switch_context
    .type pythos_switch_context, @function
pythos_switch_context:              # (rdi = where to save RSP, rsi = RSP to resume)
    pushq %rbp
    pushq %rbx
    pushq %r12
    pushq %r13
    pushq %r14
    pushq %r15
    movq %rsp, (%rdi)
    movq %rsi, %rsp
    popq %r15
    popq %r14
    popq %r13
    popq %r12
    popq %rbx
    popq %rbp
    ret
    .size pythos_switch_context, . - pythos_switch_context

    .globl pythos_task_start
    .type pythos_task_start, @function
pythos_task_start:                  # stack: rdi, rsi, then the iretq frame
    subq $8, %rsp                   # 16-byte alignment for the call
    call pythos_task_first_run
    addq $8, %rsp
    popq %rdi
    popq %rsi
    xorl %eax, %eax
    xorl %ebx, %ebx
    xorl %ecx, %ecx
    xorl %edx, %edx
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
    .size pythos_task_start, . - pythos_task_start
""")


@extern("pythos_switch_context")
def switch(save_to: Ptr[u64], resume: u64) -> None:
    """Park the running task (its RSP goes to ``save_to``) and resume the task
    whose saved RSP is ``resume``; returns when someone switches back.

    Safety: interrupts off; ``resume`` came from ``switch`` or ``start_stack``.
    """
    ...


def task_start_address() -> u64:
    """Where a new task's first ``switch`` returns to."""
    return asm("leaq pythos_task_start(%rip), $0", "=r", result=u64)


def start_stack(top: u64, rip: u64, rsp: u64, rdi: u64, rsi: u64) -> u64:
    """Build a new task's first frame below ``top`` (16-byte aligned); return
    the ``context`` to resume it with.  It enters ring 3 at ``rip`` with
    stack ``rsp`` and RDI, RSI set, interrupts on.

    Safety: ``top`` is the top of a mapped kernel stack nobody uses.
    """
    words = Ptr[u64](top - START_FRAME_WORDS * 8)
    for i in range(u64(6)):  # r15 r14 r13 r12 rbx rbp
        words[i] = u64(0)
    words[6] = task_start_address()
    words[7] = rdi
    words[8] = rsi
    words[9] = rip
    words[10] = u64(USER_CODE_SELECTOR)
    words[11] = USER_RFLAGS
    words[12] = rsp
    words[13] = u64(USER_DATA_SELECTOR)
    return words.addr
