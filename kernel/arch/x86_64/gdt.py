"""The Global Descriptor Table and the Task State Segment.

In 64-bit mode segmentation is mostly gone: code and data segments have
base 0 and no limit, whatever their descriptors say.  The GDT still
matters for three things:

* the **privilege level**: CS's descriptor says whether code runs in ring 0
  (kernel) or ring 3 (user), and SS's must match it;
* the **64-bit flag** (L) of the code segment, without which the CPU
  would run in 32-bit compatibility mode;
* the **TSS**, which in 64-bit mode holds no task state at all, only
  stack pointers: RSP0, where the CPU switches to when an interrupt
  arrives in ring 3, and the seven Interrupt Stack Table (IST) entries, the
  stacks an IDT gate can ask for whatever the CPU was running.

The boot stub's GDT (null, code, data) got us into long mode; this module
replaces it with the table the kernel keeps::

    index  selector  descriptor
    0      0x00      null (the CPU requires it; loading it faults on use)
    1      0x08      kernel code, ring 0, 64-bit
    2      0x10      kernel data, ring 0
    3      0x1B      user data, ring 3    (0x18 | RPL 3)
    4      0x23      user code, ring 3    (0x20 | RPL 3)
    5-6    0x28      TSS (a system descriptor is 16 bytes: two slots)

The order of 1-4 is dictated by ``syscall``/``sysret``: they do not read
the GDT, they compute selectors from the STAR MSR.  ``syscall`` loads
CS = STAR[47:32] and SS = CS + 8 (kernel code, then kernel data);
``sysret`` loads SS = STAR[63:48] + 8 and CS = STAR[63:48] + 16, so user
data must come right before user code.

Descriptor layout (a code or data segment, 8 bytes)::

     63      56 55 54 53 52 51    48 47 46 45 44 43   40 39      16 15      0
    +----------+--+--+--+--+--------+--+-----+--+------+----------+---------+
    |base 31:24|G |DB|L |AV|lim19:16|P | DPL |S | type |base 23:0 |lim 15:0 |
    +----------+--+--+--+--+--------+--+-----+--+------+----------+---------+
                 flags nibble         access byte

    access: P present, DPL privilege level, S = 1 code/data (0 = system),
            type for code: 1 C R A (conforming, readable, accessed)
                 for data: 0 E W A (expand-down, writable, accessed)
    flags:  G limit in 4 KiB units, DB 32-bit default size (must be 0 when
            L is set), L 64-bit code, AV free for software

The accessed bit is set in advance so the CPU never writes to the table
(it would fault once the table is mapped read-only).  Base and limit are
0 and 0xFFFFF, the values that mean "everything" in 32-bit mode too.

The TSS descriptor (16 bytes, type 0x9 = available 64-bit TSS, S = 0)::

     127            96 95                          64
    +----------------+------------------------------+
    |   reserved     |         base 63:32           |   high slot
    +----------------+------------------------------+
     63      56 55 52 51  48 47 46 45 44 43 40 39      16 15      0
    +----------+-----+------+--+-----+--+-----+----------+---------+
    |base 31:24|flags|lim   |P | DPL |0 | 9   |base 23:0 |lim 15:0 |   low slot
    +----------+-----+------+--+-----+--+-----+----------+---------+

``ltr`` marks the descriptor busy (type 0xB); loading a busy TSS faults,
so ``load`` runs once.

IST stacks
----------

A double fault is delivered on IST1, NMI on IST2 and machine check on
IST3, each with its own 16 KiB stack (static arrays below).  IST stacks
are switched to unconditionally, so a double fault caused by the kernel
stack overflowing into its guard page still finds good memory to push its
frame on; without IST the push would fault again, and the third fault
resets the machine.  NMI and machine check get their own stacks because
they can arrive at any instruction, even one that has just switched
stacks.  At first the IST stacks are ordinary ``.bss`` arrays with no
guard pages; once the kernel has its own page tables, kernel/mm/memory.py
moves them (``set_ist_stack``) to fresh pages at ``memory.IST_STACKS``
with an unmapped guard page under each, so an overflow page-faults
instead of corrupting the neighbouring ``.bss``.  Their handlers are
short and do not recurse.
"""

