# bench_spawn: the cost of starting a process and waiting for its end.
#
# It times, with rdtsc, from just before its `spawn` of `true` (which only
# calls `exit`) to just after its `wait` for it returns: the kernel finds
# and checks the ELF file, makes the address space, maps and copies the
# segments and the stack, queues the child; the parent blocks in `wait`,
# the child runs its two instructions, `exit` frees its address space and
# wakes the parent, which reaps it (kernel stack and slot) and returns.
# Under QEMU's -icount the counts are retired instructions (bench_getpid.s
# explains).  It does this ROUNDS times after one warm-up round and prints
# the smallest count, a round that no timer tick fell into:
#   bench: spawn to exit of true N
        .include "syscalls.inc"
        .globl _start
        .set    ROUNDS, 20
        .text
_start:
        call    round                   # warm up
        mov     $-1, %r14               # r14: the smallest count so far
        mov     $ROUNDS, %r15d
1:      call    round
        cmp     %r14, %rax
        cmovb   %rax, %r14
        dec     %r15d
        jnz     1b
        SAY     said
        mov     %r14, %rdi
        call    print_dec
        SAY     newline
        xor     %edi, %edi
        jmp     exit

# One spawn of true and its wait: rax = the instructions between the
# two rdtsc readings (the rdtsc itself and the bookkeeping included, a
# dozen instructions).  Exits with status 1 if either call fails or true
# does not exit with 0.
round:
        lfence
        rdtsc
        shl     $32, %rdx
        or      %rax, %rdx
        mov     %rdx, %r12              # r12: start
        mov     $SYS_SPAWN, %eax
        lea     name_true(%rip), %rdi
        mov     $name_true_length, %esi
        xor     %edx, %edx
        xor     %r10d, %r10d
        syscall
        test    %rax, %rax
        jle     exit_failure
        mov     %rax, %rdi
        mov     $SYS_WAIT, %eax
        syscall
        test    %rax, %rax
        jnz     exit_failure
        lfence
        rdtsc
        shl     $32, %rdx
        or      %rdx, %rax
        sub     %r12, %rax
        ret

        STRING  name_true, "true"
        STRING  said, "bench: spawn to exit of true "
        .section .note.GNU-stack, "", @progbits
