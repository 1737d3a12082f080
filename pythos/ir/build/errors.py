"""Checking a runtime call that can fail (until exceptions exist, issue 12).

A runtime function that fails records the error (`obj_raise`,
pythos/rt/obj/object.py) and returns.  `checked_call` emits the call,
then asks `obj_failed()`; on the unlikely path it calls
`obj_error_exit(file, line)`, which writes CPython's report of the
exception and stops the program (pythos/rt/obj/report.py).  Issue 12
turns this one place into propagation to a handler.
"""

from __future__ import annotations

import ast
from typing import Any

from ...symbols import FuncSym
from ..ops import Call, Unreachable, Value


def checked_call(b: Any, node: ast.AST, fn: FuncSym, args: list[Value]) -> Value:
    """`fn(*args)`, stopping with CPython's report at `node` if it failed."""
    call: Value = b.add(Call(fn, args))
    failed = b.add(Call(b.object_runtime["obj_failed"], []))
    stop = b.new_block("error.stop")
    go_on = b.new_block("error.ok")
    b.branch(failed, stop, go_on, likely=False)
    b.activate(stop)
    b.add(Call(b.object_runtime["obj_error_exit"], b.location(node)))
    b.add(Unreachable())
    b.activate(go_on)
    return call
