"""Calls of runtime functions that can fail.

A runtime function that fails (`int("x")`, an index out of range)
records the error in the object runtime's `error` (object.py, with
`obj_raise`) and returns at once.  `checked_call` emits the call, then
tests the error state (`test_error`, ir/build/exceptions.py): when it
failed, this frame goes into the traceback and control goes to the
innermost handler, or out of the function.

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
from ..ops import Call, Cast, Value


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
    b.test_error(None, node)  # exceptions.py: on to the handler if it failed
    if result is not None:
        return b.add(Cast("object", value, result))  # type: ignore[no-any-return]
    return value
