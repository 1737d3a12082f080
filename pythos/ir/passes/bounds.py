"""Bounds-check removal: drop the index checks that cannot fail.

Every `a[i]` on an array or bytes is built (`ir/build/expr.py`) as a
comparison `i <u len` that branches to the element when it holds; for a
signed index, a failed comparison leads to a second one that tries `i`
as a negative index (`i + len <u len`), and a failure there, or of the
first for an unsigned index, to a block that panics.  The builder records
each check (`FuncIR.index_checks`) and each range loop
(`FuncIR.range_loops`).  This pass computes an interval that the index
must lie in and then

- replaces the check by a jump to the element when the index is at least
  0 and below the smallest length it can be compared with;
- sends a failed check straight to the panic when the index cannot be
  negative (the path that tries it as a negative index is dropped);
- jumps straight to that path when the index is always a valid negative
  one (`a[-1]`),

so that a check remains exactly where it might fail, and panics there as
before.  The intervals come from facts the compiler knows:

1. a constant is its own interval; a value of an unsigned type is at
   least 0, any integer lies within its type;
2. the variable of `for i in range(start, stop, step)`, where the only
   assignment to `i` that reaches the index is the loop's own (a
   reaching-definitions analysis: `i = 0` or `i += 1` in the body
   defeats it), lies between `start` and `stop` (in [start, stop) for a
   positive step, in (stop, start] for a negative one);
3. a condition that was tested on the way (`if n <= 100:`, or the guard
   the builder puts before a loop it copies, see `versioned` in
   `ir/build`) bounds the value it compared in every block that only its
   true (or false) edge reaches;
4. `x + c`, `x - c`, `x * c`, `x & c` and width changes of such values,
   by interval arithmetic, when the result cannot wrap.

A value is only reasoned about where it cannot change: a constant, a
temporary (defined once), a parameter never assigned, or a register
assigned once (the builder's copies of a loop's bounds).

The checks intervals cannot prove then go to a second stage,
relations.py, which proves an index in range from facts relating two
variables (`j <= i - 1` and `i <= len(a) - 1` give `j + 1 <= len(a) - 1`);
it is what removes the checks of list items, whose length is known only
at run time.
"""

from __future__ import annotations

from ...types import BOOL, IntType
from .. import ops as O
from ..ops import Assign, BasicBlock, FuncIR, Op, Register, Value, successors
from ..verify import dominators
from .relations import NEGATE, prove_checks

Interval = tuple[int, int]
PURE = (O.Compare, O.Select, O.Cast, O.IntOp, O.GlobalAddr, O.FieldAddr, O.ElementAddr,
        O.SlicePart)
SWAP = {"eq": "eq", "ne": "ne", "slt": "sgt", "sgt": "slt", "sle": "sge", "sge": "sle",
        "ult": "ugt", "ugt": "ult", "ule": "uge", "uge": "ule"}
MAX_DEPTH = 12


def type_range(v: Value) -> Interval | None:
    t = v.type
    if isinstance(t, IntType):
        return (t.min, t.max)
    return None


def intersect(a: Interval, b: Interval) -> Interval:
    return (max(a[0], b[0]), min(a[1], b[1]))


