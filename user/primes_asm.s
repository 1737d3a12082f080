# primes_asm: CPU-bound.  Finds primes by trial division and prints a progress
# line every 1000 primes ("primes 3: 2000 found, the last 17389").  The
# argument line, if any, is how many thousands to find before exiting;
# without one it runs until it is killed.  Two of them side by side show
# the scheduler sharing the CPU: both lines keep coming.
        .include "syscalls.inc"
        .globl _start
        .text
_start:
        call    parse_dec
        imul    $1000, %rax, %r15       # r15: primes to find (0: forever)
        mov     $SYS_GETPID, %eax
        syscall
        mov     %rax, %r14              # r14: our pid, for the progress lines
        xor     %r12d, %r12d            # r12: primes found
        mov     $1, %r13                # r13: the candidate
next:
        inc     %r13
        mov     $2, %rbx                # rbx: the divisor
try:
        mov     %rbx, %rax
        imul    %rbx, %rax
        cmp     %r13, %rax
        ja      prime                   # divisor squared > candidate
        mov     %r13, %rax
        xor     %edx, %edx
        div     %rbx
        test    %rdx, %rdx
        jz      next                    # divisible: not prime
        inc     %rbx
        jmp     try
prime:
        inc     %r12
        mov     %r12, %rax
        xor     %edx, %edx
        mov     $1000, %ecx
        div     %rcx
        test    %rdx, %rdx
        jnz     next
        SAY     label
        mov     %r14, %rdi
        call    print_dec
        SAY     colon
        mov     %r12, %rdi
        call    print_dec
        SAY     found
        mov     %r13, %rdi
        call    print_dec
        SAY     newline
        cmp     %r15, %r12
        jne     next
        xor     %edi, %edi
        jmp     exit

        STRING  label, "primes "
        STRING  colon, ": "
        STRING  found, " found, the last "
        .section .note.GNU-stack, "", @progbits
