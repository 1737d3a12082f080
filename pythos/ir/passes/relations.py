"""Relations between variables, for the index checks intervals cannot prove.

The interval stage of the bounds pass (bounds.py) knows each value on
its own: `j` lies in [0, 15].  That proves nothing about a list, whose
length is known only at run time, nor about an index that is in range
only because of another one, as in an insertion sort:

    for i in range(1, len(a)):
        x = a[i]                    # checked: i < len(a)
        j = i - 1                   # so j < i
        while j >= 0 and a[j] > x:
            a[j + 1] = a[j]         # j + 1 <= i < len(a)
            j -= 1                  # j only goes down: still j < i
        a[j + 1] = x

This stage proves such checks from *difference constraints*, facts of
the form `a <= b + c` between two variables `a`, `b` and a constant `c`,
which close under addition of a constant and under chaining (`a <= b + 1`
and `b <= n - 2` give `a <= n - 1`).  The variables are the function's
integer registers and temporaries, `ZERO` (a constant `k` is `ZERO + k`)
and, for each list register `L`, `len(L)`.  A forward *must* analysis
over the blocks finds the facts that hold at each point on every path:

- `t = x + c` and `t = x - c` (only when the builder proved the
  operation cannot wrap: its `nsw` flag), `r = t` and `r = k` relate
  the result to their operands.  Assigning a register first *projects
  it out*: every pair `a <= r + c1`, `r <= b + c2` is replaced by
  `a <= b + c1 + c2`, so `j = j - 1` turns `j <= i - 1` into `j <= i - 2`;
- a branch on `x < y`, `x >= k`, ... adds the fact its edge
  establishes; a passed index check `i <u n`, with `n >= 0`, adds
  `0 <= i` and `i <= n - 1`; the path that tries a negative index adds
  `i <= n - 1` too (it passes only for `-n <= i < 0`);
- a load of a list's length (or `list_len`) is `len(L)`; any op that
  might change the length of a list (a call other than the few that
  cannot, a store that is not a list item's, a yield) forgets every
  `len(L)`, and so does assigning `L`;
- a branch on a merge register (the value of `a and b`) that its
  predecessors set is taken, per predecessor, only along the edge its
  value allows: `while j >= 0 and a[j] > x` enters its body only from
  the path where both held.

Where paths join, a fact holds if it holds on every incoming edge (with
the weaker constant).  Loops are iterated to a fixed point; after a few
visits of a block, a fact whose constant still grows is dropped, so it
ends.  A check is then removed when the facts before it give
`0 <= index` and `index <= length - 1`; when they give only `0 <= index`,
its negative-index path is dropped.  Every fact holds on every execution
that reaches its point, so a removed check could not have failed; every
other check is left as it was, and fails where it did.
"""

from __future__ import annotations

from ...types import BOOL, IntType
from .. import ops as O
from ..ops import BasicBlock, FuncIR, Register, Value

MAX_FACTS = 300  # past this, a state drops what it would add (weaker, still sound)
WIDEN_AFTER = 8  # changes of a block's facts before a still-changing constant is dropped
SAFE = (O.Assign, O.Goto, O.Branch, O.Return, O.Unreachable, O.KeepAlive, O.IncRef,
        O.Compare, O.Select, O.Cast, O.IntOp, O.IntOverflow, O.GlobalAddr, O.FieldAddr,
        O.ElementAddr, O.SlicePart, O.Load, O.Store, O.ContainerTypeInfo)
# Runtime functions that never change a list's length.
SAFE_CALLS = ("list_len", "list_get", "obj_failed", "panic_index")
NEGATE = {"eq": "ne", "ne": "eq", "slt": "sge", "sge": "slt", "sle": "sgt", "sgt": "sle",
          "ult": "uge", "uge": "ult", "ule": "ugt", "ugt": "ule"}
LIST_LENGTH_WORD = 2  # the word of a list's header that holds its length (build/lists.py)


