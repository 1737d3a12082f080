"""`min(a, b, ..., key=f)` and `max(a, b, ..., key=f)`: the best of
several arguments by a key function (issue 11).

CPython evaluates the arguments, then `f`, then calls `f` once per
argument, in order, and keeps the first argument whose key is strictly
less (min) or greater (max) than the best key so far: ties keep the
earlier argument, as without a key.  Unlike `min(xs, key=f)` over an
iterable, which the runtime's `list_min_key` walks, the arguments here
are a handful of values the compiler already holds, so the loop is
unrolled: one key call and one comparison per argument after the
first, with the comparison `<` (or `>`) of the keys' own type, the
same code the operators use.  `key=len` and `key=str` call the builtin
directly, as for `sorted`.
"""

from __future__ import annotations

import ast
from typing import Any

from ... import types as T
from ..ops import CallValue, Value


def best_of_keyed(b: Any, node: ast.Call, name: str) -> Value:
    """min/max of several arguments with `key=`."""
    result_t: T.Type = node.ty  # type: ignore[attr-defined]
    values = [b.kept(b.expr(a), f"{name}.arg") for a in node.args]
    key_kw = next(k for k in node.keywords if k.arg == "key")
    kt: T.CallableType = key_kw.value.ty  # type: ignore[attr-defined]
    builtin = b.builtin_key(key_kw)
    func = None if builtin is not None else b.kept(b.expr(key_kw.value), f"{name}.key")

    def key_of(x: Value, xt: T.Type) -> Value:
        if builtin is not None:
            call = b.builtin_key_call(b, builtin, x, xt, kt.result)
            return b.kept(b.expr(call), f"{name}.keyvalue")  # type: ignore[no-any-return]
        return b.kept(b.add(CallValue(func, [x], kt.params, kt.result)),  # type: ignore
                      f"{name}.keyvalue")

    op: ast.cmpop = ast.Lt() if name == "min" else ast.Gt()
    best = b.hidden(f"{name}.best", result_t)
    best_key = b.hidden(f"{name}.bestkey", kt.result)
    b.assign(best, values[0])
    b.assign(best_key, key_of(values[0], node.args[0].ty))  # type: ignore[attr-defined]
    for v, a in zip(values[1:], node.args[1:], strict=True):
        k = key_of(v, a.ty)  # type: ignore[attr-defined]
        take, done = b.new_block(f"{name}.take"), b.new_block(f"{name}.next")
        b.branch(b.less(node, op, k, best_key, kt.result), take, done)
        b.activate(take)
        b.assign(best, v)
        b.assign(best_key, k)
        b.goto(done)
        b.activate(done)
    return best  # type: ignore[no-any-return]
