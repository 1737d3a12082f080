"""Building bytearray operations (a mixin of `build.FunctionBuilder`),
issue 11.

A bytearray is a list whose buffer holds one byte per item
(pythos/rt/obj/bytearray.py), so lists.py builds most of what a program
does with one: len, `for`, slicing, `*`, `+` of two, `in` of an integer,
the comparisons of two, truth and text.  What is built here is what
differs: making one (`bytearray(...)`), an item read or stored (a
runtime call, which checks that a stored value is a byte and uses
bytearray's messages, where a list's items are read and written inline
at the item type's width), the methods, and where bytes meet it (`+`,
`+=`, `extend`).  The comparisons with bytes and `data in ba` are
bytes.py's own (`bytes_order`, `bytes_contains`), since `bytes_parts`
reads a bytearray's buffer.

Where a bytes operation reads a bytearray, it reads its buffer as the
data of a bytes value (`bytearray_parts`), so bytes.py's calls of
bytesops.py serve both; a bytes result becomes a new bytearray
(`bytearray_of_bytes`).
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

from ... import types as T
from ...symbols import FuncSym
from ...types import BOOL, BYTEARRAY, BYTES, I64, NONE, U64, IntType, PtrType
from ..ops import Cast, ElementAddr, Integer, KeepAlive, Load, Value
from .errors import checked_call, runtime_call

if TYPE_CHECKING:
    from . import FunctionBuilder

BYTEARRAY_RT = "pythos.rt.obj.bytearray"
# ListObject (pythos/rt/obj/object.py) as i64 words: refcnt, type, length,
# capacity, items.
LENGTH_WORD, ITEMS_WORD = 2, 4


class BytearrayBuilder:
    """Mixed into `build.FunctionBuilder`."""

    checker: Any

    if TYPE_CHECKING:
        def add(self, op: Any) -> Any: ...
        def expr(self, node: ast.expr) -> Value: ...
        def int64(self, node: ast.expr) -> Value: ...
        def widened(self, v: Value, node: ast.expr) -> Value: ...
        def bytes_parts(self, view: Value) -> list[Value]: ...
        def bytes_method(self, node: ast.Call, name: str) -> Value: ...
        def bytes_decode_call(self, node: ast.Call) -> Value: ...
        def list_method(self, node: ast.Call, name: str) -> Value: ...
        def list_fn(self, name: str) -> FuncSym: ...

    def bytearray_fn(self, name: str) -> FuncSym:
        sym = self.checker.scopes[BYTEARRAY_RT][name]
        assert isinstance(sym, FuncSym), name
        return sym

    def bytearray_parts(self, ba: Value) -> list[Value]:
        """The address (u64) and length (i64) of a bytearray's bytes, read
        from its header; the caller keeps `ba` alive past their use."""
        address = self.add(Cast("object", ba, U64))
        words = self.add(Cast("inttoptr", address, PtrType(I64)))
        parts = []
        for word, t in ((ITEMS_WORD, U64), (LENGTH_WORD, I64)):
            at = self.add(ElementAddr(words, Integer(word, I64), I64, None, inbounds=True))
            parts.append(self.add(Load(at, t, alias="list header")))
        return parts

    def bytearray_made(self, node: ast.AST, name: str, args: list[Value],
                       keep: list[Value]) -> Value:
        """The new bytearray the runtime's `name` returns (it may fail:
        MemoryError, ValueError); `keep` is alive until the call is done."""
        b: FunctionBuilder = self  # type: ignore[assignment]
        ba = checked_call(b, node, self.bytearray_fn(name), args, BYTEARRAY)
        for v in keep:
            self.add(KeepAlive(v))
        return ba

    def bytearray_of_bytes(self, node: ast.AST, fn: FuncSym, args: list[Value],
                           keep: list[Value], can_fail: bool) -> Value:
        """A bytes method called on a bytearray: the bytes object it makes,
        as a new bytearray."""
        b: FunctionBuilder = self  # type: ignore[assignment]
        obj = checked_call(b, node, fn, args) if can_fail else runtime_call(b, fn, args)
        for v in keep:
            self.add(KeepAlive(v))
        return self.bytearray_made(node, "bytearray_of_bytes", [obj], [])

    def bytearray_call(self, node: ast.Call) -> Value:
        """`bytearray()`, `bytearray(n)`, `bytearray(data)`, `bytearray(xs)`."""
        how = node.bytes_from  # type: ignore[attr-defined]
        if how == "empty":
            return self.bytearray_made(node, "bytearray_zeros", [Integer(0, I64)], [])
        arg = node.args[0]
        if how == "count":
            return self.bytearray_made(node, "bytearray_zeros", [self.int64(arg)], [])
        if how == "data":
            data = self.expr(arg)
            return self.bytearray_made(node, "bytearray_from_data", self.bytes_parts(data),
                                       [data])
        return self.bytearray_made(node, "bytearray_from_seq", [self.expr(arg)], [])

    def byte_value(self, v: Value) -> Value:
        """An integer (or bool) argument as the i64 the runtime checks."""
        t = v.type
        if t is BOOL or (isinstance(t, IntType) and t.bits < 64):
            signed = isinstance(t, IntType) and t.signed
            return self.add(Cast("sext" if signed else "zext", v, I64))  # type: ignore
        return v

    def bytearray_method(self, node: ast.Call, name: str) -> Value:
        """`ba.name(...)`: a runtime call of bytearray.py, list.py (copy,
        reverse, clear), or bytesops.py (the bytes methods, bytes.py)."""
        b: FunctionBuilder = self  # type: ignore[assignment]
        assert isinstance(node.func, ast.Attribute)
        if name == "decode":
            return self.bytes_decode_call(node)
        if name in ("copy", "reverse", "clear"):
            return self.list_method(node, "list." + name)
        if name not in ("append", "insert", "pop", "remove", "extend"):
            return self.bytes_method(node, name)
        ba = self.expr(node.func.value)
        if name == "extend":
            arg = node.args[0]
            how = node.extend_from  # type: ignore[attr-defined]
            if how == "items":
                checked_call(b, node, self.bytearray_fn("bytearray_extend_seq"),
                             [ba, self.expr(arg)])
            else:  # "data" (the checker refuses a count)
                self.bytearray_extend(node, ba, self.expr(arg))
            return Integer(0, NONE)
        args = [self.byte_value(self.expr(a)) for a in node.args]
        if name == "pop":
            index = args[0] if args else Integer(-1, I64)
            return checked_call(b, node, self.bytearray_fn("bytearray_pop"), [ba, index])
        checked_call(b, node, self.bytearray_fn("bytearray_" + name), [ba, *args])
        return Integer(0, NONE)

    def bytearray_slice_value(self, node: ast.AST, value: Value) -> Value:
        """The value of `ba[i:j] = value` as a bytearray, which list.py's
        `list_set_slice` stores item for item: a bytearray as it is, bytes
        copied into a new one, a list or tuple of integers checked to be
        bytes on the way in (ValueError before anything is changed)."""
        if isinstance(value.type, T.BytearrayType):
            return value
        if value.type is BYTES:
            return self.bytearray_made(node, "bytearray_from_data", self.bytes_parts(value),
                                       [value])
        return self.bytearray_made(node, "bytearray_from_seq", [value], [])

    def bytearray_extend(self, node: ast.AST, ba: Value, data: Value) -> None:
        """`ba.extend(data)`, `ba += data` of bytes or a bytearray."""
        b: FunctionBuilder = self  # type: ignore[assignment]
        checked_call(b, node, self.bytearray_fn("bytearray_extend_data"),
                     [ba, *self.bytes_parts(data)])
        self.add(KeepAlive(data))

    def bytearray_concat(self, node: ast.BinOp) -> Value:
        """`ba + data` of bytes: a new bytearray."""
        ba, data = self.expr(node.left), self.expr(node.right)
        return self.bytearray_made(node, "bytearray_concat_data",
                                   [ba, *self.bytes_parts(data)], [data])

    def bytearray_get(self, node: ast.AST, ba: Value, index: Value) -> Value:
        """`ba[index]`: IndexError `bytearray index out of range`."""
        b: FunctionBuilder = self  # type: ignore[assignment]
        return checked_call(b, node, self.bytearray_fn("bytearray_get"), [ba, index])

    def bytearray_set(self, node: ast.AST, ba: Value, index: Value, value: Value) -> None:
        """`ba[index] = value`: ValueError for a value that is no byte."""
        b: FunctionBuilder = self  # type: ignore[assignment]
        checked_call(b, node, self.bytearray_fn("bytearray_set"),
                     [ba, index, self.byte_value(value)])

    def bytearray_del(self, node: ast.AST, ba: Value, index: Value) -> None:
        b: FunctionBuilder = self  # type: ignore[assignment]
        checked_call(b, node, self.bytearray_fn("bytearray_del"), [ba, index])

    def bytearray_hash(self, node: ast.Call) -> Value:
        """`hash(ba)`: mypy accepts it (hash takes any object), CPython
        raises TypeError `unhashable type: 'bytearray'`, and so does this."""
        b: FunctionBuilder = self  # type: ignore[assignment]
        ba = self.expr(node.args[0])
        return checked_call(b, node, self.bytearray_fn("bytearray_hash"), [ba])
