"""The leak check of `pythos compile --leak-check`.

The start-up code notes how many objects are live after the runtime's
own start-up (`leak_baseline`) and, when `main` has returned, compares
(`leak_report`): every object the program made must have been freed by
then.  A leak is reported on standard error and the program exits with
status 1, so the differential test suite fails on it.
"""

from pythos.lang import i64, u64
from pythos.rt.alloc import obj_stats
from pythos.rt.core import flush, use_stderr, write_i64, write_str
from pythos.rt.obj.gc import gc_collect
from pythos.rt.platform import platform_exit

baseline_live = u64(0)
baseline_bytes = u64(0)


def leak_baseline() -> None:
    global baseline_live, baseline_bytes
    stats = obj_stats()
    baseline_live = stats.live
    baseline_bytes = stats.in_use


def leak_report() -> None:
    """Exit with status 1, after a report on standard error, if objects
    made since `leak_baseline` are still live.  Reference cycles are not
    leaks where a collector runs: a collection first frees them, as
    `gc.collect()` would (CPython's own leak hunts do the same)."""
    gc_collect()
    stats = obj_stats()
    if stats.live == baseline_live and stats.in_use == baseline_bytes:
        return
    use_stderr()
    write_str("leak check: ")
    write_i64(i64(stats.live) - i64(baseline_live))
    write_str(" object(s) still live after main returned (")
    write_i64(i64(stats.in_use) - i64(baseline_bytes))
    write_str(" bytes)\n")
    flush()
    platform_exit(1)