from typing import Final

from pythos.lang import Array, addr_of, asm, lgdt, ltr, sizeof, struct, u8, u16, u32, u64

# Selectors: index * 8 | requested privilege level.
KERNEL_CODE_SELECTOR: Final = u16(0x08)
KERNEL_DATA_SELECTOR: Final = u16(0x10)
USER_DATA_SELECTOR: Final = u16(0x1B)
USER_CODE_SELECTOR: Final = u16(0x23)
TSS_SELECTOR: Final = u16(0x28)
GDT_ENTRIES: Final = 7

# Access byte bits.
ACCESS_PRESENT: Final = u8(0x80)
ACCESS_DPL_SHIFT: Final = u8(5)
ACCESS_CODE_OR_DATA: Final = u8(0x10)
ACCESS_EXECUTABLE: Final = u8(0x08)
ACCESS_READABLE: Final = u8(0x02)
ACCESS_WRITABLE: Final = u8(0x02)
ACCESS_ACCESSED: Final = u8(0x01)
ACCESS_TSS_AVAILABLE: Final = u8(0x09)

# Flags nibble bits (descriptor bits 52-55).
FLAG_GRANULARITY_4K: Final = u8(0x8)
FLAG_DEFAULT_32: Final = u8(0x4)
FLAG_LONG_MODE: Final = u8(0x2)

MAX_LIMIT: Final = u32(0xFFFFF)

# Interrupt Stack Table slots (1-7; 0 in a gate means "no stack switch").
DOUBLE_FAULT_IST: Final = u8(1)
NMI_IST: Final = u8(2)
MACHINE_CHECK_IST: Final = u8(3)
IST_STACK_SIZE: Final = u64(16384)


@struct(packed=True)
class TaskStateSegment:
    """The 64-bit TSS: 104 bytes, only stack pointers (Intel SDM vol. 3, 8.7)."""

    reserved0: u32
    # RSP0-RSP2: the stack for an interrupt that raises the CPU to ring 0-2.
    rsp: Array[u64, 3]
    reserved1: u64
    # IST1-IST7 are ist[0]-ist[6].
    ist: Array[u64, 7]
    reserved2: u64
    reserved3: u16
    # Offset of the I/O permission bitmap; the TSS size means "none", so
    # ring 3 gets no port access.
    io_map_base: u16


@struct(packed=True)
class DescriptorTablePointer:
    """The 10-byte operand of ``lgdt`` and ``lidt``: size - 1, then address."""

    limit: u16
    base: u64


# The table and the TSS are written by init() before load() and never after.
GDT = Array[u64, 7]()
TSS = TaskStateSegment()
# IST stacks, u64 elements so they are at least 8-byte aligned.
double_fault_stack = Array[u64, 2048]()
nmi_stack = Array[u64, 2048]()
machine_check_stack = Array[u64, 2048]()


def segment_descriptor(base: u32, limit: u32, access: u8, flags: u8) -> u64:
    """Encode a code or data segment descriptor (layout in the module docstring)."""
    b = u64(base)
    lim = u64(limit)
    return (lim & 0xFFFF) | ((b & 0xFFFFFF) << 16) | (u64(access) << 40) \
        | (((lim >> 16) & 0xF) << 48) | (u64(flags & 0xF) << 52) | ((b >> 24) << 56)


def code_segment(dpl: u8) -> u64:
    """A 64-bit code segment for ring ``dpl``: execute/read, already accessed."""
    access = ACCESS_PRESENT | (dpl << ACCESS_DPL_SHIFT) | ACCESS_CODE_OR_DATA \
        | ACCESS_EXECUTABLE | ACCESS_READABLE | ACCESS_ACCESSED
    return segment_descriptor(u32(0), MAX_LIMIT, access, FLAG_GRANULARITY_4K | FLAG_LONG_MODE)


def data_segment(dpl: u8) -> u64:
    """A data segment for ring ``dpl``: read/write, already accessed."""
    access = ACCESS_PRESENT | (dpl << ACCESS_DPL_SHIFT) | ACCESS_CODE_OR_DATA \
        | ACCESS_WRITABLE | ACCESS_ACCESSED
    return segment_descriptor(u32(0), MAX_LIMIT, access, FLAG_GRANULARITY_4K | FLAG_DEFAULT_32)


