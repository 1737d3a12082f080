# spawnloop: spawns `true` and waits for it, as many times as its argument
# line says (1000 without one), checking every spawn gives a pid and every
# wait status 0; then prints "spawnloop: 1000 processes spawned and reaped".
# Exits with 1 at the first failure, after printing what the call returned.
        .include "syscalls.inc"
        .globl _start
        .text
_start:
        ARGUMENT_OR 1000
        mov     %rax, %r12              # r12: how many
        xor     %r13d, %r13d            # r13: done so far
again:
        cmp     %r12, %r13
        je      done
        mov     $SYS_SPAWN, %eax
        lea     name_true(%rip), %rdi
        mov     $name_true_length, %esi
        xor     %edx, %edx
        xor     %r10d, %r10d
        syscall
        test    %rax, %rax
        jle     failed
        mov     %rax, %rdi
        mov     $SYS_WAIT, %eax
        syscall
        test    %rax, %rax
        jnz     failed
        inc     %r13
        jmp     again
done:
        SAY     said_label
        mov     %r13, %rdi
        call    print_dec
        SAY     said_done
        xor     %edi, %edi
        jmp     exit
failed:
        mov     %rax, %r14
        SAY     said_failed
        mov     %r14, %rdi
        call    print_dec
        SAY     newline
        mov     $1, %edi
        jmp     exit

        STRING  name_true, "true"
        STRING  said_label, "spawnloop: "
        STRING  said_done, " processes spawned and reaped\n"
        STRING  said_failed, "spawnloop: a call returned "
        .section .note.GNU-stack, "", @progbits
