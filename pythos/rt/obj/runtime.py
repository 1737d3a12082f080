"""Start-up of the object runtime: one call per module, in dependency
order.  A compiled program that uses objects calls `init_all` before any
of its own code (a Linux or user program from its start-up code, the
kernel right after its heap is ready)."""

from pythos.rt.obj.gc import init as init_gc
from pythos.rt.obj.object import init_object


def init_all() -> None:
    init_object()  # the str type the core makes messages with
    init_gc()  # the cycle collector: track containers from the first one made
