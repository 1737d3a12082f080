"""Passes over the IR, run by the driver between build and lower.

Each pass takes one `FuncIR` and rewrites it in place; the verifier runs
after them, so a pass that breaks the IR stops the compilation.
`--dump=ir` prints the IR after the passes.
"""

from __future__ import annotations

from ..ops import FuncIR, GlobalGet, GlobalSet, ModuleIR
from .bounds import remove_bounds_checks
from .dictslots import reuse_dict_slots
from .generators import record_frame_liveness, spill_across_yields
from .keyhash import hash_keys
from .refcount import insert_refcounts
from .stablefields import borrow_stable_fields
from .steals import mark_stolen_parameters
from .strappend import append_in_place


def run_passes(module: ModuleIR) -> None:
    constant = constant_globals(module)
    for fn in module.functions:
        if fn.generator is None:  # a generator's frame owns what it keeps
            borrow_constant_globals(fn, constant)
    # Both before any function's count pass, which reads what they mark.
    mark_stolen_parameters(module)
    borrow_stable_fields(module)  # its roots include the borrowed globals
    for fn in module.functions:
        remove_bounds_checks(fn)
        spill_across_yields(fn)  # a generator's temporaries that outlive a yield
        insert_refcounts(fn)  # the count updates follow the final control flow
        reuse_dict_slots(fn, module.object_runtime)  # sees the count updates
        hash_keys(fn, module.object_runtime)  # after dictslots' dict_find and dict_set_at
        append_in_place(fn, module.object_runtime)  # takes over a dropped reference
        record_frame_liveness(fn)  # what a generator's frame holds in each state


def constant_globals(module: ModuleIR) -> set[int]:
    """The counted globals (by id) that are never rebound once set: a
    `Final` one whose only store in the program is its definition, in its
    module's initialiser.  (The checker refuses `global X` and `X = ...`
    of a Final name in a function, but `module.X = ...` from another
    module still compiles, as in CPython, hence the count of stores.)"""
    inits = {id(sym) for sym in module.module_inits}
    stores: dict[int, list[bool]] = {}
    for fn in module.functions:
        for block in fn.blocks:
            for op in block.ops:
                if isinstance(op, GlobalSet):
                    stores.setdefault(id(op.sym), []).append(id(fn.sym) in inits)
    return {id(g) for g in module.counted_globals
            if g.final and stores.get(id(g)) == [True]}


def borrow_constant_globals(fn: FuncIR, constant: set[int]) -> None:
    """Make the loads of such globals borrowed: the global's reference
    keeps the object alive for as long as any function can run, so a
    read need not take one (and drop it after), as a parameter needs
    none.  A value that is stored somewhere still gets its own reference
    from the count pass."""
    for block in fn.blocks:
        for op in block.ops:
            if isinstance(op, GlobalGet) and id(op.sym) in constant:
                op.borrowed = True
