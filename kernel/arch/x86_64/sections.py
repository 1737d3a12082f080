"""The kernel image's sections, from the linker script's symbols (linker.ld).

Each function is one ``leaq symbol(%rip)``: the symbol's virtual address
in the higher half.  Physical = virtual - ``layout.KERNEL_VMA``.
"""

from pythos.lang import asm, u64


def kernel_start() -> u64:
    return asm("leaq __kernel_start(%rip), $0", "=r", result=u64)


def kernel_end() -> u64:
    return asm("leaq __kernel_end(%rip), $0", "=r", result=u64)


def text_start() -> u64:
    return asm("leaq __text_start(%rip), $0", "=r", result=u64)


def text_end() -> u64:
    return asm("leaq __text_end(%rip), $0", "=r", result=u64)


def rodata_start() -> u64:
    return asm("leaq __rodata_start(%rip), $0", "=r", result=u64)


def rodata_end() -> u64:
    return asm("leaq __rodata_end(%rip), $0", "=r", result=u64)


def data_start() -> u64:
    return asm("leaq __data_start(%rip), $0", "=r", result=u64)


def stack_guard() -> u64:
    return asm("leaq __stack_guard(%rip), $0", "=r", result=u64)


def stack_bottom() -> u64:
    """The lowest address of the 64 KiB kernel stack, just above its guard page."""
    return asm("leaq __stack_bottom(%rip), $0", "=r", result=u64)


def stack_top() -> u64:
    """The kernel stack's first RSP (the stack grows down from here)."""
    return asm("leaq __stack_top(%rip), $0", "=r", result=u64)


def symbol_table_start() -> u64:
    """The functions' symbol table (pythos/kernel_tools/symtab.py), at the end of .rodata."""
    return asm("leaq __symbol_table(%rip), $0", "=r", result=u64)


def symbol_table_end() -> u64:
    return asm("leaq __symbol_table_end(%rip), $0", "=r", result=u64)


def line_table_start() -> u64:
    """The line table (pythos/kernel_tools/linetable.py), after the symbol table."""
    return asm("leaq __line_table(%rip), $0", "=r", result=u64)


def line_table_end() -> u64:
    return asm("leaq __line_table_end(%rip), $0", "=r", result=u64)

