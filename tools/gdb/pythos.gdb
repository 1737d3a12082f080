# gdb settings for debugging the Pythos kernel in QEMU (docs/debugging.md).
#
# `pythos run --gdb` (or `make debug`) starts QEMU stopped, waiting for gdb,
# and prints the one line that loads this script and the kernel's symbols
# and connects:
#
#     gdb -q -x tools/gdb/pythos.gdb build/kernel64.elf -ex 'target remote :1234'
#
# The CPU starts in 16-bit real mode and the boot stub switches to long
# mode, but every Python function runs in 64-bit mode, so gdb decodes the
# registers as x86-64 from the start.  QEMU's gdb stub implements
# breakpoints itself (it does not write int3 into guest memory), so
# `break kmain` works before paging maps the kernel's higher-half
# addresses.

set architecture i386:x86-64
set pagination off
set confirm off
# The compiler records DW_LANG_Python, which gdb does not know; its C-like
# "minimal" language reads `print p.field`, `print a[3]`, `print *ptr` and
# `print s.next->corner.y`.
set language minimal

# `pyframe`: where we are and what the function holds.
define pyframe
  frame
  info args
  info locals
end
document pyframe
Show the current frame (function, Python file and line), its arguments and its locals.
end
