"""Objects: the header, type descriptors, reference counts, and release.

This module is the contract between the compiler and the object runtime
(docs/objects.md, "The object ABI").  Everything here is low-level Pythos
(fixed-width integers, @struct, Ptr), so it compiles for every target and
runs under CPython on a simulated platform for tests.

An object is an address (a ``u64``, never 0) of an ``ObjHeader``::

    (GcHead: 16 bytes, only if its type is TRACKED)
    +----------------+----------------+---------------------------
    | refcnt (i64)   | type (TypeInfo)| the kind's own fields ...
    +----------------+----------------+---------------------------
    ^ the object's address

``None`` is 0 wherever a value may be None (``T | None`` of an object
type).  Static objects the compiler emits (string literals) start with
``IMMORTAL`` references, so they are never released.

Runtime functions pass objects as ``u64`` addresses.  Unless a function
says otherwise, an object argument is *borrowed* (the caller keeps its
reference) and an object result is *new* (the caller owns one reference).
"""

from typing import Final

from pythos.lang import Array, Ptr, addr_of, call_addr, export, i32, i64, struct, u8, u32, u64
from pythos.rt.alloc import free_block, obj_alloc, obj_free, obj_realloc
from pythos.rt.mem import memcpy, memset

# A count no program reaches: static objects start with it and are never
# released.
IMMORTAL: Final = i64(1 << 60)

# ----- kinds of object (TypeInfo.kind) -------------------------------------------------
KIND_INSTANCE: Final = u32(1)  # an instance of a class (layout chosen by the compiler)
KIND_LIST: Final = u32(2)
KIND_TUPLE: Final = u32(3)
KIND_STR: Final = u32(4)
KIND_BYTES: Final = u32(5)
KIND_BYTEARRAY: Final = u32(6)
KIND_DICT: Final = u32(7)
KIND_SET: Final = u32(8)
KIND_BOX: Final = u32(9)  # a boxed integer or bool: BoxObject, item kind in TypeInfo.item
KIND_FUNCTION: Final = u32(10)  # a function value, bound method or closure
KIND_ITERATOR: Final = u32(11)  # the runtime's own iterators (dict views, ...)
KIND_CELL: Final = u32(12)  # a variable shared by a function and its closures (func.py)
KIND_FROZENSET: Final = u32(13)  # a set that cannot change, and has a hash (set.py)
KINDS: Final = 16

# TypeInfo.flags
TRACKED: Final = u32(1)  # has a GcHead before its header: the cycle collector sees it
# A class whose instances hold no object but strs (every counted field is
# a `str`), set by the compiler: its `clear` can release only strs, each
# freed at once, so an instance is released at once, even during another
# release, without the release loop (docs/objects.md, "Releasing: a leaf
# path").  Never TRACKED, never a generator's frame.
STR_FIELDS: Final = u32(64)
# A tuple type every slot of which is an integer or a bool (ITEM_U8 ...
# ITEM_BOOL), set by the compiler: its hash, comparisons and release need
# not look at each slot's kind.  A type without it may still be one.
INT_ITEMS: Final = u32(2)

# ----- item kinds: how a container stores one element ----------------------------------
# Integers are stored unboxed, at their own width in a list (a list[u8] is
# a byte array) and sign- or zero-extended into 8-byte slots elsewhere
# (tuple items, dict keys and values, set keys).
ITEM_U8: Final = u32(1)
ITEM_U16: Final = u32(2)
ITEM_U32: Final = u32(3)
ITEM_U64: Final = u32(4)
ITEM_I8: Final = u32(5)
ITEM_I16: Final = u32(6)
ITEM_I32: Final = u32(7)
ITEM_I64: Final = u32(8)  # also Python's `int`
ITEM_BOOL: Final = u32(9)  # one byte in a list, 0 or 1
ITEM_OBJ: Final = u32(10)  # an object address, never 0
ITEM_OPT: Final = u32(11)  # an object address, or 0 for None
ITEM_NONE: Final = u32(12)  # always None (list[None]); stored as 0
# Whole-object immutables the compiler also stores unboxed in items:
# none yet.  Floats are out of scope.