class Bounds:
    """The facts of one function, and the interval of a value at a point."""

    def __init__(self, fn: FuncIR) -> None:
        self.fn = fn
        self.index = {id(b): i for i, b in enumerate(fn.blocks)}
        self.where: dict[int, tuple[int, int]] = {}
        self.assigns: dict[Register, list[Assign]] = {}
        for bi, block in enumerate(fn.blocks):
            for k, op in enumerate(block.ops):
                self.where[id(op)] = (bi, k)
                if isinstance(op, Assign):
                    self.assigns.setdefault(op.dest, []).append(op)
        self.preds: list[list[int]] = [[] for _ in fn.blocks]
        for bi, block in enumerate(fn.blocks):
            for s in successors(block):
                self.preds[self.index[id(s)]].append(bi)
        self.dom = dominators(fn)
        self.loops = {id(r.bind): r for r in fn.range_loops if id(r.bind) in self.where}
        self.edge_facts = self.branch_facts()
        self.reaching: dict[Register, list[set[int]]] = {}

    # ----- what stays fixed -------------------------------------------------------
    def stable(self, v: Value) -> bool:
        """Whether `v` has one value wherever it is read."""
        if isinstance(v, Register):
            if v.join is not None or v.kind != "value":
                return False
            n = len(self.assigns.get(v, []))
            return n == 0 if v.is_param else n == 1
        return isinstance(v, (O.Integer, Op))

    def branch_facts(self) -> dict[int, list[tuple[Value, str, int]]]:
        """For each block entered only from one edge of a branch on
        `x <op> constant`, the fact that edge establishes."""
        facts: dict[int, list[tuple[Value, str, int]]] = {}
        for bi, block in enumerate(self.fn.blocks):
            end = block.terminator
            if not isinstance(end, O.Branch) or end.true is end.false:
                continue
            cond = end.cond
            if not isinstance(cond, O.Compare):
                continue
            if isinstance(cond.rhs, O.Integer) and self.stable(cond.lhs):
                x, op, c = cond.lhs, cond.op, cond.rhs.value
            elif isinstance(cond.lhs, O.Integer) and self.stable(cond.rhs):
                x, op, c = cond.rhs, SWAP[cond.op], cond.lhs.value
            else:
                continue
            for target, holds in ((end.true, op), (end.false, NEGATE[op])):
                ti = self.index[id(target)]
                if self.preds[ti] == [bi]:
                    facts.setdefault(ti, []).append((x, holds, c))
        return facts

    # ----- reaching definitions -------------------------------------------------------
    def reaching_in(self, reg: Register) -> list[set[int]]:
        """For each block, the assignments to `reg` (by id; 0 for its
        value on entry) that may reach the block's start."""
        cached = self.reaching.get(reg)
        if cached is not None:
            return cached
        blocks = self.fn.blocks
        gen: list[int | None] = []
        for block in blocks:
            last = None
            for op in block.ops:
                if isinstance(op, Assign) and op.dest is reg:
                    last = id(op)
            gen.append(last)
        ins: list[set[int]] = [set() for _ in blocks]
        ins[0] = {0}
        outs: list[set[int]] = [set() for _ in blocks]
        changed = True
        while changed:
            changed = False
            for bi in range(len(blocks)):
                new_in = set(ins[bi]) if bi == 0 else set()
                for p in self.preds[bi]:
                    new_in |= outs[p]
                g = gen[bi]
                new_out = {g} if g is not None else new_in
                if new_in != ins[bi] or new_out != outs[bi]:
                    ins[bi], outs[bi] = new_in, new_out
                    changed = True
        self.reaching[reg] = ins
        return ins

    def reaching_at(self, reg: Register, at: tuple[int, int]) -> set[int]:
        bi, k = at
        for op in reversed(self.fn.blocks[bi].ops[:k]):
            if isinstance(op, Assign) and op.dest is reg:
                return {id(op)}
        return self.reaching_in(reg)[bi]

    # ----- intervals --------------------------------------------------------------
    def interval(self, v: Value, at: tuple[int, int], depth: int = 0) -> Interval | None:
        """An interval that `v`, read by the op at `at` (block, position),
        lies in; None if `v` is not an integer."""
        base = type_range(v)
        if base is None or v.type is BOOL:
            return None
        if isinstance(v, O.Integer):
            return (v.value, v.value)
        if depth > MAX_DEPTH:
            return base
        result = intersect(base, self.derived(v, at, depth + 1) or base)
        if self.stable(v):
            for fact in self.facts_at(at[0], v):
                result = intersect(result, fact)
        return result

    def facts_at(self, bi: int, v: Value) -> list[Interval]:
        """What the branches dominating block `bi` say about `v`."""
        found: list[Interval] = []
        mask = self.dom[bi]
        for fi, facts in self.edge_facts.items():
            if not mask >> fi & 1:
                continue
            for x, op, c in facts:
                if x is v:
                    iv = fact_interval(op, c, v)
                    if iv is not None:
                        found.append(iv)
        return found

    def derived(self, v: Value, at: tuple[int, int], depth: int) -> Interval | None:
        if isinstance(v, Register):
            return self.register_interval(v, at, depth)
        if not isinstance(v, Op):
            return None
        here = self.where.get(id(v), at)
        if isinstance(v, O.Cast) and v.kind in ("sext", "zext"):
            src = self.interval(v.src, here, depth)
            if src is None:
                return None
            if v.kind == "zext" and src[0] < 0:
                return None  # the bits of a negative value, read unsigned
            width = v.src.type.bits if isinstance(v.src.type, IntType) else 64
            if v.kind == "sext" and src[1] >= 1 << (width - 1):
                return None  # a large unsigned value, read as signed
            return src
        if isinstance(v, O.Select):
            a = self.interval(v.true, here, depth)
            b = self.interval(v.false, here, depth)
            if a is None or b is None:
                return None
            return (min(a[0], b[0]), max(a[1], b[1]))
        if isinstance(v, O.IntOp) and v.op in ("add", "sub", "mul", "and"):
            a = self.interval(v.lhs, here, depth)
            b = self.interval(v.rhs, here, depth)
            if a is None or b is None:
                return None
            if v.op == "and":
                # With one side not negative, the result is between 0 and it.
                if a[0] >= 0 and b[0] >= 0:
                    return (0, min(a[1], b[1]))
                if a[0] >= 0 or b[0] >= 0:
                    return (0, a[1] if a[0] >= 0 else b[1])
                return None
            if v.op == "add":
                r = (a[0] + b[0], a[1] + b[1])
            elif v.op == "sub":
                r = (a[0] - b[1], a[1] - b[0])
            else:
                corners = [x * y for x in a for y in b]
                r = (min(corners), max(corners))
            base = type_range(v)
            assert base is not None
            # Only when no value wraps is the interval of the result exact.
            return r if base[0] <= r[0] and r[1] <= base[1] else None
        return None

    def register_interval(self, reg: Register, at: tuple[int, int],
                          depth: int) -> Interval | None:
        if reg.join is not None or reg.kind != "value":
            return None
        defs = self.reaching_at(reg, at)
        if len(defs) != 1 or 0 in defs:
            return None
        (def_id,) = defs
        loop = self.loops.get(def_id)
        if loop is None:
            # A single assignment: the value it assigned, if that value is
            # still the same here (a constant, a temporary, a fixed register).
            assign = self.assigns_by_id(reg).get(def_id)
            if assign is None or not self.stable(assign.src):
                return None
            return self.interval(assign.src, self.where[def_id], depth)
        bind_at = self.where[def_id]
        start = self.interval(loop.start, bind_at, depth)
        stop = self.interval(loop.stop, bind_at, depth)
        if start is None or stop is None:
            return None
        if loop.sign > 0:
            return (start[0], stop[1] - 1)
        if loop.sign < 0:
            return (stop[0] + 1, start[1])
        return (min(start[0], stop[0] + 1), max(start[1], stop[1] - 1))

    def assigns_by_id(self, reg: Register) -> dict[int, Assign]:
        return {id(a): a for a in self.assigns.get(reg, [])}


