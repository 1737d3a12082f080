"""A byte pattern that tests write into memory they own and check later.

A heap or allocator test fills each block it gets with a pattern that
depends on a seed (the block's number, say), then checks it before the
block is freed: a block handed out twice, or overwritten by the
allocator's own bookkeeping, shows up as a changed byte.  Each byte is
``seed + 13 * offset`` (mod 256), so neighbouring blocks and neighbouring
bytes differ.
"""

from pythos.lang import Ptr, u8, u64


def fill(address: u64, size: u64, seed: u64) -> None:
    """Write the pattern for ``seed`` into ``size`` bytes at ``address``."""
    data = Ptr[u8](address)
    for i in range(size):
        data[i] = u8((seed + i * 13) & 0xFF)


def intact(address: u64, size: u64, seed: u64) -> bool:
    """Whether the ``size`` bytes at ``address`` still hold the pattern for ``seed``."""
    data = Ptr[u8](address)
    for i in range(size):
        if data[i] != u8((seed + i * 13) & 0xFF):
            return False
    return True
