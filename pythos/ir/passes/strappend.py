"""In-place str concatenation: `s += t` appends to `s` when `s` is unshared.

`word += piece` is built as `str_concat(word, piece)`, a new str, after
which the count pass drops the old `word` (its register is assigned the
result).  When that dropped reference was the str's only one, the copy
was wasted: nothing else can see the old text, and it could have been
extended where it lay.  CPython does exactly this for a local of count 1
(`unicode_concatenate`), which is why building a string with `+=` in a
loop is not quadratic there.

This pass finds a `str_concat` whose left operand the count pass drops
among the decrements that follow the call, removes that decrement and
calls `str_concat_owned` instead, which takes the reference over
(pythos/rt/obj/str.py).  The runtime makes the choice the compiler
cannot: with a count of 1 it extends the str in place (or moves it once,
when it outgrows its allocator block), and otherwise it concatenates as
before and drops the reference itself.  A count of 1 is proof enough,
because every holder the program can use later (a variable, a list, a
dict, an iterator) counts its reference; only a borrowed operand is
not counted, and the one that matters, `s += s`, is tested for.

The operand need not be a variable: the temporary of `a + b` in
`a + b + c` dies the same way, so a chain of `+` extends its first
result instead of copying it again at every step.
"""

from __future__ import annotations

from ...symbols import FuncSym
from ..ops import Call, DecRef, FuncIR

CONCAT = "pythos.rt.obj.str.str_concat"


def append_in_place(fn: FuncIR, runtime: dict[str, FuncSym]) -> None:
    owned = runtime.get("str_concat_owned")
    if owned is None:
        return
    for block in fn.blocks:
        ops = block.ops
        for i, op in enumerate(ops):
            if not isinstance(op, Call) or op.fn.qualname != CONCAT:
                continue
            j = i + 1
            while j < len(ops) and isinstance(ops[j], DecRef):
                drop = ops[j]
                assert isinstance(drop, DecRef)
                if drop.src is op.args[0]:
                    del ops[j]
                    op.fn = owned
                    break
                j += 1
