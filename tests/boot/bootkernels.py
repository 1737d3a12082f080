"""Test kernels for the boot tests, built without the Pythos compiler.

Each test kernel is one LLVM module for the FREESTANDING target: the boot
stub from ``kernel/arch/x86_64/boot.py`` spliced in as module-level
assembly, plus a hand-written ``kmain(i32 magic, i64 info)`` in LLVM IR.
``kmain`` always

* writes "Pythos boot OK" on the first VGA line and to COM1,
* reports "magic=ok" or "magic=bad", the Multiboot ``mem_upper`` field and
  the kernel command line on COM1,

and then does what its *mode* asks (``KMAIN_MODES``): exit at once through
the isa-debug-exit port, wait for a byte from COM1 or a key from the PS/2
controller and exit with it, touch the stack guard page, or overflow the
stack by recursion.  The exit value is 0x10 when the magic was right,
0x11 when not.
"""

from __future__ import annotations

from pathlib import Path

import llvmlite.binding as llvm

from pythos.kernel_tools.bootstub import boot_stub_asm, splice_module_asm
from pythos.kernel_tools.build import link_kernel
from pythos.target import FREESTANDING, make_target_machine

BANNER = "Pythos boot OK"
EXIT_OK = 0x10
EXIT_BAD_MAGIC = 0x11

# Shared helpers: port I/O through inline assembly, a COM1 writer, a VGA
# line writer, hex and C-string output.  Every function is noredzone, as
# the FREESTANDING target requires.
_RUNTIME = r"""
@banner = private constant [14 x i8] c"Pythos boot OK"
@s_magic_ok = private constant [10 x i8] c"magic=ok\0A\00"
@s_magic_bad = private constant [11 x i8] c"magic=bad\0A\00"
@s_mem = private constant [11 x i8] c"mem_upper=\00"
@s_cmdline = private constant [9 x i8] c"cmdline=\00"
@s_nl = private constant [2 x i8] c"\0A\00"
@s_waiting = private constant [9 x i8] c"waiting\0A\00"
@s_bottom = private constant [11 x i8] c"bottom ok\0A\00"
@s_before = private constant [14 x i8] c"before guard\0A\00"
@s_after = private constant [13 x i8] c"after guard\0A\00"
@s_recursing = private constant [11 x i8] c"recursing\0A\00"
@s_returned = private constant [10 x i8] c"returned\0A\00"
@hexdigits = private constant [16 x i8] c"0123456789abcdef"
@__stack_guard = external global i8
@__stack_bottom = external global i8

define internal void @outb(i16 %port, i8 %v) #0 {
  call void asm sideeffect "outb $0, $1", "{al},{dx}"(i8 %v, i16 %port)
  ret void
}

define internal void @outl(i16 %port, i32 %v) #0 {
  call void asm sideeffect "outl $0, $1", "{eax},{dx}"(i32 %v, i16 %port)
  ret void
}

define internal i8 @inb(i16 %port) #0 {
  %v = call i8 asm sideeffect "inb $1, $0", "={al},{dx}"(i16 %port)
  ret i8 %v
}

define internal void @serial_putc(i8 %c) #0 {
entry:
  br label %wait
wait:
  %lsr = call i8 @inb(i16 1021)
  %empty = and i8 %lsr, 32
  %busy = icmp eq i8 %empty, 0
  br i1 %busy, label %wait, label %send
send:
  call void @outb(i16 1016, i8 %c)
  ret void
}

define internal i8 @serial_getc() #0 {
entry:
  br label %wait
wait:
  %lsr = call i8 @inb(i16 1021)
  %ready = and i8 %lsr, 1
  %none = icmp eq i8 %ready, 0
  br i1 %none, label %wait, label %read
read:
  %c = call i8 @inb(i16 1016)
  ret i8 %c
}

define internal i8 @keyboard_getc() #0 {
entry:
  br label %wait
wait:
  %status = call i8 @inb(i16 100)
  %full = and i8 %status, 1
  %none = icmp eq i8 %full, 0
  br i1 %none, label %wait, label %read
read:
  %c = call i8 @inb(i16 96)
  ret i8 %c
}

define internal void @puts(ptr %s) #0 {
entry:
  br label %loop
loop:
  %p = phi ptr [ %s, %entry ], [ %next, %body ]
  %c = load i8, ptr %p
  %end = icmp eq i8 %c, 0
  br i1 %end, label %done, label %body
body:
  call void @serial_putc(i8 %c)
  %next = getelementptr i8, ptr %p, i64 1
  br label %loop
done:
  ret void
}

define internal void @put_hex32(i32 %v) #0 {
entry:
  br label %loop
loop:
  %i = phi i32 [ 28, %entry ], [ %i.next, %loop ]
  %shifted = lshr i32 %v, %i
  %nibble = and i32 %shifted, 15
  %idx = zext i32 %nibble to i64
  %dp = getelementptr [16 x i8], ptr @hexdigits, i64 0, i64 %idx
  %d = load i8, ptr %dp
  call void @serial_putc(i8 %d)
  %i.next = sub i32 %i, 4
  %more = icmp sge i32 %i.next, 0
  br i1 %more, label %loop, label %done
done:
  ret void
}

; Write len bytes on VGA row 0 (light green on black) and to COM1.
define internal void @banner_out(ptr %s, i64 %len) #0 {
entry:
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i.next, %body ]
  %more = icmp ult i64 %i, %len
  br i1 %more, label %body, label %done
body:
  %cp = getelementptr i8, ptr %s, i64 %i
  %c = load i8, ptr %cp
  %c16 = zext i8 %c to i16
  %cell = or i16 %c16, 2560
  %off = mul i64 %i, 2
  %addr = add i64 753664, %off
  %vp = inttoptr i64 %addr to ptr
  store volatile i16 %cell, ptr %vp
  call void @serial_putc(i8 %c)
  %i.next = add i64 %i, 1
  br label %loop
done:
  call void @serial_putc(i8 10)
  ret void
}

define internal void @exit_qemu(i32 %code) #0 {
entry:
  call void @outl(i16 244, i32 %code)
  br label %hang
hang:
  call void asm sideeffect "cli; hlt", ""()
  br label %hang
}

; Recurse until the stack runs into the guard page.
define internal i64 @recurse(i64 %depth) #1 {
  %frame = alloca [512 x i8]
  store volatile i8 1, ptr %frame
  %d = add i64 %depth, 1
  %r = call i64 @recurse(i64 %d)
  %sum = add i64 %r, 1
  ret i64 %sum
}
"""

