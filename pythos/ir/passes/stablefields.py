"""Borrowed field reads: fields no code writes once their instance is made.

`left, right = node.left, node.right` takes a reference to each child
(`GetAttr` is owned) and drops it after its last use: two count updates
per read.  They are needed when something may overwrite the field while
the value is in use, the last reference to it going with the old value.
A field that is only ever written while its instance is being made is
never overwritten later, though, and a parameter the function never
assigns stays alive for the whole call (its caller holds it): so what
its field holds stays alive too, held by the field, and the read can be
*borrowed*, taking no reference, as the parameter itself is.  The same
holds for a field of such a value, and for a variable that only ever
holds such values (`node = node.next` in a walk).  A borrowed value that
is stored, returned or handed on still gets a reference of its own from
the count pass (refcount.py), as a parameter does.

A field (by the class that declares it) is *stable* when every
`SetAttr` of it stores into a new instance: the `ObjNew` itself (a
dataclass's fields, class-level defaults) or the `self` of an
`__init__` that never rebinds `self`, and when every `__init__` runs
only on a new instance (construction, or `super().__init__` from
another `__init__` on its own `self`; a program that calls one any
other way, or takes one as a value, gets no borrowed reads).  The
collector frees only what nothing outside the garbage refers to, so it
never frees what a live parameter reaches.  Not borrowed: reads inside an
`__init__` (it writes the fields it reads), in a generator (its frame
outlives the call), and fields of exception classes (the runtime writes
the base exception's).  docs/compiler.md, "Borrowed field reads".
"""

from __future__ import annotations

from ...parse import EXCEPTIONS_MODULE
from ...types import ClassType
from ..ops import (
    Assign,
    Call,
    FuncIR,
    GetAttr,
    GlobalGet,
    ModuleIR,
    ObjNew,
    Op,
    Register,
    SetAttr,
    Value,
    holds_reference,
)
from .steals import named_elsewhere


def borrow_stable_fields(module: ModuleIR) -> None:
    """Mark the borrowed field reads and variables of every function."""
    stable = stable_fields(module)
    if stable is None:
        return
    for fn in module.functions:
        if fn.generator is None and not is_init(fn):
            borrow_reads(fn, stable)


def is_init(fn: FuncIR) -> bool:
    return fn.sym.name == "__init__" and fn.sym.cls is not None


def init_self(fn: FuncIR) -> Register | None:
    """An `__init__`'s `self`, if the function never rebinds it."""
    if not is_init(fn) or not fn.params:
        return None
    first = fn.params[0]
    if any(isinstance(op, Assign) and op.dest is first for b in fn.blocks for op in b.ops):
        return None
    return first


def stable_fields(module: ModuleIR) -> set[tuple[int, str]] | None:
    """The stable fields, as (id of the declaring class, name); None when
    some `__init__` may run on an instance made before."""
    named = named_elsewhere(module)
    written: set[tuple[int, str]] = set()
    declared: dict[tuple[int, str], ClassType] = {}
    for fn in module.functions:
        me = init_self(fn)
        for block in fn.blocks:
            for op in block.ops:
                if isinstance(op, Call) and op.fn.name == "__init__" and op.fn.cls is not None:
                    if id(op.fn) in named:
                        return None
                    target = op.args[0] if op.args else None
                    if not (isinstance(target, ObjNew) or (me is not None and target is me)):
                        return None
                elif isinstance(op, GetAttr):
                    declared[(id(op.cls), op.name)] = op.cls
                elif isinstance(op, SetAttr):
                    if not (isinstance(op.obj, ObjNew) or (me is not None and op.obj is me)):
                        written.add((id(op.cls), op.name))
    return {key for key, cls in declared.items()
            if key not in written and not is_exception(cls)}


def is_exception(cls: ClassType) -> bool:
    return any(c.qualname.startswith(EXCEPTIONS_MODULE + ".") for c in cls.mro())


def borrow_reads(fn: FuncIR, stable: set[tuple[int, str]]) -> None:
    """Mark `fn`'s reads of stable fields of values alive for the whole
    call, and its variables that only ever hold such values."""
    count_str = fn.count_str
    sources: dict[int, list[Value]] = {}
    for block in fn.blocks:
        for op in block.ops:
            if isinstance(op, Assign):
                sources.setdefault(id(op.dest), []).append(op.src)
    # Candidates: object variables; parameters start with the caller's
    # (borrowed) value.  Whittled down to a fixed point below.
    held = {id(r) for r in fn.registers
            if holds_reference(r.type, count_str) and r.kind == "value"
            and (r.is_param or id(r) in sources)}
    reads = [op for b in fn.blocks for op in b.ops
             if isinstance(op, GetAttr) and (id(op.cls), op.name) in stable
             and holds_reference(op.type, count_str)]
    borrowed_reads: set[int] = {id(op) for op in reads}

    def alive(v: Value) -> bool:
        """Whether `v` stays alive for the whole call, on current guesses."""
        if isinstance(v, Register):
            return id(v) in held
        if isinstance(v, GlobalGet):
            return v.borrowed
        if isinstance(v, GetAttr):
            return id(v) in borrowed_reads
        return not isinstance(v, Op)  # a constant: None, a literal (immortal)

    changed = True
    while changed:
        changed = False
        for r in fn.registers:
            if id(r) in held and not all(alive(s) for s in sources.get(id(r), [])):
                held.discard(id(r))
                changed = True
        for op in reads:
            if id(op) in borrowed_reads and not alive(op.obj):
                borrowed_reads.discard(id(op))
                changed = True
    for r in fn.registers:
        r.borrowed = id(r) in held and (not r.is_param or id(r) in sources)
    for op in reads:
        op.borrowed = id(op) in borrowed_reads
