# sysfuzz: random system calls with random arguments, as many as its
# argument line says (100000 without one).  Numbers are drawn from every
# call in the table and from anywhere; each argument from a mix of
# classes: fully random, small, kernel-half addresses, addresses in this
# program's code, stack and heap, the end of the user half, and -1.  The
# kernel must answer every call with a result or an error, never fault,
# and lose nothing (run= checks the free frames afterwards).
#
# Left out, since they end or stall the fuzzer rather than test the
# kernel: exit, sleep_ms, kill of itself, read of the console (fd 0, which
# blocks for typing) and write to the console (fd 1, 2: the output would
# be noise).  Those are exercised on purpose by sysbad.s and syscheck.s.
        .include "syscalls.inc"
        .globl _start
        .text
_start:
        ARGUMENT_OR 100000
        mov     %rax, %r12              # r12: calls to make
        xor     %r13d, %r13d            # r13: calls made
        movabs  $0x9E3779B97F4A7C15, %r15   # r15: the random state
        mov     $SYS_GETPID, %eax
        syscall
        mov     %rax, %r14              # r14: our pid (never killed)
        sub     $4096, %rsp             # a scratch buffer
again:
        cmp     %r12, %r13
        je      done
        call    pick_number
        mov     %rax, %rbx              # rbx: the number
        call    pick_argument
        mov     %rax, %rdi
        push    %rdi
        call    pick_argument
        mov     %rax, %rsi
        push    %rsi
        call    pick_argument
        mov     %rax, %rdx
        push    %rdx
        call    pick_argument
        mov     %rax, %r10
        pop     %rdx
        pop     %rsi
        pop     %rdi
        # Leave out the calls that would end or stall the fuzzer.
        cmp     $SYS_EXIT, %rbx
        je      again
        cmp     $SYS_SLEEP_MS, %rbx
        je      again
        cmp     $SYS_KILL, %rbx
        jne     2f
        cmp     %r14, %rdi
        je      again
2:      cmp     $SYS_READ, %rbx
        je      3f
        cmp     $SYS_WRITE, %rbx
        jne     4f
3:      cmp     $2, %rdi
        jbe     again                   # the console: stalls, or noise
4:      mov     %rbx, %rax
        syscall
        inc     %r13
        jmp     again
done:
        SAY     said
        mov     %r13, %rdi
        call    print_dec
        SAY     said_calls
        xor     %edi, %edi
        jmp     exit

# rax = the next random number (xorshift64).
random:
        mov     %r15, %rax
        shl     $13, %rax
        xor     %rax, %r15
        mov     %r15, %rax
        shr     $7, %rax
        xor     %rax, %r15
        mov     %r15, %rax
        shl     $17, %rax
        xor     %rax, %r15
        mov     %r15, %rax
        ret

# rax = a call number: three times in four one from the table, else random.
pick_number:
        call    random
        mov     %rax, %rcx
        and     $3, %ecx
        jz      random                  # a random number (tail call)
        shr     $8, %rax
        xor     %edx, %edx
        mov     $numbers_count, %ecx
        div     %rcx
        lea     numbers(%rip), %rax
        mov     (%rax,%rdx,8), %rax
        ret

# rax = an argument of a random class.
pick_argument:
        call    random
        mov     %rax, %rcx
        shr     $8, %rax
        and     $7, %ecx
        lea     classes(%rip), %rdx
        jmp     *(%rdx,%rcx,8)
class_random:
        ret
class_small:
        and     $15, %eax
        ret
class_kernel:
        movabs  $0xffff800000000000, %rdx
        and     $0xffffff, %eax
        add     %rdx, %rax
        ret
class_code:
        and     $0x1fff, %eax
        lea     _start(%rip), %rdx
        add     %rdx, %rax
        ret
class_stack:
        and     $0xfff, %eax
        add     %rsp, %rax
        ret
class_heap:
        and     $0xffff, %eax
        mov     %rax, %rcx
        push    %rcx
        mov     $SYS_BRK, %eax
        xor     %edi, %edi
        push    %rsi
        push    %rdx
        push    %rdi
        syscall
        pop     %rdi
        pop     %rdx
        pop     %rsi
        pop     %rcx
        add     %rcx, %rax
        ret
class_top:
        movabs  $0x7ffffffff000, %rdx
        and     $0xff, %eax
        sub     %rax, %rdx
        mov     %rdx, %rax
        ret
class_minus_one:
        mov     $-1, %rax
        ret

        .section .rodata
        .balign 8
numbers:
        .quad   SYS_READ, SYS_WRITE, SYS_OPEN, SYS_CLOSE, SYS_BRK, SYS_YIELD
        .quad   SYS_GETPID, SYS_WAIT, SYS_KILL, SYS_SPAWN, SYS_UPTIME_MS, 503
        .set    numbers_count, (. - numbers) / 8
classes:
        .quad   class_random, class_small, class_kernel, class_code
        .quad   class_stack, class_heap, class_top, class_minus_one
        .text
        STRING  said, "sysfuzz: "
        STRING  said_calls, " calls made\n"
        .section .note.GNU-stack, "", @progbits
