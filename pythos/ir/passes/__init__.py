"""Passes over the IR, run by the driver between build and lower.

Each pass takes one `FuncIR` and rewrites it in place; the verifier runs
after them, so a pass that breaks the IR stops the compilation.
`--dump=ir` prints the IR after the passes.
"""

from __future__ import annotations

from ..ops import ModuleIR
from .bounds import remove_bounds_checks
from .dictslots import reuse_dict_slots
from .generators import record_frame_liveness, spill_across_yields
from .refcount import insert_refcounts
from .strappend import append_in_place


def run_passes(module: ModuleIR) -> None:
    for fn in module.functions:
        remove_bounds_checks(fn)
        spill_across_yields(fn)  # a generator's temporaries that outlive a yield
        insert_refcounts(fn)  # the count updates follow the final control flow
        reuse_dict_slots(fn, module.object_runtime)  # sees the count updates
        append_in_place(fn, module.object_runtime)  # takes over a dropped reference
        record_frame_liveness(fn)  # what a generator's frame holds in each state
