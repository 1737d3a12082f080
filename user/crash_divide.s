# crash_divide: divides by zero (#DE).
        .globl _start
        .text
_start:
        xorl    %ecx, %ecx
        movl    $1, %eax
        xorl    %edx, %edx
        divl    %ecx
        ud2
        .section .note.GNU-stack, "", @progbits
