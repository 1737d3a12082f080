"""Memory sizes for people: 654336 bytes reads as ``639 KiB``.

A size is shown in the largest binary unit (KiB = 1024 bytes, MiB, GiB,
TiB) that divides it exactly, so nothing is rounded away: memory map
entries are usually whole KiB or whole MiB, and the printout stays exact
enough to compare with a hexadecimal dump.  Use the pair in one
f-string::

    print(f"{sizes.value(n)} {sizes.unit(n)}")
"""

from pythos.lang import u64


def shift(n: u64) -> u64:
    """How many times 1024 divides ``n`` exactly, at most 4 (TiB)."""
    steps = u64(0)
    while steps < 4 and n != 0 and n & 0x3FF == 0:
        n >>= 10
        steps += 1
    return steps


def value(n: u64) -> u64:
    """``n`` in the unit ``unit(n)`` names."""
    return n >> (shift(n) * 10)


def unit(n: u64) -> str:
    """The unit for ``n``: "B", "KiB", "MiB", "GiB" or "TiB"."""
    steps = shift(n)
    if steps == 0:
        return "B"
    if steps == 1:
        return "KiB"
    if steps == 2:
        return "MiB"
    if steps == 3:
        return "GiB"
    return "TiB"
