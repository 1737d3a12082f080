"""The repr of a container that contains itself.

`l = [1]; l.append(l)` is legal Python, and `repr(l)` must not loop
forever: CPython prints `[1, [...]]`, and `(...)` / `{...}` for a tuple
or dict met again while it is being printed.  CPython keeps the
containers whose repr is in progress (`Py_ReprEnter`); so do we, on a
small stack.  A container looks itself up on entry: found, it prints
its `...` form instead of its items.

The stack is a fixed array, because the runtime has no growable list of
its own to put it in.  Nesting deeper than `DEPTH` containers is not
recorded (their repr still prints, it is only that a cycle longer than
`DEPTH` would not be caught); such a repr would already be deeper than
the native stack of a kernel thread likes.
"""

from typing import Final

from pythos.lang import Array, u64

DEPTH: Final = 256

in_progress = Array[u64, 256]()
depth = u64(0)


def repr_enter(obj: u64) -> bool:
    """Start the repr of container `obj`: False if its repr is already in
    progress further out (print the `...` form, and skip `repr_leave`)."""
    global depth
    recorded = depth if depth < u64(DEPTH) else u64(DEPTH)
    for i in range(recorded):
        if in_progress[i] == obj:
            return False
    if depth < u64(DEPTH):
        in_progress[depth] = obj
    depth += 1
    return True


def repr_leave(obj: u64) -> None:
    """End the repr of `obj` begun by a `repr_enter` that returned True."""
    global depth
    depth -= 1
