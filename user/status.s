# status: exit with the status its argument line gives (a decimal number),
# so a parent can check what wait returns.
        .include "syscalls.inc"
        .globl _start
        .text
_start:
        # rdi = the argument line, rsi = its length (docs/userspace.md)
        call    parse_dec
        mov     %eax, %edi
        jmp     exit
        .section .note.GNU-stack, "", @progbits
