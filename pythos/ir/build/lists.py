"""Building lists (a mixin of `build.FunctionBuilder`), issue 11.

Every list operation is a call into the list runtime
(pythos/rt/obj/list.py), whose conventions docs/objects.md describes:
values cross the interface as 64-bit *slots* (an integer sign- or
zero-extended, an object as its address), arguments are borrowed and
results are new references, except `list_item`, which lends the item
to a `for` loop.  So the builder's work is converting between a value of
the item type and its slot, and saying who owns what: a call's result is
an op, and ops are owned (pythos/ir/passes/refcount.py), so a borrowed
slot gets an explicit `IncRef` once it is an object again.

A call that can fail (an index out of range) goes through
`checked_call` (errors.py), and its slot becomes an object only after
the check, so the failure path never drops the 0 a failed call returns.

The list's type is a constant TypeInfo (`ContainerTypeInfo`) that names
the item kind: a `list[u8]` stores bytes, a `list[int]` 8-byte integers.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

from ... import types as T
from ...diagnostics import CompileError
from ...symbols import FuncSym
from ...types import BOOL, I64, NONE, U64, IntType, ListType
from ..ops import Call, Cast, Compare, ContainerTypeInfo, IncRef, Integer, IntOp, Value
from .errors import checked_call

if TYPE_CHECKING:
    from ...parse import Module

LIST_RT = "pythos.rt.obj.list"
ITEMS_RT = "pythos.rt.obj.items"
# Item kinds (pythos/rt/obj/object.py, ITEM_*).
INT_ITEMS = {"u8": 1, "u16": 2, "u32": 3, "u64": 4, "i8": 5, "i16": 6, "i32": 7, "i64": 8}
ITEM_BOOL, ITEM_OBJ, ITEM_OPT, ITEM_NONE = 9, 10, 11, 12


def item_kind(t: T.Type) -> int | None:
    """The runtime's item kind for elements of type `t` (None: not lowered)."""
    if isinstance(t, IntType):
        return INT_ITEMS[t.name] if t.name in INT_ITEMS else INT_ITEMS["i64"]
    if t is BOOL:
        return ITEM_BOOL
    if t is NONE or t is T.NONE_VALUE:
        return ITEM_NONE
    if isinstance(t, T.OptionalType) and T.is_object(t.inner):
        return ITEM_OPT
    if T.is_object(t) or t is T.STR:
        return ITEM_OBJ
    return None


