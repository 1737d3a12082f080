# crash_privileged: executes hlt, a ring-0 instruction (#GP in ring 3).
        .globl _start
        .text
_start:
        hlt
        ud2
        .section .note.GNU-stack, "", @progbits
