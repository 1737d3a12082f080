"""The interrupt rule: no heap work in code an interrupt handler can reach.

An interrupt arrives between any two instructions of the code it
interrupts, which may be in the middle of the allocator (its free lists
half updated) or of a reference-count update (count loaded, not yet
stored).  A handler that allocated, freed, or changed a count then would
corrupt the heap or lose an update, and the cycle collector must never run
there either.  Locks cannot help: the interrupted code holds the lock and
cannot run until the handler returns.  So the compiler forbids, in an
`@interrupt` handler and in everything it can call, anything that creates,
stores, copies or drops an object value.  Integers, structs, arrays and
pointers are all still available: a handler records what happened in
fixed storage, and ordinary code turns it into objects later.

While checking each function the checker records the functions it calls
(`FuncSym.calls`) and what it does to the heap (`FuncSym.heap_effects`);
this module searches the call graph from each handler and reports the
shortest path to the first such effect:

    error: on_irq1 -> push -> list.append allocates in interrupt context
"""

from __future__ import annotations

from collections import deque

from ..diagnostics import CompileError
from ..symbols import FuncSym

# How check/functions.py words a call through a function value.
UNKNOWN_CALL = "runs a function the compiler cannot see"


def worst_effect(fn: FuncSym) -> tuple[str, object] | None:
    """The effect to report for a function: an allocation if it makes one
    (the clearest reason), else a call through a function value (the
    search cannot follow it: any function of that type may run there),
    else its first reference-count update."""
    for marker in ("allocates", UNKNOWN_CALL):
        for effect in fn.heap_effects:
            if marker in effect[0]:
                return effect
    return fn.heap_effects[0] if fn.heap_effects else None


def check_interrupt_safety(functions: list[FuncSym]) -> None:
    for handler in functions:
        if not handler.interrupt:
            continue
        # Breadth first, so the path reported is a shortest one.
        previous: dict[int, FuncSym | None] = {id(handler): None}
        queue = deque([handler])
        while queue:
            fn = queue.popleft()
            effect = worst_effect(fn)
            if effect is not None:
                path = [fn]
                while (back := previous[id(path[-1])]) is not None:
                    path.append(back)
                names = " -> ".join(f.name for f in reversed(path))
                what, node = effect
                err = fn.module.error(node, f"{names} -> {what} in interrupt context (an "  # type: ignore[arg-type]
                                            f"interrupt handler, and anything it calls, may "
                                            f"not allocate, free or touch a reference count)")
                err.context = f"{fn.module.path}: in function '{fn.name}':"
                raise err
            # Code a handler can reach does not raise: a division by zero
            # there panics (ir/build/expr.py), since raising allocates.
            fn.in_interrupt = True
            for callee, _ in fn.calls:
                if id(callee) not in previous:
                    previous[id(callee)] = fn
                    queue.append(callee)


__all__ = ["check_interrupt_safety", "CompileError"]
