# hello_asm: a user program in assembly.  It writes one line to standard
# output and exits, through the two system calls it needs.  The numbers
# and the registers are Linux's (rax = number; rdi, rsi, rdx = arguments),
# so the same file runs on Linux too: tests/user/test_initrd_build.py
# checks it there.  user/hello.py is its counterpart in Python, compiled
# for the user target.

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
