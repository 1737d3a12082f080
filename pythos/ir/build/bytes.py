"""Building the operations of bytes values that call the object runtime
(a mixin of `build.FunctionBuilder`), issue 11: `+`, `*`, slicing, `in`,
`hash`, truth, the methods, `bytes(...)`, `bytes.fromhex`, and the item
word a container keeps for a bytes value.

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
until the runtime is done with the data.  A bytes result is a new bytes
object, which `BytesOfObject` makes the owner of the value (`bytes_made`).

`str(data)`, `repr(data)` and print's `b'...'` are written by
`write_bytes_repr` in rt/core.py, with no heap for print.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

from ... import types as T
from ...check.containers import OPTIONAL
from ...symbols import FuncSym
from ...types import BOOL, BYTES, I64, STR, U64, ListType
from ..ops import (
    BytesOfObject,
    Call,
    Cast,
    Compare,
    IncRef,
    Integer,
    IntOp,
    KeepAlive,
    SlicePart,
    Value,
)
from .consumers import element_type
from .errors import checked_call, runtime_call

if TYPE_CHECKING:
    from . import FunctionBuilder

BYTES_RT = "pythos.rt.obj.bytes"
OPS_RT = "pythos.rt.obj.bytesops"

# The methods that are one call of bytesops.py's `bytes_<name>_data` with
# the receiver's data, the arguments, then these constants.
FIXED: dict[str, tuple[str, list[int]]] = {
    "strip": ("strip", [1, 1]), "lstrip": ("strip", [1, 0]), "rstrip": ("strip", [0, 1]),
    "split": ("split", [0]), "rsplit": ("split", [1]),
    "startswith": ("startswith", [0]), "endswith": ("startswith", [1]),
    "find": ("find", [0]), "rfind": ("find", [1]),
    "index": ("index", [0]), "rindex": ("index", [1]),
    "count": ("count", []), "replace": ("replace", []), "hex": ("hex", []),
    "upper": ("case", [1]), "lower": ("case", [0]),
    "isdigit": ("test", [0]), "isalpha": ("test", [1]), "isspace": ("test", [2]),
}
# The ones whose runtime function can record an error.
CAN_FAIL = {"split", "rsplit", "index", "rindex"}


class BytesBuilder:
    """Mixed into `build.FunctionBuilder`."""

    checker: Any

    if TYPE_CHECKING:
        def add(self, op: Any) -> Any: ...
        def expr(self, node: ast.expr) -> Value: ...
        def rt(self, name: str) -> Any: ...
        def int64(self, node: ast.expr) -> Value: ...
        def extend64(self, v: Value, t: T.IntType) -> Value: ...
        def string(self, data: bytes, t: T.Type) -> Any: ...
        def not_yet(self, node: ast.AST, what: str) -> Any: ...
        object_runtime: dict[str, Any]

    def bytes_parts(self, view: Value) -> list[Value]:
        """The data's address (u64) and length (i64) of a bytes value, for
        the runtime; keep `view` alive past the call (`KeepAlive`).  A
        bytearray's data is its buffer (bytearrays.py)."""
        if view.type not in (BYTES, STR):  # a bytearray (perhaps typed as an object)
            return self.bytearray_parts(view)  # type: ignore[attr-defined, no-any-return]
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

    def bytes_fn(self, name: str) -> FuncSym:
        sym = self.checker.scopes[OPS_RT].get(name) or self.checker.scopes[BYTES_RT][name]
        assert isinstance(sym, FuncSym), name
        return sym

    def bytes_made(self, node: ast.AST, name: str, args: list[Value], keep: list[Value],
                   can_fail: bool = True) -> Value:
        """The new bytes object the runtime's `name` returns, as a bytes
        value that owns it; the bytes values in `keep` (whose data the call
        read) are kept alive past the call."""
        b: FunctionBuilder = self  # type: ignore[assignment]
        fn = self.bytes_fn(name)
        obj = checked_call(b, node, fn, args) if can_fail else runtime_call(b, fn, args)
        for v in keep:
            self.add(KeepAlive(v))
        return self.add(BytesOfObject(obj))  # type: ignore[no-any-return]

    def bytes_binop(self, node: ast.BinOp) -> Value:
        """`a + b` and `a * n` (or `n * a`), operands in written order."""
        left, right = self.expr(node.left), self.expr(node.right)
        return self.bytes_arith(node, node.op, left, right)

    def bytes_arith(self, node: ast.AST, op: ast.operator, left: Value, right: Value) -> Value:
        """The bytes result of `left op right` (also of `data += more`,
        `data *= n`): a new bytes object."""
        if isinstance(op, ast.Add):
            return self.bytes_made(node, "bytes_concat_data",
                                   [*self.bytes_parts(left), *self.bytes_parts(right)],
                                   [left, right], can_fail=False)
        data, n = (left, right) if left.type is BYTES else (right, left)
        if n.type is BOOL:
            n = self.add(Cast("zext", n, I64))
        assert isinstance(n.type, T.IntType)
        return self.bytes_made(node, "bytes_repeat_data",
                               [*self.bytes_parts(data), self.extend64(n, n.type)], [data])

    def bytes_slice(self, node: ast.Subscript) -> Value:
        """`data[a:b:k]`: new bytes, with Python's rules for missing,
        negative and out-of-range bounds (ValueError for a zero step)."""
        data = self.expr(node.value)
        sl = node.slice
        assert isinstance(sl, ast.Slice)
        parts: list[Value] = []
        given: list[Value] = []
        for part, default in ((sl.lower, 0), (sl.upper, 0), (sl.step, 1)):
            parts.append(self.int64(part) if part is not None else Integer(default, I64))
            given.append(Integer(int(part is not None), BOOL))
        return self.bytes_made(node, "bytes_slice_data",
                               [*self.bytes_parts(data), *parts, given[0], given[1]], [data])

    def bytes_contains(self, node: ast.AST, op: ast.cmpop, item: Value, data: Value) -> Value:
        """`item in data`: a substring, or a byte (ValueError outside
        0..255, as CPython)."""
        b: FunctionBuilder = self  # type: ignore[assignment]
        if item.type is BYTES:
            found = runtime_call(b, self.bytes_fn("bytes_contains_data"),
                                 [*self.bytes_parts(data), *self.bytes_parts(item)])
            self.add(KeepAlive(item))
        else:
            t = item.type
            if t is BOOL:
                value = self.add(Cast("zext", item, I64))
            else:
                assert isinstance(t, T.IntType)
                value = self.extend64(item, t)
            found = checked_call(b, node, self.bytes_fn("bytes_contains_int"),
                                 [*self.bytes_parts(data), value])
        self.add(KeepAlive(data))
        if isinstance(op, ast.NotIn):
            return self.add(IntOp("xor", found, Integer(1, BOOL)))  # type: ignore
        return found

    def bytes_hash(self, node: ast.Call) -> Value:
        """`hash(data)`: the hash of the bytes object with the same data
        (so a view and an object that are equal hash alike)."""
        data = self.expr(node.args[0])
        h = self.add(Call(self.bytes_fn("bytes_hash_data"), self.bytes_parts(data)))
        self.add(KeepAlive(data))
        return self.add(Cast("bitcast", h, I64))  # type: ignore[no-any-return]

    def bytes_truth(self, data: Value) -> Value:
        """Bytes are true unless empty."""
        return self.add(Compare("ne", self.add(SlicePart(data, 1)),  # type: ignore
                                Integer(0, I64)))

    # ----- a container's item ------------------------------------------------------------
    def bytes_to_item(self, data: Value) -> Value:
        """The one word a container keeps for a bytes value: its owner, or a
        copy of a view's data in a bytes object of its own.  A new reference
        (typed `object`), which the count pass drops after the container
        has taken its own."""
        fn = self.bytes_fn("bytes_item")
        word = self.add(Call(fn, [*self.bytes_parts(data), self.add(SlicePart(data, 2))]))
        self.add(KeepAlive(data))
        return self.add(Cast("object", word, T.OBJECT))  # type: ignore[no-any-return]

    def bytes_from_item(self, word: Value, borrowed: bool) -> Value:
        """A container's item word (a bytes object) as a bytes value that
        owns a reference to it."""
        v = self.add(BytesOfObject(word))
        if borrowed:
            self.add(IncRef(v))
        return v  # type: ignore[no-any-return]

    # ----- methods, bytes(...) and bytes.fromhex -----------------------------------------
    def bytes_method(self, node: ast.Call, name: str) -> Value:
        """`data.name(...)`: one call of bytesops.py."""
        if name == "decode":
            return self.bytes_decode_call(node)
        if name == "fromhex":
            return self.bytes_made(node, "bytes_fromhex", [self.expr(node.args[0])], [])
        assert isinstance(node.func, ast.Attribute)
        data = self.expr(node.func.value)
        if name == "join":
            # A list or tuple is joined in place; any other iterable is
            # first collected into a list (strmethods.py, as str.join does).
            arg = node.args[0]
            direct = isinstance(arg.ty, (ListType, T.TupleType))  # type: ignore[attr-defined]
            items = self.expr(arg) if direct else self.collect_items(  # type: ignore[attr-defined]
                node, arg, element_type(arg))
            join_args = [*self.bytes_parts(data), items]
            if isinstance(node.ty, T.BytearrayType):  # type: ignore[attr-defined]
                return self.bytearray_of_bytes(  # type: ignore[attr-defined, no-any-return]
                    node, self.bytes_fn("bytes_join_seq"), join_args, [data, items], False)
            return self.bytes_made(node, "bytes_join_seq", join_args, [data], can_fail=False)
        args = self.bytes_method_args(node)
        keep = [data, *(v for v in args.values() if v is not None and v.type is not I64)]
        call_args = self.bytes_parts(data)
        first = next(iter(args.values()), None)
        if name in ("strip", "lstrip", "rstrip", "split", "rsplit"):
            call_args += self.bytes_optional(first)  # None: whitespace
            if name in ("split", "rsplit"):
                call_args.append(args["maxsplit"] or Integer(-1, I64))
        elif name == "replace":
            old, new = args["old"], args["new"]
            assert old is not None and new is not None
            call_args += [*self.bytes_parts(old), *self.bytes_parts(new),
                          args["count"] or Integer(-1, I64)]
        elif first is not None:  # (sub, start, end) of the search methods
            start, end = args["start"], args["end"]
            call_args += [*self.bytes_parts(first), start or Integer(0, I64),
                          end or Integer(0, I64), Integer(int(start is not None), BOOL),
                          Integer(int(end is not None), BOOL)]
        stem, flags = FIXED[name]
        call_args += [Integer(f, BOOL if stem != "test" else I64) for f in flags]
        fn = self.bytes_fn(f"bytes_{stem}_data")
        result: T.Type = node.ty  # type: ignore[attr-defined]
        if isinstance(result, ListType) and isinstance(result.element, T.BytearrayType):
            fn = self.bytearray_fn("bytearray_split_data")  # type: ignore[attr-defined]
        if isinstance(result, T.BytearrayType):  # a bytearray's method: bytes made one
            return self.bytearray_of_bytes(  # type: ignore[attr-defined, no-any-return]
                node, fn, call_args, keep, name in CAN_FAIL)
        if result is BYTES:
            return self.bytes_made(node, fn.name, call_args, keep, name in CAN_FAIL)
        b: FunctionBuilder = self  # type: ignore[assignment]
        typed = result if result is STR or isinstance(result, ListType) else None
        if name in CAN_FAIL:
            value = checked_call(b, node, fn, call_args, typed)
        else:
            value = runtime_call(b, fn, call_args, typed)
        for v in keep:
            self.add(KeepAlive(v))
        return value

    def bytes_method_args(self, node: ast.Call) -> dict[str, Value | None]:
        """The call's arguments by parameter name (None: left out, or None
        written), each evaluated once, in the order written: bytes and
        bytearrays as values, integers as i64."""
        bound: dict[str, Any] = node.args_bound  # type: ignore[attr-defined]
        values: dict[int, Value | None] = {}
        for a in [*node.args, *(kw.value for kw in node.keywords)]:
            t = a.ty  # type: ignore[attr-defined]
            if t is T.NONE_VALUE:
                values[id(a)] = None
            elif t is BYTES or isinstance(t, T.BytearrayType):
                values[id(a)] = self.expr(a)
            elif isinstance(t, T.OptionalType):
                raise self.not_yet(a, "bytes arguments that may be None")
            else:
                values[id(a)] = self.int64(a)
        return {name: None if a is OPTIONAL else values[id(a)] for name, a in bound.items()}

    def bytes_optional(self, value: Value | None) -> list[Value]:
        """A bytes argument that may be left out: its data, its length and
        whether it was given."""
        if value is None:
            return [Integer(0, U64), Integer(0, I64), Integer(0, BOOL)]
        return [*self.bytes_parts(value), Integer(1, BOOL)]

    def bytes_call(self, node: ast.Call) -> Value:
        """`bytes()`, `bytes(n)`, `bytes(xs)` and `bytes(data)`."""
        how = node.bytes_from  # type: ignore[attr-defined]
        if how == "empty":
            return self.string(b"", BYTES)  # type: ignore[no-any-return]
        arg = node.args[0]
        if how == "bytes":
            return self.expr(arg)  # bytes(data) is data itself, as in CPython
        if how == "count":
            return self.bytes_made(node, "bytes_zeros", [self.int64(arg)], [])
        return self.bytes_made(node, "bytes_from_seq", [self.expr(arg)], [])

    def bytes_order(self, name: str, left: Value, right: Value) -> Value:
        """`a < b` (`name` lt, le, gt, ge, eq or ne) of two bytes values, or
        of bytes and a bytearray, as CPython orders them: byte by byte,
        then the shorter first."""
        fn = self.checker.scopes[BYTES_RT]["bytes_order"]
        order = self.add(Call(fn, [*self.bytes_parts(left), *self.bytes_parts(right)]))
        self.add(KeepAlive(left))
        self.add(KeepAlive(right))
        cond = name if name in ("eq", "ne") else "s" + name
        return self.add(Compare(cond, order, Integer(0, T.I64)))  # type: ignore

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
