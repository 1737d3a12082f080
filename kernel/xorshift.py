"""xorshift64: a fixed pseudo-random sequence for tests and benchmarks.

The in-kernel tests and the allocator benchmark want the same thing from
randomness: many different sizes and orders, and the same ones on every
run, so that a failure can be repeated and two measurements compare.
Marsaglia's xorshift64 gives that in three shifts and no tables.  Each
user keeps its own state (a nonzero seed), so one test's draws never shift
another's sequence:

    state = xorshift64(state)   # the next number, and the new state

A zero state stays zero, which is why the seed must not be 0.
"""

from pythos.lang import u64


def xorshift64(state: u64) -> u64:
    """The number after ``state`` in the sequence (nonzero if ``state`` is)."""
    x = state
    x ^= x << 13
    x ^= x >> 7
    x ^= x << 17
    return x