def fact_interval(op: str, c: int, v: Value) -> Interval | None:
    """The values of `v` for which `v <op> c` holds, as an interval (for
    the orders; eq gives a point, ne nothing)."""
    base = type_range(v)
    if base is None:
        return None
    lo, hi = base
    if op[0] == "u" and lo < 0:
        return None  # an unsigned comparison of a signed value
    if op == "eq":
        return (c, c)
    order = op[1:] if op[0] in "su" else op
    return {"lt": (lo, c - 1), "le": (lo, c), "gt": (c + 1, hi), "ge": (c, hi)}.get(order)


def remove_bounds_checks(fn: FuncIR) -> int:
    """Remove the provably redundant index checks of `fn` and the
    negative-index paths that cannot be taken; the number of checks
    removed."""
    if not fn.index_checks:
        return 0
    facts = Bounds(fn)
    removed = 0
    kept: list[O.IndexCheck] = []
    for check in fn.index_checks:
        at = facts.where.get(id(check.branch))
        if at is None:
            continue  # the check was in code dropped since
        bi, _ = at
        # The index is read by the check's first op; no op of the check
        # assigns a register, so reading it at the branch is the same.
        index = facts.interval(check.index, at)
        length = facts.interval(check.length, at)
        if index is None or length is None:
            kept.append(check)
            continue
        if index[0] >= 0 and index[1] < length[0]:
            jump_to(fn.blocks[bi], check.branch.true)  # always in range
            removed += 1
            continue
        negative = check.negative
        if negative is not None and index[1] < 0 and -length[0] <= index[0]:
            # Always a valid negative index: straight to the fix-up,
            # which then always succeeds.
            jump_to(fn.blocks[bi], check.branch.false)
            ni = facts.where[id(negative)][0]
            jump_to(fn.blocks[ni], negative.true)
            removed += 1
            continue
        if negative is not None and index[0] >= 0:
            # Never negative: a failed comparison means out of range.
            check.branch.false = check.fail
            check.negative = None
        kept.append(check)
    drop_unreachable(fn)
    if kept:
        # What intervals cannot prove, relations between variables may
        # (relations.py): `a[j + 1]` with `j < i` and `i < len(a)`.
        where = {id(b.ops[-1]): b for b in fn.blocks if b.ops}
        proven, kept = prove_checks(fn, [c for c in kept if id(c.branch) in where], where)
        for check in proven:
            jump_to(where[id(check.branch)], check.branch.true)
        removed += len(proven)
        drop_unreachable(fn)
    fn.index_checks = kept
    drop_dead(fn)
    return removed


