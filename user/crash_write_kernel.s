# crash_write_kernel: writes to the kernel half, which ring 3 may not touch.
# The kernel must kill it with a one-line page-fault report and go on.
        .globl _start
        .text
_start:
        movabs  $0xffff800000000000, %rax
        movq    $1, (%rax)
        ud2
        .section .note.GNU-stack, "", @progbits
