"""Module initialisation in the IR (issue 11, item 6; check/modinit.py
has the design).

Two things: the program's list of module initialisers and of the globals
that hold references (`module_initialisation`), which the lowering turns
into `pythos_init_modules` and the release after `main`; and the
ownership of a global that holds an object (`counted_global_access`).

A module-level variable holding an object is a strong reference, as a
field is.  So reading it is `GlobalGet`, which increments the count as
`GetAttr` does, and assigning it is `GlobalSet`, which consumes the value
and drops the old one after the store, as `SetAttr` does.  The builder
reads and writes globals through `GlobalAddr` with `Load` and `Store`
everywhere (names, `module.NAME`, augmented assignment); its `add` hands
each such op to `counted_global_access`, so no path can miss the counts.
"""

from __future__ import annotations

from typing import Any

from ..ops import GlobalAddr, GlobalGet, GlobalSet, Load, ModuleIR, Op, Store, counted_value


def counted_global_access(op: Op, count_str: bool) -> Op:
    """`op` itself, or its counted form if it loads or stores an object
    in a global."""
    if isinstance(op, Load) and isinstance(op.addr, GlobalAddr) and not op.volatile \
            and counted_value(op.addr.sym.type, count_str):
        return GlobalGet(op.addr.sym)
    if isinstance(op, Store) and isinstance(op.addr, GlobalAddr) and not op.volatile \
            and counted_value(op.addr.sym.type, count_str):
        return GlobalSet(op.addr.sym, op.value)
    return op


def module_initialisation(module: ModuleIR, checker: Any) -> None:
    """Record the module initialisers (already built, as functions) in
    import order, and the globals holding references in the order they
    are initialised: the lowering releases them in reverse."""
    module.module_inits = list(checker.module_inits)
    order = {id(fn.module): i for i, fn in enumerate(module.module_inits)}
    counted = [g for g in checker.globals if counted_value(g.type, module.count_str)]
    counted.sort(key=lambda g: order.get(id(g.module), -1))
    module.counted_globals = counted
