# bench_switch: the cost of a context switch between two processes.
#
# It spawns yielder, which does nothing but `yield` in a loop, then times
# ROUNDS of its own `yield` with rdtsc.  With only the two of them READY
# (the kernel task is idle), each of its yields runs yielder until
# yielder's next yield, and back: two switches per round, each from one
# process's `syscall` to the other's next user instruction, plus each
# side's loop (3 instructions here, 3 in yielder).  It prints the
# instructions per switch, under QEMU's -icount where rdtsc counts them
# (bench_getpid.s explains), loops included:
#   bench: context switch 151
        .include "syscalls.inc"
        .globl _start
        .set    ROUNDS, 1000
        .text
_start:
        mov     $SYS_SPAWN, %eax
        lea     name_yielder(%rip), %rdi
        mov     $name_yielder_length, %esi
        xor     %edx, %edx
        xor     %r10d, %r10d
        syscall
        test    %rax, %rax
        jle     exit_failure
        mov     %rax, %r15              # r15: yielder's pid
        mov     $SYS_YIELD, %eax        # warm up: yielder has run once
        syscall
        lfence
        rdtsc
        shl     $32, %rdx
        or      %rax, %rdx
        mov     %rdx, %r12              # r12: start
        mov     $ROUNDS, %r13d
1:      mov     $SYS_YIELD, %eax
        syscall
        dec     %r13d
        jnz     1b
        lfence
        rdtsc
        shl     $32, %rdx
        or      %rax, %rdx
        sub     %r12, %rdx
        mov     %rdx, %rax
        xor     %edx, %edx
        mov     $2 * ROUNDS, %ecx
        div     %rcx
        mov     %rax, %r12              # r12: instructions per switch
        mov     $SYS_KILL, %eax
        mov     %r15, %rdi
        syscall
        mov     $SYS_WAIT, %eax
        mov     %r15, %rdi
        syscall
        SAY     said
        mov     %r12, %rdi
        call    print_dec
        SAY     newline
        xor     %edi, %edi
        jmp     exit

        STRING  name_yielder, "yielder"
        STRING  said, "bench: context switch "
        .section .note.GNU-stack, "", @progbits
