# spin: an infinite loop in ring 3, to show that the timer takes the CPU
# back from a program that never makes a system call.  End it with kill.
        .globl _start
        .text
_start:
        jmp     _start
        .section .note.GNU-stack, "", @progbits
