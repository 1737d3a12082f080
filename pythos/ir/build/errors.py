"""Calls of runtime functions that can fail (issue 11, until issue 12).

A runtime function that fails (`int("x")`, an index out of range)
records the error in the object runtime's `error` (object.py, with
`obj_raise`) and returns at once.  `checked_call` emits the call, then
the test of `error.kind`: when it is set, a cold block calls
`obj_error_report` (pythos/rt/obj/report.py) with the position of the
expression, which writes CPython's report (`  File "p.py", line 7` and
`ValueError: ...`) and exits with status 1.  Issue 12 turns this branch
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
from typing import TYPE_CHECKING

from ... import types as T
from ...symbols import FuncSym
from ..ops import Call, Cast, Compare, FieldAddr, GlobalAddr, Integer, Load, Unreachable, Value

if TYPE_CHECKING:
    from . import FunctionBuilder

OBJECT_MODULE = "pythos.rt.obj.object"
REPORT_MODULE = "pythos.rt.obj.report"


def runtime_call(b: FunctionBuilder, fn: FuncSym, args: list[Value],
                 result: T.Type | None = None) -> Value:
    """Call `fn` of the object runtime; its result typed as `result`
    (a str or object the caller then owns) when given."""
    call = Call(fn, args)
    if result is not None:
        call.type = result
    return b.add(call)  # type: ignore[no-any-return]


def checked_call(b: FunctionBuilder, node: ast.AST, fn: FuncSym, args: list[Value],
                 result: T.Type | None = None) -> Value:
    """`runtime_call`, then stop with CPython's report if it failed.

    The result becomes a str or object (`result`) only after the test, on
    the path where the call succeeded: on the failing path it is 0, and
    a counted value there would be released by the count pass."""
    value = runtime_call(b, fn, args)
    error = b.checker.scopes[OBJECT_MODULE]["error"]
    struct = error.type
    kind = b.add(Load(b.add(FieldAddr(b.add(GlobalAddr(error)), struct, "kind")),
                      struct.fields["kind"]))
    ok = b.add(Compare("eq", kind, Integer(0, kind.type)))
    failed = b.new_block("error.report")
    passed = b.new_block("error.ok")
    b.branch(ok, passed, failed, likely=True)
    b.activate(failed)
    report = b.checker.scopes[REPORT_MODULE]["obj_error_report"]
    b.add(Call(report, b.location(node)))
    b.add(Unreachable())
    b.activate(passed)
    if result is not None:
        return b.add(Cast("object", value, result))  # type: ignore[no-any-return]
    return value
