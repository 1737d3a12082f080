"""Reference counts: place `IncRef` and `DecRef` from liveness.

The builder emits no count updates; it only says, through the ops it
chooses, who holds a reference (pythos/ir/ops.py, "Ownership").  This
pass then makes every owned reference be dropped exactly once on every
path, as mypyc's `transform/refcount.py` does:

- An object value is *live* at a point if some path from there uses it
  before it is assigned again.  Liveness is computed backwards over the
  control-flow graph (`liveness`), for every value that holds a
  reference: object temporaries (op results are owned) and object
  registers.  A parameter is borrowed from the caller, and so is never
  dropped, unless the function assigns it: then it takes a reference of
  its own on entry.
- Where an owned value dies (it is live before an op and not after), the
  pass drops it after that op, unless the op *consumes* it (`Assign`,
  `Return`, `SetAttr`): then the reference moves to the new holder, and
  no count changes at all.  A consumer given a value that stays alive,
  or a borrowed one, gets a new reference (`IncRef` before it).  A call
  of an `__init__` consumes the arguments it stores (steals.py), and a
  read of a field never written again, and a variable holding only
  such reads, can be borrowed like a parameter (stablefields.py).
- A value live at the end of a block but not at the start of one of its
  successors (a `break` out of a loop, the branch that skips the rest of
  a function) dies on that edge: the edge gets a block of its own that
  drops it.  So `return` from inside a loop, `break` and `continue` need
  no special case.

Counts of None: the `IncRef`/`DecRef` of a value whose type may be None
tests for 0 first (the lowering's `x` variants); a constant None is never
counted.
"""

from __future__ import annotations

from collections.abc import Callable

from ..ops import (
    Assign,
    BasicBlock,
    Branch,
    Call,
    DecRef,
    FuncIR,
    GetAttr,
    GlobalGet,
    Goto,
    IncRef,
    Op,
    Register,
    Value,
    consumes,
    counted_value,
    successors,
)

# Whether str values are counted in the function being rewritten
# (FuncIR.count_str), set by `insert_refcounts`.
COUNT_STR = [False]


def tracked(v: Value) -> bool:
    """A value whose reference the pass follows: an object temporary or
    an object register (constants, None among them, are never counted)."""
    return isinstance(v, (Op, Register)) and counted_value(v.type, COUNT_STR[0])


def uses_of(op: Op) -> list[Value]:
    out: list[Value] = []
    for v in op.sources():
        if tracked(v) and all(v is not u for u in out):
            out.append(v)
    return out


def defs_of(op: Op) -> list[Value]:
    out: list[Value] = []
    if isinstance(op, Assign) and tracked(op.dest):
        out.append(op.dest)
    if tracked(op):
        out.append(op)
    return out


def liveness(fn: FuncIR) -> tuple[dict[int, set[Value]], dict[int, set[Value]]]:
    """live-in and live-out of every block (by id), as sets of values."""
    gen: dict[int, set[Value]] = {}
    kill: dict[int, set[Value]] = {}
    for block in fn.blocks:
        g: set[Value] = set()
        k: set[Value] = set()
        for op in reversed(block.ops):
            for d in defs_of(op):
                g.discard(d)
                k.add(d)
            g.update(uses_of(op))
        gen[id(block)], kill[id(block)] = g, k
    live_in: dict[int, set[Value]] = {id(b): set(gen[id(b)]) for b in fn.blocks}
    live_out: dict[int, set[Value]] = {id(b): set() for b in fn.blocks}
    changed = True
    while changed:
        changed = False
        for block in reversed(fn.blocks):
            out: set[Value] = set()
            for s in successors(block):
                out |= live_in[id(s)]
            new_in = gen[id(block)] | (out - kill[id(block)])
            if out != live_out[id(block)] or new_in != live_in[id(block)]:
                live_out[id(block)], live_in[id(block)] = out, new_in
                changed = True
    return live_in, live_out


def insert_refcounts(fn: FuncIR) -> None:
    """Rewrite `fn` in place with its count updates."""
    COUNT_STR[0] = fn.count_str
    if not any(tracked(r) for r in fn.registers) and not any(
            tracked(op) for b in fn.blocks for op in b.ops):
        return
    for block in fn.blocks:
        # `x = x` neither takes nor drops a reference.
        block.ops = [op for op in block.ops
                     if not (isinstance(op, Assign) and op.src is op.dest)]
    assigned = {id(op.dest) for b in fn.blocks for op in b.ops if isinstance(op, Assign)}
    # Parameters the function never assigns stay borrowed from the caller,
    # but for those the caller hands over (passes/steals.py).
    stolen = {id(fn.params[i]) for i in fn.sym.steals}
    borrowed = {id(p) for p in fn.params if id(p) not in assigned and id(p) not in stolen}

    def owned(v: Value) -> bool:
        return id(v) not in borrowed and not (
            isinstance(v, (GlobalGet, GetAttr, Register)) and v.borrowed)

    live_in, live_out = liveness(fn)
    for block in fn.blocks:
        rewrite_block(block, set(live_out[id(block)]), owned)
    split_dying_edges(fn, live_in, live_out, owned)
    entry = fn.blocks[0]
    increfs: list[Op] = [IncRef(p) for p in fn.params if tracked(p) and owned(p)
                         and p in live_in[id(entry)] and id(p) not in stolen]
    # A stolen parameter no path uses is dropped at once.
    increfs += [DecRef(p) for p in fn.params
                if id(p) in stolen and p not in live_in[id(entry)]]
    for op in increfs:
        op.pos = entry.ops[0].pos if entry.ops else None
    entry.ops[:0] = increfs


