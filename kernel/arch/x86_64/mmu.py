"""Typed wrappers for the MMU instructions: CR3 and ``invlpg``.

The page-table code (``kernel/mm/paging.py``) is pure logic; these are
the only places the kernel touches the translation hardware.
"""

from typing import Final

from pythos.lang import invlpg, read_cr3, u64, write_cr3

# The physical address bits of CR3 (the PML4 frame); the low bits are flags.
CR3_ADDRESS_MASK: Final = u64(0x000FFFFFFFFFF000)


def current_root() -> u64:
    """The physical address of the PML4 the CPU is using."""
    return read_cr3() & CR3_ADDRESS_MASK


def flush_page(address: u64) -> None:
    """Drop the TLB entry of the page holding virtual ``address``."""
    invlpg(address)


def flush_all() -> None:
    """Drop every non-global TLB entry by reloading CR3."""
    write_cr3(read_cr3())


def switch_to(root: u64) -> None:
    """Make the PML4 at physical ``root`` the CPU's (flushes the TLB).

    Safety: the new tables must map the running code, its stack and data.
    """
    write_cr3(root)
