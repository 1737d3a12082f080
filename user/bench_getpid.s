# bench_getpid: the cost of a null system call, in instructions.
#
# Under QEMU's -icount (bench/kernel.py, tests/qemu/test_userspace.py) the
# time-stamp counter counts retired instructions, so the difference of two
# rdtsc readings is exact.  The program times a getpid round trip and an
# empty rdtsc pair the same way; the difference is the `syscall`, the
# kernel's entry, dispatch and `sysretq`, plus one `mov` (subtracted), and
# prints "bench: getpid round trip N".  Without -icount the number is in
# TSC ticks, not instructions.

        .globl _start
        .text
_start:
        rdtsc                           # timed: mov $39 + the system call
        shl     $32, %rdx
        or      %rdx, %rax
        mov     %rax, %r12
        mov     $39, %eax
        syscall
        rdtsc
        shl     $32, %rdx
        or      %rdx, %rax
        sub     %r12, %rax
        mov     %rax, %r13
        rdtsc                           # the same, with nothing in between
        shl     $32, %rdx
        or      %rdx, %rax
        mov     %rax, %r12
        rdtsc
        shl     $32, %rdx
        or      %rdx, %rax
        sub     %r12, %rax
        sub     %rax, %r13
        dec     %r13                    # the mov $39

        mov     $1, %eax                # write(1, prefix, its length)
        mov     $1, %edi
        lea     prefix(%rip), %rsi
        mov     $prefix_length, %edx
        syscall

        mov     %r13, %rax              # the number in decimal, then a newline
        lea     digits+31(%rip), %rsi
        movb    $10, (%rsi)
        mov     $1, %r8d
        mov     $10, %ecx
1:      xor     %edx, %edx
        div     %rcx
        add     $48, %dl
        dec     %rsi
        mov     %dl, (%rsi)
        inc     %r8
        test    %rax, %rax
        jnz     1b
        mov     $1, %eax
        mov     $1, %edi
        mov     %r8, %rdx
        syscall

        mov     $60, %eax
        xor     %edi, %edi
        syscall
        ud2

        .section .rodata
prefix:
        .ascii  "bench: getpid round trip "
        .set    prefix_length, . - prefix

        .bss
        .lcomm  digits, 32
        .section .note.GNU-stack, "", @progbits
