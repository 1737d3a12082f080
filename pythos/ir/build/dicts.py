"""Building dicts and sets (a mixin of `build.FunctionBuilder`), issue 11.

Every operation is a call into the dict or set runtime
(pythos/rt/obj/dict.py, set.py), by the calling convention of
docs/objects.md ("Dicts and sets"): keys and values cross the interface
as 64-bit *slots* (an integer sign- or zero-extended, a bool 0 or 1, an
object or str its address), arguments are borrowed and results are new
references, also those written through `*_out` addresses.  So the
builder converts between values and slots (`slot_of`, `map_from_slot`) and
lets the count pass (ir/passes/refcount.py) place the counts: a slot
that becomes an object again is an op, and ops are owned.

The container's type is a constant TypeInfo (`MapTypeInfo`) naming the
item kinds of its keys and values, which is how the runtime hashes,
compares, counts and prints them without knowing the program's types.

A `for` over a dict keeps the runtime's `DictIter` (and a set's
position) and the two out slots in stack storage of the loop's own; a
dict whose size changes during the loop stops with CPython's
RuntimeError, through `checked_call` like every call that can fail.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

from ... import types as T
from ...diagnostics import CompileError
from ...symbols import FuncSym
from ...types import BOOL, I64, NONE, NONE_VALUE, U64, DictType, IntType, SetType, TupleType
from ..ops import (
    Assign,
    Call,
    Cast,
    Compare,
    ElementAddr,
    Integer,
    IntOp,
    KeepAlive,
    Load,
    MapTypeInfo,
    Store,
    Value,
    holds_reference,
)
from .errors import checked_call, runtime_call
from .optional import is_boxed, is_scalar, slots_differ

if TYPE_CHECKING:
    from . import FunctionBuilder

DICT_RT = "pythos.rt.obj.dict"
SET_RT = "pythos.rt.obj.set"
ITEMS_RT = "pythos.rt.obj.items"
# Item kinds (pythos/rt/obj/object.py, ITEM_*).
INT_ITEMS = {"u8": 1, "u16": 2, "u32": 3, "u64": 4, "i8": 5, "i16": 6, "i32": 7, "i64": 8}
ITEM_BOOL, ITEM_OBJ, ITEM_OPT, ITEM_NONE = 9, 10, 11, 12
# Set operators and the runtime function of each.
SET_OPERATORS = {ast.BitOr: "set_union", ast.BitAnd: "set_intersection",
                 ast.Sub: "set_difference", ast.BitXor: "set_symmetric_difference"}
SET_UPDATES = {ast.BitOr: "set_update", ast.BitAnd: "set_intersection_update",
               ast.Sub: "set_difference_update", ast.BitXor: "set_symmetric_difference_update"}
SET_ORDERINGS = {ast.Lt: "set_lt", ast.LtE: "set_le", ast.Gt: "set_gt", ast.GtE: "set_ge"}


def map_item_kind(t: T.Type) -> int | None:
    """The runtime's item kind for keys or values of type `t` (None: a
    kind this module does not lower yet): the same as a list's items."""
    from .lists import item_kind
    return item_kind(t)


