"""Python's `gc` module, as compiled programs see it.

`import gc` in a compiled program loads this file (the driver maps the
name here, `target_aliases`), so that `gc.collect()` runs the runtime's
cycle collector (pythos/rt/obj/gc.py) as CPython's runs its own.  Under
CPython the real module is imported instead.  The number returned is the
count of unreachable objects found, as CPython's is; the two runtimes
count different things (CPython also counts the objects that only the
garbage refers to, such as each instance's attribute dict), so a
program that must print the same under both should not print it.
"""

from pythos.lang import i64
from pythos.rt.obj.gc import gc_collect


def collect() -> int:
    """Collect the cyclic garbage now; the number of objects freed."""
    return int(i64(gc_collect()))
