# true: exit with status 0 at once (spawnloop starts it many times).
        .globl _start
        .text
_start:
        mov     $60, %eax
        xor     %edi, %edi
        syscall
        ud2
        .section .note.GNU-stack, "", @progbits
