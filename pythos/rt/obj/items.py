"""Items: what containers do with one element, whatever its kind.

A container stores its elements by item kind (object.py, ITEM_*): sized
integers unboxed, objects by address.  The functions here hash, compare,
order and print one item given its kind and 64-bit slot value, so that
list, tuple, dict and set share one definition of each.  For an object
item they go to the object's kind (`kind_ops`) or, for an instance, to
the functions the compiler put in its class's TypeInfo.
"""

from typing import Final

from pythos.lang import Array, Ptr, addr_of, call_addr, i64, u8, u32, u64
from pythos.rt.obj.object import (
    INT_ITEMS,
    ITEM_BOOL,
    ITEM_I8,
    ITEM_I16,
    ITEM_I32,
    ITEM_I64,
    ITEM_NONE,
    KIND_INSTANCE,
    KIND_STR,
    KIND_TUPLE,
    STR_DATA,
    TUPLE_ITEMS,
    StrBuilder,
    StrObject,
    TupleObject,
    TypeInfo,
    is_subclass,
    item_is_object,
    kind_ops,
    sb_append,
    sb_append_byte,
    sb_finish,
    tuple_holds_objects,
    type_of,
)
from pythos.rt.obj.utf8 import bytes_compare

# CPython hashes an integer to its value modulo this Mersenne prime
# (sys.hash_info.modulus), keeping the sign, and never to -1.
HASH_MODULUS: Final = u64((1 << 61) - 1)
# CPython 3.11's tuple hash (Objects/tupleobject.c) is a variant of the
# xxHash64 round: these are its primes.
XXPRIME_1: Final = u64(11400714785074694791)
XXPRIME_2: Final = u64(14029467366897019727)
XXPRIME_5: Final = u64(2870177450012600261)
# Added with the length at the end, chosen so that hash(()) kept its
# value from before the change (3527539 is that history).
XXLENGTH_MIX: Final = u64(2870177450012600261 ^ 3527539)


def item_signed(kind: u32) -> bool:
    return kind == ITEM_I8 or kind == ITEM_I16 or kind == ITEM_I32 or kind == ITEM_I64


def item_is_int(kind: u32) -> bool:
    return kind != 0 and kind <= ITEM_BOOL


def int_hash(value: u64, signed: bool) -> u64:
    """hash(n) as CPython computes it, as a 64-bit pattern.  A value from
    0 below the modulus, signed or not, is its own hash: one compare
    instead of the division (a negative one is above it as a u64)."""
    if value < HASH_MODULUS:
        return value
    if signed and i64(value) < 0:
        mag = u64(0) - value
        h = mag % HASH_MODULUS
        result = u64(0) - h
        if i64(result) == -1:
            return u64(0) - 2
        return result
    return value % HASH_MODULUS


def kind_in(info: Ptr[TypeInfo], index: i64) -> u32:
    """The item kind of slot `index` of a tuple of type `info`: from its
    `fields` (a fixed tuple such as `tuple[int, str]`), else its `item`
    (`tuple[int, ...]`)."""
    if info[0].fields != 0:
        return Ptr[u32](info[0].fields)[index]
    return info[0].item


def xx_round(acc: u64, lane: u64) -> u64:
    """Fold one item's hash into a tuple's hash: xxHash64's round."""
    acc += lane * XXPRIME_2
    acc = (acc << 31) | (acc >> 33)
    return acc * XXPRIME_1


def hash_end(acc: u64, n: i64) -> u64:
    """A tuple's hash once its items are folded in: the length mixed in;
    -1 is kept for "error" in CPython, so it becomes 1546275796."""
    acc += u64(n) ^ XXLENGTH_MIX
    if acc == u64(0xFFFFFFFFFFFFFFFF):
        return u64(1546275796)
    return acc


def int_tuple_hash(t: u64, info: Ptr[TypeInfo]) -> u64:
    """hash(t) for a tuple whose slots are all integers (its type has
    INT_ITEMS), as CPython computes it (tuple.py's `tuple_hash`), when
    every slot is its own hash (from 0 below the modulus): a leaf with no
    call and no saved registers, so that `item_hash`, and through it every
    dict and set probe of an `(x, y)` key, does it with a direct call
    instead of the tuple kind's indirect `hash`.  A slot that needs
    int_hash's division hands the tuple to `wide_tuple_hash`."""
    return int_slots_hash(t, Ptr[TupleObject](t)[0].length)


def int_slots_hash(t: u64, n: i64) -> u64:
    """`int_tuple_hash` of a tuple of `n` slots: inlined (inlining.py), so
    that where `n` is a constant, the length of a fixed tuple type that
    compiled code hashes (pythos/ir/passes/keyhash.py), the loop is
    unrolled into a few multiplies."""
    values = Ptr[u64](t + TUPLE_ITEMS)
    acc = XXPRIME_5
    for i in range(n):
        lane = values[i]
        if lane >= HASH_MODULUS:
            return wide_tuple_hash(t, type_of(t))
        acc = xx_round(acc, lane)
    return hash_end(acc, n)


