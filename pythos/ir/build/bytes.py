"""Building the operations of bytes values that make objects (a mixin of
`build.FunctionBuilder`), issue 11.

The language's `bytes` is the plain (address, length) view of constant
data (docs/language.md, "Strings and bytes"), which the runtime and the
kernel are written with; it is never counted.  What reaches the heap from
it is text: `str(data)`, `repr(data)` and print's `b'...'` (written by
`write_bytes_repr` in rt/core.py, with no heap for print), and
`data.decode()`, which validates the view's bytes as UTF-8 and makes
a new str (`bytes_decode_view` in pythos/rt/obj/bytes.py), or records
CPython's UnicodeDecodeError for the first bad sequence.  Bytes objects
(`s.encode()`, `bytes(n)`, bytearray) wait for the type to become one
(docs/objects.md, "bytes, encode and decode").
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

from ... import types as T
from ...types import STR
from ..ops import Call, Cast, SlicePart, Value
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
        """`data.decode()`: the view's address and length to the runtime."""
        b: FunctionBuilder = self  # type: ignore[assignment]
        assert isinstance(node.func, ast.Attribute)
        view = self.expr(node.func.value)
        address = self.add(Cast("ptrtoint", self.add(SlicePart(view, 0)), T.U64))
        length = self.add(SlicePart(view, 1))
        fn = self.checker.scopes[BYTES_RT]["bytes_decode_view"]
        return checked_call(b, node, fn, [address, length], STR)
