"""Pausing Python's cyclic garbage collector while the compiler builds.

The compiler's data (syntax trees, symbols, the LLVM IR objects) lives
until the process ends, yet CPython's collector keeps walking it: each
full collection visits every object allocated so far, and it runs more
often the more is allocated.  Lowering the kernel with debug information
allocates about 11,000 extra metadata nodes and their locations, and the
link then decodes thousands of table rows with all of that still alive;
measured, the collections cost 0.35 s of a 2.6 s kernel build with debug
information and 0.2 s without (docs/debugging.md).  Nothing in these
stages makes garbage cycles worth collecting, so they run with the
collector paused, and it is resumed (if it was on) when they end.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["pause_for_command", "paused_gc", "skip_final_collection"]


@contextmanager
def paused_gc() -> Iterator[None]:
    """Run the body without cyclic garbage collection."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def pause_for_command() -> None:
    """Pause the collector for the rest of a `python -m pythos` command.

    ``paused_gc`` pauses it around the compiler's stages, for library
    callers such as the tests, which compile many programs in one process
    and need their memory back between them.  A command compiles once and
    exits, and resuming the collector in between would cost a collection
    of everything the stages made (their objects are all young to it):
    0.1 s after a kernel build, more with debug information.  What a
    command makes after the compilation (QEMU's output, a terminal's keys)
    is freed as usual, by reference counting, being free of cycles.
    """
    gc.disable()


def skip_final_collection() -> None:
    """Spare the interpreter its last full collection at exit.

    When the process ends, CPython collects once more, walking every object
    still alive: after a kernel build, the whole compiled program, 0.15 to
    0.25 s of nothing (its memory goes back with the process anyway).
    Frozen objects are left out of every collection, that last one
    included, so a command that is about to exit freezes what it has.
    """
    gc.freeze()
