"""The two passes a generator's resume function needs (issue 12).

`spill_across_yields` runs before the count pass.  Registers live in the
generator's frame, so they keep their values across a `yield`; a
temporary (an op's result) is an SSA value, gone once the resume
function returns.  The builder keeps most values that outlive a
statement in registers already, but a few temporaries are computed once
before a loop and used in every iteration (the address of a loop's out
slot, a list a `for` walks).  Any temporary live at the start of a block
where a resume begins is given a register of its own, assigned right
after the temporary is computed, and every use reads the register.

`record_frame_liveness` runs after the count pass, on the final control
flow.  For each state of the frame (0: not started; k: suspended at the
k-th yield) it records the registers holding a reference there: those
live at the block the resume starts at.  The frame's `clear` (a
generator dropped halfway) releases exactly those, and its `traverse`
shows them to the cycle collector (lower/generators.py).
"""

from __future__ import annotations

from ..ops import (
    Assign,
    FuncIR,
    Op,
    Register,
    ResumeSwitch,
    Value,
    counted_value,
    successors,
)
from .refcount import COUNT_STR, liveness


def temp_liveness(fn: FuncIR) -> dict[int, set[Op]]:
    """The temporaries live at the start of each block (by id)."""
    gen: dict[int, set[Op]] = {}
    kill: dict[int, set[Op]] = {}
    for block in fn.blocks:
        g: set[Op] = set()
        k: set[Op] = set()
        for op in reversed(block.ops):
            g.discard(op)
            k.add(op)
            g.update(v for v in op.sources() if isinstance(v, Op))
        gen[id(block)], kill[id(block)] = g, k
    live_in: dict[int, set[Op]] = {id(b): set(gen[id(b)]) for b in fn.blocks}
    changed = True
    while changed:
        changed = False
        for block in reversed(fn.blocks):
            out: set[Op] = set()
            for s in successors(block):
                out |= live_in[id(s)]
            new_in = gen[id(block)] | (out - kill[id(block)])
            if new_in != live_in[id(block)]:
                live_in[id(block)] = new_in
                changed = True
    return live_in


def replace_operand(op: Op, old: Value, new: Value) -> None:
    """Make `op` read `new` where it read `old` (any operand field)."""
    for cls in type(op).__mro__:
        for name in getattr(cls, "__slots__", ()):
            if name in ("pos", "type", "dest") or not hasattr(op, name):
                continue
            v = getattr(op, name)
            if v is old:
                setattr(op, name, new)
            elif isinstance(v, list) and any(x is old for x in v):
                setattr(op, name, [new if x is old else x for x in v])


def spill_across_yields(fn: FuncIR) -> None:
    if fn.generator is None:
        return
    live_in = temp_liveness(fn)
    crossing: list[Op] = []
    for resume in fn.generator.resumes:
        for t in live_in[id(resume)]:
            if all(t is not c for c in crossing):
                crossing.append(t)
    for n, temp in enumerate(crossing):
        reg = Register(f"spill{n}", temp.type)
        fn.registers.append(reg)
        for block in fn.blocks:
            for op in block.ops:
                if op is not temp:
                    replace_operand(op, temp, reg)
        for block in fn.blocks:
            if any(op is temp for op in block.ops):
                i = next(i for i, op in enumerate(block.ops) if op is temp)
                save = Assign(reg, temp)
                save.pos = temp.pos
                block.ops.insert(i + 1, save)
                break


def record_frame_liveness(fn: FuncIR) -> None:
    if fn.generator is None:
        return
    COUNT_STR[0] = fn.count_str
    live_in, _ = liveness(fn)
    switch = fn.blocks[0].terminator
    assert isinstance(switch, ResumeSwitch)
    fn.generator.live = [
        [r for r in fn.registers if isinstance(r, Register) and r in live_in[id(target)]
         and counted_value(r.type, fn.count_str)]
        for target in switch.targets]
