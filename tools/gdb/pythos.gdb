# gdb settings for debugging the Pythos kernel in QEMU (docs/debugging.md).
#
# `pythos run --gdb` (or `make debug`) starts QEMU stopped, waiting for gdb,
# and prints the one line that loads this script, the symbols and connects:
#
#     gdb -q -x tools/gdb/pythos.gdb build/kernel64.elf -ex 'target remote :1234'
#
# The kernel starts in 32-bit protected mode and switches to long mode, but
# every Python function runs in 64-bit mode, so gdb decodes the registers
# as x86-64 from the start.  QEMU's gdb stub implements breakpoints itself
# (it does not write int3 into memory), so `break kmain` works before
# paging maps the kernel's higher-half addresses.

set architecture i386:x86-64
set pagination off
set confirm off
# The compiler records DW_LANG_Python; gdb reads expressions in its C-like
# "minimal" language, which is what `print p.field` and `print a[3]` need.
set language minimal
# Python ints print as numbers, and a u8 prints with its character too.
set print frame-arguments scalars

# `pyfile` shows the Python source around the current line, like `list`.
define pyframe
  info frame
  info locals
end
document pyframe
Show the current frame (function, file and line, caller) and its locals.
end
