"""The Linux platform: raw system calls, no libc.

`_start` is the process entry point the kernel jumps to; it aligns the
stack and calls `pythos_start`, which the compiler generates to run
`main()` and then `exit_program()`.
"""

from typing import Final

from pythos.lang import Ptr, asm, global_asm, i32, i64, u8, u64

AUTO_FLUSH: Final = False
SYS_WRITE: Final = 1
SYS_EXIT_GROUP: Final = 231

global_asm("""
    .text
    .globl _start
    .type _start, @function
_start:
    xorl %ebp, %ebp
    andq $-16, %rsp
    call pythos_start
    ud2
""")


def platform_write(fd: i32, data: Ptr[u8], length: u64) -> None:
    done: u64 = 0
    while done < length:
        n = asm("syscall", "={rax},{rax},{rdi},{rsi},{rdx},~{rcx},~{r11},~{memory}",
                SYS_WRITE, i64(fd), (data + done).addr, length - done, result=i64)
        if n <= 0:
            return
        done += u64(n)


def platform_exit(code: i32) -> None:
    asm("syscall", "{rax},{rdi},~{rcx},~{r11},~{memory}", SYS_EXIT_GROUP, i64(code))


def platform_panic_halt() -> None:
    platform_exit(101)