# ----- errors ---------------------------------------------------------------------------
# Until exceptions exist (issue 12), a failed operation stops the program.
# A runtime function that can fail records the error with `obj_raise` and
# returns; the compiled code checks `error.kind` after the call and, if
# set, reports the exception with the source line (a checked error result,
# as mypyc does, which issue 12 turns into propagation).
ERR_NONE: Final = u32(0)
ERR_INDEX: Final = u32(1)  # IndexError
ERR_KEY: Final = u32(2)  # KeyError
ERR_VALUE: Final = u32(3)  # ValueError
ERR_TYPE: Final = u32(4)  # TypeError
ERR_ZERO_DIVISION: Final = u32(5)  # ZeroDivisionError
ERR_OVERFLOW: Final = u32(6)  # OverflowError
ERR_ATTRIBUTE: Final = u32(7)  # AttributeError
ERR_MEMORY: Final = u32(8)  # MemoryError
ERR_RUNTIME: Final = u32(9)  # RuntimeError
ERR_STOP_ITERATION: Final = u32(10)  # StopIteration
ERR_ASSERTION: Final = u32(11)  # AssertionError
ERR_NOT_IMPLEMENTED: Final = u32(12)  # NotImplementedError
ERR_LOOKUP: Final = u32(13)  # LookupError
# Subclasses of ValueError (an `except ValueError` must catch them, issue 12).
ERR_UNICODE_DECODE: Final = u32(14)  # UnicodeDecodeError
ERR_UNICODE_ENCODE: Final = u32(15)  # UnicodeEncodeError
ERR_KINDS: Final = 16


@struct
class ObjHeader:
    refcnt: i64  # references held; 0 means released (then it links the release list)
    type: u64  # the object's TypeInfo address


@struct
class GcHead:
    """The 16 bytes before the header of a TRACKED object: its place in
    the cycle collector's list of containers (pythos/rt/obj/gc.py)."""

    next: u64
    prev: u64


GC_HEAD: Final = u64(16)
# Where an instance's fields begin (TypeInfo.refs counts words from here).
FIRST_FIELD: Final = u64(16)


@struct
class TypeInfo:
    """What the runtime knows of an object's type.  The compiler emits one
    constant TypeInfo per concrete type of the program (each class, each
    container type such as `list[str]`); the runtime defines the ones it
    creates itself (str, bytes, the boxes, the list[str] `split` returns).
    Identity of a built-in container type is its kind, not its TypeInfo."""

    kind: u32
    flags: u32
    size: u64  # bytes of an instance, header included (variable-size kinds: the fixed part)
    name: u64  # address of the NUL-terminated name: b"Node", b"list"
    module: u64  # address of the NUL-terminated module name (classes), or 0
    class_id: u32  # isinstance: t is a subclass of c iff c.class_id <= t.class_id <= c.class_last
    class_last: u32
    base: u64  # the base class's TypeInfo, or 0
    item: u32  # item kind: a list's, set's or homogeneous tuple's elements, a dict's keys,
    # a box's integer
    item2: u32  # a dict's values
    fields: u64  # a fixed tuple's item kinds: address of `nfields` u32s, else 0
    nfields: u64
    # Instances: functions the compiler generates, each taking and returning
    # u64 (call_addr), or 0 where the class has none.
    clear: u64  # fn(obj): drop every reference the object holds
    traverse: u64  # fn(obj, visit, arg): call_addr(visit, child, arg) for each object it holds
    hash: u64  # fn(obj) -> hash (`__hash__`); 0: by identity
    eq: u64  # fn(a, b) -> 0/1 (`__eq__`); 0: by identity
    # repr and str: with a builder of 0 instead, each returns its text as a new str
    repr: u64  # fn(obj, builder): append repr(obj) (`__repr__`); 0: <module.Name object>
    str: u64  # fn(obj, builder): append str(obj) (`__str__`); 0: as repr
    lt: u64  # fn(a, b) -> 0/1 (`__lt__`, for sorted and min/max); 0: not orderable
    vtable: u64  # address of the method table (u64 function addresses), or 0
    # Instances: which words after the header hold an object the collector
    # must see (bit i: the word at FIRST_FIELD + 8 * i), so that it reads
    # them inline instead of calling `traverse`; 0 when a class has none,
    # or one beyond the 64th word (then `traverse` is used).
    refs: u64
    # Instances: which words after the header hold a reference the release
    # drops itself, inline (bit i: the word at FIRST_FIELD + 8 * i), instead
    # of calling `clear`: every reference a class's instance holds (a
    # bytes field's owner word among them), or 0, and `clear` is called,
    # when a class has none, or one beyond the 64th word, and for the
    # frames whose `clear` does more than drop them (generator.py).
    drops: u64