def wide_tuple_hash(t: u64, info: Ptr[TypeInfo]) -> u64:
    """int_tuple_hash of a tuple with a negative or wide slot."""
    n = Ptr[TupleObject](t)[0].length
    values = Ptr[u64](t + TUPLE_ITEMS)
    acc = XXPRIME_5
    for i in range(n):
        acc = xx_round(acc, int_hash(values[i], item_signed(kind_in(info, i))))
    return hash_end(acc, n)


def item_hash(kind: u32, value: u64) -> u64:
    """hash() of an item.  An unhashable item never gets here: the
    checker rejects unhashable key types."""
    if item_is_int(kind):
        return int_hash(value, item_signed(kind))
    if value == 0:
        # hash(None) is a constant in CPython (it varies by version); any
        # constant keeps dict and set semantics.
        return u64(0xFCA86420)
    info = type_of(value)
    if info[0].kind == KIND_TUPLE and (info[0].flags & INT_ITEMS) != 0:
        return int_tuple_hash(value, info)
    fn = info[0].hash if info[0].kind == KIND_INSTANCE else kind_ops[info[0].kind].hash
    if fn == 0:
        return value >> 4  # identity, as object.__hash__ does
    return call_addr(fn, value)


def item_eq(kind: u32, a: u64, b: u64) -> bool:
    """a == b for two items of one kind."""
    if a == b:
        return True
    if item_is_int(kind) or kind == ITEM_NONE or a == 0 or b == 0:
        return False
    ta = type_of(a)
    tb = type_of(b)
    if ta[0].kind != tb[0].kind:
        # Two `object`s of different kinds: only an instance's __eq__
        # can make them equal, the left's first, else the right's, as
        # CPython tries them (a built-in's answer is NotImplemented).
        if ta[0].kind == KIND_INSTANCE and ta[0].eq != 0:
            return call_addr(ta[0].eq, a, b) != 0
        if tb[0].kind == KIND_INSTANCE and tb[0].eq != 0:
            return call_addr(tb[0].eq, b, a) != 0
        return False
    if ta[0].kind == KIND_STR and tb[0].kind == KIND_STR:
        return str_items_eq(a, b)
    fn = ta[0].eq if ta[0].kind == KIND_INSTANCE else kind_ops[ta[0].kind].eq
    if ta[0].kind == KIND_INSTANCE:
        if tb.addr != ta.addr and tb[0].eq != 0 and tb[0].eq != fn and \
                is_subclass(tb.addr, ta.addr):
            # CPython tries the right operand's method first when its class
            # is a subclass of the left's that overrides it.
            return call_addr(tb[0].eq, b, a) != 0
    if fn == 0:
        return False
    return call_addr(fn, a, b) != 0


def str_items_eq(a: u64, b: u64) -> bool:
    """`a == b` for two str: the byte counts, the hashes when both are
    known, then the bytes.  str.py's `str_eq` is this after its identity
    test; it is here so that comparing str items (a tuple's slots in a
    sort, a probe) is a direct call, not `kind_ops`' indirect one."""
    n = u64(Ptr[StrObject](a)[0].nbytes)
    if n != u64(Ptr[StrObject](b)[0].nbytes):
        return False
    ha = Ptr[StrObject](a)[0].hash
    hb = Ptr[StrObject](b)[0].hash
    if ha != 0 and hb != 0 and ha != hb:
        return False
    pa = Ptr[u8](a + STR_DATA)
    pb = Ptr[u8](b + STR_DATA)
    for i in range(n):
        if pa[i] != pb[i]:
            return False
    return True


def probe_eq(kind: u32, a: u64, b: u64) -> i64:
    """`a == b` for a dict's or a set's probe, once the hashes matched, when
    no user code can take part: 1 or 0 for two str (their bytes) and for
    two tuples of one type whose slots are all integers (of the same
    kinds, so equal exactly when the slots are), else -1, and the
    caller compares with `item_eq`, guarded against an `__eq__` that
    changes the table.  Such keys are the common case, and this saves
    them two count updates and the indirect calls of the general path."""
    if not item_is_object(kind) or a == 0 or b == 0:
        return i64(-1)
    ta = type_of(a)
    tb = type_of(b)
    if ta[0].kind == KIND_STR and tb[0].kind == KIND_STR:
        return i64(1) if str_items_eq(a, b) else i64(0)
    if ta.addr == tb.addr and ta[0].kind == KIND_TUPLE:
        length = u64(Ptr[TupleObject](a)[0].length)
        if length != u64(Ptr[TupleObject](b)[0].length):
            return i64(0)
        if (ta[0].flags & INT_ITEMS) == 0 and tuple_holds_objects(ta, i64(length)):
            return i64(-1)
        sa = Ptr[u64](a + TUPLE_ITEMS)
        sb = Ptr[u64](b + TUPLE_ITEMS)
        for i in range(length):
            if sa[i] != sb[i]:
                return i64(0)
        return i64(1)
    return i64(-1)


