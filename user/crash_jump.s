# crash_jump: jumps to an address where nothing is mapped (a page fault on
# the instruction fetch).
        .globl _start
        .text
_start:
        movl    $0x10, %eax
        jmp     *%rax
        .section .note.GNU-stack, "", @progbits
