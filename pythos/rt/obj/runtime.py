"""Start-up of the object runtime: one call per module, in dependency
order.  A compiled program that uses objects calls `init_all` before any
of its own code (a Linux or user program from its start-up code, the
kernel right after its heap is ready)."""

from pythos.rt.obj.dict import init as init_dict
from pythos.rt.obj.object import init_object
from pythos.rt.obj.set import init as init_set


def init_all() -> None:
    init_object()  # the str type the core makes messages with
    init_dict()  # dict's kind functions (release, repr, ==, traverse)
    init_set()  # set's kind functions
