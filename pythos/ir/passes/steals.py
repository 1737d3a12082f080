"""Constructors that take over their arguments' references.

`Node(make(d - 1), make(d - 1))` passes two new objects to
`Node.__init__`, which stores each into a field.  With every argument
borrowed, the field takes a reference of its own (an increment in
`__init__`) and the caller drops the temporary's after the call (a
decrement): two count updates that cancel, for each argument.  This pass
marks the parameters of an `__init__` that some `SetAttr` stores as
*stolen* (`FuncSym.steals`): the caller hands its reference over (the
call consumes the argument, `ops.consumes`), and the count pass treats
the parameter as owned by the function, as if it assigned it on entry.
A temporary that dies at the call then moves into the field with no
count update at all; any other argument (a variable used again, a
parameter of the caller, the same value passed twice, a value also
passed to a borrowed parameter) gets an increment before the call, as
a store does.  On the paths where `__init__` does not store it (an
exception before the store, a branch), the function drops it itself.

Only `__init__` qualifies: it is called directly (construction,
`super().__init__`, `Base.__init__(self, ...)`), never through a vtable
(check/classes.py keeps it out) or as a value; a function whose symbol
any other op names (its address, a function object) keeps the borrowed
convention.  So does the runtime's code, which is compiled once for
every program (rtcache.py): a program's call must agree with the
callee's convention, and the program's compilation sees only the
runtime's declarations (docs/compiler.md, "Stolen arguments").
"""

from __future__ import annotations

from ...symbols import FuncSym
from ..ops import Assign, Call, FuncIR, ModuleIR, Op, SetAttr, holds_reference


def mark_stolen_parameters(module: ModuleIR) -> None:
    """Set `steals` on every `__init__` of the module's bodies that
    stores parameters into fields and is only ever called directly."""
    named = named_elsewhere(module)
    for fn in module.functions:
        sym = fn.sym
        if sym.name != "__init__" or sym.cls is None or fn.generator is not None \
                or id(sym) in named or sym.module.name in module.exported_modules:
            continue
        sym.steals = stored_parameters(fn)


def stored_parameters(fn: FuncIR) -> tuple[int, ...]:
    """The indices of the object parameters that `fn` never assigns and
    that some field store takes."""
    assigned = {id(op.dest) for b in fn.blocks for op in b.ops if isinstance(op, Assign)}
    stored = {id(op.value) for b in fn.blocks for op in b.ops if isinstance(op, SetAttr)}
    return tuple(i for i, p in enumerate(fn.params)
                 if holds_reference(p.type, fn.count_str)
                 and id(p) not in assigned and id(p) in stored)


def named_elsewhere(module: ModuleIR) -> set[int]:
    """The functions (by id) that an op other than a direct call names:
    their address is taken, or they are made into a function object."""
    out: set[int] = set()
    for fn in module.functions:
        for block in fn.blocks:
            for op in block.ops:
                if isinstance(op, Call):
                    continue
                for name in slot_names(op):
                    value = getattr(op, name, None)
                    if isinstance(value, FuncSym):
                        out.add(id(value))
    return out


def slot_names(op: Op) -> list[str]:
    return [name for cls in type(op).__mro__ for name in getattr(cls, "__slots__", ())]