def tss_descriptor_low(base: u64, limit: u32) -> u64:
    """The first 8 bytes of a TSS descriptor: a segment descriptor of type 0x9."""
    return segment_descriptor(u32(base), limit, ACCESS_PRESENT | ACCESS_TSS_AVAILABLE, u8(0))


def tss_descriptor_high(base: u64) -> u64:
    """The second 8 bytes of a TSS descriptor: base bits 63:32."""
    return base >> 32


def stack_top(bottom: u64, size: u64) -> u64:
    """The initial RSP of a stack at ``[bottom, bottom + size)``, 16-byte aligned.

    Stacks grow down, so the first push lands just below the top.
    """
    return (bottom + size) & ~u64(0xF)


def set_ist_stack(ist: u8, top: u64) -> None:
    """Point IST entry ``ist`` (1-7) at a stack whose initial RSP is ``top``.

    The memory code moves the IST stacks to mapped pages with a guard page
    under each (kernel/mm/memory.py); the CPU reads the TSS at each
    interrupt, so the change needs no reload.
    """
    TSS.ist[ist - 1] = top


def ist_stack(ist: u8) -> u64:
    """The initial RSP of IST entry ``ist`` (1-7)."""
    return TSS.ist[ist - 1]


def build() -> None:
    """Fill in the GDT and the TSS (pure memory writes; nothing is loaded)."""
    TSS.ist[DOUBLE_FAULT_IST - 1] = stack_top(addr_of(double_fault_stack).addr, IST_STACK_SIZE)
    TSS.ist[NMI_IST - 1] = stack_top(addr_of(nmi_stack).addr, IST_STACK_SIZE)
    TSS.ist[MACHINE_CHECK_IST - 1] = stack_top(addr_of(machine_check_stack).addr,
                                               IST_STACK_SIZE)
    TSS.io_map_base = u16(sizeof(TaskStateSegment))
    tss_base = addr_of(TSS).addr
    GDT[0] = u64(0)
    GDT[1] = code_segment(u8(0))
    GDT[2] = data_segment(u8(0))
    GDT[3] = data_segment(u8(3))
    GDT[4] = code_segment(u8(3))
    GDT[5] = tss_descriptor_low(tss_base, u32(sizeof(TaskStateSegment) - 1))
    GDT[6] = tss_descriptor_high(tss_base)


def set_kernel_stack(top: u64) -> None:
    """Set RSP0, the stack the CPU switches to on an interrupt from ring 3.

    Safety: ``top`` must be the top of a mapped, otherwise unused kernel
    stack; an interrupt from user mode pushes its frame there.
    """
    TSS.rsp[0] = top


def load() -> None:
    """Make the CPU use the new GDT: ``lgdt``, reload every segment register, ``ltr``.

    Safety: call once, with interrupts disabled (an interrupt between
    ``lgdt`` and the CS reload would run with stale segment state), after
    ``build``.  A second call faults in ``ltr``, whose TSS is then busy.
    """
    pointer = DescriptorTablePointer(u16(GDT_ENTRIES * 8 - 1), addr_of(GDT).addr)
    lgdt(addr_of(pointer))
    # CS cannot be moved into: a far return pops RIP and then CS, so push
    # the selector and the address of the next instruction and ``lretq``.
    asm("pushq $0; leaq 1f(%rip), %rax; pushq %rax; lretq; 1:", "r,~{rax},~{memory}",
        u64(KERNEL_CODE_SELECTOR))
    # DS, ES, FS and GS are mostly ignored in 64-bit mode, but their
    # selectors still index the boot stub's table.  Point every one at the
    # new kernel data descriptor, so that nothing refers to the replaced
    # table (the FS and GS bases, which do matter, are MSRs).
    asm("movw $0, %ds; movw $0, %es; movw $0, %fs; movw $0, %gs; movw $0, %ss",
        "r,~{memory}", KERNEL_DATA_SELECTOR)
    ltr(TSS_SELECTOR)


def init() -> None:
    """Build the GDT and the TSS, then load them.  See ``load`` for when to call."""
    build()
    load()
