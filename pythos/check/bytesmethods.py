"""Checking the bytes operations the object runtime does (issue 11): the
methods, `bytes(...)`, `bytes.fromhex`, slicing, `in` and `*`.

Each gives the type CPython's does and notes the heap use (a bytes result
is a new bytes object, docs/language.md "Strings and bytes").  The
methods take their arguments as str's do (check/containers.py,
`method_signature`): optional `start`/`end`, `None` for a left-out
separator or set of characters.  ir/build/bytes.py lowers them to the
runtime's bytesops.py.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from .. import types as T
from ..symbols import Param
from ..types import BOOL, BYTES, I64, STR, ListType, OptionalType, TupleType
from .containers import OPTIONAL
from .objects import is_int

if TYPE_CHECKING:
    from . import Checker

HEAP = "str values built at run time"


def p(name: str, t: T.Type, optional: bool = False) -> Param:
    return Param(name, t, OPTIONAL if optional else None)


RANGED = [p("start", I64, True), p("end", I64, True)]
MAYBE = OptionalType(T.BUFFER)  # None: the default (whitespace)
# name: (parameters after the receiver, result)
METHODS: dict[str, tuple[list[Param], T.Type]] = {
    "strip": ([p("bytes", MAYBE, True)], BYTES),
    "lstrip": ([p("bytes", MAYBE, True)], BYTES),
    "rstrip": ([p("bytes", MAYBE, True)], BYTES),
    "split": ([p("sep", MAYBE, True), p("maxsplit", I64, True)], ListType(BYTES)),
    "rsplit": ([p("sep", MAYBE, True), p("maxsplit", I64, True)], ListType(BYTES)),
    "startswith": ([p("prefix", T.BUFFER), *RANGED], BOOL),
    "endswith": ([p("suffix", T.BUFFER), *RANGED], BOOL),
    "find": ([p("sub", T.BUFFER), *RANGED], I64),
    "rfind": ([p("sub", T.BUFFER), *RANGED], I64),
    "index": ([p("sub", T.BUFFER), *RANGED], I64),
    "rindex": ([p("sub", T.BUFFER), *RANGED], I64),
    "count": ([p("sub", T.BUFFER), *RANGED], I64),
    "replace": ([p("old", T.BUFFER), p("new", T.BUFFER), p("count", I64, True)], BYTES),
    "hex": ([], STR),
    "upper": ([], BYTES),
    "lower": ([], BYTES),
    "isdigit": ([], BOOL),
    "isalpha": ([], BOOL),
    "isspace": ([], BOOL),
}


def bytes_method(c: Checker, node: ast.Call, f: ast.Attribute) -> T.Type:
    """`data.name(...)` of a bytes value."""
    if f.attr == "decode":
        # UTF-8 text from bytes: a str built at run time.
        if node.args or node.keywords:
            raise c.error(node, "bytes.decode() takes no arguments (it decodes UTF-8)")
        node.call = ("objmethod", "bytes.decode")  # type: ignore[attr-defined]
        c.heap_use(node, HEAP, "bytes.decode allocates a str")
        return STR
    node.call = ("objmethod", f"bytes.{f.attr}")  # type: ignore[attr-defined]
    if f.attr == "join":
        return check_join(c, node, "bytes", BYTES)
    sig = METHODS.get(f.attr)
    if sig is None:
        raise c.error(f, f"bytes has no method '{f.attr}'")
    params, result = sig
    c.bind_call_args(node, params, f"bytes.{f.attr}")
    c.heap_use(node, HEAP, f"bytes.{f.attr} calls the runtime")
    return result


def check_join(c: Checker, node: ast.Call, name: str, result: T.Type) -> T.Type:
    """`sep.join(items)` of bytes or a bytearray: any iterable of bytes or
    of bytearrays, as str.join takes any of str (check_join)."""
    if len(node.args) != 1 or node.keywords:
        given = len(node.args) + len(node.keywords)
        raise c.error(node, f"{name}.join() takes exactly one argument ({given} given)")
    arg = node.args[0]
    # A literal's items give its type (bytes or bytearrays); an empty one
    # is a list of bytes.
    literal = isinstance(arg, (ast.List, ast.Tuple)) and arg.elts
    t = c.expr(arg, None if literal else ListType(BYTES))
    if not (isinstance(t, TupleType) and not t.elements):
        item = c.element_type(arg, t)
        if item is not BYTES and not isinstance(item, T.BytearrayType):
            raise c.error(arg, f"argument 1 to \"join\" of \"{name}\" has incompatible type "
                               f"\"{t}\"; expected \"Iterable[bytes]\"")
    c.heap_use(node, HEAP, f"{name}.join allocates")
    return result


def fromhex_call(c: Checker, node: ast.Call) -> T.Type:
    """`bytes.fromhex(s)`: bytes from pairs of hex digits."""
    if len(node.args) != 1 or node.keywords:
        raise c.error(node, "bytes.fromhex() takes one argument, a str")
    c.expect(node.args[0], STR)
    node.call = ("objmethod", "bytes.fromhex")  # type: ignore[attr-defined]
    c.heap_use(node, HEAP, "bytes.fromhex allocates bytes")
    return BYTES


def bytes_call(c: Checker, node: ast.Call) -> T.Type:
    """`bytes()`, `bytes(n)` (n zero bytes), `bytes(xs)` of a list or tuple
    of integers, and `bytes(data)` of bytes (the value itself)."""
    node.call = ("builtin", "bytes")  # type: ignore[attr-defined]
    if node.keywords or len(node.args) > 1:
        raise c.error(node, "bytes() takes one argument here (for a str, write s.encode())")
    c.heap_use(node, HEAP, "bytes() allocates bytes")
    if not node.args:
        node.bytes_from = "empty"  # type: ignore[attr-defined]
        return BYTES
    arg = node.args[0]
    count = c.const_int(arg)
    if count is not None:
        arg.const, arg.ty = count, I64  # type: ignore[attr-defined]
        node.bytes_from = "count"  # type: ignore[attr-defined]
        return BYTES
    t = c.expr(arg, None)
    items = t.elements if isinstance(t, TupleType) else (
        (t.element,) if isinstance(t, ListType) else None)
    if is_int(t) or t is BOOL:
        node.bytes_from = "count"  # type: ignore[attr-defined]
    elif items is not None and all(is_int(e) or e is BOOL for e in items):
        node.bytes_from = "items"  # type: ignore[attr-defined]
    elif t is BYTES:
        node.bytes_from = "bytes"  # type: ignore[attr-defined]
    elif t is STR:
        raise c.error(arg, "bytes() of a str needs an encoding (CPython raises TypeError: "
                           "string argument without an encoding); write s.encode()")
    else:
        raise c.error(arg, f"bytes() takes a count, a list or tuple of integers, or bytes, "
                           f"not \"{t}\"")
    return BYTES


def bytes_slice(c: Checker, node: ast.Subscript) -> T.Type:
    """`data[a:b:k]`: new bytes (the bounds as a list's)."""
    sl = node.slice
    assert isinstance(sl, ast.Slice)
    for part in (sl.lower, sl.upper, sl.step):
        if part is not None:
            c.index(part)
    node.sub = "bytes_slice"  # type: ignore[attr-defined]
    c.heap_use(node, HEAP, "slicing bytes allocates bytes")
    return BYTES


def bytes_membership(c: Checker, node: ast.Compare, left: ast.expr) -> None:
    """`x in data`: x is bytes (a substring) or an integer (a byte)."""
    lt = c.expr(left, I64 if c.const_int(left) is not None else None)
    if not (lt is BYTES or is_int(lt) or lt is BOOL):
        raise c.error(left, f"'in <bytes>' needs bytes or an integer on the left, not {lt}")
    c.heap_use(node, "str operations", "'in' of bytes calls the runtime")


def bytes_repeat(c: Checker, node: ast.AST, left: ast.expr, right: ast.expr, lt: T.Type,
                 rt: T.Type) -> T.Type:
    """`data * n` and `n * data`."""
    count, ct = (right, rt) if lt is BYTES else (left, lt)
    if not (is_int(ct) or ct is BOOL):
        raise c.error(node, f"unsupported operand types for * (\"{lt}\" and \"{rt}\")")
    if c.const_int(count) is not None:
        count.const, count.ty = c.const_int(count), I64  # type: ignore[attr-defined]
    c.heap_use(node, HEAP, "'*' of bytes allocates bytes")
    return BYTES


# ----- bytearray ------------------------------------------------------------------------------
# A bytearray is a list of bytes (types.BytearrayType): the list rules
# give it len, indexing, `for`, `in` of an integer, `*`, `+` of two, the
# comparisons and truth.  Its methods are checked here: those that change
# it, and the bytes methods that read it (a bytes result is a bytearray).
BA = T.BYTEARRAY
BA_METHODS: dict[str, tuple[list[Param], T.Type]] = {
    "append": ([p("item", I64)], T.NONE),
    "insert": ([p("index", I64), p("item", I64)], T.NONE),
    "pop": ([p("index", I64, True)], I64),
    "remove": ([p("value", I64)], T.NONE),
    "clear": ([], T.NONE),
    "reverse": ([], T.NONE),
    "copy": ([], BA),
}


def bytearray_method(c: Checker, node: ast.Call, f: ast.Attribute) -> T.Type:
    """`ba.name(...)`: a method that changes the bytearray, `extend`,
    `decode`, or a bytes method that reads it."""
    name = f.attr
    node.call = ("objmethod", f"bytearray.{name}")  # type: ignore[attr-defined]
    c.heap_use(node, "lists", f"bytearray.{name} calls the runtime")
    if name == "decode":
        if node.args or node.keywords:
            raise c.error(node, "bytearray.decode() takes no arguments (it decodes UTF-8)")
        return STR
    if name == "extend":
        if len(node.args) != 1 or node.keywords:
            raise c.error(node, "bytearray.extend() takes exactly one argument")
        how = bytearray_source(c, node.args[0], "bytearray.extend()")
        if how == "count":  # CPython: TypeError: 'int' object is not iterable
            raise c.error(node.args[0], "bytearray.extend() takes bytes, a bytearray, or a "
                                        "list or tuple of integers, not an integer")
        node.extend_from = how  # type: ignore[attr-defined]
        return T.NONE
    if name == "join":
        return check_join(c, node, "bytearray", BA)
    if name in BA_METHODS:
        params, result = BA_METHODS[name]
    elif name in METHODS:
        # A bytes method reading the bytearray: what it makes of bytes,
        # CPython makes of bytearrays (split's pieces too).
        params, result = METHODS[name]
        result = BA if result is BYTES else ListType(BA) if result == ListType(BYTES) \
            else result
    else:
        raise c.error(f, f"\"bytearray\" has no attribute \"{name}\"")
    c.bind_call_args(node, params, f"bytearray.{name}")
    return result


def bytearray_source(c: Checker, arg: ast.expr, what: str) -> str:
    """How a bytearray is filled from `arg`: "data" (bytes or a
    bytearray, copied), "items" (a list or tuple of integers, each
    checked to be a byte) or "count" (zero bytes)."""
    count = c.const_int(arg)
    if count is not None:
        arg.const, arg.ty = count, I64  # type: ignore[attr-defined]
        return "count"
    t = c.expr(arg, None)
    items = t.elements if isinstance(t, TupleType) else (
        (t.element,) if isinstance(t, ListType) else None)
    if t is BYTES or isinstance(t, T.BytearrayType):
        return "data"
    if is_int(t) or t is BOOL:
        return "count"
    if items is not None and all(is_int(e) or e is BOOL for e in items):
        return "items"
    if t is STR:
        raise c.error(arg, f"{what} of a str needs an encoding; write s.encode()")
    raise c.error(arg, f"{what} takes bytes, a bytearray, or a list or tuple of integers, "
                       f"not \"{t}\"")


def bytearray_call(c: Checker, node: ast.Call) -> T.Type:
    """`bytearray()`, `bytearray(n)`, `bytearray(data)` of bytes or a
    bytearray, and `bytearray(xs)` of a list or tuple of integers."""
    node.call = ("builtin", "bytearray")  # type: ignore[attr-defined]
    if node.keywords or len(node.args) > 1:
        raise c.error(node, "bytearray() takes one argument here (for a str, write "
                            "bytearray(s.encode()))")
    c.heap_use(node, "lists", "bytearray() allocates")
    how = "empty" if not node.args else bytearray_source(c, node.args[0], "bytearray()")
    node.bytes_from = how  # type: ignore[attr-defined]
    return BA