@struct
class ListObject:
    """A list: `length` items of the type's item kind, each `item_size`
    bytes, in a buffer of `capacity` items (`obj_alloc`ed, 0 when empty)."""

    refcnt: i64
    type: u64
    length: i64
    capacity: i64
    items: u64


@struct
class TupleObject:
    """A tuple: `length` 8-byte item slots follow the header (at
    TUPLE_ITEMS); the type's `fields` (or `item`) give each one's kind."""

    refcnt: i64
    type: u64
    length: i64


TUPLE_ITEMS: Final = u64(24)


@struct
class StrObject:
    """A str: `nbytes` bytes of UTF-8 follow the header (at STR_DATA), then
    a NUL.  `length` counts code points (== nbytes when all ASCII, which
    makes indexing O(1)).  `hash` is 0 until computed (str.py keeps a
    computed hash nonzero).  String literals are static StrObjects the
    compiler emits, with IMMORTAL references."""

    refcnt: i64
    type: u64
    length: i64
    nbytes: i64
    hash: u64


STR_DATA: Final = u64(40)


@struct
class BytesObject:
    """bytes: `length` bytes follow the header (at BYTES_DATA), then a NUL."""

    refcnt: i64
    type: u64
    length: i64
    hash: u64


BYTES_DATA: Final = u64(32)


@struct
class BoxObject:
    """An integer or bool where an object is needed (`int | None` items,
    `object`): the type's `item` says which integer type."""

    refcnt: i64
    type: u64
    value: u64


@struct
class StrBuilder:
    """Text being built (repr, str, f-strings, join): not an object, a
    buffer on the caller's stack.  `sb_finish` (str.py) turns it into a
    str and frees the buffer; `sb_free` drops it unused."""

    data: u64
    nbytes: u64
    capacity: u64
    length: u64  # code points so far


@struct
class KindOps:
    """The runtime's functions for one built-in kind, registered by the
    kind's module at start-up (`register_kind`), so that generic code
    (release, repr of a container's items, hashing a key) reaches every
    kind without importing every module.  Each is a function address taking
    and returning u64, or 0."""

    clear: u64  # fn(obj): drop references and free the kind's own buffers
    traverse: u64  # fn(obj, visit, arg)
    size: u64  # fn(obj) -> bytes to free for the object itself (variable-size kinds)
    hash: u64  # fn(obj) -> hash; 0: unhashable
    eq: u64  # fn(a, b) -> 0/1
    lt: u64  # fn(a, b) -> 0/1
    repr: u64  # fn(obj, builder)
    str: u64  # fn(obj, builder); 0: as repr


@struct
class ErrorState:
    kind: u32  # ERR_*, or ERR_NONE
    pad: u32
    message: u64  # a str object (owned) with the exception's text, or 0
    exc: u64  # the exception object (owned), or 0 while the error is lazy (exc.py)
    tb: u64  # the traceback: a list object (owned), or 0 (exc.py)


kind_ops = Array[KindOps, 16]()
error = ErrorState()
# Objects whose count reached 0, waiting to be cleared and freed, linked
# through their `refcnt` word; `releasing` while `obj_release` drains it.
pending = u64(0)
releasing = u64(0)
# Hooks the cycle collector installs (0 until it does): gc_untrack(obj)
# before a TRACKED object's memory is freed, gc_track(obj) when one is
# made (before its header is written: `obj_new`).
gc_track_hook = u64(0)
gc_untrack_hook = u64(0)


def header(obj: u64) -> Ptr[ObjHeader]:
    return Ptr[ObjHeader](obj)


def type_of(obj: u64) -> Ptr[TypeInfo]:
    return Ptr[TypeInfo](Ptr[ObjHeader](obj)[0].type)


def register_kind(kind: u32, ops: Ptr[KindOps]) -> None:
    """Install a built-in kind's functions (each module's `init`)."""
    kind_ops[kind] = ops[0]


