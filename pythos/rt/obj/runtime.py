"""Start-up of the object runtime: one call per module, in dependency
order.  A compiled program that uses objects calls `init_all` before any
of its own code (a Linux or user program from its start-up code, the
kernel right after its heap is ready)."""

from pythos.rt.obj import bytes as bytes_kind
from pythos.rt.obj import str as str_kind
from pythos.rt.obj import strsplit
from pythos.rt.obj.object import init_object


def init_all() -> None:
    init_object()  # the str type the core makes messages with
    str_kind.init()  # str's hash, ==, <, repr for containers' items
    strsplit.init()  # the list[str] and tuple types split and partition return
    bytes_kind.init()  # the bytes type and its functions
