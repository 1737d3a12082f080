# sleeper: sleeps as many milliseconds as its argument line says (100
# without one), measures the time with uptime_ms around the sleep, and
# prints both: "sleeper: asked 100 ms, slept 101 ms".
        .include "syscalls.inc"
        .globl _start
        .text
_start:
        ARGUMENT_OR 100
        mov     %rax, %r12              # r12: the time asked
        mov     $SYS_UPTIME_MS, %eax
        syscall
        mov     %rax, %r13              # r13: uptime before
        mov     $SYS_SLEEP_MS, %eax
        mov     %r12, %rdi
        syscall
        mov     %rax, %r14              # r14: sleep_ms's result (0)
        mov     $SYS_UPTIME_MS, %eax
        syscall
        sub     %r13, %rax
        mov     %rax, %r13              # r13: the time slept
        SAY     asked
        mov     %r12, %rdi
        call    print_dec
        SAY     slept
        mov     %r13, %rdi
        call    print_dec
        SAY     ms
        mov     %r14, %rdi
        jmp     exit

        STRING  asked, "sleeper: asked "
        STRING  slept, " ms, slept "
        STRING  ms, " ms\n"
        .section .note.GNU-stack, "", @progbits
