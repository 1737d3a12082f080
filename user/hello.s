# hello: the first user program.  It writes one line to standard output
# and exits, through the two system calls it needs.  The numbers and the
# registers are Linux's (rax = number; rdi, rsi, rdx = arguments), so the
# same file runs on Linux too: tests/user/test_programs.py checks it there.
#
# Pythos has no compiler target for user programs yet (docs/userspace.md),
# so this one is written in assembly; the build assembles and links it.

        .globl _start
        .text
_start:
        mov     $1, %eax                # write(
        mov     $1, %edi                #   fd 1, standard output
        lea     message(%rip), %rsi     #   the text
        mov     $length, %edx           #   its length)
        syscall
        mov     $60, %eax               # exit(
        xor     %edi, %edi              #   status 0)
        syscall
        ud2                             # exit does not return

        .section .rodata
message:
        .ascii  "hello from user space\n"
        .set    length, . - message
        .section .note.GNU-stack, "", @progbits
