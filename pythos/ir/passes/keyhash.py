"""Key hashes: one hash of a key for every lookup of it that follows.

`if nxt not in walls and nxt not in dist: dist[nxt] = d` hashes the same
`(x, y)` tuple three times, once in each runtime call, and each time
through `item_hash`'s look at the key's kind.  A key whose hash runs no
code of the program's and can not change while the object lives (an
integer, a bool, a str, a tuple of those) needs hashing only once for as
long as the variable holding it is not assigned again.  This pass makes
the hash a value of its own: before each dict or set call on such a key
it either computes it, with `hash_key` and the key's item kind as a
constant (inlined: a compare for an integer, a direct call of the leaf
for a tuple of integers), into a register kept for that key, or, where
that register already holds the key's hash on every path, uses it; the
call becomes its `_h` form, which takes the hash instead of computing it
(pythos/rt/obj/dict.py and set.py).

"Holds the key's hash on every path" is an available-expressions
analysis over the blocks: a call on key `k` makes `k`'s hash available,
an assignment to `k` (or, for a temporary, its definition again, in a
loop) takes it away, and a block starts with what all its predecessors
end with.  Nothing else can change it: the key's object is immutable and
kept alive by the variable that holds it, and its hash depends on
nothing else.  The calls the pass changes run no code a program can see
before their lookup, so hashing first and looking up after is the same
order of events as before.

The pass runs after the slot reuse (dictslots.py), whose `dict_find` and
`dict_set_at` it handles too.  A generator's function is left alone: its
registers live in a frame across yields (generators.py).
"""

from __future__ import annotations

from ... import types as T
from ...symbols import FuncSym
from ..build.lists import item_kind
from ..build.tuples import int_slots
from ..ops import Assign, BasicBlock, Call, FuncIR, Integer, Op, Register, Value, successors

# Each runtime call that hashes its key: (its `_h` form, the key's argument).
KEYED = {
    "pythos.rt.obj.dict.dict_contains": ("dict_contains_h", 1),
    "pythos.rt.obj.dict.dict_find": ("dict_find_h", 1),
    "pythos.rt.obj.dict.dict_getitem": ("dict_getitem_h", 1),
    "pythos.rt.obj.dict.dict_setitem": ("dict_setitem_h", 1),
    "pythos.rt.obj.dict.dict_set_at": ("dict_set_at_h", 2),
    "pythos.rt.obj.set.set_contains": ("set_contains_h", 1),
    "pythos.rt.obj.set.set_add": ("set_add_h", 1),
    "pythos.rt.obj.set.set_discard": ("set_discard_h", 1),
}


def plain_hash(t: T.Type) -> bool:
    """Whether hashing a value of type `t` runs no code of the program's
    and gives the same answer for the life of the object."""
    if isinstance(t, T.IntType) or t is T.BOOL or t is T.STR:
        return True
    if isinstance(t, T.TupleType):
        return all(plain_hash(e) for e in t.elements)
    if isinstance(t, T.VarTupleType):
        return plain_hash(t.element)
    return False


def key_type(call: Call) -> T.Type | None:
    """The static key type of a keyed call's dict or set, if its hash is
    plain."""
    ct = call.args[0].type
    t = ct.key if isinstance(ct, T.DictType) else (
        ct.element if isinstance(ct, T.SetType) else None)
    if t is None or not plain_hash(t) or item_kind(t) is None:
        return None
    return t


def hash_keys(fn: FuncIR, runtime: dict[str, FuncSym]) -> None:
    """Hash each plain key once while its variable holds it, as the module
    docstring says; `runtime` holds `hash_key` and the `_h` forms."""
    if fn.generator is not None or "hash_key" not in runtime:
        return
    calls: dict[int, tuple[Call, Value, T.Type]] = {}  # id(call) -> call, key, key type
    for block in fn.blocks:
        for op in block.ops:
            if isinstance(op, Call) and op.fn.qualname in KEYED \
                    and KEYED[op.fn.qualname][0] in runtime:
                t = key_type(op)
                key = op.args[KEYED[op.fn.qualname][1]]
                if t is not None and (isinstance(key, Op) or (
                        isinstance(key, Register) and key.kind == "value")):
                    calls[id(op)] = (op, key, t)
    if not calls:
        return
    keys = {id(k): k for _, k, _ in calls.values()}
    avail_in = available(fn, calls, set(keys))
    hashes: dict[int, Register] = {}
    for block in fn.blocks:
        avail = set(avail_in[block])
        for op in list(block.ops):
            avail -= killed(op)
            if id(op) in calls:
                call, key, t = calls[id(op)]
                reg = hashes.get(id(key))
                if reg is None:
                    reg = hashes[id(key)] = Register("key.hash", T.U64)
                    fn.registers.append(reg)
                if id(key) not in avail:
                    compute = hash_of(runtime, key, t)
                    compute.pos = call.pos
                    keep = Assign(reg, compute)
                    keep.pos = call.pos
                    at = block.ops.index(call)
                    block.ops[at:at] = [compute, keep]
                    avail.add(id(key))
                call.fn = runtime[KEYED[call.fn.qualname][0]]
                call.args = [*call.args, reg]


def hash_of(runtime: dict[str, FuncSym], key: Value, t: T.Type) -> Call:
    """The call that hashes `key`, of the container's key type `t`: for a
    fixed tuple of integers (the key's own type the same), the slot loop
    with the length a constant, unrolled; else `hash_key` with the item
    kind a constant."""
    if int_slots(t) and key.type == t and "int_slots_hash" in runtime:
        assert isinstance(t, T.TupleType)
        return Call(runtime["int_slots_hash"], [key, Integer(len(t.elements), T.I64)])
    return Call(runtime["hash_key"], [Integer(item_kind(t) or 0, T.U32), key])


def killed(op: Op) -> set[int]:
    """The keys whose hash `op` makes stale: a register it assigns, or the
    temporary it defines."""
    if isinstance(op, Assign):
        return {id(op.dest), id(op)}
    return {id(op)}


def available(fn: FuncIR, calls: dict[int, tuple[Call, Value, T.Type]],
              universe: set[int]) -> dict[BasicBlock, set[int]]:
    """For each block, the keys (by id) whose hash every path into it has
    computed since the key was last assigned."""
    preds: dict[BasicBlock, list[BasicBlock]] = {b: [] for b in fn.blocks}
    for b in fn.blocks:
        for s in successors(b):
            preds[s].append(b)
    entry = fn.blocks[0]
    out = {b: set(universe) for b in fn.blocks}
    avail_in = {b: set() if b is entry else set(universe) for b in fn.blocks}
    changed = True
    while changed:
        changed = False
        for b in fn.blocks:
            if b is not entry:
                ins = [out[p] for p in preds[b]]
                avail_in[b] = set.intersection(*ins) if ins else set()
            avail = set(avail_in[b])
            for op in b.ops:
                avail -= killed(op)
                if id(op) in calls:
                    avail.add(id(calls[id(op)][1]))
            if avail != out[b]:
                out[b] = avail
                changed = True
    return avail_in
