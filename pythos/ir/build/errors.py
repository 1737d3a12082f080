"""Calls of runtime functions that can fail (issue 11, until issue 12).

A runtime function that fails (`int("x")`, an index out of range)
records the error in the object runtime's `error` (object.py, with
`obj_raise`) and returns at once.  `checked_call` emits the call, then
asks `obj_failed()`: when it did, a cold block calls `obj_error_exit`
(pythos/rt/obj/report.py) with the position of the expression, which
writes CPython's report (`  File "p.py", line 7` and `ValueError: ...`)
and exits with status 1.  Issue 12 turns this branch
into an edge to the function's exception handler.

Runtime functions take and return objects as `u64` addresses; the
compiler's `str` is the same 64-bit address (docs/objects.md), so a call
passes a str straight through and gives its result the type the program
sees (`result`).  Passing the value itself, not a cast of it, keeps it
live until the call, so the count pass cannot drop a temporary before
the runtime reads it.
"""

from __future__ import annotations

import ast
from typing import Any

from ... import types as T
from ...symbols import FuncSym
from ..ops import Call, Cast, Unreachable, Value


def runtime_call(b: Any, fn: FuncSym, args: list[Value],
                 result: T.Type | None = None) -> Value:
    """Call `fn` of the object runtime; its result typed as `result`
    (a str or object the caller then owns) when given."""
    call = Call(fn, args)
    if result is not None:
        call.type = result
    return b.add(call)  # type: ignore[no-any-return]


def checked_call(b: Any, node: ast.AST, fn: FuncSym, args: list[Value],
                 result: T.Type | None = None) -> Value:
    """`runtime_call`, then stop with CPython's report if it failed.

    The result becomes a str or object (`result`) only after the test, on
    the path where the call succeeded: on the failing path it is 0, and
    a counted value there would be released by the count pass."""
    value = runtime_call(b, fn, args)
    failed = b.add(Call(b.object_runtime["obj_failed"], []))
    stop = b.new_block("error.stop")
    go_on = b.new_block("error.ok")
    b.branch(failed, stop, go_on, likely=False)
    b.activate(stop)
    b.add(Call(b.object_runtime["obj_error_exit"], b.location(node)))
    b.add(Unreachable())
    b.activate(go_on)
    if result is not None:
        return b.add(Cast("object", value, result))  # type: ignore[no-any-return]
    return value