_KMAIN_PROLOGUE = r"""
define void @kmain(i32 %magic, i64 %info) #0 {
entry:
  call void @banner_out(ptr @banner, i64 14)
  %ok = icmp eq i32 %magic, 732803074
  %code = select i1 %ok, i32 16, i32 17
  %msg = select i1 %ok, ptr @s_magic_ok, ptr @s_magic_bad
  call void @puts(ptr %msg)
  %mbi = inttoptr i64 %info to ptr
  %flags = load i32, ptr %mbi
  call void @puts(ptr @s_mem)
  %memp = getelementptr i8, ptr %mbi, i64 8
  %mem_upper = load i32, ptr %memp
  call void @put_hex32(i32 %mem_upper)
  call void @puts(ptr @s_nl)
  %hascmd = and i32 %flags, 4
  %hc = icmp ne i32 %hascmd, 0
  br i1 %hc, label %cmd, label %main
cmd:
  %cmdp = getelementptr i8, ptr %mbi, i64 16
  %cmdaddr = load i32, ptr %cmdp
  %cmdaddr64 = zext i32 %cmdaddr to i64
  %cmdstr = inttoptr i64 %cmdaddr64 to ptr
  call void @puts(ptr @s_cmdline)
  call void @puts(ptr %cmdstr)
  call void @puts(ptr @s_nl)
  br label %main
main:
"""

KMAIN_MODES = {
    # Exit at once with EXIT_OK / EXIT_BAD_MAGIC.
    "exit": """
  call void @exit_qemu(i32 %code)
  ret void
""",
    # Wait for one byte on COM1 and exit with it.
    "serial": """
  call void @puts(ptr @s_waiting)
  %c = call i8 @serial_getc()
  %c32 = zext i8 %c to i32
  call void @exit_qemu(i32 %c32)
  ret void
""",
    # Wait for one byte from the PS/2 controller (a scan code) and exit with it.
    "keyboard": """
  call void @puts(ptr @s_waiting)
  %c = call i8 @keyboard_getc()
  %c32 = zext i8 %c to i32
  call void @exit_qemu(i32 %c32)
  ret void
""",
    # Write the lowest stack page (mapped), then the guard page (not mapped).
    "guard": """
  store volatile i8 1, ptr @__stack_bottom
  call void @puts(ptr @s_bottom)
  call void @puts(ptr @s_before)
  store volatile i8 1, ptr @__stack_guard
  call void @puts(ptr @s_after)
  call void @exit_qemu(i32 %code)
  ret void
""",
    # Recurse without end: the stack grows down into the guard page.
    "overflow": """
  call void @puts(ptr @s_recursing)
  %r = call i64 @recurse(i64 0)
  call void @puts(ptr @s_returned)
  call void @exit_qemu(i32 %code)
  ret void
""",
}

_ATTRIBUTES = """
}

attributes #0 = { noredzone nounwind }
attributes #1 = { noinline optnone noredzone nounwind }
"""


def kernel_ir(mode: str, data_layout: str) -> str:
    """The complete IR text of the test kernel for ``mode``."""
    header = f'target triple = "{FREESTANDING.triple}"\ntarget datalayout = "{data_layout}"\n'
    ir = header + _RUNTIME + _KMAIN_PROLOGUE + KMAIN_MODES[mode] + _ATTRIBUTES
    return splice_module_asm(ir, boot_stub_asm())


def build_test_kernel(mode: str, out_dir: Path) -> Path:
    """Compile and link the test kernel for ``mode``; return its kernel.elf."""
    machine = make_target_machine(FREESTANDING, opt_level=2)
    module = llvm.parse_assembly(kernel_ir(mode, str(machine.target_data)))
    module.verify()
    out_dir.mkdir(parents=True, exist_ok=True)
    obj = out_dir / "kernel.o"
    obj.write_bytes(machine.emit_object(module))
    return link_kernel([obj], out_dir / "kernel.elf")
