"""The kernel's view of memory at boot, and the physical address type.

The boot stub (``boot.py``) maps the first 1 GiB of physical memory twice:
at virtual 0 (identity, for the boot code only) and at ``KERNEL_VMA`` =
0xFFFFFFFF80000000 (where the kernel is linked).  Until the kernel builds
its own page tables, the only way to read a physical address is through
that second window::

    virtual  0xFFFFFFFF80000000 + p   <->   physical p,  0 <= p < 1 GiB

A physical address is a ``PhysAddr``, not a plain integer, so a function
that needs one cannot be handed a virtual address by mistake; ``Ptr`` is
the virtual address type.  ``PhysWindow.ptr`` is the single place that
turns one into the other, and it refuses ranges the window does not
cover instead of producing a pointer into unmapped memory.  Host tests
make a window over an ``Array`` that stands in for physical memory.

See docs/memory-map.md for the whole map.
"""

from typing import Final

# The physical address type is defined with its arithmetic in the memory
# subsystem; it is re-exported here for the boot code that reads it.
from kernel.mm.addr import PhysAddr
from pythos.lang import Ptr, panic, struct, u8, u64

# Where physical address 0 appears in the higher half (linker.ld).
KERNEL_VMA: Final = u64(0xFFFFFFFF80000000)
# How much physical memory the boot stub maps there: 512 2-MiB pages.
BOOT_WINDOW_SIZE: Final = u64(0x40000000)
# The VGA text buffer's physical address (the legacy video memory hole).
VGA_TEXT_PHYS: Final = u64(0xB8000)


@struct
class PhysWindow:
    """A virtual range through which physical ``[0, size)`` can be reached.

    ``base`` is the virtual address of physical address 0.
    """

    base: u64
    size: u64

    def contains(self, phys: PhysAddr, length: u64) -> bool:
        """True when all of ``[phys, phys + length)`` lies in the window."""
        return phys.value <= self.size and length <= self.size - phys.value

    def ptr(self, phys: PhysAddr, length: u64) -> Ptr[u8]:
        """The virtual address of ``length`` bytes at ``phys``, or a null Ptr.

        A null result means the range is not mapped through the window: the
        caller must not touch it.
        """
        if not self.contains(phys, length):
            return Ptr[u8](0)
        return Ptr[u8](self.base + phys.value)


def boot_window() -> PhysWindow:
    """The window the boot stub set up: 1 GiB of physical memory at KERNEL_VMA."""
    return PhysWindow(KERNEL_VMA, BOOT_WINDOW_SIZE)


def phys_to_virt(phys: PhysAddr) -> u64:
    """The higher-half virtual address of a physical address below 1 GiB.

    Panics for addresses the boot window does not map: using one would
    fault (or, worse, read whatever the identity map has there).
    """
    if phys.value >= BOOT_WINDOW_SIZE:
        panic(f"physical address {phys.value:#x} is outside the 1 GiB boot window")
    return KERNEL_VMA + phys.value

