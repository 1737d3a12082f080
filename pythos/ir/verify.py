"""Checking that IR is well formed.

The builder should never make malformed IR, and the lowering assumes it
does not; `verify_function` checks the assumptions, so that a builder bug
fails at once, naming the function, block and op, instead of surfacing
as an LLVM error or a wrong program.  It checks that:

- every block ends in exactly one terminator, and has none before it;
- every jump goes to a block of the same function, and every block can
  be reached from the entry (the builder drops the dead ones);
- every operand is defined: a constant, a register of the function, or
  an op whose result is not void, defined earlier in the same block or in
  a block that dominates the use;
- operand types agree with the op: branch conditions are bools, both
  sides of arithmetic have one width, a store's value fits its address,
  a call passes what the callee takes, a return gives what the function
  returns.

It is cheap (linear in the ops, plus a dominator computation per
function), so the driver runs it on every compilation.
"""

from __future__ import annotations

from collections.abc import Callable

from ..types import BOOL, NONE, U64, ArrayType, IntType, PtrType, Type
from . import ops as O
from .ops import BasicBlock, FuncIR, ModuleIR, Op, Register, Value, successors


class IRError(Exception):
    """Malformed IR: a compiler bug."""


def compatible(a: Type, b: Type) -> bool:
    """Whether a value of type `b` may stand where `a` is expected: the same
    representation, or integers of the same width.  (A str is the address
    of a str object, a bytes value an address and a length: they differ.)"""
    if O.same_representation(a, b):
        return True
    if a == U64 and O.holds_reference(b, True):
        # An object passed to the runtime, which takes objects as u64
        # addresses (pythos/rt/obj/): the call borrows it, so the count
        # pass keeps it alive across the call.
        return True
    return isinstance(a, IntType) and isinstance(b, IntType) and a.bits == b.bits


def verify_module(module: ModuleIR) -> None:
    for fn in module.functions:
        verify_function(fn)


def dominators(fn: FuncIR) -> dict[int, int]:
    """For each block (by index), the set of blocks that dominate it, as
    a bit mask of indexes (the classic iterative data-flow solution)."""
    index = {id(b): i for i, b in enumerate(fn.blocks)}
    preds: list[list[int]] = [[] for _ in fn.blocks]
    for i, b in enumerate(fn.blocks):
        for s in successors(b):
            preds[index[id(s)]].append(i)
    everything = (1 << len(fn.blocks)) - 1
    dom = [everything] * len(fn.blocks)
    dom[0] = 1
    changed = True
    while changed:
        changed = False
        for i in range(1, len(fn.blocks)):
            new = everything
            for p in preds[i]:
                new &= dom[p]
            new |= 1 << i
            if new != dom[i]:
                dom[i] = new
                changed = True
    return dict(enumerate(dom))


def verify_function(fn: FuncIR) -> None:
    name = fn.sym.qualname

    def fail(block: BasicBlock | None, op: Op | None, message: str) -> IRError:
        where = f"function {name}"
        if block is not None:
            where += f", block {block.label}"
            if op is not None:
                where += f", op {block.ops.index(op)} ({type(op).__name__})"
        return IRError(f"malformed IR in {where}: {message}")

    if not fn.blocks:
        raise fail(None, None, "no blocks")
    index = {id(b): i for i, b in enumerate(fn.blocks)}
    registers = {id(r) for r in fn.registers}
    if fn.sret is not None:
        registers.add(id(fn.sret))
    for r in fn.params:
        if id(r) not in registers:
            raise IRError(f"malformed IR in function {name}: parameter {r.name} is not "
                          f"one of its registers")
    # Where each op is defined: (block index, position in the block).
    defined: dict[int, tuple[int, int]] = {}
    for i, block in enumerate(fn.blocks):
        if not block.ops or not block.ops[-1].is_terminator:
            raise fail(block, None, "does not end in a terminator")
        for k, op in enumerate(block.ops):
            if op.is_terminator and k != len(block.ops) - 1:
                raise fail(block, op, "a terminator before the end of the block")
            if id(op) in defined:
                raise fail(block, op, "the same op appears twice")
            defined[id(op)] = (i, k)
        for target in successors(block):
            if id(target) not in index:
                raise fail(block, block.ops[-1],
                           f"jumps to block {target.label} of another function")
    reached = reachable(fn)
    for i, block in enumerate(fn.blocks):
        if i not in reached:
            raise fail(block, None, "cannot be reached from the entry")
    dom = dominators(fn)

    def check_operand(src: Value, i: int, k: int, block: BasicBlock, op: Op) -> None:
        if isinstance(src, Register):
            if id(src) not in registers:
                raise fail(block, op, f"register {src.name} is not one of the function's")
        elif isinstance(src, Op):
            where = defined.get(id(src))
            if where is None:
                raise fail(block, op, f"uses a {type(src).__name__} that is not in the "
                                      f"function")
            if src.type is NONE:
                raise fail(block, op, f"uses the result of a {type(src).__name__}, which "
                                      f"has none")
            at, position = where
            if at == i and position >= k or at != i and not dom[i] >> at & 1:
                raise fail(block, op, f"uses a {type(src).__name__} of block "
                                      f"{fn.blocks[at].label} where it is not defined")
        elif not isinstance(src, (O.Integer, O.StrConst, O.TupleConst)):
            raise fail(block, op, f"operand {src!r} is not a value")

    for i, block in enumerate(fn.blocks):
        for k, op in enumerate(block.ops):
            if isinstance(op, O.Assign) and id(op.dest) not in registers:
                raise fail(block, op, f"register {op.dest.name} is not one of the function's")
            for src in op.sources():
                check_operand(src, i, k, block, op)
            problem = type_problem(fn, op)
            if problem:
                raise fail(block, op, problem)
    check_merges(fn, index, dom, fail)