def item_lt(kind: u32, a: u64, b: u64) -> bool:
    """a < b for two items of one kind (sort, min, max, comparisons of
    containers).  The checker allows only orderable item types."""
    if item_is_int(kind):
        if item_signed(kind):
            return i64(a) < i64(b)
        return a < b
    ta = type_of(a)
    if ta[0].kind == KIND_STR:
        # Both are str (one kind): their bytes' order, with no indirect call.
        sa = Ptr[StrObject](a)
        sb = Ptr[StrObject](b)
        return bytes_compare(Ptr[u8](a + STR_DATA), u64(sa[0].nbytes),
                             Ptr[u8](b + STR_DATA), u64(sb[0].nbytes)) < 0
    fn = ta[0].lt if ta[0].kind == KIND_INSTANCE else kind_ops[ta[0].kind].lt
    if fn == 0:
        return False
    return call_addr(fn, a, b) != 0


def sb_append_u64(sb: Ptr[StrBuilder], value: u64) -> None:
    """Append an unsigned integer in decimal."""
    digits = Array[u8, 20]()
    start = decimal_digits(Ptr[u8](addr_of(digits).addr), u64(20), value)
    sb_append(sb, addr_of(digits).addr + start, u64(20) - start, u64(20) - start)


def decimal_digits(buf: Ptr[u8], end: u64, value: u64) -> u64:
    """Write the decimal digits of `value` into `buf`, the last just
    before `buf[end]` (20 bytes hold any u64); return where they start."""
    n = end
    v = value
    while True:
        n -= 1
        buf[n] = u8(48 + v % 10)
        v = v // 10
        if v == 0:
            break
    return n


def sb_append_i64(sb: Ptr[StrBuilder], value: i64) -> None:
    """Append a signed integer in decimal."""
    if value < 0:
        sb_append_byte(sb, u8(45))
        sb_append_u64(sb, u64(0) - u64(value))
    else:
        sb_append_u64(sb, u64(value))


def sb_append_ascii(sb: Ptr[StrBuilder], text: bytes) -> None:
    for i in range(len(text)):
        sb_append_byte(sb, u8(text[i]))


def item_repr(kind: u32, value: u64, sb: Ptr[StrBuilder]) -> None:
    """Append repr() of an item."""
    if kind == ITEM_BOOL:
        sb_append_ascii(sb, b"True" if value != 0 else b"False")
    elif item_is_int(kind):
        if item_signed(kind):
            sb_append_i64(sb, i64(value))
        else:
            sb_append_u64(sb, value)
    elif value == 0:
        sb_append_ascii(sb, b"None")
    else:
        obj_repr(value, sb)


def item_str(kind: u32, value: u64, sb: Ptr[StrBuilder]) -> None:
    """Append str() of an item (print's text)."""
    if item_is_int(kind) or value == 0:
        item_repr(kind, value, sb)
    else:
        obj_str(value, sb)


def obj_repr(obj: u64, sb: Ptr[StrBuilder]) -> None:
    """Append repr() of an object."""
    info = type_of(obj)
    fn = info[0].repr if info[0].kind == KIND_INSTANCE else kind_ops[info[0].kind].repr
    if fn != 0:
        call_addr(fn, obj, sb.addr)
        return
    default_repr(obj, info, sb)


def obj_str(obj: u64, sb: Ptr[StrBuilder]) -> None:
    """Append str() of an object: its `__str__`, else its repr."""
    info = type_of(obj)
    fn = info[0].str if info[0].kind == KIND_INSTANCE else kind_ops[info[0].kind].str
    if fn != 0:
        call_addr(fn, obj, sb.addr)
        return
    obj_repr(obj, sb)


def default_repr(obj: u64, info: Ptr[TypeInfo], sb: Ptr[StrBuilder]) -> None:
    """`<module.Name object at 0x...>`, as object.__repr__ prints it."""
    sb_append_byte(sb, u8(60))
    if info[0].module != 0:
        append_cstring(sb, info[0].module)
        sb_append_byte(sb, u8(46))
    append_cstring(sb, info[0].name)
    sb_append_ascii(sb, b" object at 0x")
    shift = u64(64)
    started = False
    while shift > 0:
        shift -= 4
        nibble = (obj >> shift) & 0xF
        if nibble != 0 or started or shift == 0:
            started = True
            sb_append_byte(sb, u8(nibble + 48 if nibble < 10 else nibble + 87))
    sb_append_byte(sb, u8(62))


def append_cstring(sb: Ptr[StrBuilder], addr: u64) -> None:
    p = Ptr[u8](addr)
    i = 0
    while p[i] != 0:
        sb_append_byte(sb, p[i])
        i += 1


def obj_type_name(obj: u64) -> u64:
    """`type(obj).__name__` as a new str: its TypeInfo's name (the class's
    own, or the built-in's: "int", "list", "dict"), "NoneType" for None."""
    sb = StrBuilder()
    if obj == 0:
        sb_append_ascii(addr_of(sb), b"NoneType")
    else:
        append_cstring(addr_of(sb), type_of(obj)[0].name)
    return sb_finish(addr_of(sb))


def obj_repr_new(obj: u64) -> u64:
    """repr() of an object as a new str (print and str() of a container)."""
    sb = StrBuilder()
    obj_repr(obj, addr_of(sb))
    return sb_finish(addr_of(sb))
