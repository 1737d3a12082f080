# syscheck: the system calls' argument checks, seen from user space.  Each
# check that fails exits with its number; all passing prints a line and
# exits with 0.
        .globl _start
        .text
_start:
        # 1: a buffer in the kernel half is -EFAULT, not a kernel fault.
        mov     $1, %eax
        mov     $1, %edi
        movabs  $0xffff800000000000, %rsi
        mov     $8, %edx
        syscall
        mov     $1, %ebx
        cmp     $-14, %rax
        jne     fail
        # 2: an unmapped buffer in the user half is -EFAULT.
        mov     $1, %eax
        mov     $1, %edi
        mov     $0x10000000, %esi
        mov     $8, %edx
        syscall
        mov     $2, %ebx
        cmp     $-14, %rax
        jne     fail
        # 3: a length that runs past the end of the user half is -EFAULT.
        mov     $1, %eax
        mov     $1, %edi
        lea     message(%rip), %rsi
        movabs  $0x7fffffffffffffff, %rdx
        syscall
        mov     $3, %ebx
        cmp     $-14, %rax
        jne     fail
        # 4: an fd that is not open is -EBADF.
        mov     $1, %eax
        mov     $99, %edi
        lea     message(%rip), %rsi
        mov     $length, %edx
        syscall
        mov     $4, %ebx
        cmp     $-9, %rax
        jne     fail
        # 5: an unknown system call is -ENOSYS.
        mov     $100000, %eax
        syscall
        mov     $5, %ebx
        cmp     $-38, %rax
        jne     fail
        # 6: getpid is positive, and registers other than rax/rcx/r11 survive.
        mov     $0x1234, %r12
        mov     $0x5678, %rdi
        mov     $39, %eax
        syscall
        mov     $6, %ebx
        cmp     $0, %rax
        jle     fail
        cmp     $0x1234, %r12
        jne     fail
        cmp     $0x5678, %rdi
        jne     fail
        # 7: writing the message returns its length.
        mov     $1, %eax
        mov     $1, %edi
        lea     message(%rip), %rsi
        mov     $length, %edx
        syscall
        mov     $7, %ebx
        cmp     $length, %rax
        jne     fail
        xor     %ebx, %ebx
fail:
        mov     $60, %eax
        mov     %ebx, %edi
        syscall
        ud2

        .section .rodata
message:
        .ascii  "syscheck: every check passed\n"
        .set    length, . - message
        .section .note.GNU-stack, "", @progbits