def jump_to(block: BasicBlock, target: BasicBlock) -> None:
    """End `block` with an unconditional jump instead of its branch."""
    end = block.ops[-1]
    jump = O.Goto(target)
    jump.pos = end.pos
    block.ops[-1] = jump


def drop_unreachable(fn: FuncIR) -> None:
    seen = {id(fn.blocks[0])}
    work: list[BasicBlock] = [fn.blocks[0]]
    while work:
        for nxt in successors(work.pop()):
            if id(nxt) not in seen:
                seen.add(id(nxt))
                work.append(nxt)
    fn.blocks = [b for b in fn.blocks if id(b) in seen]


def drop_dead(fn: FuncIR) -> None:
    """Remove the pure ops whose result nothing uses (the comparisons
    and additions left over), until none is left.

    An op whose result holds a reference is never dead, used or not:
    the result is owned (ir/ops.py, "Ownership"), and the count pass,
    which runs after this one, releases it right after the op only if
    it finds the op.  `lst.pop()` as a statement is such a case: the
    call returns the item's address and a `Cast` to the item's type
    takes over the reference the list gave up; removing that unused
    cast would leak the item."""
    while True:
        used: set[int] = set()
        for block in fn.blocks:
            for op in block.ops:
                used.update(id(s) for s in op.sources())
        for check in fn.index_checks:
            used.add(id(check.index))
            used.add(id(check.length))
        dead = False
        for block in fn.blocks:
            keep = [op for op in block.ops if not removable(op, used, fn.count_str)]
            if len(keep) != len(block.ops):
                block.ops = keep
                dead = True
        if not dead:
            return


DIVISIONS = frozenset({"udiv", "sdiv", "urem", "srem"})


def removable(op: Op, used: set[int], count_str: bool) -> bool:
    """Whether `op` is dead: pure, unused, no division (which may trap)
    and no owner of a reference (see `drop_dead`)."""
    return (isinstance(op, PURE) and id(op) not in used
            and not (isinstance(op, O.IntOp) and op.op in DIVISIONS)
            and not O.counted_value(op.type, count_str))