class Var:
    """A variable of the constraints that is not a value of the IR."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name


ZERO = Var("0")
State = dict[tuple[object, ...], object]  # ("le", a, b) -> c; ("is", r) -> bool; ("copy", r) -> op


def signed(v: Value) -> bool:
    return isinstance(v.type, IntType) and v.type.signed


def term(v: Value) -> tuple[object, int] | None:
    """`v` as a variable plus a constant, or None if it is none of ours."""
    if isinstance(v, O.Integer):
        return (ZERO, v.value) if isinstance(v.type, IntType) else None
    if isinstance(v, Register) and (v.kind != "value" or not signed(v)):
        return None
    if isinstance(v, (Register, O.Op)) and signed(v):
        return (v, 0)
    return None


class Relations:
    def __init__(self, fn: FuncIR, checks: list[O.IndexCheck]) -> None:
        self.fn = fn
        self.lengths: dict[int, Var] = {}  # id(list register) -> len(L)
        self.negative = {id(c.negative): c for c in checks if c.negative is not None}
        self.preds: dict[int, list[BasicBlock]] = {id(b): [] for b in fn.blocks}
        for block in fn.blocks:
            for s in O.successors(block):
                self.preds[id(s)].append(block)
        # Where facts may keep changing: the targets of edges that go back
        # in the block order (every cycle has one), and what a branch on a
        # merged condition leads to (its facts skip that block).
        order = {id(b): k for k, b in enumerate(fn.blocks)}
        self.heads: set[int] = set()
        for block in fn.blocks:
            for s in O.successors(block):
                if order[id(s)] <= order[id(block)] or self.threads(block):
                    self.heads.add(id(s))
        self.ins: dict[int, State] = {}
        self.outs: dict[int, tuple[State, State]] = {}  # by block: (its ins, its outs)
        self.changes: dict[int, int] = {}  # how often each block's facts changed
        self.solve()

    # ----- the facts ------------------------------------------------------------------
    @staticmethod
    def add(state: State, a: object, b: object, c: int) -> None:
        """Record `a <= b + c`."""
        if a is b:
            return
        key = ("le", a, b)
        old = state.get(key)
        if old is None:
            if len(state) < MAX_FACTS:
                state[key] = c
        elif c < old:  # type: ignore[operator]
            state[key] = c

    def equal(self, state: State, a: object, b: object, c: int) -> None:
        """Record `a == b + c`."""
        self.add(state, a, b, c)
        self.add(state, b, a, -c)

    def define(self, state: State, v: object, var: object, c: int) -> None:
        """Record `v == var + c` for a `v` just assigned; `v` inherits the
        facts of `var` (shifted by `c`), so that a join, which keeps only
        the facts each path states directly, still finds them."""
        for key, w in list(state.items()):
            if key[0] == "le" and key[1] is var:  # var <= b + w: v <= b + w + c
                self.add(state, v, key[2], w + c)  # type: ignore[operator]
            elif key[0] == "le" and key[2] is var:  # a <= var + w: a <= v + w - c
                self.add(state, key[1], v, w - c)  # type: ignore[operator]
        self.equal(state, v, var, c)

    def forget(self, state: State, v: object) -> None:
        """Project `v` out: keep what its facts imply about the others."""
        ups: list[tuple[object, int]] = []
        downs: list[tuple[object, int]] = []
        gone = []
        for key, x in state.items():
            if key[0] == "le":
                if key[1] is v:
                    ups.append((key[2], x))  # type: ignore[arg-type]
                elif key[2] is v:
                    downs.append((key[1], x))  # type: ignore[arg-type]
                else:
                    continue
            elif key[1] is not v and x is not v:
                continue
            gone.append(key)
        for key in gone:
            del state[key]
        for a, c1 in downs:
            for b, c2 in ups:
                self.add(state, a, b, c1 + c2)

    def length_of(self, lst: Value) -> Var | None:
        if not isinstance(lst, Register):
            return None
        var = self.lengths.get(id(lst))
        if var is None:
            var = self.lengths[id(lst)] = Var(f"len({lst.name})")
        return var

    def list_length(self, op: O.Op) -> Var | None:
        """`len(L)` if `op` reads the length of list register `L`."""
        if isinstance(op, O.Call) and op.fn.name.rsplit(".", 1)[-1] == "list_len":
            return self.length_of(op.args[0])
        if not (isinstance(op, O.Load) and op.alias == "list header"):
            return None
        addr = op.addr
        if not (isinstance(addr, O.ElementAddr) and isinstance(addr.index, O.Integer)
                and addr.index.value == LIST_LENGTH_WORD):
            return None
        base = addr.base
        if isinstance(base, O.Cast) and base.kind == "inttoptr":
            base = base.src
            if isinstance(base, O.Cast) and base.kind == "object":
                return self.length_of(base.src)
        return None

    def step(self, state: State, op: O.Op) -> None:
        """What `op` does to the facts."""
        if not isinstance(op, SAFE) or (
                isinstance(op, O.Store) and op.alias != "list item"):
            if not (isinstance(op, O.Call)
                    and op.fn.name.rsplit(".", 1)[-1] in SAFE_CALLS):
                for var in self.lengths.values():
                    self.forget(state, var)
        if isinstance(op, O.Assign):
            self.assign(state, op.dest, op.src)
            return
        if signed(op) or op.type is BOOL:
            self.forget(state, op)  # its value from an earlier pass through a loop
        if isinstance(op, O.IntOp) and op.op in ("add", "sub") and "nsw" in op.flags \
                and signed(op):
            a, b = term(op.lhs), term(op.rhs)
            if a is not None and b is not None and b[0] is ZERO:
                self.define(state, op, a[0], a[1] + (b[1] if op.op == "add" else -b[1]))
            elif a is not None and b is not None and a[0] is ZERO and op.op == "add":
                self.define(state, op, b[0], a[1] + b[1])
            return
        length = self.list_length(op)
        if length is not None and signed(op):
            self.equal(state, op, length, 0)
            self.add(state, ZERO, length, 0)

    def assign(self, state: State, dest: Register, src: Value) -> None:
        if src is dest:
            return
        self.forget(state, dest)
        length = self.lengths.get(id(dest))
        if length is not None:
            self.forget(state, length)  # another list
        t = term(src) if signed(dest) else None
        if t is not None:
            self.define(state, dest, t[0], t[1])
        elif isinstance(src, O.Integer) and src.type is BOOL:
            state[("is", dest)] = bool(src.value)
        elif isinstance(src, O.Op) and src.type is BOOL:
            state[("copy", dest)] = src

    def edge(self, state: State, branch: O.Branch, holds: bool) -> State:
        """The facts along one edge of `branch`: the condition `holds`."""
        out = dict(state)
        cond = branch.cond
        for key, v in state.items():
            if key[0] == "copy" and v is cond:
                out[("is", key[1])] = holds
        if isinstance(cond, Register):
            out[("is", cond)] = holds
        check = self.negative.get(id(branch))
        if check is not None and holds:
            # A negative index that passed: -n <= i < 0, so i <= n - 1.
            i, n = term(check.index), term(check.length)
            if i is not None and n is not None:
                self.add(out, i[0], ZERO, -1 - i[1])
                self.add(out, i[0], n[0], n[1] - 1 - i[1])
        if isinstance(cond, O.Compare):
            self.compare(out, cond, holds)
        return out

    def compare(self, state: State, cond: O.Compare, holds: bool) -> None:
        op = cond.op if holds else NEGATE[cond.op]
        a, b = term(cond.lhs), term(cond.rhs)
        if a is None or b is None:
            return
        (x, cx), (y, cy) = a, b
        if op == "ult":
            if (y is ZERO and cy >= 0) or self.proves(state, ZERO, y, cy):
                self.add(state, ZERO, x, cx)
                self.add(state, x, y, cy - cx - 1)
            return
        if op[0] == "u" or not (signed(cond.lhs) or signed(cond.rhs)):
            return
        if op in ("slt", "sle", "eq"):
            self.add(state, x, y, cy - cx - (op == "slt"))
        if op in ("sgt", "sge", "eq"):
            self.add(state, y, x, cx - cy - (op == "sgt"))

    # ----- the analysis ----------------------------------------------------------------
    def out_edge(self, source: BasicBlock, target: BasicBlock,
                 thread: bool = True) -> State | None:
        """The facts on the edge from `source` to `target`; None while
        `source` has not been reached."""
        end = source.terminator
        if isinstance(end, O.Branch) and end.true is not end.false:
            holds = target is end.true
            cond = end.cond
            if thread and self.threads(source):
                # `if cond` right where `cond` is merged: follow each
                # predecessor whose value of `cond` can take this edge.
                states = []
                for p in self.preds[id(source)]:
                    s = self.out_edge(p, source, thread=False)
                    if s is not None and s.get(("is", cond), holds) == holds:
                        states.append(self.edge(s, end, holds))
                return join(states) if states else None
            state = self.out_state(source)
            return None if state is None else self.edge(state, end, holds)
        return self.out_state(source)

    @staticmethod
    def threads(block: BasicBlock) -> bool:
        """Whether `block` only branches on the merge register it joins."""
        end = block.ops[-1] if block.ops else None
        return (len(block.ops) == 1 and isinstance(end, O.Branch)
                and isinstance(end.cond, Register) and end.cond.join is block)

    def out_state(self, block: BasicBlock) -> State | None:
        """The facts before `block`'s last op (its branch or jump)."""
        state = self.ins.get(id(block))
        if state is None:
            return None
        cached = self.outs.get(id(block))
        if cached is not None and cached[0] is state:
            return cached[1]
        start = state
        state = dict(state)
        for op in block.ops[:-1]:
            self.step(state, op)
        self.outs[id(block)] = (start, state)
        return state

    def solve(self) -> None:
        """Iterate to a fixed point, visiting the blocks whose incoming
        facts may have changed, first in the order of the blocks."""
        blocks = self.fn.blocks
        order = {id(b): k for k, b in enumerate(blocks)}
        self.ins[id(blocks[0])] = {}
        work = {order[id(s)] for s in O.successors(blocks[0])}
        while work:
            k = min(work)
            work.discard(k)
            block = blocks[k]
            if k == 0:
                continue
            states = [s for p in self.preds[id(block)]
                      if (s := self.out_edge(p, block)) is not None]
            if not states:
                continue
            new = join(states)
            old = self.ins.get(id(block))
            if (old is not None and id(block) in self.heads
                    and self.changes.get(id(block), 0) >= WIDEN_AFTER):
                new = {k: v for k, v in old.items() if k in new and (
                    new[k] == v or k[0] == "le" and new[k] <= v)}  # type: ignore[operator]
            if new != old:
                self.ins[id(block)] = new
                self.changes[id(block)] = self.changes.get(id(block), 0) + 1
                for succ in O.successors(block):
                    work.add(order[id(succ)])
                    if self.threads(succ):  # its successors read this block's facts
                        work.update(order[id(t)] for t in O.successors(succ))

    # ----- questions ------------------------------------------------------------------
    @staticmethod
    def proves(state: State, a: object, b: object, c: int) -> bool:
        """Whether the facts give `a <= b + c` (shortest path from a to b)."""
        if a is b:
            return c >= 0
        dist: dict[int, tuple[object, int]] = {id(a): (a, 0)}
        for _ in range(8):
            grew = False
            for key, w in state.items():
                if key[0] != "le":
                    continue
                src = dist.get(id(key[1]))
                if src is None:
                    continue
                d = src[1] + w  # type: ignore[operator]
                old = dist.get(id(key[2]))
                if old is None or d < old[1]:
                    dist[id(key[2])] = (key[2], d)
                    grew = True
            if not grew:
                break
        found = dist.get(id(b))
        return found is not None and found[1] <= c

    def at_check(self, block: BasicBlock) -> State | None:
        return self.out_state(block)


