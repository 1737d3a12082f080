"""``heapcheck CMD [ARG...]``: run a command and say whether it gave all its memory back.

A command that finishes should leave the kernel heap as it found it: the
objects it made are freed when their last reference goes (or by the
cycle collector), so the heap's bytes in use return to what they were.
``heapcheck`` measures that around one command, the way the issue's
leak test wants it checked, and anyone chasing a leak can use it too::

    pythos> heapcheck lspci
    ...the devices...
    heapcheck: nothing kept (97456 B of heap in use, 62 objects)

Before each measurement the object allocator gives its empty runs back
to the heap (``obj_trim``), so memory it merely keeps ready for the next
object does not count as kept.  The command's output is not measured
apart: it goes to the console, which keeps nothing on the heap.
"""

import kernel.mm.heap as heap
from kernel.shell import registry
from kernel.shell.output import Output
from kernel.shell.registry import FAILED, USAGE, async_command
from pythos.lang import i64
from pythos.rt.alloc import obj_stats, obj_trim


def heap_bytes_used() -> int:
    """The heap's bytes in use, once the object allocator has given back
    its empty runs."""
    obj_trim()
    return int(i64(heap.stats().bytes_used))


def live_objects() -> int:
    return int(i64(obj_stats().live))


def verdict(bytes_before: int, bytes_after: int, objects_before: int,
            objects_after: int) -> str:
    """The line ``heapcheck`` ends with."""
    if bytes_after == bytes_before and objects_after == objects_before:
        return f"heapcheck: nothing kept ({bytes_after} B of heap in use, {objects_after} objects)"
    return (f"heapcheck: kept {bytes_after - bytes_before} B and "
            f"{objects_after - objects_before} objects (heap {bytes_before} -> {bytes_after} B, "
            f"objects {objects_before} -> {objects_after})")


def hold(words: list[str]) -> None:
    """Nothing: a use of ``words`` that keeps them alive until here."""


def command_names() -> list[str]:
    return registry.names()


@async_command("heapcheck", args="CMD [ARG...]", help="run a command; say if it kept heap memory",
         choices=command_names)
async def heapcheck(out: Output, words: list[str]) -> int:
    # Plain ints: an object made to hold the first measurement would
    # itself be live at the second.
    bytes_before = heap_bytes_used()
    objects_before = live_objects()
    # The command gets a copy of the words: a coroutine owns its arguments
    # and lets go of them at their last use, so ``words`` itself, counted
    # in the first measurement, must stay alive until the second.
    status = await registry.run_words_async(out, words[:])
    bytes_after = heap_bytes_used()
    objects_after = live_objects()
    hold(words)
    out.line(verdict(bytes_before, bytes_after, objects_before, objects_after))
    if bytes_after != bytes_before or objects_after != objects_before:
        return FAILED
    # The command's own usage line is out already; USAGE would add
    # heapcheck's below the verdict.
    return FAILED if status == USAGE else status
