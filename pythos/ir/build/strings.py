"""Building the operations of str values made at run time (a mixin of
`build.FunctionBuilder`).

A `str` is the address of a str object (docs/objects.md, "Strings"): a
literal is a static one, everything else comes from the runtime's str
functions (`pythos/rt/obj/str.py`, `strconv.py`, `strmethods.py`,
`strcase.py`).  Each operation here is one call of such a function, by
the table in docs/objects.md ("What the compiler calls"): objects are
borrowed by the callee and a str result is new, so the builder only
types the result as `str` and the count pass (ir/passes/refcount.py)
drops it where it dies.  A call that can fail (`s[i]`, `int(s)`,
`"ab" * n` too large) is a `checked_call` (errors.py).

Constructs this module does not lower yet are reported at their node
with the "not compiled yet (issue 11)" diagnostic.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

from ... import types as T
from ...check.containers import OPTIONAL
from ...diagnostics import CompileError
from ...symbols import FuncSym
from ...types import BOOL, I64, STR, IntType
from ..ops import Cast, Compare, Integer, IntOp, Select, Value
from .errors import checked_call, runtime_call
from .strmethods import METHODS as MORE_METHODS

if TYPE_CHECKING:
    from . import FunctionBuilder

# The modules whose functions the str operations call, searched in order.
STR_MODULES = ("pythos.rt.obj.str", "pythos.rt.obj.strconv", "pythos.rt.obj.strmethods",
               "pythos.rt.obj.strcase")

# Methods that are one call of `str_<name>`: what the runtime returns,
# and whether the method can fail.  The optional arguments of each are
# filled in by `method_args`.
STR_RESULT = {"strip", "lstrip", "rstrip", "replace", "upper", "lower", "ljust", "rjust",
              "center", "zfill"}
BOOL_RESULT = {"startswith", "endswith", "isdigit", "isalpha", "isspace"}
INT_RESULT = {"find", "rfind", "count"}
# Methods taking (sub, start, end, has_start, has_end) after the receiver.
RANGED = {"startswith", "endswith", "find", "rfind", "count"}
# Methods whose runtime function can record an error (a result too large
# to allocate, or a fill character that is not one character: the
# checker's types let through a str of any length).
CAN_FAIL = {"replace", "ljust", "rjust", "center", "zfill"}
ORDERINGS = {ast.Lt: ("str_lt", False), ast.LtE: ("str_le", False),
             ast.Gt: ("str_lt", True), ast.GtE: ("str_le", True)}


class StringBuilder:
    """Mixed into `build.FunctionBuilder`."""

    checker: Any

    if TYPE_CHECKING:
        def add(self, op: Any) -> Any: ...
        def expr(self, node: ast.expr) -> Value: ...
        def not_yet(self, node: ast.AST, what: str) -> CompileError: ...
        def extend64(self, v: Value, t: IntType) -> Value: ...
        def string(self, data: bytes, t: T.Type) -> Any: ...

    def str_fn(self, name: str) -> FuncSym:
        """The runtime function `name` of the str modules."""
        for module in STR_MODULES:
            sym = self.checker.scopes.get(module, {}).get(name)
            if isinstance(sym, FuncSym):
                return sym
        raise CompileError(f"internal: no str runtime function {name}")

    def str_call(self, node: ast.AST, name: str, args: list[Value],
                 result: T.Type | None = None, can_fail: bool = False) -> Value:
        b: FunctionBuilder = self  # type: ignore[assignment]
        fn = self.str_fn(name)
        if can_fail:
            return checked_call(b, node, fn, args, result)
        return runtime_call(b, fn, args, result)

    def int64(self, node: ast.expr) -> Value:
        """An integer operand as an i64 (a u64 past i64's range wraps, as
        CPython's arbitrary int would not; the checker types counts and
        indexes as i64 where it can)."""
        v = self.expr(node)
        t = node.ty  # type: ignore[attr-defined]
        if t is BOOL:
            return self.add(Cast("zext", v, I64))  # type: ignore[no-any-return]
        assert isinstance(t, IntType)
        return self.extend64(v, t)

    # ----- operators -------------------------------------------------------------------
    def str_binop(self, node: ast.BinOp) -> Value:
        """`s + t` and `s * n` (or `n * s`), operands in written order."""
        left, right = self.expr(node.left), self.expr(node.right)
        return self.str_arith(node, node.op, left, right)

    def str_arith(self, node: ast.AST, op: ast.operator, left: Value, right: Value) -> Value:
        """The str result of `left op right` (also of `s += t`, `s *= n`)."""
        if isinstance(op, ast.Add):
            return self.str_call(node, "str_concat", [left, right], STR, True)
        if isinstance(op, ast.Mult):
            s, n = (left, right) if left.type is STR else (right, left)
            if n.type is BOOL:
                n = self.add(Cast("zext", n, I64))
            assert isinstance(n.type, IntType)
            return self.str_call(node, "str_repeat", [s, self.extend64(n, n.type)], STR, True)
        raise self.not_yet(node, "this str operator")

    def str_order(self, op: ast.cmpop, a: Value, c: Value) -> Value:
        """`<`, `<=`, `>`, `>=` of two strs, by code point as CPython."""
        name, swap = ORDERINGS[type(op)]
        return runtime_call(self, self.str_fn(name),  # type: ignore[arg-type]
                            [c, a] if swap else [a, c])

    def str_contains(self, op: ast.cmpop, a: Value, c: Value) -> Value:
        """`a in c` of strs."""
        found = runtime_call(self, self.str_fn("str_contains"), [c, a])  # type: ignore
        if isinstance(op, ast.NotIn):
            return self.add(IntOp("xor", found, Integer(1, BOOL)))  # type: ignore
        return found

    def str_truth(self, v: Value) -> Value:
        """A str is true unless empty."""
        n = runtime_call(self, self.str_fn("str_len"), [v])  # type: ignore[arg-type]
        return self.add(Compare("ne", n, Integer(0, I64)))  # type: ignore[no-any-return]

    def str_length(self, node: ast.Call) -> Value:
        """`len(s)`: the code points, kept in the str object."""
        n = runtime_call(self, self.str_fn("str_len"), [self.expr(node.args[0])])  # type: ignore
        length_t: IntType = node.ty  # type: ignore[attr-defined]
        return self.add(Cast("trunc", n, length_t)) if length_t.bits < 64 else n  # type: ignore

    # ----- indexing and slicing --------------------------------------------------------
    def str_subscript(self, node: ast.Subscript) -> Value:
        """`s[i]` (a one-character str; IndexError out of range) and
        `s[a:b:k]`, with Python's rules for missing, negative and
        out-of-range bounds (str_slice applies them)."""
        s = self.expr(node.value)
        sl = node.slice
        if not isinstance(sl, ast.Slice):
            return self.str_call(node, "str_getitem", [s, self.int64(sl)], STR, True)
        parts: list[Value] = []
        given: list[Value] = []
        for part, default in ((sl.lower, 0), (sl.upper, 0), (sl.step, 1)):
            parts.append(self.int64(part) if part is not None else Integer(default, I64))
            given.append(Integer(int(part is not None), BOOL))
        # A step of 0 is ValueError, which str_slice records.
        return self.str_call(node, "str_slice", [s, *parts, given[0], given[1]], STR, True)

    # ----- conversions -----------------------------------------------------------------
    def str_of(self, node: ast.Call, use_str: bool) -> Value:
        """`str(x)` / `repr(x)` of an int, bool or str."""
        arg = node.args[0]
        t = arg.ty  # type: ignore[attr-defined]
        if t is STR:
            v = self.expr(arg)
            if use_str:
                return v  # str(s) is s itself
            return self.str_call(node, "str_repr", [v], STR)
        if t is BOOL:
            v = self.expr(arg)
            # A literal of each: static, so nothing is allocated.
            return self.add(Select(v, self.string(b"True", STR),  # type: ignore
                                   self.string(b"False", STR)))
        if isinstance(t, IntType):
            v = self.extend64(self.expr(arg), t)
            return self.str_call(node, "str_from_i64" if t.signed else "str_from_u64", [v],
                                 STR)
        if t is T.BYTES:
            return self.bytes_text(node)  # type: ignore[attr-defined]
        raise self.not_yet(node, f"str() of a {t}")

    def str_to_int(self, node: ast.Call) -> Value:
        """`int(s)` and `int(s, base)`: ValueError on bad text, as CPython."""
        s = self.expr(node.args[0])
        base = self.int64(node.args[1]) if len(node.args) > 1 else Integer(10, I64)
        return self.str_call(node, "str_to_int", [s, base], None, True)

    # ----- methods -----------------------------------------------------------------------
    def str_method(self, node: ast.Call, name: str) -> Value:
        """`s.name(...)` for the methods that give a str, bool or int."""
        if name == "encode":
            return self.str_encode_call(node)  # type: ignore[attr-defined]  # bytes.py
        if name in MORE_METHODS:
            return self.str_method_more(node, name)  # type: ignore[attr-defined]
        if name not in STR_RESULT | BOOL_RESULT | INT_RESULT:
            raise self.not_yet(node, f"str.{name}() calls")
        assert isinstance(node.func, ast.Attribute)
        s = self.expr(node.func.value)
        bound: dict[str, ast.expr] = node.args_bound  # type: ignore[attr-defined]
        args: list[Value] = [s]
        for key, value in bound.items():
            if value is OPTIONAL and name == "replace" and key == "count":
                args.append(Integer(-1, I64))  # every occurrence
            elif value is OPTIONAL:
                args.append(Integer(0, T.U64))  # left out: None, the default
            else:
                args.append(self.str_method_arg(value))  # type: ignore[attr-defined]
        if name in RANGED:
            args += [Integer(0, I64), Integer(0, I64), Integer(0, BOOL), Integer(0, BOOL)]
        result = STR if name in STR_RESULT else None
        return self.str_call(node, f"str_{name}", args, result, name in CAN_FAIL)
