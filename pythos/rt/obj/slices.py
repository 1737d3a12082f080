"""Slices: turning `s[start:stop:step]` into the indexes it selects.

Every sequence (list, tuple, str, bytes) slices the same way, so the
arithmetic lives here once.  It is CPython's, in two steps:

1. *Defaults.*  A missing start is the end the walk begins from (0, or
   the last item when stepping backwards); a missing stop is the far end
   in the walk's direction.  Both are written as the extreme i64 values,
   so that step 2 clamps them like any other out-of-range bound.
2. *Clamping.*  A negative bound counts from the end (`-1` is the last
   item).  A bound still outside `0..length` is pulled to the nearest
   place where the walk can start or stop: `0` or `length` going forwards,
   `-1` or `length - 1` going backwards (`-1` means "before the first
   item", so `s[2::-1]` stops after index 0).

The number of items then follows from the distance between the clamped
bounds, rounded up to whole steps, and never below 0::

    step > 0:  count = (stop - start - 1) // step + 1   if start < stop
    step < 0:  count = (start - stop - 1) // -step + 1  if stop < start

A step of 0 is CPython's `ValueError: slice step cannot be zero`.
"""

from typing import Final

from pythos.lang import Ptr, i64, struct
from pythos.rt.obj.object import ERR_VALUE, obj_raise, str_from_ascii

I64_MAX: Final = i64(0x7FFFFFFFFFFFFFFF)
I64_MIN: Final = -I64_MAX - 1


@struct
class SliceBounds:
    """A slice resolved against a length: item k of the slice is item
    `start + k * step` of the sequence, for k in `range(count)`."""

    start: i64
    stop: i64
    step: i64
    count: i64


def clamp_bound(bound: i64, length: i64, step: i64) -> i64:
    if bound < 0:
        bound += length
        if bound < 0:
            return i64(-1) if step < 0 else i64(0)
    elif bound >= length:
        return length - 1 if step < 0 else length
    return bound


def slice_resolve(out: Ptr[SliceBounds], length: i64, start: i64, stop: i64, step: i64,
                  has_start: bool, has_stop: bool) -> bool:
    """Resolve `[start:stop:step]` over `length` items into `out`.  A
    missing bound is passed with its `has_` flag False (its value is then
    ignored); a missing step is passed as 1.  False, with ValueError
    recorded, for a step of 0."""
    if step == 0:
        obj_raise(ERR_VALUE, str_from_ascii(b"slice step cannot be zero"))
        return False
    # CPython reads a step below -I64_MAX as -I64_MAX, so that negating
    # it cannot overflow.
    if step < -I64_MAX:
        step = -I64_MAX
    if not has_start:
        start = I64_MAX if step < 0 else i64(0)
    if not has_stop:
        stop = I64_MIN if step < 0 else I64_MAX
    start = clamp_bound(start, length, step)
    stop = clamp_bound(stop, length, step)
    count = i64(0)
    if step < 0:
        if stop < start:
            count = (start - stop - 1) // (-step) + 1
    elif start < stop:
        count = (stop - start - 1) // step + 1
    out[0].start = start
    out[0].stop = stop
    out[0].step = step
    out[0].count = count
    return True