def check_merges(fn: FuncIR, index: dict[int, int], dom: dict[int, int],
                 fail: Callable[[BasicBlock | None, Op | None, str], IRError]) -> None:
    """A merge register is assigned once in each block that jumps to its
    join block, in no other block, and read only where the join block
    dominates."""
    merges = {id(r): r for r in fn.registers if r.join is not None}
    if not merges:
        return
    preds: dict[int, list[int]] = {}
    for i, block in enumerate(fn.blocks):
        for s in successors(block):
            preds.setdefault(index[id(s)], []).append(i)
    assigned: dict[int, dict[int, int]] = {key: {} for key in merges}
    for i, block in enumerate(fn.blocks):
        for op in block.ops:
            if isinstance(op, O.Assign) and id(op.dest) in merges:
                counts = assigned[id(op.dest)]
                counts[i] = counts.get(i, 0) + 1
            for src in op.sources():
                if id(src) in merges:
                    join = src.join  # type: ignore[attr-defined]
                    j = index.get(id(join))
                    if j is None or not dom[i] >> j & 1:
                        raise fail(block, op, f"reads merge register {src.name} "  # type: ignore
                                              f"outside its join block's reach")
    for key, reg in merges.items():
        assert reg.join is not None
        j = index.get(id(reg.join))
        if j is None:
            continue  # the join was unreachable and dropped, and so were its uses
        counts = assigned[key]
        expected = set(preds.get(j, []))
        if set(counts) != expected or any(n != 1 for n in counts.values()):
            raise fail(reg.join, None, f"merge register {reg.name} must be assigned exactly "
                                       f"once in each block that jumps here, and nowhere else")


def reachable(fn: FuncIR) -> set[int]:
    index = {id(b): i for i, b in enumerate(fn.blocks)}
    seen = {0}
    work = [fn.blocks[0]]
    while work:
        for nxt in successors(work.pop()):
            j = index.get(id(nxt))
            if j is not None and j not in seen:
                seen.add(j)
                work.append(nxt)
    return seen