def obj_new(ti: u64, size: u64) -> u64:
    """A new object of type `ti` with `size` bytes (header included), all
    zero but the header, with one reference (the caller's).

    The compiler inlines this where objects are made (docs/objects.md,
    "Speed"): with `ti` and `size` constants there, the type's flags and
    the size class fold away, and the object costs the allocator's fast
    path, a store per word and the header.  An object the cycle collector
    tracks has a GcHead before its header, and the collector is told out
    of line (`obj_track`), *before* the header and the fields are
    written: the call is opaque to LLVM, so the zeros stored after it are
    what the inlined `__init__` then sees in the fields, and its drop of
    each field's old value folds away.  The collector never reads the
    new object itself (a collection it starts runs before linking it in).
    """
    if (Ptr[TypeInfo](ti)[0].flags & TRACKED) != 0:
        obj = obj_track(obj_alloc(size + GC_HEAD) + GC_HEAD)
        zero_fields(obj, size)
        h = Ptr[ObjHeader](obj)
        h[0].refcnt = i64(1)
        h[0].type = ti
        return obj
    obj = obj_alloc(size)
    zero_fields(obj, size)
    h = Ptr[ObjHeader](obj)
    h[0].refcnt = i64(1)
    h[0].type = ti
    return obj


def obj_track(obj: u64) -> u64:
    """Tell the collector of a new TRACKED object; returns `obj`.  Its
    header is not written yet: the hook links its GcHead in and may
    collect first, but reads nothing else of it.  Without a collector
    the GcHead is zeroed ("not on a list").  Inlined where objects are
    made, with the hook's collection out of line (inlining.py)."""
    if gc_track_hook != 0:
        call_addr(gc_track_hook, obj)
    else:
        Ptr[GcHead](obj - GC_HEAD)[0].next = u64(0)
        Ptr[GcHead](obj - GC_HEAD)[0].prev = u64(0)
    return obj


def zero_fields(obj: u64, size: u64) -> None:
    """Zero what follows the header of a new `size`-byte object: a store
    per word, which a constant size unrolls (a call to `memset` would
    cost more than the stores for the few words of most objects)."""
    words = size >> 3
    for i in range(u64(2), words):
        Ptr[u64](obj)[i] = u64(0)
    if size & 7 != 0:
        memset(Ptr[u8](obj + (words << 3)), i32(0), size & 7)


def obj_size(obj: u64) -> u64:
    """The bytes `obj` itself occupies (header included, GcHead not)."""
    info = type_of(obj)
    if info[0].kind == KIND_STR:
        return STR_DATA + u64(Ptr[StrObject](obj)[0].nbytes) + 1
    if info[0].kind != KIND_INSTANCE:
        size_fn = kind_ops[info[0].kind].size
        if size_fn != 0:
            return call_addr(size_fn, obj)
    return info[0].size


def obj_incref(obj: u64) -> None:
    Ptr[ObjHeader](obj)[0].refcnt += 1


def obj_xincref(obj: u64) -> None:
    if obj != 0:
        Ptr[ObjHeader](obj)[0].refcnt += 1


def obj_decref(obj: u64) -> None:
    h = Ptr[ObjHeader](obj)
    h[0].refcnt -= 1
    if h[0].refcnt == 0:
        obj_release(obj)


def obj_xdecref(obj: u64) -> None:
    if obj != 0:
        obj_decref(obj)


def obj_release(obj: u64) -> None:
    """Free an object whose last reference went, and everything that only
    it kept alive, without recursion: a freed object's references are
    dropped by its kind's `clear`, and any object *they* release joins the
    `pending` list (linked through the dead objects' count words) instead
    of being freed inside the call.  A chain of a million nodes frees in a
    loop, on any stack.

    An instance that holds no objects (its class has no `clear`) and that
    the collector does not track is freed at once, with no loop: the
    common case of a small object, kept to a leaf function that needs no
    stack frame (docs/objects.md, "Speed").  Freeing it frees nothing
    else, so that is right during another release too (a `Num` leaf of
    a tree being released).  Every other object is `release_other`'s, a
    tail call, so that its tests cost the instance's path nothing.
    """
    info = type_of(obj)
    if info[0].kind == KIND_INSTANCE and info[0].clear == 0 and (info[0].flags & TRACKED) == 0:
        obj_free(obj, info[0].size)
        return
    release_other(obj)


