"""The Interrupt Descriptor Table: where the CPU goes for each of 256 vectors.

When an exception or interrupt with vector ``v`` arrives, the CPU reads
gate ``v`` of the IDT (whose address ``lidt`` loaded), switches stacks if
the gate asks for an IST stack (or if it comes from ring 3: then to RSP0),
pushes the interrupt frame (SS, RSP, RFLAGS, CS, RIP, and for some
exceptions an error code) and jumps to the gate's handler in the gate's
code segment.  The handler ends with ``iretq``; the compiler's
``@interrupt`` functions do exactly that, so gates point straight at them.

Vectors 0-31 are the CPU's exceptions (``exceptions.py``), 32-47 the
remapped PIC lines (``pic.py``); the rest are free.  A gate that is not
present makes its vector raise a segment-not-present fault (#NP) whose
error code names the vector (``exceptions.py`` decodes it), so a stray
interrupt is reported instead of running through garbage.

Gate descriptor layout (16 bytes)::

     127                              96 95                              64
    +----------------------------------+----------------------------------+
    |             reserved             |           offset 63:32           |
    +----------------------------------+----------------------------------+
     63              48 47 46 45 44 43  40 39   35 34 32 31             16 15             0
    +------------------+--+-----+--+------+-------+-----+-----------------+----------------+
    |   offset 31:16   |P | DPL |0 | type | 00000 | IST | segment selector|  offset 15:0   |
    +------------------+--+-----+--+------+-------+-----+-----------------+----------------+

    type  0xE interrupt gate: the CPU clears IF on entry (handlers run with
              interrupts disabled until iretq restores RFLAGS)
          0xF trap gate: IF is left alone
    DPL   the lowest privilege that may raise the vector with ``int n``
          (hardware interrupts and exceptions ignore it)
    IST   0: stay on the current stack (or RSP0 from ring 3);
          1-7: always switch to TSS.ist[IST - 1]

Every gate the kernel installs is an interrupt gate, so no handler is ever
interrupted by another maskable interrupt, which keeps the handlers and
the data they share with normal code simple (see ``irqlock.py``).
"""

from typing import Final

from kernel.arch.x86_64.gdt import KERNEL_CODE_SELECTOR, DescriptorTablePointer
from pythos.lang import Array, addr_of, global_asm, lidt, struct, u8, u16, u64

VECTORS: Final = 256
GATE_SIZE: Final = 16

TYPE_INTERRUPT_GATE: Final = u8(0xE)
TYPE_TRAP_GATE: Final = u8(0xF)
GATE_PRESENT: Final = u8(0x80)
# The IST field's "no stack switch".
NO_IST: Final = u8(0)


@struct
class GateDescriptor:
    """One 16-byte IDT entry as two little-endian quadwords."""

    low: u64
    high: u64

    def offset(self) -> u64:
        """The handler address the gate holds."""
        return (self.low & 0xFFFF) | ((self.low >> 48) << 16) | (self.high << 32)

    def is_present(self) -> bool:
        return ((self.low >> 47) & 1) != 0


# The table.  Written by set_gate (at boot, with interrupts disabled) and
# read by the CPU.
IDT = Array[GateDescriptor, 256]()


def encode_gate(handler: u64, selector: u16, ist: u8, gate_type: u8, dpl: u8) -> GateDescriptor:
    """A present gate to ``handler`` (layout in the module docstring)."""
    attributes = GATE_PRESENT | ((dpl & 3) << 5) | (gate_type & 0xF)
    low = (handler & 0xFFFF) | (u64(selector) << 16) | (u64(ist & 7) << 32) \
        | (u64(attributes) << 40) | (((handler >> 16) & 0xFFFF) << 48)
    return GateDescriptor(low, handler >> 32)


def set_gate(vector: u8, handler: u64, ist: u8, gate_type: u8, dpl: u8) -> None:
    """Install a gate of any type and privilege.

    Safety: ``handler`` must be the address of an ``@interrupt`` function
    whose signature matches the vector (with ``error_code`` exactly for
    the exceptions that push one), and ``ist`` a TSS slot that holds a stack.
    """
    IDT[vector] = encode_gate(handler, KERNEL_CODE_SELECTOR, ist, gate_type, dpl)