def rewrite_block(block: BasicBlock, live: set[Value], owned: Callable[[Value], bool]) -> None:
    """Walk the block backwards from its live-out set, adding the updates
    each op needs."""
    out: list[Op] = []
    for op in reversed(block.ops):
        after: list[Op] = []
        before: list[Op] = []
        uses = uses_of(op)
        taken = [v for v in consumes(op, COUNT_STR[0]) if tracked(v)]
        if isinstance(op, Assign) and not owned(op.dest):
            taken = []  # a borrowed variable takes no reference (stablefields.py)
        lent = lent_to_call(op)
        for d in defs_of(op):
            if d not in live and owned(d):
                after.append(DecRef(d))  # defined and never used
        for v in uses:
            dies = v not in live and all(v is not d for d in defs_of(op))
            # Each hand-over needs a reference: the one that dies here
            # moves (unless a borrowed argument of the same call still
            # needs it kept), the others are new.
            hands = sum(1 for t in taken if t is v)
            moved = hands > 0 and dies and owned(v) and all(v is not b for b in lent)
            before.extend(IncRef(v) for _ in range(hands - int(moved)))
            if dies and owned(v) and not moved:
                assert not op.is_terminator, "an object dies at a terminator"
                after.append(DecRef(v))
        for extra in (*before, *after):
            extra.pos = op.pos
        out.extend(reversed(after))
        out.append(op)
        out.extend(reversed(before))
        for d in defs_of(op):
            live.discard(d)
        live.update(uses)
    out.reverse()
    block.ops = out


def lent_to_call(op: Op) -> list[Value]:
    """A call's arguments that it borrows while it takes over others
    (`Node(x, x)` where only the first parameter is stolen): a value
    among both must stay alive through the call on the caller's
    reference, since the callee may drop the one it was handed first."""
    if not (isinstance(op, Call) and op.fn.steals):
        return []
    return [a for i, a in enumerate(op.args) if i not in op.fn.steals]


def split_dying_edges(fn: FuncIR, live_in: dict[int, set[Value]],
                      live_out: dict[int, set[Value]],
                      owned: Callable[[Value], bool]) -> None:
    """Drop the values that die on a branch edge, in a block on that edge."""
    for block in list(fn.blocks):
        end = block.terminator
        if not isinstance(end, Branch) or end.true is end.false:
            continue
        for side in ("true", "false"):
            target: BasicBlock = getattr(end, side)
            dead = [v for v in live_out[id(block)] - live_in[id(target)] if owned(v)]
            if not dead:
                continue
            edge = BasicBlock(f"{target.label}.drop")
            dead.sort(key=order_key(fn))
            for v in dead:
                op = DecRef(v)
                op.pos = end.pos
                edge.ops.append(op)
            # A merge register of the target is assigned just before the
            # jump; it must now be assigned on the new edge instead, which
            # is the target's predecessor.
            merges = [op for op in block.ops if isinstance(op, Assign)
                      and op.dest.join is target]
            if merges:
                block.ops = [op for op in block.ops if all(op is not m for m in merges)]
                edge.ops[:0] = merges
            goto = Goto(target)
            goto.pos = end.pos
            edge.ops.append(goto)
            setattr(end, side, edge)
            # After its source, not before its target: the merges moved
            # here read values the source computes, and the lowering
            # visits the blocks in list order (a target listed before
            # its source, as the end of `a and b` is, would meet them
            # before their definitions).
            fn.blocks.insert(fn.blocks.index(block) + 1, edge)


def order_key(fn: FuncIR) -> Callable[[Value], int]:
    """A stable order for values (registers by declaration, temporaries
    by position), so the output does not depend on set order."""
    index: dict[int, int] = {}
    for i, r in enumerate(fn.registers):
        index[id(r)] = i
    n = len(fn.registers)
    for block in fn.blocks:
        for op in block.ops:
            n += 1
            index.setdefault(id(op), n)
    return lambda v: index.get(id(v), 0)

