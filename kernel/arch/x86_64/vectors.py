"""Interrupt stubs for the 32 CPU exception vectors.  GENERATED, do not edit.

Written by ``tools/gen_vectors.py`` from ``exceptions.py``; run it again
after changing which vectors push an error code or which use an IST stack.

Each stub is an ``@interrupt`` function (the compiler saves every register
it uses and returns with ``iretq``) that passes its vector number, the
interrupt frame and the error code (0 when the CPU pushes none) to
``exceptions.handle``.  ``install`` points IDT vectors 0-31 at them;
``idt.load()`` makes the table live.
"""

import kernel.arch.x86_64.exceptions as exceptions
import kernel.arch.x86_64.idt as idt
from pythos.lang import InterruptFrame, Ptr, func_addr, interrupt, u8, u64


@interrupt
def vector0(frame: Ptr[InterruptFrame]) -> None:
    """Vector 0: #DE divide error."""
    exceptions.handle(u8(0), frame, u64(0))


@interrupt
def vector1(frame: Ptr[InterruptFrame]) -> None:
    """Vector 1: #DB debug."""
    exceptions.handle(u8(1), frame, u64(0))


@interrupt
def vector2(frame: Ptr[InterruptFrame]) -> None:
    """Vector 2: NMI non-maskable interrupt."""
    exceptions.handle(u8(2), frame, u64(0))


@interrupt
def vector3(frame: Ptr[InterruptFrame]) -> None:
    """Vector 3: #BP breakpoint."""
    exceptions.handle(u8(3), frame, u64(0))


@interrupt
def vector4(frame: Ptr[InterruptFrame]) -> None:
    """Vector 4: #OF overflow."""
    exceptions.handle(u8(4), frame, u64(0))


@interrupt
def vector5(frame: Ptr[InterruptFrame]) -> None:
    """Vector 5: #BR BOUND range exceeded."""
    exceptions.handle(u8(5), frame, u64(0))


@interrupt
def vector6(frame: Ptr[InterruptFrame]) -> None:
    """Vector 6: #UD invalid opcode."""
    exceptions.handle(u8(6), frame, u64(0))


@interrupt
def vector7(frame: Ptr[InterruptFrame]) -> None:
    """Vector 7: #NM device not available."""
    exceptions.handle(u8(7), frame, u64(0))


@interrupt
def vector8(frame: Ptr[InterruptFrame], error_code: u64) -> None:
    """Vector 8: #DF double fault (pushes an error code)."""
    exceptions.handle(u8(8), frame, error_code)


@interrupt
def vector9(frame: Ptr[InterruptFrame]) -> None:
    """Vector 9: coprocessor segment overrun."""
    exceptions.handle(u8(9), frame, u64(0))


@interrupt
def vector10(frame: Ptr[InterruptFrame], error_code: u64) -> None:
    """Vector 10: #TS invalid TSS (pushes an error code)."""
    exceptions.handle(u8(10), frame, error_code)


@interrupt
def vector11(frame: Ptr[InterruptFrame], error_code: u64) -> None:
    """Vector 11: #NP segment not present (pushes an error code)."""
    exceptions.handle(u8(11), frame, error_code)


@interrupt
def vector12(frame: Ptr[InterruptFrame], error_code: u64) -> None:
    """Vector 12: #SS stack-segment fault (pushes an error code)."""
    exceptions.handle(u8(12), frame, error_code)


@interrupt
def vector13(frame: Ptr[InterruptFrame], error_code: u64) -> None:
    """Vector 13: #GP general protection fault (pushes an error code)."""
    exceptions.handle(u8(13), frame, error_code)


@interrupt
def vector14(frame: Ptr[InterruptFrame], error_code: u64) -> None:
    """Vector 14: #PF page fault (pushes an error code)."""
    exceptions.handle(u8(14), frame, error_code)


@interrupt
def vector15(frame: Ptr[InterruptFrame]) -> None:
    """Vector 15: reserved exception."""
    exceptions.handle(u8(15), frame, u64(0))


@interrupt
def vector16(frame: Ptr[InterruptFrame]) -> None:
    """Vector 16: #MF x87 floating-point error."""
    exceptions.handle(u8(16), frame, u64(0))


@interrupt
def vector17(frame: Ptr[InterruptFrame], error_code: u64) -> None:
    """Vector 17: #AC alignment check (pushes an error code)."""
    exceptions.handle(u8(17), frame, error_code)


@interrupt
def vector18(frame: Ptr[InterruptFrame]) -> None:
    """Vector 18: #MC machine check."""
    exceptions.handle(u8(18), frame, u64(0))


@interrupt
def vector19(frame: Ptr[InterruptFrame]) -> None:
    """Vector 19: #XM SIMD floating-point exception."""
    exceptions.handle(u8(19), frame, u64(0))