class DictBuilder:
    """Mixed into `build.FunctionBuilder`."""

    checker: Any

    if TYPE_CHECKING:
        def add(self, op: Any) -> Any: ...
        def expr(self, node: ast.expr) -> Value: ...
        def not_yet(self, node: ast.AST, what: str) -> CompileError: ...
        def extend64(self, v: Value, t: IntType) -> Value: ...
        def string(self, data: bytes, t: T.Type) -> Any: ...
        def new_block(self, label: str) -> Any: ...
        def activate(self, block: Any) -> None: ...
        def goto(self, block: Any) -> None: ...
        def merge(self, name: str, t: T.Type, join: Any) -> Any: ...
        def branch(self, cond: Value, true: Any, false: Any,
                   likely: bool | None = None) -> None: ...
        def coerce(self, v: Value, target: T.Type) -> Value: ...

    def map_fn(self, name: str) -> FuncSym:
        module = DICT_RT if name.startswith("dict_") else SET_RT if name.startswith(
            "set_") else ITEMS_RT
        sym = self.checker.scopes[module][name]
        assert isinstance(sym, FuncSym), name
        return sym

    def builder(self) -> FunctionBuilder:
        return self  # type: ignore[return-value]

    # ----- values and slots -------------------------------------------------------------
    def typeinfo_of(self, node: ast.AST, t: T.Type) -> Value:
        """The TypeInfo of a dict or set type; its item kinds must be ones
        the runtime is given here (ints, bools, str, instances)."""
        # (A key whose class defines __eq__ and __hash__ is hashed and
        # compared through its TypeInfo: pythos/lower/special.py.)
        if isinstance(t, DictType):
            key, value = map_item_kind(t.key), map_item_kind(t.value)
            if key is None or value is None:
                raise self.not_yet(node, f"dicts of type {t}")
            return self.add(MapTypeInfo(t, key, value))  # type: ignore[no-any-return]
        assert isinstance(t, SetType)
        key = map_item_kind(t.element)
        if key is None:
            raise self.not_yet(node, f"sets of type {t}")
        return self.add(MapTypeInfo(t, key))  # type: ignore[no-any-return]

    def slot_of(self, v: Value, t: T.Type) -> Value:
        """A key or value as its 64-bit slot."""
        v = self.coerce(v, t)  # type: ignore[attr-defined]  # an int into an `int | None`
        if t is T.BYTES:
            return self.bytes_to_item(v)  # type: ignore[attr-defined,no-any-return]  # bytes.py
        if t is BOOL:
            return self.add(Cast("zext", v, U64))  # type: ignore[no-any-return]
        if isinstance(t, IntType):
            return self.extend64(v, t)
        if isinstance(v, Integer):
            return Integer(0, U64)  # None
        return v  # an object's address: the call borrows it

    def map_from_slot(self, raw: Value, t: T.Type) -> Value:
        """A slot a call returned (a new reference, for an object) as a
        value of type `t`."""
        if holds_reference(t, True):
            return self.add(Cast("object", raw, t))  # type: ignore[no-any-return]
        if t is T.BYTES:
            return self.bytes_from_item(raw, False)  # type: ignore[attr-defined,no-any-return]
        if t is BOOL:
            return self.add(Compare("ne", raw, Integer(0, raw.type)))  # type: ignore
        if t is NONE or t is NONE_VALUE:
            return Integer(0, NONE_VALUE)  # what a Generator[None, ...] yields: None
        assert isinstance(t, IntType)
        if t.bits < 64:
            return self.add(Cast("trunc", raw, t))  # type: ignore[no-any-return]
        if raw.type != t and isinstance(raw, Call):
            raw.type = t  # the same 64 bits, read as signed or unsigned
        return raw

    def map_call(self, node: ast.AST, name: str, args: list[Value], can_fail: bool = False,
                 result: T.Type | None = None) -> Value:
        """A call of the dict or set runtime; `result`: the type of the slot
        it returns (None: use the runtime's own result type)."""
        fn = self.map_fn(name)
        raw = checked_call(self.builder(), node, fn, args) if can_fail else \
            runtime_call(self.builder(), fn, args)
        return self.map_from_slot(raw, result) if result is not None else raw

    def key_slot(self, node: ast.expr, t: T.Type) -> Value:
        return self.slot_of(self.expr(node), t)

    # ----- displays ---------------------------------------------------------------------
    def expr_Dict(self, node: ast.Dict) -> Value:
        """`{k: v, ...}`: every key and value in order, then one
        `dict_setitem` each, so a repeated key keeps its first place and
        its last value, as in CPython."""
        t: DictType = node.ty  # type: ignore[attr-defined]
        if hasattr(node, "call_node"):
            return self.packed_kwargs(node, t)
        if any(k is None for k in node.keys):
            raise self.not_yet(node, "'**' in dict displays")
        ti = self.typeinfo_of(node, t)
        pairs = [(self.key_slot(k, t.key), self.key_slot(v, t.value))  # type: ignore[arg-type]
                 for k, v in zip(node.keys, node.values, strict=True)]
        d = self.map_call(node, "dict_new", [ti, Integer(len(pairs), I64)], result=t)
        for key, value in pairs:
            self.map_call(node, "dict_setitem", [d, key, value])
        return d

    def callee_names(self, call: ast.Call) -> tuple[Value, Value]:
        """The qualified name of the function `call` calls (`C.m`), and
        with its module (`__main__.C.m`): CPython's TypeErrors about
        keywords name it so."""
        from .funcs import python_qualname
        kind, detail = call.call  # type: ignore[attr-defined]
        fn = detail.find_method("__init__") if isinstance(detail, T.ClassType) else detail
        if isinstance(fn, FuncSym):
            qualname, module = python_qualname(fn), fn.module.name
        else:  # a dataclass's generated __init__
            assert isinstance(detail, T.ClassType)
            qualname = f"{detail.name}.__init__"
            module = next(c.module.name for c in self.checker.classes if c.type is detail)
        return (self.string(qualname.encode(), T.STR),
                self.string(f"{module}.{qualname}".encode(), T.STR))

    def expr_KwargTake(self, node: Any) -> Value:
        """A parameter a call leaves to its default, given by a `**d` key
        if there is one (check/calls.py, KwargTake): popped out of the
        merged keywords, which the call evaluated before (calls.py,
        evaluate_written), else the default."""
        merged = self.expr(node.merged)
        t: DictType = node.merged.ty
        param = node.param
        key = self.slot_of(self.string(param.name.encode(), T.STR), T.STR)
        has = self.map_call(node, "dict_contains", [merged, key])
        given, default = self.new_block("kwarg.given"), self.new_block("kwarg.default")
        join = self.new_block("kwarg.join")
        result = self.merge("kwarg", param.type, join)
        self.branch(has, given, default)
        self.activate(given)
        value = self.map_call(node, "dict_pop", [merged, key, Integer(0, U64),
                                                 Integer(0, BOOL)], can_fail=True,
                              result=t.value)
        self.add(Assign(result, self.coerce(value, param.type)))
        self.goto(join)
        self.activate(default)
        _, callee = node.merged.call_node.call
        if isinstance(callee, T.ClassType) and callee.find_method("__init__") is None:
            # a dataclass field's class-level default (objects.py)
            fallback = self.default_value(param.default, callee, param.name)  # type: ignore
        else:
            fallback = self.expr(param.default)
        self.add(Assign(result, self.coerce(fallback, param.type)))
        self.goto(join)
        self.activate(join)
        return result

    def kwargs_rest_check(self, call: ast.Call, merged: Value) -> None:
        """`f(**d)` of a function without **kwargs: a key no parameter
        took is CPython's TypeError."""
        short, _ = self.callee_names(call)
        self.map_call(call, "dict_no_kwargs_left", [merged, short], can_fail=True)

    def packed_kwargs(self, node: ast.Dict, t: DictType) -> Value:
        """The dict of a `**kwargs` parameter in a call with a `**d`
        (check/calls.py, pack_kwargs): the keywords and the items of each
        `**d` in the order written, each checked at run time as CPython
        does: a key naming a parameter the call gives, or given twice, is
        a TypeError."""
        short, full = self.callee_names(node.call_node)  # type: ignore[attr-defined]
        names = node.param_names  # type: ignore[attr-defined]
        names_value = self.expr(names) if names is not None else Integer(0, U64)
        d = self.map_call(node, "dict_new", [self.typeinfo_of(node, t), Integer(0, I64)],
                          result=t)
        for k, v in zip(node.keys, node.values, strict=True):
            if k is None:
                self.map_call(node, "dict_merge_kwargs", [d, self.expr(v), short, full,
                                                          names_value], can_fail=True)
            else:
                self.map_call(node, "dict_set_kwarg", [d, self.key_slot(k, t.key),
                                                       self.key_slot(v, t.value), full],
                              can_fail=True)
        return d

    def expr_Set(self, node: ast.Set) -> Value:
        """`{a, b, ...}`: `set_new` then `set_add` each, except a display of
        three or more constants, which CPython builds from a frozenset
        constant (`set_from_constants` repeats its steps; docs/objects.md)."""
        t: SetType = node.ty  # type: ignore[attr-defined]
        ti = self.typeinfo_of(node, t)
        items = [self.key_slot(e, t.element) for e in node.elts]
        constant = len(node.elts) >= 3 and all(
            getattr(e, "const", None) is not None for e in node.elts)
        if constant:
            b = self.builder()
            buffer = b.temp(node, T.ArrayType(U64, len(items)))
            for i, v in enumerate(items):
                self.add(Store(self.add(ElementAddr(buffer, Integer(i, I64), U64,
                                                    buffer.type, inbounds=True)), v))
            address = self.add(Cast("ptrtoint", buffer, U64))
            return self.map_call(node, "set_from_constants",
                                 [ti, address, Integer(len(items), I64)], result=t)
        s = self.map_call(node, "set_new", [ti], result=t)
        for v in items:
            self.map_call(node, "set_add", [s, v])
        return s

    # ----- subscripts, in, len, truth -------------------------------------------------
    def dict_getitem(self, node: ast.Subscript) -> Value:
        t: DictType = node.value.ty  # type: ignore[attr-defined]
        d = self.expr(node.value)
        key = self.key_slot(node.slice, t.key)
        return self.map_call(node, "dict_getitem", [d, key], True, t.value)

    def dict_setitem(self, target: ast.Subscript, value: Value) -> None:
        """`d[k] = v`: CPython evaluates v, then d, then k."""
        t: DictType = target.value.ty  # type: ignore[attr-defined]
        d = self.expr(target.value)
        key = self.key_slot(target.slice, t.key)
        self.map_call(target, "dict_setitem", [d, key, self.slot_of(value, t.value)])

    def dict_augmented(self, s: ast.AugAssign) -> None:
        """`d[k] += v`: d and k once, then d[k] (KeyError if absent), the
        operator, and the store, in CPython's order."""
        target = s.target
        assert isinstance(target, ast.Subscript)
        t: DictType = target.value.ty  # type: ignore[attr-defined]
        b = self.builder()
        if isinstance(t.value, (T.ListType, DictType)):
            # `d[k] += ys` extends the list in place, `d[k] |= e` updates
            # the dict in place (lists.py)
            b.list_augassign(s)
            return
        d = self.expr(target.value)
        key = self.key_slot(target.slice, t.key)
        old = self.map_call(target, "dict_getitem", [d, key], True, t.value)
        b.current = s
        new = b.binop(s, s.op, old, self.expr(s.value), t.value, s.value)  # type: ignore
        self.map_call(s, "dict_setitem", [d, key, self.slot_of(new, t.value)])

    def dict_delete(self, target: ast.Subscript) -> None:
        t: DictType = target.value.ty  # type: ignore[attr-defined]
        d = self.expr(target.value)
        self.map_call(target, "dict_delitem", [d, self.key_slot(target.slice, t.key)], True)

    def map_contains(self, node: ast.AST, op: ast.cmpop, a: Value, c: Value, ct: T.Type,
                     at: T.Type) -> Value:
        """`a in c` of a dict's keys or a set."""
        name = "dict_contains" if isinstance(ct, DictType) else "set_contains"
        key = ct.key if isinstance(ct, DictType) else ct.element  # type: ignore[attr-defined]
        if (is_scalar(at) and (is_boxed(key) or key is T.OBJECT)) or slots_differ(at, key):
            # Looked up as the keys are stored: `n in s` of an int in a
            # `set[int | None]` as a box, `(1, "a")` in a set of
            # `tuple[int | None, str]` as a tuple of boxes.
            at = key  # slot_of converts to the key type
        found = self.map_call(node, name, [c, self.slot_of(a, at)])
        if isinstance(op, ast.NotIn):
            return self.add(IntOp("xor", found, Integer(1, BOOL)))  # type: ignore
        return found

    def map_len(self, node: ast.AST, v: Value, t: T.Type) -> Value:
        return self.map_call(node, "dict_len" if isinstance(t, DictType) else "set_len", [v])

    def map_truth(self, node: ast.AST, v: Value, t: T.Type) -> Value:
        n = self.map_len(node, v, t)
        return self.add(Compare("ne", n, Integer(0, n.type)))  # type: ignore[no-any-return]

    def map_text(self, node: ast.AST, v: Value, t: T.Type) -> Value:
        """repr() of a dict or set (print writes it too), as a new str."""
        from .tuples import text_ok
        classes = [lay.cls for lay in self.layouts.values()]  # type: ignore[attr-defined]
        for part in ((t.key, t.value) if isinstance(t, DictType)
                     else (t.element,)):  # type: ignore[attr-defined]
            if not text_ok(part, classes):
                raise self.not_yet(node, f"the text of a {t}")
        raw = runtime_call(self.builder(), self.map_fn("obj_repr_new"), [v])
        return self.add(Cast("object", raw, T.STR))  # type: ignore[no-any-return]

    def type_name(self, node: ast.Attribute) -> Value:
        """`type(x).__name__`: a constant where x's static type decides
        it, else read from x's TypeInfo (items.py, `obj_type_name`)."""
        name: str | None = node.type_name  # type: ignore[attr-defined]
        assert isinstance(node.value, ast.Call)
        subject = node.value.args[0]
        v = self.expr(subject)
        if name is not None:  # evaluated all the same, for its effects
            return self.string(name.encode(), T.STR)  # type: ignore[attr-defined, no-any-return]
        word = self.object_word(v)  # type: ignore[attr-defined]
        raw = runtime_call(self.builder(), self.map_fn("obj_type_name"), [word])
        self.add(KeepAlive(word))
        return self.add(Cast("object", raw, T.STR))  # type: ignore[no-any-return]

    # ----- operators --------------------------------------------------------------------
    def set_binop(self, node: ast.AST, op: ast.operator, a: Value, c: Value,
                  t: T.Type) -> Value:
        name = SET_OPERATORS.get(type(op))
        if name is None:
            raise self.not_yet(node, "this set operator")
        return self.map_call(node, name, [a, c], result=t)

    def set_augmented(self, node: ast.AST, op: ast.operator, a: Value, c: Value) -> None:
        """`s |= t` and friends change s in place."""
        self.map_call(node, SET_UPDATES[type(op)], [a, c])

    def map_compare(self, node: ast.AST, op: ast.cmpop, a: Value, c: Value,
                    t: T.Type) -> Value:
        """`==`, `!=` of two dicts or sets; the subset orderings of sets."""
        if isinstance(op, (ast.Eq, ast.NotEq)):
            eq = self.map_call(node, "dict_eq" if isinstance(t, DictType) else "set_eq",
                               [a, c])
            same = self.add(Compare("ne", eq, Integer(0, eq.type)))
            return same if isinstance(op, ast.Eq) else self.add(  # type: ignore
                IntOp("xor", same, Integer(1, BOOL)))
        if isinstance(t, DictType) or type(op) not in SET_ORDERINGS:
            raise self.not_yet(node, f"this comparison of {t}")
        return self.map_call(node, SET_ORDERINGS[type(op)], [a, c])

    # ----- methods ----------------------------------------------------------------------
    def dict_method(self, node: ast.Call, name: str) -> Value:
        assert isinstance(node.func, ast.Attribute)
        t: DictType = node.func.value.ty  # type: ignore[attr-defined]
        d = self.expr(node.func.value)
        args = list(getattr(node, "args_bound", {}).values()) or node.args
        if name == "get":
            key = self.key_slot(node.args[0], t.key)
            if len(node.args) == 2:
                default = self.key_slot(node.args[1], t.value)
                return self.map_call(node, "dict_get", [d, key, default, Integer(1, BOOL)],
                                     result=node.ty)  # type: ignore[attr-defined]
            if map_item_kind(t.value) not in (ITEM_OBJ, ITEM_OPT):
                # An integer value: boxed, or None (optional.py).
                raw = self.add(Call(self.optional_fn("opt_dict_get"),  # type: ignore
                                    [d, key]))
                return self.add(Cast("object", raw, node.ty))  # type: ignore
            return self.map_call(node, "dict_get", [d, key, Integer(0, U64), Integer(0, BOOL)],
                                 result=node.ty)  # type: ignore[attr-defined]
        if name == "pop":
            # d.pop(k, default): the default is evaluated before the call,
            # as CPython evaluates every argument first.
            from ...check.containers import OPTIONAL
            key = self.key_slot(args[0], t.key)
            given = len(args) > 1 and args[1] is not OPTIONAL
            default = self.key_slot(args[1], t.value) if given else Integer(0, U64)
            return self.map_call(node, "dict_pop", [d, key, default, Integer(int(given), BOOL)],
                                 True, t.value)
        if name == "popitem":
            # The last item inserted, removed: its key and value (the dict's
            # references, handed over) become a new tuple; an empty dict
            # is CPython's KeyError.
            outs = self.builder().hidden("popitem.outs", T.ArrayType(U64, 2), "owner")
            self.map_call(node, "dict_popitem", [d, self.out_slot(outs, 0),
                                                 self.out_slot(outs, 1)], True)
            tt = TupleType((t.key, t.value))
            return self.tuple_of(tt, [self.read_out(outs, 0, t.key),  # type: ignore
                                      self.read_out(outs, 1, t.value)], tt.elements)
        if name == "setdefault":
            key = self.key_slot(args[0], t.key)
            default = self.key_slot(args[1], t.value)
            return self.map_call(node, "dict_setdefault", [d, key, default], result=t.value)
        if name == "clear":
            self.map_call(node, "dict_clear", [d])
            return Integer(0, NONE)
        if name == "copy":
            return self.map_call(node, "dict_copy", [d], result=t)
        if name == "update":
            self.map_call(node, "dict_update", [d, self.expr(args[0])])
            return Integer(0, NONE)
        raise self.not_yet(node, f"dict.{name}() calls")

    def dict_union(self, node: ast.BinOp) -> Value:
        """`a | b`: a copy of a, updated by b (both evaluated first)."""
        t: DictType = node.ty  # type: ignore[attr-defined]
        a, b = self.expr(node.left), self.expr(node.right)
        result = self.map_call(node, "dict_copy", [a], result=t)
        self.map_call(node, "dict_update", [result, b])
        return result

    def dict_update_in_place(self, d: Value, other: Value) -> Value:
        """`d |= other`: d updated, and d itself the result (stored back
        where it came from, as CPython does)."""
        self.map_call(self.builder().current_node(), "dict_update", [d, other])
        return d

    def set_method(self, node: ast.Call, name: str) -> Value:
        assert isinstance(node.func, ast.Attribute)
        t: SetType = node.func.value.ty  # type: ignore[attr-defined]
        s = self.expr(node.func.value)
        args = list(getattr(node, "args_bound", {}).values()) or node.args
        if name in ("add", "discard", "remove"):
            key = self.key_slot(args[0], t.element)
            self.map_call(node, f"set_{name}", [s, key], name == "remove")
            return Integer(0, NONE)
        if name == "pop":
            return self.map_call(node, "set_pop", [s], True, t.element)
        if name == "clear":
            self.map_call(node, "set_clear", [s])
            return Integer(0, NONE)
        if name == "copy" and t.frozen:
            return s  # CPython's frozenset.copy() is the frozenset itself
        if name == "copy":
            return self.map_call(node, "set_copy", [s], result=t)
        if name in ("union", "intersection", "difference", "symmetric_difference") \
                and len(node.args) == 1:
            return self.map_call(node, f"set_{name}", [s, self.expr(node.args[0])], result=t)
        if name in ("issubset", "issuperset", "isdisjoint") and len(node.args) == 1:
            return self.map_call(node, f"set_{name}", [s, self.expr(node.args[0])])
        raise self.not_yet(node, f"set.{name}() calls")

    # ----- iteration --------------------------------------------------------------------
    def out_slot(self, outs: Value, i: int) -> Value:
        addr = self.add(ElementAddr(outs, Integer(i, I64), U64, outs.type, inbounds=True))
        return self.add(Cast("ptrtoint", addr, U64))  # type: ignore[no-any-return]

    def read_out(self, outs: Value, i: int, t: T.Type) -> Value:
        addr = self.add(ElementAddr(outs, Integer(i, I64), U64, outs.type, inbounds=True))
        return self.map_from_slot(self.add(Load(addr, U64)), t)