def release_other(obj: u64) -> None:
    """`obj_release` of anything but a leaf instance (kept out of line,
    inlining.py).  A str holds no objects and is never tracked: it is
    freed at once, with its size from its own byte count, instead of
    through the release loop's kind dispatch; and an instance that holds
    only strs (STR_FIELDS) is cleared by a call of its `clear`, which
    frees those strs at once, and freed (docs/objects.md, "Releasing: a
    leaf path").  Neither can release anything else, so both are right
    during another release too.  Any other object joins the `pending`
    list during a release, or starts one."""
    global pending
    info = type_of(obj)
    if info[0].kind == KIND_STR:
        obj_free(obj, STR_DATA + u64(Ptr[StrObject](obj)[0].nbytes) + 1)
        return
    if (info[0].flags & STR_FIELDS) != 0:
        call_addr(info[0].clear, obj)
        obj_free(obj, info[0].size)
        return
    if releasing != 0:
        Ptr[ObjHeader](obj)[0].refcnt = i64(pending)
        pending = obj
        return
    release_all(obj)


def tuple_release_ints(t: u64) -> None:
    """`obj_release` of a tuple that the compiler knows, from its static
    type, has only integer slots (`tuple[int, int]`, `tuple[int, ...]`):
    it holds no object and the collector does not track it, so its memory
    goes back at once, without the release loop.  That is right even
    while another release is in progress, since freeing it frees nothing
    else.  The empty tuple is static and never gets here."""
    obj_free(t, TUPLE_ITEMS + u64(Ptr[TupleObject](t)[0].length) * 8)


def tuple_holds_objects(info: Ptr[TypeInfo], length: i64) -> bool:
    """Whether a slot of a tuple of type `info` and `length` slots can hold
    an object: its kinds are `fields` (one a slot) or the one `item`."""
    if info[0].fields == 0:
        return item_is_object(info[0].item)
    kinds = Ptr[u32](info[0].fields)
    for i in range(length):
        if item_is_object(kinds[i]):
            return True
    return False


@export("pythos_obj_release_all")
def release_all(obj: u64) -> None:
    """`obj_release` of an object that may hold others: release it and
    every object the releases free, one after another.  The next one is
    the first child whose count the release took to 0, passed along in a
    register, or else the top of `pending`."""
    global pending, releasing
    releasing = u64(1)
    dead = obj
    while True:
        dead = release_one(dead)
        if dead == 0:
            dead = pending
            if dead == 0:
                break
            pending = u64(Ptr[ObjHeader](dead)[0].refcnt)
    releasing = u64(0)


def release_one(dead: u64) -> u64:
    """Drop what `dead` holds and give its memory back.  An instance's
    references are its TypeInfo's `drops` words (or its `clear`'s), its
    size is there too; other kinds ask their KindOps.  Returns an object
    whose count the drops took to 0, to be released next, or 0 (the
    others are on `pending`)."""
    info = type_of(dead)
    following = u64(0)
    if info[0].kind == KIND_INSTANCE:
        drops = info[0].drops
        if drops != 0:
            following = drop_fields(dead, drops)
        elif info[0].clear != 0:
            call_addr(info[0].clear, dead)
        size = info[0].size
    else:
        clear = kind_ops[info[0].kind].clear
        if clear != 0:
            call_addr(clear, dead)
        size = obj_size(dead)
    if (info[0].flags & TRACKED) != 0:
        if gc_untrack_hook != 0:
            call_addr(gc_untrack_hook, dead)
        free_block(dead - GC_HEAD, size + GC_HEAD)
    else:
        free_block(dead, size)
    return following


def drop_fields(obj: u64, drops: u64) -> u64:
    """Drop the reference each `drops` word of the dying instance `obj`
    holds (0 is None), inside the release loop: the first child whose
    count reaches 0 is returned, to be released next without a trip
    through memory, and any other joins `pending`, where `obj_release`
    would put it, so a chain still frees in the loop, not by recursion.
    The words are not zeroed, as `clear` zeroes them: the instance's
    memory goes back next, and nothing reads it again (docs/objects.md,
    "Releasing by the field map")."""
    first = u64(0)
    field = obj + FIRST_FIELD
    # Two words a turn, as the collector's `traverse` reads `refs`.
    while drops != 0:
        if (drops & 1) != 0:
            first = drop_field(Ptr[u64](field)[0], first)
        if (drops & 2) != 0:
            first = drop_field(Ptr[u64](field + 8)[0], first)
        drops >>= 2
        field += 16
    return first


def drop_field(child: u64, first: u64) -> u64:
    """`drop_fields`' drop of one word: `first`, or `child` if it is the
    first child to reach 0 (a later one joins `pending`)."""
    global pending
    if child != 0:
        h = Ptr[ObjHeader](child)
        h[0].refcnt -= 1
        if h[0].refcnt == 0:
            if first == 0:
                return child
            h[0].refcnt = i64(pending)
            pending = child
    return first