def type_problem(fn: FuncIR, op: Op) -> str | None:
    """What is wrong with the types of `op`'s operands, if anything."""
    if isinstance(op, O.Branch):
        if op.cond.type is not BOOL:
            return f"branch condition has type {op.cond.type}, not bool"
    elif isinstance(op, O.Return):
        result = fn.sym.result
        if result is NONE or result.is_aggregate:
            if op.value is not None:
                return f"returns a value from a function whose result is {result} " \
                       f"(aggregates are returned through sret)"
        elif op.value is None or not compatible(result, op.value.type):
            got = "nothing" if op.value is None else op.value.type
            return f"returns {got} from a function returning {result}"
    elif isinstance(op, O.Assign):
        dest = op.dest
        if dest.kind == "owner":
            return f"assigns to owner register {dest.name} (copy into it instead)"
        if not compatible(dest.type, op.src.type):
            return f"assigns {op.src.type} to {dest.name}: {dest.type}"
    elif isinstance(op, (O.IntOp, O.Compare)):
        a, b = op.lhs.type, op.rhs.type
        if isinstance(op, O.IntOp) and (not isinstance(a, IntType) and a is not BOOL):
            return f"{op.op} of {a}"
        if not compatible(a, b):
            return f"{op.op} of {a} and {b}"
    elif isinstance(op, O.Select):
        if op.cond.type is not BOOL:
            return f"select condition has type {op.cond.type}, not bool"
        if not compatible(op.true.type, op.false.type):
            return f"select between {op.true.type} and {op.false.type}"
    elif isinstance(op, O.Cast):
        return cast_problem(op)
    elif isinstance(op, O.Store):
        target = pointee(op.addr.type)
        if target is None:
            return f"stores through a {op.addr.type}, not an address"
        if not fits(target, op.value.type):
            return f"stores a {op.value.type} at the address of a {target}"
    elif isinstance(op, O.Load):
        if pointee(op.addr.type) is None:
            return f"loads from a {op.addr.type}, not an address"
    elif isinstance(op, O.FieldAddr):
        base = op.base.type
        if not (base is op.struct or isinstance(base, PtrType) and base.target is op.struct):
            return f"field {op.name} of {op.struct} taken from a {base}"
    elif isinstance(op, O.ElementAddr):
        if not (isinstance(op.index.type, IntType) and op.index.type.bits == 64):
            return f"element index has type {op.index.type}, not a 64-bit integer"
    elif isinstance(op, O.Call):
        params = [p.type for p in op.fn.params]
        if len(params) != len(op.args):
            return f"calls {op.fn.name} with {len(op.args)} arguments; it takes {len(params)}"
        for param, arg in zip(params, op.args, strict=True):
            if not compatible(param, arg.type):
                return f"passes a {arg.type} to {op.fn.name} where it takes a {param}"
        if (op.sret is not None) != op.fn.result.is_aggregate:
            return "a struct or array result needs storage (sret), and only such a result"
    elif isinstance(op, (O.GetAttr, O.SetAttr, O.IsInstance)):
        if not O.is_counted(op.obj.type):
            return f"{type(op).__name__} of a {op.obj.type}, not an object"
        if isinstance(op, O.SetAttr) and not compatible(op.cls.fields[op.name],
                                                        op.value.type):
            return f"stores a {op.value.type} in field {op.name}: {op.cls.fields[op.name]}"
    elif isinstance(op, (O.IncRef, O.DecRef)):
        if not O.counted_value(op.src.type, True):
            return f"counts references of a {op.src.type}, not an object"
    return None


def fits(target: Type, t: Type) -> bool:
    """Whether a `t` may be stored at the address of a `target`: the
    address of an array is also the address of its first element
    (`addr_of(array)` is a pointer to the elements)."""
    while True:
        if compatible(target, t):
            return True
        if not isinstance(target, ArrayType):
            return False
        target = target.element


def pointee(t: Type) -> Type | None:
    if isinstance(t, PtrType):
        return t.target
    if t.is_aggregate:
        return t
    return None


def cast_problem(op: O.Cast) -> str | None:
    src, dst = op.src.type, op.type
    a = src.bits if isinstance(src, IntType) else 1 if src is BOOL else None
    b = dst.bits if isinstance(dst, IntType) else 1 if dst is BOOL else None
    if op.kind in ("trunc", "zext", "sext"):
        if a is None or b is None:
            return f"{op.kind} from {src} to {dst}"
        if (op.kind == "trunc") != (a > b) or a == b:
            return f"{op.kind} from {a} to {b} bits"
    elif op.kind == "bitcast":
        if a is None or a != b:
            return f"bitcast from {src} to {dst}"
    elif op.kind == "inttoptr":
        if not isinstance(src, IntType) or not isinstance(dst, PtrType):
            return f"inttoptr from {src} to {dst}"
    elif op.kind == "ptrtoint":
        if not isinstance(dst, IntType) or not (isinstance(src, PtrType) or src.is_aggregate):
            return f"ptrtoint from {src} to {dst}"
    elif op.kind == "object":
        def address(t: Type) -> bool:
            return O.holds_reference(t, True)
        if not ((a == 64 and address(dst)) or (b == 64 and address(src))):
            return f"object cast from {src} to {dst}"
    else:
        return f"unknown cast {op.kind}"
    return None

