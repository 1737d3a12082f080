# parent: spawns children and waits for them, printing what each call
# returns:
#   parent: spawned status, wait says 7
#   parent: spawned hello, wait(-1) says 0
#   parent: wait with no children says -10      (-ECHILD)
#   parent: spawn of a missing program says -2  (-ENOENT)
        .include "syscalls.inc"
        .globl _start
        .text
_start:
        # spawn("status", "7"); wait for that pid
        mov     $SYS_SPAWN, %eax
        lea     name_status(%rip), %rdi
        mov     $name_status_length, %esi
        lea     seven(%rip), %rdx
        mov     $seven_length, %r10d
        syscall
        test    %rax, %rax
        js      exit_failure
        mov     %rax, %rdi
        mov     $SYS_WAIT, %eax
        syscall
        mov     %rax, %r12
        SAY     said_status
        mov     %r12, %rdi
        call    print_dec
        SAY     newline

        # spawn("hello"); wait(-1)
        mov     $SYS_SPAWN, %eax
        lea     name_hello(%rip), %rdi
        mov     $name_hello_length, %esi
        xor     %edx, %edx
        xor     %r10d, %r10d
        syscall
        test    %rax, %rax
        js      exit_failure
        mov     $SYS_WAIT, %eax
        mov     $-1, %rdi
        syscall
        mov     %rax, %r12
        SAY     said_hello
        mov     %r12, %rdi
        call    print_dec
        SAY     newline

        # wait(-1) with no child left
        mov     $SYS_WAIT, %eax
        mov     $-1, %rdi
        syscall
        mov     %rax, %r12
        SAY     said_none
        mov     %r12, %rdi
        call    print_dec
        SAY     newline

        # spawn("nothere")
        mov     $SYS_SPAWN, %eax
        lea     name_missing(%rip), %rdi
        mov     $name_missing_length, %esi
        xor     %edx, %edx
        xor     %r10d, %r10d
        syscall
        mov     %rax, %r12
        SAY     said_missing
        mov     %r12, %rdi
        call    print_dec
        SAY     newline
        xor     %edi, %edi
        jmp     exit

        STRING  name_status, "status"
        STRING  name_hello, "hello"
        STRING  name_missing, "nothere"
        STRING  seven, "7"
        STRING  said_status, "parent: spawned status, wait says "
        STRING  said_hello, "parent: spawned hello, wait(-1) says "
        STRING  said_none, "parent: wait with no children says "
        STRING  said_missing, "parent: spawn of a missing program says "
        .section .note.GNU-stack, "", @progbits