def set_handler(vector: u8, handler: u64, ist: u8 = NO_IST) -> None:
    """Route ``vector`` to ``handler`` through a ring-0 interrupt gate.

    ``handler`` is ``func_addr(f)`` of an ``@interrupt`` function; ``ist``
    picks an Interrupt Stack Table stack (0 for none).  Safety: as for
    ``set_gate``.
    """
    set_gate(vector, handler, ist, TYPE_INTERRUPT_GATE, u8(0))


def clear_handler(vector: u8) -> None:
    """Make ``vector`` not present again (raising it then faults with #NP)."""
    IDT[vector] = GateDescriptor()


def load() -> None:
    """Point the CPU at the table (``lidt``).

    Safety: every vector that can arrive must have a gate or be masked;
    call with interrupts disabled.  The table is static, so reloading it
    after more ``set_handler`` calls is not needed: the CPU reads gates from
    memory at each interrupt.
    """
    pointer = DescriptorTablePointer(u16(VECTORS * GATE_SIZE - 1), addr_of(IDT).addr)
    lidt(addr_of(pointer))


# For debuggers: where an interrupt came in.  An @interrupt function has
# no caller; the CPU entered it, after pushing its interrupt frame (RIP,
# CS, RFLAGS, RSP, SS) on the stack.  gdb's unwinder for those functions
# (tools/gdb/pythos.gdb) makes the CPU's entry a frame of its own, as gdb
# shows a Unix signal: the handler's caller is `__interrupt_entry`, with
# RSP at the interrupt frame, and the call frame information below
# describes that frame as a *signal frame* (augmentation "S"), whose
# registers are in the interrupt frame: RIP at +0, RSP at +24.  A signal
# frame makes gdb look up the interrupted code at its exact RIP (the
# faulting instruction) instead of one byte before it, as for a return
# address; and for the same reason gdb looks this frame itself up one
# byte before `__interrupt_entry`, so the FDE starts at the `nop`.  The
# `ud2` is never executed (it would fault).  LLVM writes no "S" into
# .debug_frame, so the entry is written out here byte by byte
# (DWARF 4, section 6.4.1; docs/debugging.md).
global_asm("""
    .text
    .p2align 4
.Linterrupt_entry_start:
    nop
    .globl __interrupt_entry
    .type __interrupt_entry, @function
__interrupt_entry:
    ud2
.Linterrupt_entry_end:
    .size __interrupt_entry, . - __interrupt_entry

    .section .debug_frame, "", @progbits
.Linterrupt_cie:
    .long .Linterrupt_cie_end - .Linterrupt_cie_id      # length
.Linterrupt_cie_id:
    .long 0xffffffff            # a CIE
    .byte 4                     # version
    .asciz "S"                  # augmentation: a signal frame
    .byte 8                     # address size
    .byte 0                     # segment selector size
    .uleb128 1                  # code alignment factor
    .sleb128 -8                 # data alignment factor
    .uleb128 16                 # return address column: RIP
    .byte 0x0c, 7, 0            # DW_CFA_def_cfa: RSP + 0, the interrupt frame
    .byte 0x80 + 16, 0          # DW_CFA_offset: RIP at CFA + 0
    .byte 0x11, 7, 0x7d         # DW_CFA_offset_extended_sf: RSP at CFA + (-3 * -8)
    .byte 0x08, 6               # DW_CFA_same_value: RBP (the handler restored it)
    .balign 8, 0                # DW_CFA_nop
.Linterrupt_cie_end:
    .long .Linterrupt_fde_end - .Linterrupt_fde_cie     # length
.Linterrupt_fde_cie:
    .long .Linterrupt_cie       # its CIE, as an offset in .debug_frame
    .quad .Linterrupt_entry_start
    .quad .Linterrupt_entry_end - .Linterrupt_entry_start
    .balign 8, 0
.Linterrupt_fde_end:
    .text
""")
