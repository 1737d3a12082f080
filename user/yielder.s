# yielder: gives up the CPU in a loop forever (bench_switch's partner).
        .globl _start
        .text
_start:
        mov     $24, %eax               # yield
        syscall
        jmp     _start
        .section .note.GNU-stack, "", @progbits
