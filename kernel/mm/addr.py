"""Physical and virtual addresses as two types the compiler keeps apart.

An address is just a 64-bit number, but there are two kinds with nothing
in common: a *physical* address is what the CPU puts on the memory bus,
and a *virtual* address is what code uses and the page tables translate.
Handing one to a function that wants the other is the classic memory
management bug, so each kind is its own ``@struct`` wrapping a ``u64``:
passing a ``VirtAddr`` where a ``PhysAddr`` is expected is a compile
error (and a ``TypeError`` under CPython), not a comment.  Both are
eight bytes, passed by reference and returned by value, so after
inlining they cost what a bare ``u64`` costs.

The only bridges between the two are explicit: a physical-memory window
(``PhysWindow`` in ``kernel.arch.x86_64.layout``, virtual = window base +
physical) and, later, the page tables.

A virtual address on x86-64 with four-level paging splits into a 12-bit
offset and four 9-bit table indexes; bits 48-63 must repeat bit 47
("canonical"), or the CPU faults on the access::

    63        48 47     39 38     30 29     21 20     12 11          0
    +----------+---------+---------+---------+---------+-------------+
    | sign ext | PML4    | PDPT    | PD      | PT      | page offset |
    | = bit 47 | level 4 | level 3 | level 2 | level 1 |             |
    +----------+---------+---------+---------+---------+-------------+

So the canonical addresses are the lower half 0 .. 0x00007FFF_FFFFFFFF
and the higher half 0xFFFF8000_00000000 .. 0xFFFFFFFF_FFFFFFFF, where the
kernel lives.  Physical addresses are at most 52 bits wide
(``MAX_PHYS_BITS``).
"""

from typing import Final

from pythos.lang import panic, struct, u64

PAGE_SIZE: Final = u64(4096)
PAGE_SHIFT: Final = u64(12)
# A page-table index is 9 bits wide: 512 entries a table.
INDEX_BITS: Final = u64(9)
INDEX_MASK: Final = u64(0x1FF)
# Bits 47..63 of a canonical address are all equal.
CANONICAL_SHIFT: Final = u64(47)
HIGHER_HALF_START: Final = u64(0xFFFF800000000000)
LOWER_HALF_END: Final = u64(0x0000800000000000)
# The architectural limit on physical addresses (bits 52..63 are zero).
MAX_PHYS_BITS: Final = u64(52)
PHYS_LIMIT: Final = u64(1 << 52)


def is_power_of_two(value: u64) -> bool:
    """True for 1, 2, 4, ...; false for 0."""
    return value != 0 and value & (value - 1) == 0


def align_down(value: u64, align: u64) -> u64:
    """The largest multiple of ``align`` (a power of two) not above ``value``."""
    return value & ~(align - 1)


def align_up(value: u64, align: u64) -> u64:
    """The smallest multiple of ``align`` (a power of two) not below ``value``.

    Wraps to 0 past the top of the address space; callers that can get
    there compare the result with ``value``.
    """
    return (value + align - 1) & ~(align - 1)


def trailing_zeros(value: u64) -> u64:
    """The number of zero bits below the lowest set bit; 64 for 0."""
    if value == 0:
        return u64(64)
    count = u64(0)
    if value & 0xFFFFFFFF == 0:
        count += 32
        value >>= 32
    if value & 0xFFFF == 0:
        count += 16
        value >>= 16
    if value & 0xFF == 0:
        count += 8
        value >>= 8
    if value & 0xF == 0:
        count += 4
        value >>= 4
    if value & 0x3 == 0:
        count += 2
        value >>= 2
    if value & 0x1 == 0:
        count += 1
    return count


def log2_floor(value: u64) -> u64:
    """The index of the highest set bit (``value`` must not be 0)."""
    result = u64(0)
    if value >> 32 != 0:
        result += 32
        value >>= 32
    if value >> 16 != 0:
        result += 16
        value >>= 16
    if value >> 8 != 0:
        result += 8
        value >>= 8
    if value >> 4 != 0:
        result += 4
        value >>= 4
    if value >> 2 != 0:
        result += 2
        value >>= 2
    if value >> 1 != 0:
        result += 1
    return result


def population_count(value: u64) -> u64:
    """The number of set bits (the classic SWAR reduction)."""
    value = value - ((value >> 1) & 0x5555555555555555)
    value = (value & 0x3333333333333333) + ((value >> 2) & 0x3333333333333333)
    value = (value + (value >> 4)) & 0x0F0F0F0F0F0F0F0F
    return (value * 0x0101010101010101) >> 56


