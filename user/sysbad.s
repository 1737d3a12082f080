# sysbad: every system call that takes a pointer, a descriptor, a pid or a
# size, given bad ones: each must return its error (never fault the
# kernel).  Exits with the number of the first check that failed, after
# printing it; all passing prints "sysbad: every check passed".
        .include "syscalls.inc"
        .globl _start
        .set    KERNEL, 0xffff800000000000
        .set    UNMAPPED, 0x10000000

# rax must equal value, or check n failed.
        .macro  EXPECT n, value
        mov     $\n, %ebx
        cmp     $\value, %rax
        jne     fail
        .endm

# A system call with up to four arguments, each an immediate (movabs).
        .macro  SYS number, a0=0, a1=0, a2=0, a3=0
        movabs  $\a0, %rdi
        movabs  $\a1, %rsi
        movabs  $\a2, %rdx
        movabs  $\a3, %r10
        movabs  $\number, %rax
        syscall
        .endm

        .text
_start:
        sub     $4096, %rsp             # a scratch buffer on the stack
        mov     %rsp, %r15              # r15: its address
        SYS     SYS_READ, 0, KERNEL, 8
        EXPECT  1, -14                  # read into the kernel half
        SYS     SYS_READ, 0, UNMAPPED, 8
        EXPECT  2, -14                  # read into an unmapped page
        mov     $SYS_READ, %eax
        xor     %edi, %edi
        lea     _start(%rip), %rsi
        mov     $1, %edx
        syscall
        EXPECT  3, -14                  # read into read-only code
        SYS     SYS_OPEN, KERNEL, 5
        EXPECT  4, -14                  # a path in the kernel half
        mov     $SYS_OPEN, %eax
        lea     nothere(%rip), %rdi
        mov     $nothere_length, %esi
        syscall
        EXPECT  5, -2                   # no such file
        mov     $SYS_OPEN, %eax
        lea     nothere(%rip), %rdi
        xor     %esi, %esi
        syscall
        EXPECT  6, -22                  # an empty path
        mov     $SYS_OPEN, %eax
        mov     %r15, %rdi
        mov     $1000, %esi
        syscall
        EXPECT  7, -22                  # a path longer than a name can be
        SYS     SYS_SPAWN, KERNEL, 5
        EXPECT  8, -14                  # spawn: the path in the kernel half
        mov     $SYS_SPAWN, %eax
        lea     hello(%rip), %rdi
        mov     $hello_length, %esi
        movabs  $KERNEL, %rdx
        mov     $4, %r10d
        syscall
        EXPECT  9, -14                  # spawn: arguments in the kernel half
        mov     $SYS_SPAWN, %eax
        lea     hello(%rip), %rdi
        mov     $hello_length, %esi
        mov     %r15, %rdx
        mov     $1000, %r10d
        syscall
        EXPECT  10, -22                 # spawn: an argument line too long
        mov     $SYS_SPAWN, %eax
        lea     nothere(%rip), %rdi
        mov     $nothere_length, %esi
        xor     %edx, %edx
        xor     %r10d, %r10d
        syscall
        EXPECT  11, -2                  # spawn: no such program
        SYS     SYS_WAIT, -1
        EXPECT  12, -10                 # wait with no children
        SYS     SYS_WAIT, 12345
        EXPECT  13, -10                 # wait for a pid that is not a child
        SYS     SYS_KILL, 99999
        EXPECT  14, -3                  # kill: no such process
        SYS     SYS_KILL, 0
        EXPECT  15, -22                 # kill: the kernel
        SYS     SYS_CLOSE, 77
        EXPECT  16, -9                  # close: not open
        mov     $SYS_READ, %eax
        mov     $77, %edi
        mov     %r15, %rsi
        mov     $1, %edx
        syscall
        EXPECT  17, -9                  # read: not open
        SYS     SYS_BRK, 1
        EXPECT  18, -22                 # brk below the heap's start
        SYS     SYS_BRK, 0
        mov     $19, %ebx
        test    %rax, %rax
        jle     fail
        mov     %rax, %r12              # r12: the heap's end
        mov     $SYS_BRK, %eax
        movabs  $1 << 40, %rdi
        add     %r12, %rdi
        syscall
        EXPECT  20, -12                 # brk far too far
        mov     $SYS_BRK, %eax
        lea     8192(%r12), %rdi
        syscall
        lea     8192(%r12), %rcx
        mov     $21, %ebx
        cmp     %rcx, %rax
        jne     fail                    # brk grows the heap
        movb    $1, 8191(%r12)          # and the new memory is there
        mov     $SYS_BRK, %eax
        mov     %r12, %rdi
        syscall
        mov     $22, %ebx
        cmp     %r12, %rax
        jne     fail                    # and shrinks it
        SYS     SYS_WRITE, 1, 0x7fffffffefff, 2
        EXPECT  23, -14                 # a buffer that runs off the user half
        mov     $SYS_WRITE, %eax
        mov     $1, %edi
        lea     _start(%rip), %rsi
        mov     $-1, %rdx
        syscall
        EXPECT  24, -14                 # a length that wraps around
        SYS     9999
        EXPECT  25, -38                 # an unknown number
        SYS     0x8000000000000000
        EXPECT  26, -38                 # a huge number
        mov     $SYS_OPEN, %eax
        lea     hello(%rip), %rdi
        mov     $hello_length, %esi
        syscall
        EXPECT  27, 3                   # open a ramdisk file: fd 3
        mov     $SYS_READ, %eax
        mov     $3, %edi
        mov     %r15, %rsi
        mov     $4, %edx
        syscall
        EXPECT  28, 4                   # read four bytes of it
        mov     $29, %ebx
        cmpl    $0x464c457f, (%r15)     # "\x7fELF"
        jne     fail
        SYS     SYS_CLOSE, 3
        EXPECT  30, 0
        SYS     SYS_CLOSE, 3
        EXPECT  31, -9                  # closed twice
        SYS     SYS_UPTIME_MS
        mov     $32, %ebx
        test    %rax, %rax
        jle     fail                    # the clock runs
        SAY     passed
        xor     %edi, %edi
        jmp     exit
fail:
        SAY     failed
        mov     %rbx, %rdi
        call    print_dec
        SAY     newline
        mov     %ebx, %edi
        jmp     exit

        STRING  nothere, "nothere"
        STRING  hello, "hello"
        STRING  passed, "sysbad: every check passed\n"
        STRING  failed, "sysbad: check failed: "
        .section .note.GNU-stack, "", @progbits
