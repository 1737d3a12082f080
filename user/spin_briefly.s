# spin_briefly: computes in ring 3 for a while (50 million loop turns, a
# good fraction of a second under QEMU), with interrupts enabled, so the
# timer interrupts it hundreds of times: each one enters the kernel on
# the TSS.RSP0 stack and returns to ring 3 with iretq.  Exits with 1 if
# interrupts were off in ring 3 (RFLAGS.IF clear), else 0.
        .globl _start
        .text
_start:
        pushfq
        popq    %rax
        mov     $1, %edi
        bt      $9, %rax                # IF
        jnc     done
        mov     $50000000, %ecx
1:      dec     %ecx
        jnz     1b
        xor     %edi, %edi
done:
        mov     $60, %eax
        syscall
        ud2
        .section .note.GNU-stack, "", @progbits
