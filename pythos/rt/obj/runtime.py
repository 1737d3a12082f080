"""Start-up of the object runtime: one call per module, in dependency
order.  A compiled program that uses objects calls `init_all` before any
of its own code (a Linux or user program from its start-up code, the
kernel right after its heap is ready)."""

from pythos.lang import extern
from pythos.rt.obj import bytearray as bytearray_kind
from pythos.rt.obj import bytes as bytes_kind
from pythos.rt.obj import coroutine as coroutine_kind  # noqa: F401  (compiled code calls it)
from pythos.rt.obj import fields as dataclass_fields  # noqa: F401  (TypeInfos point at it)
from pythos.rt.obj import operators as instance_operators  # noqa: F401  (compiled code calls it)
from pythos.rt.obj import optional as optional_values  # noqa: F401  (compiled code calls it)
from pythos.rt.obj import str as str_kind
from pythos.rt.obj import strsplit
from pythos.rt.obj.box import init as init_box
from pythos.rt.obj.dict import init as init_dict
from pythos.rt.obj.exc import init_exc
from pythos.rt.obj.func import init as init_func
from pythos.rt.obj.gc import init as init_gc
from pythos.rt.obj.iterator import init as init_iterator
from pythos.rt.obj.list import init as init_list
from pythos.rt.obj.object import init_object
from pythos.rt.obj.set import init as init_set
from pythos.rt.obj.tuple import init as init_tuple


def init_all() -> None:
    init_object()  # the str type the core makes messages with
    init_gc()  # the cycle collector: track containers from the first one made
    str_kind.init()  # str's hash, ==, <, repr for containers' items
    strsplit.init()  # the list[str] and tuple types split and partition return
    bytes_kind.init()  # the bytes type and its functions
    init_list()  # the list kind's functions
    bytearray_kind.init()  # the bytearray type and its kind's functions
    init_tuple()  # the tuple kind's functions
    init_box()  # the box kind, the int and bool boxes, the boxes of sized integers
    init_dict()  # dict's kind functions (release, repr, ==, traverse)
    init_set()  # set's kind functions
    init_func()  # function values and closure cells
    init_iterator()  # the iterators iter() makes
    init_exc()  # the lists tracebacks are kept in


@extern("pythos_init_modules")
def init_modules() -> None:
    """Run every module's top-level code that builds its globals, in import
    order (the compiler makes this function: pythos/lower/modinit.py).  A
    Linux program's start-up code calls it before main; the kernel's kmain
    calls it once the heap and the object runtime are up."""
    ...
