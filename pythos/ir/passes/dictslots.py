"""Slot reuse: one probe for a dict item that is read and then stored.

`counts[w] = counts.get(w, 0) + 1` and `counts[w] += 1` look the key up
twice, once to read the item and once to store it, and each lookup hashes
the key, probes the index and compares the key with the entries it meets.
When nothing between the two calls can change the dict, the second lookup
must land where the first did: on the same slot when the key was there,
and on no slot (the key still absent) when it was not.  This pass finds
such pairs and splits the read into `dict_find` (the lookup, giving the
slot or -1) and `dict_get_at` / `dict_getitem_at` (the value at that
slot), and turns the store into `dict_set_at`, which writes the value at
the slot, or inserts the key when the slot is -1, with no second probe
(pythos/rt/obj/dict.py).

A pair qualifies when

- the read is a `dict_get` or `dict_getitem` call and the store a
  `dict_setitem` call of the same dict register and the same key
  register (or equal constants), neither assigned in between (so the
  same objects);
- the key is a str or an integer: their hashing and comparison run no
  user code, so doing each once instead of twice cannot be observed
  (an instance key's `__hash__` and `__eq__` are called as often as in
  CPython only if both lookups happen);
- every path to the store comes through the read: walking back from the
  store, each block has exactly one predecessor, until the read's block;
- the ops on that path after the read are ones that cannot run code or
  touch a dict: integer arithmetic and comparisons, casts, copies
  between registers, branches, the test of the error state after a
  call that can fail, the concatenation of two str (`d[k] = d.get(k,
  "") + s`), count increments, and count decrements of values that
  cannot run code when freed (str and integers).  Any other call,
  attribute access or store ends the search.

The pass runs after the count pass, so the decrements it placed are
among the ops it checks.
"""

from __future__ import annotations

from ... import types as T
from ...symbols import FuncSym
from .. import ops as O
from ..ops import BasicBlock, Call, FuncIR, Integer, Op, Register, StrConst, Value, successors

DICT_RT = "pythos.rt.obj.dict"
# The calls that read an item, and what each becomes once the slot is found.
READS = {f"{DICT_RT}.dict_get": "dict_get_at", f"{DICT_RT}.dict_getitem": "dict_getitem_at"}
STORE = f"{DICT_RT}.dict_setitem"
# Ops that run no code and change no object.
INERT = (O.IntOp, O.IntOverflow, O.IntPow, O.Compare, O.Select, O.Cast, O.IncRef,
         O.KeepAlive, O.Goto, O.Branch)
# Calls that run no code of the program's and touch no dict: the test of
# the error state after a call that can fail, and `a + b` of two str.
QUERIES = frozenset({"pythos.rt.obj.report.obj_failed", "pythos.rt.obj.str.str_concat"})


def reuse_dict_slots(fn: FuncIR, runtime: dict[str, FuncSym]) -> None:
    """Pair each qualifying read with its store, as the module docstring
    says; `runtime` holds dict_find, dict_get_at, dict_getitem_at and
    dict_set_at."""
    if "dict_find" not in runtime:
        return
    preds: dict[BasicBlock, list[BasicBlock]] = {b: [] for b in fn.blocks}
    for b in fn.blocks:
        for s in successors(b):
            preds[s].append(b)
    for block in fn.blocks:
        for op in list(block.ops):
            if isinstance(op, Call) and op.fn.qualname == STORE and plain_key(op):
                read = find_read(op, block, preds)
                if read is not None:
                    split(fn, runtime, read, op)


def plain_key(store: Call) -> bool:
    """Whether the store's dict and key are registers and the key a str or
    an integer."""
    d, key = store.args[0], store.args[1]
    return (isinstance(d, Register) and isinstance(key, (Register, Integer, StrConst))
            and isinstance(d.type, T.DictType)
            and (d.type.key is T.STR or isinstance(d.type.key, T.IntType)
                 or d.type.key is T.BOOL))


def find_read(store: Call, block: BasicBlock,
              preds: dict[BasicBlock, list[BasicBlock]]) -> tuple[BasicBlock, Call] | None:
    """The read of the store's dict and key that every path to the store
    passes, with only inert ops between, or None."""
    d, key = store.args[0], store.args[1]
    seen = {block}
    ops = block.ops[:block.ops.index(store)]
    while True:
        for op in reversed(ops):
            if (isinstance(op, Call) and op.fn.qualname in READS and op.args[0] is d
                    and same_key(op.args[1], key)):
                return block, op
            if not inert(op, d, key):
                return None
        above = preds[block]
        if len(above) != 1 or above[0] in seen:
            return None
        block = above[0]
        seen.add(block)
        ops = block.ops


def same_key(a: Value, b: Value) -> bool:
    """The same register, or equal constants (one static str each)."""
    if isinstance(a, Integer) and isinstance(b, Integer):
        return a.value == b.value and a.type == b.type
    if isinstance(a, StrConst) and isinstance(b, StrConst):
        return a.data == b.data and a.type == b.type
    return a is b


def inert(op: Op, d: Value, key: Value) -> bool:
    if isinstance(op, O.Assign):
        return op.dest is not d and op.dest is not key
    if isinstance(op, O.DecRef):
        t = op.src.type
        return t is T.STR or isinstance(t, T.IntType) or t is T.BOOL
    if isinstance(op, Call):
        return op.fn.qualname in QUERIES
    return isinstance(op, INERT)


def split(fn: FuncIR, runtime: dict[str, FuncSym], found: tuple[BasicBlock, Call],
          store: Call) -> None:
    """Make the read `dict_find` then its `_at` form, and the store
    `dict_set_at`.  The read's call stays the same op (an error test may
    refer to it); the lookup goes in just before it."""
    block, read = found
    slot = Register("dict.slot", T.I64)
    fn.registers.append(slot)
    find = Call(runtime["dict_find"], [read.args[0], read.args[1]])
    find.pos = read.pos
    keep = O.Assign(slot, find)
    keep.pos = read.pos
    at = block.ops.index(read)
    block.ops[at:at] = [find, keep]
    name = READS[read.fn.qualname]
    d, key, *rest = read.args
    read.fn = runtime[name]
    read.args = [d, slot, *rest] if name == "dict_get_at" else [d, slot, key]
    store.fn = runtime["dict_set_at"]
    store.args = [store.args[0], slot, store.args[1], store.args[2]]
