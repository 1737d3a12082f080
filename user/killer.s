# killer: spawns spin, lets it run for 30 ms, kills it and waits for it:
#   killer: kill says 0, wait says 256, a second kill says -3
# (256: killed; -3: -ESRCH, it is gone).
        .include "syscalls.inc"
        .globl _start
        .text
_start:
        mov     $SYS_SPAWN, %eax
        lea     name_spin(%rip), %rdi
        mov     $name_spin_length, %esi
        xor     %edx, %edx
        xor     %r10d, %r10d
        syscall
        test    %rax, %rax
        js      exit_failure
        mov     %rax, %r15              # r15: spin's pid
        mov     $SYS_SLEEP_MS, %eax
        mov     $30, %edi
        syscall
        mov     $SYS_KILL, %eax
        mov     %r15, %rdi
        syscall
        mov     %rax, %r12
        mov     $SYS_WAIT, %eax
        mov     %r15, %rdi
        syscall
        mov     %rax, %r13
        mov     $SYS_KILL, %eax
        mov     %r15, %rdi
        syscall
        mov     %rax, %r14
        SAY     said_kill
        mov     %r12, %rdi
        call    print_dec
        SAY     said_wait
        mov     %r13, %rdi
        call    print_dec
        SAY     said_again
        mov     %r14, %rdi
        call    print_dec
        SAY     newline
        xor     %edi, %edi
        jmp     exit

        STRING  name_spin, "spin"
        STRING  said_kill, "killer: kill says "
        STRING  said_wait, ", wait says "
        STRING  said_again, ", a second kill says "
        .section .note.GNU-stack, "", @progbits
