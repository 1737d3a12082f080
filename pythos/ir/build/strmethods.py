"""Building the str methods that cut, join, search with bounds and
format (a mixin of `build.FunctionBuilder`), issue 11.

Each method is one call of its runtime function (docs/objects.md, "What
the compiler calls"); the work here is the arguments.  A parameter left
out is passed as the runtime's marker for it: 0 for a `sep` of None, -1
for "no maxsplit", and for `start` and `end` a flag saying whether each
was written, since every i64 is a valid index.  Arguments are evaluated
in the order they are written (keywords too), then passed in parameter
order, as CPython does.

- `split`, `rsplit`, `splitlines` give a `list[str]` and `partition`,
  `rpartition` a `tuple[str, str, str]`, built by strsplit.py.
- `join` takes any iterable of str.  A list is joined in place; a tuple's
  items are contiguous, so it is joined in place too; anything else the
  `for` statement accepts (a str, a dict's keys, `reversed(xs)`, a set)
  is first collected into a list by a `for` loop the builder makes, so
  the result is allocated once, at its final size, whatever the source.
- `str.format` is rewritten by the checker (check/strformat.py) into an
  f-string whose fields are the call's arguments; here the arguments are
  evaluated once each, in written order, and the f-string is built as
  any other.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

from ... import types as T
from ...check.containers import OPTIONAL
from ...symbols import Local
from ...types import BOOL, I64, STR, ListType, TupleType
from ..ops import Call, ContainerTypeInfo, Integer, Value
from .errors import checked_call, runtime_call
from .lists import item_kind

if TYPE_CHECKING:
    from . import FunctionBuilder

SPLIT_RT = "pythos.rt.obj.strsplit"
TABS_RT = "pythos.rt.obj.strtabs"

# Methods with `start` and `end` after their first argument.
RANGED = {"startswith", "endswith", "find", "rfind", "index", "rindex", "count"}
# The ones whose result is a str, a bool or an int, never failing.
CASES = {"title", "capitalize", "swapcase", "casefold"}
TESTS = {"isupper", "islower", "isalnum", "isdecimal", "isnumeric", "isprintable"}
# Methods that record an error: an empty separator (ValueError), a
# substring not found by index/rindex (ValueError).
CAN_FAIL = {"split", "rsplit", "partition", "rpartition", "index", "rindex"}
METHODS = RANGED | CASES | TESTS | {"split", "rsplit", "splitlines", "partition",
                                    "rpartition", "join", "expandtabs", "format",
                                    "removeprefix", "removesuffix"}


class JoinStep(ast.stmt):
    """The body of the loop `join` makes: append the item to the list."""

    _fields = ()

    def __init__(self, call: ast.Call, item: ast.Name, result: Value) -> None:
        super().__init__()
        self.call = call
        self.item = item
        self.result = result


class StrMethodBuilder:
    """Mixed into `build.FunctionBuilder`."""

    checker: Any
    evaluated: dict[int, Value]

    if TYPE_CHECKING:
        def add(self, op: Any) -> Any: ...
        def expr(self, node: ast.expr) -> Value: ...
        def int64(self, node: ast.expr) -> Value: ...
        def str_fn(self, name: str) -> Any: ...
        def not_yet(self, node: ast.AST, what: str) -> Any: ...
        def list_fn(self, name: str) -> Any: ...
        def as_object(self, raw: Value, t: T.Type) -> Value: ...
        def to_slot(self, v: Value, t: T.Type) -> Value: ...
        def hidden(self, name: str, t: T.Type, kind: str = "value") -> Any: ...
        def assign(self, dest: Any, src: Value) -> None: ...
        def local_register(self, var: Local) -> Any: ...
        def stmt_For(self, s: ast.For) -> None: ...
        def expr_JoinedStr(self, node: ast.JoinedStr) -> Value: ...

    def strmethod_fn(self, name: str) -> Any:
        for module in (SPLIT_RT, TABS_RT):
            sym = self.checker.scopes.get(module, {}).get(name)
            if sym is not None:
                return sym
        return self.str_fn(name)

    def written_args(self, node: ast.Call) -> dict[str, Value | None]:
        """The call's arguments by parameter name (None: left out), each
        evaluated once, in the order written."""
        bound: dict[str, ast.expr] = node.args_bound  # type: ignore[attr-defined]
        order = [*node.args, *(kw.value for kw in node.keywords)]
        values: dict[int, Value] = {}
        for a in order:
            values[id(a)] = self.str_method_arg(a)
        return {name: None if a is OPTIONAL else values[id(a)] if id(a) in values
                else self.expr(a) for name, a in bound.items()}

    def str_method_arg(self, a: ast.expr) -> Value:
        """One argument of a str method as the runtime takes it: an int as
        an i64, a str (or None, for `sep` and `chars`) as an address."""
        t = getattr(a, "ty", None)
        if isinstance(t, T.IntType):
            return self.int64(a)
        if t is T.NONE_VALUE:
            return Integer(0, T.U64)  # None: the runtime's "left out"
        return self.expr(a)

    def str_method_more(self, node: ast.Call, name: str) -> Value:
        """`s.name(...)` for the methods of METHODS."""
        assert isinstance(node.func, ast.Attribute)
        if name == "format":
            return self.str_format_call(node)
        s = self.expr(node.func.value)
        if name == "join":
            return self.str_join_call(node, s)
        args = self.written_args(node)
        b: FunctionBuilder = self  # type: ignore[assignment]
        fn = self.strmethod_fn(f"str_{name}")
        result: T.Type | None = None
        call_args: list[Value] = [s]
        if name in RANGED:
            first = next(iter(args.values()))
            assert first is not None
            start, end = args["start"], args["end"]
            call_args += [first, start or Integer(0, I64), end or Integer(0, I64),
                          Integer(int(start is not None), BOOL),
                          Integer(int(end is not None), BOOL)]
            if getattr(node, "affix_tuple", False):  # a tuple of str: any of them
                fn = self.strmethod_fn("str_affix_any")
                call_args.append(Integer(int(name == "endswith"), BOOL))
        elif name in ("split", "rsplit"):
            sep, maxsplit = args["sep"], args["maxsplit"]
            call_args += [sep or Integer(0, T.U64), maxsplit or Integer(-1, I64)]
            result = ListType(STR)
        elif name == "splitlines":
            call_args.append(args["keepends"] or Integer(0, BOOL))
            result = ListType(STR)
        elif name in ("partition", "rpartition"):
            sep = args["sep"]
            assert sep is not None
            call_args.append(sep)
            result = TupleType((STR, STR, STR))
        elif name == "expandtabs":
            call_args.append(args["tabsize"] or Integer(8, I64))
            result = STR
        elif name in ("removeprefix", "removesuffix"):
            affix = next(iter(args.values()))
            assert affix is not None
            call_args.append(affix)
            result = STR
        elif name in CASES:
            result = STR
        if name in CAN_FAIL:
            return checked_call(b, node, fn, call_args, result)
        return runtime_call(b, fn, call_args, result)

    # ----- join ------------------------------------------------------------------------
    def str_join_call(self, node: ast.Call, sep: Value) -> Value:
        arg = node.args[0]
        t = arg.ty  # type: ignore[attr-defined]
        b: FunctionBuilder = self  # type: ignore[assignment]
        if isinstance(t, ListType):
            return runtime_call(b, self.strmethod_fn("str_join"), [sep, self.expr(arg)], STR)
        if isinstance(t, TupleType):
            return runtime_call(b, self.strmethod_fn("str_join_tuple"), [sep, self.expr(arg)],
                                STR)
        items = self.collect_items(node, arg, STR)
        return runtime_call(b, self.strmethod_fn("str_join"), [sep, items], STR)

    def collect_items(self, node: ast.Call, iterable: ast.expr, et: T.Type) -> Value:
        """A new list of the items (of type `et`: str, bytes) of `iterable`,
        by a `for` loop built as the statement would be (so it takes
        whatever `for` takes)."""
        lt = ListType(et)
        result = self.hidden("join.items", lt)
        ti = self.add(ContainerTypeInfo(lt, item_kind(et) or 0))
        raw = self.add(Call(self.list_fn("list_new"), [ti, Integer(0, I64)]))
        self.assign(result, self.as_object(raw, lt))
        var = Local("join.item", et, "value")
        self.local_register(var)
        target = ast.Name(id="join.item", ctx=ast.Store())
        target.sym = var  # type: ignore[attr-defined]
        target.ty = et  # type: ignore[attr-defined]
        step = JoinStep(node, target, result)
        loop = ast.For(target=target, iter=iterable, body=[step], orelse=[])
        for n in (target, step, loop):
            ast.copy_location(n, iterable)
        loop.kind = "object"  # type: ignore[attr-defined]
        self.stmt_For(loop)
        return result  # type: ignore[no-any-return]

    def stmt_JoinStep(self, s: JoinStep) -> None:
        item = self.to_slot(self.expr(s.item), s.item.ty)  # type: ignore[attr-defined]
        checked_call(self, s.call, self.list_fn("list_append"), [s.result, item])

    # ----- format ----------------------------------------------------------------------
    def str_format_call(self, node: ast.Call) -> Value:
        """`"...".format(a, k=b)`: each argument once, in written order,
        then the f-string the checker made of the format (its fields'
        values are these argument nodes, so they are not evaluated again)."""
        fstring: ast.JoinedStr = node.fstring  # type: ignore[attr-defined]
        written = [*node.args, *(kw.value for kw in node.keywords)]
        for a in written:
            self.evaluated[id(a)] = self.expr(a)
        try:
            return self.expr_JoinedStr(fstring)
        finally:
            for a in written:
                self.evaluated.pop(id(a), None)
