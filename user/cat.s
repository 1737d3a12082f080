# cat: copies a file to standard output, or the console's input when it
# has no argument line.
#   cat hello.txt style: `run=cat:NAME` opens ramdisk file NAME and copies it;
#   without arguments it copies what is typed, line by line (read(0, ...)
#   blocks until a line is finished; the kernel echoes and edits it), until
#   Ctrl-D on an empty line makes read return 0, then says
#   "cat: end of input".
        .include "syscalls.inc"
        .globl _start
        .set    CHUNK, 256
        .text
_start:
        sub     $CHUNK, %rsp
        test    %rsi, %rsi
        jz      console
        mov     %rsi, %rax              # open(path, length)
        mov     %rdi, %rdi
        mov     %rax, %rsi
        mov     $SYS_OPEN, %eax
        syscall
        test    %rax, %rax
        js      failed
        mov     %rax, %r12              # r12: the descriptor
1:      mov     $SYS_READ, %eax
        mov     %r12, %rdi
        mov     %rsp, %rsi
        mov     $CHUNK, %edx
        syscall
        test    %rax, %rax
        js      failed
        jz      2f
        mov     %rsp, %rsi
        mov     %rax, %rdx
        call    print
        jmp     1b
2:      mov     $SYS_CLOSE, %eax
        mov     %r12, %rdi
        syscall
        xor     %edi, %edi
        jmp     exit

console:
        mov     $SYS_READ, %eax
        xor     %edi, %edi
        mov     %rsp, %rsi
        mov     $CHUNK, %edx
        syscall
        test    %rax, %rax
        js      failed
        jz      4f                      # 0: the end of input
        mov     %rax, %rdx
        mov     %rsp, %rsi
        call    print
        jmp     console
4:      SAY     said_end
        xor     %edi, %edi
        jmp     exit

failed:
        mov     %rax, %r12
        SAY     said_failed
        mov     %r12, %rdi
        call    print_dec
        SAY     newline
        mov     $1, %edi
        jmp     exit

        STRING  said_end, "cat: end of input\n"
        STRING  said_failed, "cat: a call returned "
        .section .note.GNU-stack, "", @progbits