def item_size(kind: u32) -> u64:
    """The bytes one item of `kind` takes in a list (elsewhere items take
    8-byte slots)."""
    if kind == ITEM_U8 or kind == ITEM_I8 or kind == ITEM_BOOL:
        return u64(1)
    if kind == ITEM_U16 or kind == ITEM_I16:
        return u64(2)
    if kind == ITEM_U32 or kind == ITEM_I32:
        return u64(4)
    return u64(8)


def item_is_object(kind: u32) -> bool:
    return kind == ITEM_OBJ or kind == ITEM_OPT


def item_load(kind: u32, addr: u64) -> u64:
    """The item of `kind` stored at `addr`, as a 64-bit slot value
    (signed kinds sign-extended)."""
    if kind == ITEM_U8 or kind == ITEM_BOOL:
        return u64(Ptr[u8](addr)[0])
    if kind == ITEM_I8:
        return u64(i64(u64(Ptr[u8](addr)[0]) << 56) >> 56)
    if kind == ITEM_U16 or kind == ITEM_I16:
        v16 = u64(Ptr[u8](addr)[0]) | (u64(Ptr[u8](addr)[1]) << 8)
        return u64(i64(v16 << 48) >> 48) if kind == ITEM_I16 else v16
    if kind == ITEM_U32 or kind == ITEM_I32:
        v32 = u64(Ptr[u32](addr)[0])
        return u64(i64(v32 << 32) >> 32) if kind == ITEM_I32 else v32
    return Ptr[u64](addr)[0]


def item_store(kind: u32, addr: u64, value: u64) -> None:
    """Store a slot value as an item of `kind` at `addr` (truncating)."""
    size = item_size(kind)
    if size == 1:
        Ptr[u8](addr)[0] = u8(value)
    elif size == 2:
        Ptr[u8](addr)[0] = u8(value)
        Ptr[u8](addr)[1] = u8(value >> 8)
    elif size == 4:
        Ptr[u32](addr)[0] = u32(value)
    else:
        Ptr[u64](addr)[0] = value


def item_incref(kind: u32, value: u64) -> None:
    if (kind == ITEM_OBJ or kind == ITEM_OPT) and value != 0:
        Ptr[ObjHeader](value)[0].refcnt += 1


def item_decref(kind: u32, value: u64) -> None:
    if (kind == ITEM_OBJ or kind == ITEM_OPT) and value != 0:
        obj_decref(value)


def is_subclass(ti: u64, of: u64) -> bool:
    """Whether the class `ti` is `of` or derives from it (isinstance)."""
    t = Ptr[TypeInfo](ti)
    c = Ptr[TypeInfo](of)
    return c[0].class_id <= t[0].class_id and t[0].class_id <= c[0].class_last


def obj_raise(kind: u32, message: u64) -> None:
    """Record a failed operation (the caller returns at once, and the
    compiled code that called it reports it).  `message` is a str object
    the error state takes over, or 0; the first error recorded wins."""
    if error.kind != ERR_NONE:
        if message != 0:
            obj_decref(message)
        return
    error.kind = kind
    error.message = message


def obj_error_clear() -> None:
    """Forget a recorded error (and drop its message, exception object
    and traceback, pythos/rt/obj/exc.py)."""
    message = error.message
    exc = error.exc
    tb = error.tb
    error.kind = ERR_NONE
    error.message = u64(0)
    error.exc = u64(0)
    error.tb = u64(0)
    if message != 0:
        obj_decref(message)
    if exc != 0:
        obj_decref(exc)
    if tb != 0:
        obj_decref(tb)


def sb_reserve(sb: Ptr[StrBuilder], more: u64) -> None:
    """Make room for `more` bytes."""
    need = sb[0].nbytes + more
    if need <= sb[0].capacity:
        return
    cap = sb[0].capacity * 2 if sb[0].capacity >= 32 else u64(64)
    while cap < need:
        cap *= 2
    if sb[0].data == 0:
        sb[0].data = obj_alloc(cap)
    else:
        sb[0].data = obj_realloc(sb[0].data, sb[0].capacity, cap)
    sb[0].capacity = cap