def is_canonical(value: u64) -> bool:
    """Whether bits 47..63 of ``value`` are all zero or all one."""
    top = value >> CANONICAL_SHIFT
    return top == 0 or top == 0x1FFFF


@struct
class PhysAddr:
    """A physical memory address (what the CPU puts on the bus after paging)."""

    value: u64

    def offset(self, n: u64) -> "PhysAddr":
        """The address ``n`` bytes further on."""
        return PhysAddr(self.value + n)

    def align_down(self, align: u64) -> "PhysAddr":
        """This address rounded down to a multiple of ``align`` (a power of two)."""
        return PhysAddr(self.value & ~(align - 1))

    def align_up(self, align: u64) -> "PhysAddr":
        """This address rounded up to a multiple of ``align`` (a power of two)."""
        return PhysAddr((self.value + align - 1) & ~(align - 1))

    def is_aligned(self, align: u64) -> bool:
        """Whether this address is a multiple of ``align`` (a power of two)."""
        return self.value & (align - 1) == 0

    def frame_number(self) -> u64:
        """The number of the 4 KiB frame holding this address."""
        return self.value >> PAGE_SHIFT

    def is_valid(self) -> bool:
        """Whether the address fits the 52 bits x86-64 allows."""
        return self.value < PHYS_LIMIT


@struct
class VirtAddr:
    """A virtual address (what code uses; the page tables translate it)."""

    value: u64

    def offset(self, n: u64) -> "VirtAddr":
        """The address ``n`` bytes further on."""
        return VirtAddr(self.value + n)

    def align_down(self, align: u64) -> "VirtAddr":
        """This address rounded down to a multiple of ``align`` (a power of two)."""
        return VirtAddr(self.value & ~(align - 1))

    def align_up(self, align: u64) -> "VirtAddr":
        """This address rounded up to a multiple of ``align`` (a power of two)."""
        return VirtAddr((self.value + align - 1) & ~(align - 1))

    def is_aligned(self, align: u64) -> bool:
        """Whether this address is a multiple of ``align`` (a power of two)."""
        return self.value & (align - 1) == 0

    def page_index(self, level: u64) -> u64:
        """The 9-bit table index for ``level`` (1 = PT ... 4 = PML4).

        Level 1 is bits 12-20, level 2 bits 21-29, level 3 bits 30-38 and
        level 4 bits 39-47 (see the diagram at the top of the module).
        """
        return (self.value >> (PAGE_SHIFT + INDEX_BITS * (level - 1))) & INDEX_MASK

    def page_offset(self) -> u64:
        """The offset inside the 4 KiB page (bits 0-11)."""
        return self.value & (PAGE_SIZE - 1)

    def page_number(self) -> u64:
        """The number of the 4 KiB page holding this address."""
        return self.value >> PAGE_SHIFT

    def is_canonical(self) -> bool:
        """Whether bits 47..63 agree, so the CPU accepts the address."""
        return is_canonical(self.value)

    def is_higher_half(self) -> bool:
        """Whether the address lies in the kernel's (upper) canonical half."""
        return self.value >= HIGHER_HALF_START


def virt(value: u64) -> VirtAddr:
    """``value`` as a virtual address; panics unless it is canonical."""
    if not is_canonical(value):
        panic(f"virtual address {value:#x} is not canonical (bits 47..63 differ)")
    return VirtAddr(value)


def virt_truncate(value: u64) -> VirtAddr:
    """``value`` made canonical by copying bit 47 into bits 48..63.

    This is how an address built from table indexes (for example through
    the recursive entry) becomes one the CPU accepts.
    """
    if value & (1 << 47) != 0:
        return VirtAddr(value | 0xFFFF000000000000)
    return VirtAddr(value & 0x0000FFFFFFFFFFFF)


def virt_from_indexes(l4: u64, l3: u64, l2: u64, l1: u64, offset: u64) -> VirtAddr:
    """The canonical virtual address with these four table indexes and offset."""
    value = (((l4 & INDEX_MASK) << 39) | ((l3 & INDEX_MASK) << 30)
             | ((l2 & INDEX_MASK) << 21) | ((l1 & INDEX_MASK) << 12)
             | (offset & (PAGE_SIZE - 1)))
    return virt_truncate(value)


def phys(value: u64) -> PhysAddr:
    """``value`` as a physical address; panics past the 52-bit limit."""
    if value >= PHYS_LIMIT:
        panic(f"physical address {value:#x} is wider than 52 bits")
    return PhysAddr(value)