class ListBuilder:
    """Mixed into `build.FunctionBuilder`, before ObjectBuilder."""

    module: Module
    checker: Any
    object_runtime: dict[str, FuncSym]

    if TYPE_CHECKING:
        def add(self, op: Any) -> Any: ...
        def expr(self, node: ast.expr) -> Value: ...
        def not_yet(self, node: ast.AST, what: str) -> CompileError: ...
        def kept(self, v: Value, name: str) -> Value: ...
        def hidden(self, name: str, t: T.Type, kind: str = "value") -> Any: ...
        def assign(self, dest: Any, src: Value) -> None: ...
        def assign_to(self, target: ast.expr, v: Value) -> None: ...
        def loop(self, s: ast.For, test: Any, bind: Any, step: Any) -> None: ...

    # ----- helpers ----------------------------------------------------------------------
    def list_fn(self, name: str) -> FuncSym:
        sym = self.checker.scopes[LIST_RT if name.startswith("list_") else ITEMS_RT][name]
        assert isinstance(sym, FuncSym), name
        return sym

    def list_type(self, node: ast.AST, t: T.Type) -> ListType:
        assert isinstance(t, ListType)
        if item_kind(t.element) is None:
            raise self.not_yet(node, f"lists of {t.element}")
        return t

    def to_slot(self, v: Value, t: T.Type) -> Value:
        """A value of type `t` as a 64-bit slot."""
        if t is BOOL:
            return self.add(Cast("zext", v, U64))  # type: ignore[no-any-return]
        if isinstance(t, IntType):
            if t.bits < 64:
                v = self.add(Cast("sext" if t.signed else "zext", v, I64 if t.signed else U64))
            return v
        if isinstance(v, Integer):
            return Integer(0, U64)  # None
        return v  # an object: its address (see as_u64)

    def from_slot(self, slot: Value, t: T.Type, borrowed: bool) -> Value:
        """A slot as a value of type `t`; an object slot `borrowed` from the
        list gets its own reference, since every op result is owned."""
        if t is BOOL or (isinstance(t, IntType) and t.bits < 64):
            return self.add(Cast("trunc", slot, t))  # type: ignore[no-any-return]
        if isinstance(t, IntType):
            return self.add(Cast("bitcast", slot, t))  # type: ignore[no-any-return]
        if t is NONE or t is T.NONE_VALUE:
            return Integer(0, t)
        v = self.add(Cast("object", slot, t))
        if borrowed:
            self.add(IncRef(v))
        return v  # type: ignore[no-any-return]

    def as_object(self, raw: Value, t: T.Type) -> Value:
        return self.add(Cast("object", raw, t))  # type: ignore[no-any-return]

    def as_u64(self, v: Value) -> Value:
        """An object as a runtime call's argument: passed as it is (the
        verifier lets an object stand for a u64 address), so that the
        count pass sees the call use it and keeps it alive across it."""
        return v

    # ----- displays and builtins --------------------------------------------------------
    def expr_List(self, node: ast.List) -> Value:
        """`[a, b, c]`: a list with room for its items, then each appended
        in order (the runtime takes its own reference to an object)."""
        lt = self.list_type(node, node.ty)  # type: ignore[attr-defined]
        items = [self.expr(e) for e in node.elts]
        ti = self.add(ContainerTypeInfo(lt, item_kind(lt.element) or 0))
        raw = self.add(Call(self.list_fn("list_new"), [ti, Integer(len(items), I64)]))
        lst = self.as_object(raw, lt)
        for v in items:
            self.add(Call(self.list_fn("list_append"),
                          [self.as_u64(lst), self.to_slot(v, lt.element)]))
        return lst

    def expr_ListComp(self, node: ast.ListComp) -> Value:
        raise self.not_yet(node, "list comprehensions")

    def object_len(self, node: ast.Call, v: Value, t: T.Type) -> Value:
        if isinstance(t, ListType):
            n = self.add(Call(self.list_fn("list_len"), [self.as_u64(v)]))
            want: T.Type = node.ty  # type: ignore[attr-defined]
            if isinstance(want, IntType) and want.bits < 64:
                return self.add(Cast("trunc", n, want))  # type: ignore[no-any-return]
            return n  # type: ignore[no-any-return]
        return super().object_len(node, v, t)  # type: ignore[misc, no-any-return]

    # ----- indexing ---------------------------------------------------------------------
    def object_getitem(self, node: ast.Subscript) -> Value:
        t = node.value.ty  # type: ignore[attr-defined]
        if not isinstance(t, ListType):
            return super().object_getitem(node)  # type: ignore[misc, no-any-return]
        lt = self.list_type(node, t)
        if isinstance(node.slice, ast.Slice):
            raise self.not_yet(node, "list slices")
        lst = self.expr(node.value)
        index = self.index64(node.slice)
        raw = checked_call(self, node, self.list_fn("list_get"), [self.as_u64(lst), index])
        return self.from_slot(raw, lt.element, borrowed=False)

    def index64(self, node: ast.expr) -> Value:
        v = self.expr(node)
        it = node.ty  # type: ignore[attr-defined]
        if isinstance(it, IntType) and it.bits < 64:
            return self.add(Cast("sext" if it.signed else "zext", v, I64))  # type: ignore
        return v

    def object_setitem(self, target: ast.Subscript, value: Value) -> None:
        t = target.value.ty  # type: ignore[attr-defined]
        if not isinstance(t, ListType):
            super().object_setitem(target, value)  # type: ignore[misc]
            return
        lt = self.list_type(target, t)
        if isinstance(target.slice, ast.Slice):
            raise self.not_yet(target, "list slice assignments")
        lst = self.expr(target.value)
        index = self.index64(target.slice)
        checked_call(self, target, self.list_fn("list_set"),
                     [self.as_u64(lst), index, self.to_slot(value, lt.element)])

    # ----- methods ----------------------------------------------------------------------
    def list_method(self, node: ast.Call, name: str) -> Value:
        """`lst.name(...)` for the methods lowered so far."""
        assert isinstance(node.func, ast.Attribute)
        lt = self.list_type(node, node.func.value.ty)  # type: ignore[attr-defined]
        if name == "list.append":
            lst = self.expr(node.func.value)
            v = self.expr(node.args[0])
            self.add(Call(self.list_fn("list_append"),
                          [self.as_u64(lst), self.to_slot(v, lt.element)]))
            return Integer(0, NONE)
        raise self.not_yet(node, f"the method {name}")

    # ----- for loops and text -----------------------------------------------------------
    def for_list(self, s: ast.For) -> None:
        """`for x in lst`: an index from 0, the length read afresh at each
        step, as CPython's list iterator does."""
        lt = self.list_type(s.iter, s.iter.ty)  # type: ignore[attr-defined]
        lst = self.kept(self.expr(s.iter), "for.list")
        counter = self.hidden("for.index", I64)
        self.assign(counter, Integer(0, I64))

        def test() -> Value:
            n = self.add(Call(self.list_fn("list_len"), [self.as_u64(lst)]))
            return self.add(Compare("slt", counter, n))  # type: ignore[no-any-return]

        def bind() -> None:
            raw = self.add(Call(self.list_fn("list_item"), [self.as_u64(lst), counter]))
            self.assign_to(s.target, self.from_slot(raw, lt.element, borrowed=True))

        self.loop(s, test, bind, lambda: self.assign(counter, self.add(
            IntOp("add", counter, Integer(1, I64)))))

    def list_text(self, node: ast.AST, v: Value, t: T.Type) -> Value:
        """repr() of a list (print writes it too), as a new str."""
        lt = self.list_type(node, t)
        if not (isinstance(lt.element, IntType) or lt.element in (BOOL, T.STR)
                or isinstance(lt.element, ListType)):
            raise self.not_yet(node, f"the text of a {lt}")
        raw = self.add(Call(self.list_fn("obj_repr_new"), [self.as_u64(v)]))
        return self.as_object(raw, T.STR)