def sb_append(sb: Ptr[StrBuilder], data: u64, nbytes: u64, codepoints: u64) -> None:
    """Append `nbytes` bytes of UTF-8 text (`codepoints` code points)."""
    sb_reserve(sb, nbytes)
    memcpy(Ptr[u8](sb[0].data + sb[0].nbytes), Ptr[u8](data), nbytes)
    sb[0].nbytes += nbytes
    sb[0].length += codepoints


def sb_append_byte(sb: Ptr[StrBuilder], b: u8) -> None:
    """Append one ASCII character."""
    sb_reserve(sb, u64(1))
    Ptr[u8](sb[0].data)[sb[0].nbytes] = b
    sb[0].nbytes += 1
    sb[0].length += 1


def sb_append_str(sb: Ptr[StrBuilder], s: u64) -> None:
    """Append the text of the str object `s`."""
    so = Ptr[StrObject](s)
    sb_append(sb, s + STR_DATA, u64(so[0].nbytes), u64(so[0].length))


def sb_free(sb: Ptr[StrBuilder]) -> None:
    if sb[0].data != 0:
        obj_free(sb[0].data, sb[0].capacity)
    sb[0].data = u64(0)
    sb[0].nbytes = u64(0)
    sb[0].capacity = u64(0)
    sb[0].length = u64(0)


# ----- str objects: made here, because every kind needs them (messages, repr) ----
# The str type (kind, name) is filled by `init_object`; the rest of str's
# behaviour (methods, hashing, repr) is pythos/rt/obj/str.py.
STR_TYPE = TypeInfo()
str_name = Array[u8, 4]()


def init_object() -> None:
    """Set up the core's own descriptors (before any object is made)."""
    STR_TYPE.kind = KIND_STR
    STR_TYPE.size = STR_DATA + 1
    STR_TYPE.name = cstring(addr_of(str_name), b"str")


def cstring(buf: Ptr[u8], text: bytes) -> u64:
    """Copy `text` and a NUL into `buf` (big enough); its address, for a
    TypeInfo's name."""
    for i in range(len(text)):
        buf[i] = u8(text[i])
    buf[len(text)] = u8(0)
    return buf.addr


def str_new(nbytes: u64, length: u64) -> u64:
    """A new str of `nbytes` bytes (to be filled by the caller, at
    `obj + STR_DATA`) holding `length` code points; the NUL is written.

    Not made with `obj_new`, which zeroes every word after the header:
    the caller writes all `nbytes` bytes anyway, and zeroing them first
    (a `memset` of a size known only at run time) cost as much as the
    copy that fills them.  A str holds no references and is not TRACKED,
    so only the header, the two lengths, `hash` and the NUL need setting."""
    obj = obj_alloc(STR_DATA + nbytes + 1)
    s = Ptr[StrObject](obj)
    s[0].refcnt = i64(1)
    s[0].type = addr_of(STR_TYPE).addr
    s[0].length = i64(length)
    s[0].nbytes = i64(nbytes)
    s[0].hash = u64(0)
    Ptr[u8](obj + STR_DATA)[nbytes] = u8(0)
    return obj


def utf8_length(data: u64, nbytes: u64) -> u64:
    """Code points in `nbytes` bytes of valid UTF-8: every byte but the
    continuation bytes (10xxxxxx) starts one."""
    p = Ptr[u8](data)
    n = u64(0)
    for i in range(nbytes):
        if (p[i] & 0xC0) != 0x80:
            n += 1
    return n


def str_from_utf8(data: u64, nbytes: u64) -> u64:
    """A new str holding a copy of `nbytes` bytes of valid UTF-8."""
    obj = str_new(nbytes, utf8_length(data, nbytes))
    memcpy(Ptr[u8](obj + STR_DATA), Ptr[u8](data), nbytes)
    return obj


def str_from_ascii(text: bytes) -> u64:
    """A new str from an ASCII bytes constant (error messages)."""
    obj = str_new(u64(len(text)), u64(len(text)))
    data = Ptr[u8](obj + STR_DATA)
    for i in range(len(text)):
        data[i] = u8(text[i])
    return obj


def sb_finish(sb: Ptr[StrBuilder]) -> u64:
    """The builder's text as a new str; the builder is left empty."""
    obj = str_new(sb[0].nbytes, sb[0].length)
    if sb[0].nbytes != 0:
        memcpy(Ptr[u8](obj + STR_DATA), Ptr[u8](sb[0].data), sb[0].nbytes)
    sb_free(sb)
    return obj