def join(states: list[State]) -> State:
    """The facts that hold on every one of `states` (the weaker constant)."""
    first, *rest = states
    out: State = {}
    for key, v in first.items():
        for s in rest:
            w = s.get(key)
            if w is None or (key[0] != "le" and w is not v and w != v):
                break
            if key[0] == "le" and w > v:  # type: ignore[operator]
                v = w
        else:
            out[key] = v
    return out


def prove_checks(fn: FuncIR, checks: list[O.IndexCheck],
                 where: dict[int, BasicBlock]) -> tuple[list[O.IndexCheck], list[O.IndexCheck]]:
    """Split `checks` into those the relations prove always pass and the
    rest; of the rest, drop the negative-index path of each whose index
    is proven not negative."""
    rel = Relations(fn, checks)
    proven: list[O.IndexCheck] = []
    kept: list[O.IndexCheck] = []
    for check in checks:
        block = where[id(check.branch)]
        state = rel.at_check(block)
        i, n = term(check.index), term(check.length)
        if state is None or i is None or n is None:
            kept.append(check)
            continue
        low = rel.proves(state, ZERO, i[0], i[1])
        if low and rel.proves(state, i[0], n[0], n[1] - 1 - i[1]):
            proven.append(check)
            continue
        if low and check.negative is not None:
            check.branch.false = check.fail
            check.negative = None
        kept.append(check)
    return proven, kept