@interrupt
def vector20(frame: Ptr[InterruptFrame]) -> None:
    """Vector 20: #VE virtualization exception."""
    exceptions.handle(u8(20), frame, u64(0))


@interrupt
def vector21(frame: Ptr[InterruptFrame], error_code: u64) -> None:
    """Vector 21: #CP control protection exception (pushes an error code)."""
    exceptions.handle(u8(21), frame, error_code)


@interrupt
def vector22(frame: Ptr[InterruptFrame]) -> None:
    """Vector 22: reserved exception."""
    exceptions.handle(u8(22), frame, u64(0))


@interrupt
def vector23(frame: Ptr[InterruptFrame]) -> None:
    """Vector 23: reserved exception."""
    exceptions.handle(u8(23), frame, u64(0))


@interrupt
def vector24(frame: Ptr[InterruptFrame]) -> None:
    """Vector 24: reserved exception."""
    exceptions.handle(u8(24), frame, u64(0))


@interrupt
def vector25(frame: Ptr[InterruptFrame]) -> None:
    """Vector 25: reserved exception."""
    exceptions.handle(u8(25), frame, u64(0))


@interrupt
def vector26(frame: Ptr[InterruptFrame]) -> None:
    """Vector 26: reserved exception."""
    exceptions.handle(u8(26), frame, u64(0))


@interrupt
def vector27(frame: Ptr[InterruptFrame]) -> None:
    """Vector 27: reserved exception."""
    exceptions.handle(u8(27), frame, u64(0))


@interrupt
def vector28(frame: Ptr[InterruptFrame]) -> None:
    """Vector 28: #HV hypervisor injection exception."""
    exceptions.handle(u8(28), frame, u64(0))


@interrupt
def vector29(frame: Ptr[InterruptFrame], error_code: u64) -> None:
    """Vector 29: #VC VMM communication exception (pushes an error code)."""
    exceptions.handle(u8(29), frame, error_code)


@interrupt
def vector30(frame: Ptr[InterruptFrame], error_code: u64) -> None:
    """Vector 30: #SX security exception (pushes an error code)."""
    exceptions.handle(u8(30), frame, error_code)


@interrupt
def vector31(frame: Ptr[InterruptFrame]) -> None:
    """Vector 31: reserved exception."""
    exceptions.handle(u8(31), frame, u64(0))


def install() -> None:
    """Point IDT vectors 0-31 at the stubs, with their IST stacks."""
    idt.set_handler(u8(0), func_addr(vector0), u8(0))
    idt.set_handler(u8(1), func_addr(vector1), u8(0))
    idt.set_handler(u8(2), func_addr(vector2), u8(2))
    idt.set_handler(u8(3), func_addr(vector3), u8(0))
    idt.set_handler(u8(4), func_addr(vector4), u8(0))
    idt.set_handler(u8(5), func_addr(vector5), u8(0))
    idt.set_handler(u8(6), func_addr(vector6), u8(0))
    idt.set_handler(u8(7), func_addr(vector7), u8(0))
    idt.set_handler(u8(8), func_addr(vector8), u8(1))
    idt.set_handler(u8(9), func_addr(vector9), u8(0))
    idt.set_handler(u8(10), func_addr(vector10), u8(0))
    idt.set_handler(u8(11), func_addr(vector11), u8(0))
    idt.set_handler(u8(12), func_addr(vector12), u8(0))
    idt.set_handler(u8(13), func_addr(vector13), u8(0))
    idt.set_handler(u8(14), func_addr(vector14), u8(0))
    idt.set_handler(u8(15), func_addr(vector15), u8(0))
    idt.set_handler(u8(16), func_addr(vector16), u8(0))
    idt.set_handler(u8(17), func_addr(vector17), u8(0))
    idt.set_handler(u8(18), func_addr(vector18), u8(3))
    idt.set_handler(u8(19), func_addr(vector19), u8(0))
    idt.set_handler(u8(20), func_addr(vector20), u8(0))
    idt.set_handler(u8(21), func_addr(vector21), u8(0))
    idt.set_handler(u8(22), func_addr(vector22), u8(0))
    idt.set_handler(u8(23), func_addr(vector23), u8(0))
    idt.set_handler(u8(24), func_addr(vector24), u8(0))
    idt.set_handler(u8(25), func_addr(vector25), u8(0))
    idt.set_handler(u8(26), func_addr(vector26), u8(0))
    idt.set_handler(u8(27), func_addr(vector27), u8(0))
    idt.set_handler(u8(28), func_addr(vector28), u8(0))
    idt.set_handler(u8(29), func_addr(vector29), u8(0))
    idt.set_handler(u8(30), func_addr(vector30), u8(0))
    idt.set_handler(u8(31), func_addr(vector31), u8(0))
