"""Building the operations of bytes values that make objects (a mixin of
`build.FunctionBuilder`), issue 11.

A bytes value is {data, length, owner} (docs/compiler.md, "bytes
values"): a view of constant data (a literal, `str_bytes(s)`) has owner
0 and is never counted, which is what the kernel and the runtime are
written with; a bytes value made at run time (`s.encode()`) is the data
of a bytes object (BytesObject in pythos/rt/obj/object.py), which is its
owner, counted in a program with the object runtime.  Every operation
that reads the data reads it through the first two words, whoever owns
it, so one `bytes` type covers both.

The runtime's functions here take the data as an address and a length
(u64, i64), never the value itself: they work on a view and an object
alike.  The address is taken from the value, so the builder adds a
`KeepAlive` of the value after the call, which keeps its owner alive
until the runtime is done with the data.

`str(data)`, `repr(data)` and print's `b'...'` are written by
`write_bytes_repr` in rt/core.py, with no heap for print.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

from ... import types as T
from ...types import STR
from ..ops import BytesOfObject, Call, Cast, Compare, Integer, KeepAlive, SlicePart, Value
from .errors import checked_call

if TYPE_CHECKING:
    from . import FunctionBuilder

BYTES_RT = "pythos.rt.obj.bytes"


class BytesBuilder:
    """Mixed into `build.FunctionBuilder`."""

    checker: Any

    if TYPE_CHECKING:
        def add(self, op: Any) -> Any: ...
        def expr(self, node: ast.expr) -> Value: ...
        def rt(self, name: str) -> Any: ...
        object_runtime: dict[str, Any]

    def bytes_parts(self, view: Value) -> list[Value]:
        """The data's address (u64) and length (i64) of a bytes value, for
        the runtime; keep `view` alive past the call (`KeepAlive`)."""
        address = self.add(Cast("ptrtoint", self.add(SlicePart(view, 0)), T.U64))
        return [address, self.add(SlicePart(view, 1))]

    def bytes_text(self, node: ast.Call) -> Value:
        """`str(data)` and `repr(data)`: both are `b'...'`, written by
        print's own code (`write_bytes_repr`) into a captured str, as an
        f-string is."""
        view = self.expr(node.args[0])
        rt = self.object_runtime
        self.add(Call(rt["capture_begin"], []))
        self.add(Call(self.rt("write_bytes_repr"), [view]))
        text = self.add(Call(rt["capture_end"], []))
        return self.add(Cast("object", text, STR))  # type: ignore[no-any-return]

    def bytes_decode_call(self, node: ast.Call) -> Value:
        """`data.decode()`: the data's address and length to the runtime."""
        b: FunctionBuilder = self  # type: ignore[assignment]
        assert isinstance(node.func, ast.Attribute)
        view = self.expr(node.func.value)
        fn = self.checker.scopes[BYTES_RT]["bytes_decode_view"]
        text = checked_call(b, node, fn, self.bytes_parts(view), STR)
        self.add(KeepAlive(view))
        return text

    def bytes_concat(self, node: ast.BinOp) -> Value:
        """`a + b` of two bytes values: a new bytes object."""
        b: FunctionBuilder = self  # type: ignore[assignment]
        left, right = self.expr(node.left), self.expr(node.right)
        fn = self.checker.scopes[BYTES_RT]["bytes_concat_data"]
        obj = checked_call(b, node, fn, [*self.bytes_parts(left), *self.bytes_parts(right)])
        self.add(KeepAlive(left))
        self.add(KeepAlive(right))
        return self.add(BytesOfObject(obj))  # type: ignore[no-any-return]

    def bytes_order(self, name: str, left: Value, right: Value) -> Value:
        """`a < b` (`name` lt, le, gt or ge) of two bytes values, as
        CPython orders them: byte by byte, then the shorter first."""
        fn = self.checker.scopes[BYTES_RT]["bytes_order"]
        order = self.add(Call(fn, [*self.bytes_parts(left), *self.bytes_parts(right)]))
        self.add(KeepAlive(left))
        self.add(KeepAlive(right))
        return self.add(Compare("s" + name, order, Integer(0, T.I64)))  # type: ignore

    def str_encode_call(self, node: ast.Call) -> Value:
        """`s.encode()` (UTF-8, the one codec the checker accepts): a new
        bytes object holding a copy of the str's UTF-8, as a bytes value
        that owns it.  A lone surrogate fails as CPython's encoder does."""
        b: FunctionBuilder = self  # type: ignore[assignment]
        assert isinstance(node.func, ast.Attribute)
        s = self.expr(node.func.value)
        fn = self.checker.scopes[BYTES_RT]["bytes_encode"]
        obj = checked_call(b, node, fn, [s])
        return self.add(BytesOfObject(obj))  # type: ignore[no-any-return]
