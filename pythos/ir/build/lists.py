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
from ...types import BOOL, I64, NONE, U64, DictType, IntType, ListType, PtrType, TupleType
from ..ops import (
    Call,
    Cast,
    Compare,
    ContainerTypeInfo,
    ElementAddr,
    Goto,
    IncRef,
    IndexCheck,
    Integer,
    IntOp,
    IntOverflow,
    KeepAlive,
    Load,
    Select,
    Store,
    Unreachable,
    Value,
)
from .errors import checked_call
from .expr import COMPARISONS

if TYPE_CHECKING:
    from ...parse import Module

LIST_RT = "pythos.rt.obj.list"
ITEMS_RT = "pythos.rt.obj.items"
# ListObject (pythos/rt/obj/object.py) as i64 words: refcnt, type, length,
# capacity, items.
LIST_LENGTH_WORD = 2
LIST_ITEMS_WORD = 4
SORT_RT = "pythos.rt.obj.listsort"
# Item kinds (pythos/rt/obj/object.py, ITEM_*).
INT_ITEMS = {"u8": 1, "u16": 2, "u32": 3, "u64": 4, "i8": 5, "i16": 6, "i32": 7, "i64": 8}
ITEM_BOOL, ITEM_OBJ, ITEM_OPT, ITEM_NONE = 9, 10, 11, 12
I64_MAX = (1 << 63) - 1
ERR_VALUE = 3  # ValueError (object.py)
LIST_METHODS = ("append", "insert", "extend", "pop", "remove", "index", "count", "reverse",
                "clear", "copy", "sort")


def item_kind(t: T.Type) -> int | None:
    """The runtime's item kind for elements of type `t` (None: not lowered)."""
    if isinstance(t, IntType):
        return INT_ITEMS[t.name] if t.name in INT_ITEMS else INT_ITEMS["i64"]
    if t is BOOL:
        return ITEM_BOOL
    if t is NONE or t is T.NONE_VALUE:
        return ITEM_NONE
    if isinstance(t, T.OptionalType) or t is T.OBJECT:
        # An object or None; an integer that may be None, or is an
        # `object`, is a box.
        return ITEM_OPT
    if T.is_object(t) or t is T.STR or t is T.BYTES:
        return ITEM_OBJ  # bytes: its owner (bytes.py, `bytes_to_item`)
    return None


class ListBuilder:
    """Mixed into `build.FunctionBuilder`, before ObjectBuilder."""

    module: Module
    checker: Any
    object_runtime: dict[str, FuncSym]
    layouts: dict[int, Any]
    registers: dict[Any, Any]

    if TYPE_CHECKING:
        def add(self, op: Any) -> Any: ...
        def overflow_checked(self, t: T.Type) -> bool: ...
        def check_overflow(self, node: ast.AST, op: str, overflowed: Value) -> None: ...
        def dict_delete(self, target: ast.Subscript) -> None: ...
        def expr(self, node: ast.expr) -> Value: ...
        def not_yet(self, node: ast.AST, what: str) -> CompileError: ...
        def kept(self, v: Value, name: str) -> Value: ...
        def hidden(self, name: str, t: T.Type, kind: str = "value") -> Any: ...
        def assign(self, dest: Any, src: Value) -> None: ...
        def assign_to(self, target: ast.expr, v: Value) -> None: ...
        def store_value(self, target: ast.expr, v: Value) -> None: ...
        def loop(self, s: ast.For, test: Any, bind: Any, step: Any) -> None: ...
        def stmt_For(self, s: ast.For) -> None: ...
        def truth(self, node: ast.expr) -> Value: ...
        block: Any
        index_checks: list[IndexCheck]
        def new_block(self, label: str) -> Any: ...
        def activate(self, block: Any) -> None: ...
        def goto(self, block: Any) -> None: ...
        def merge(self, name: str, t: T.Type, join: Any) -> Any: ...
        def coerce(self, v: Value, target: T.Type) -> Value: ...
        def branch(self, cond: Value, true: Any, false: Any,
                   likely: bool | None = None) -> None: ...
        def local_register(self, sym: Any) -> Any: ...
        def sort_keyed(self, node: ast.Call, lst: Value, elem: T.Type) -> None: ...
        def binop(self, node: ast.AST, op: ast.operator, a: Value, b: Value,
                  t: IntType, right: ast.expr) -> Value: ...
        loops: list[Any]
        def tuple_getitem(self, node: ast.Subscript) -> Value: ...
        def tuple_len_of(self, v: Value) -> Value: ...
        def tuple_truth(self, v: Value) -> Value: ...
        def tuple_compare(self, op: ast.cmpop, a: Value, c: Value) -> Value: ...
        def tuple_contains_of(self, node: ast.AST, tt: TupleType | T.VarTupleType,
                              op: ast.cmpop, a: Value,
                              c: Value, at: T.Type) -> Value: ...
        def string(self, data: bytes, t: T.Type) -> Any: ...
        def propagate(self, node: ast.AST | None = None) -> None: ...
        def location(self, node: ast.AST) -> list[Value]: ...

    # ----- helpers ----------------------------------------------------------------------
    def list_fn(self, name: str) -> FuncSym:
        module = LIST_RT if name.startswith("list_") else ITEMS_RT
        if name.startswith("list_sort"):
            module = SORT_RT
        sym = self.checker.scopes[module][name]
        assert isinstance(sym, FuncSym), name
        return sym

    def list_type(self, node: ast.AST, t: T.Type) -> ListType:
        assert isinstance(t, ListType)
        if item_kind(t.element) is None:
            raise self.not_yet(node, f"lists of {t.element}")
        return t

    def to_slot(self, v: Value, t: T.Type) -> Value:
        """A value of type `t` as a 64-bit slot."""
        v = self.coerce(v, t)  # type: ignore[attr-defined]  # an int into an `int | None`
        if t is T.BYTES:
            return self.bytes_to_item(v)  # type: ignore[attr-defined]  # bytes.py
        if t is BOOL:
            return self.add(Cast("zext", v, U64))  # type: ignore[no-any-return]
        if isinstance(t, IntType):
            if t.bits < 64:
                v = self.add(Cast("sext" if t.signed else "zext", v, I64 if t.signed else U64))
            return v
        if isinstance(v, Integer) or v.type is T.NONE_VALUE:
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
        if t is T.BYTES:
            return self.bytes_from_item(slot, borrowed)  # type: ignore[attr-defined]  # bytes.py
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

    def object_len(self, node: ast.Call, v: Value, t: T.Type) -> Value:
        if isinstance(t, ListType):
            n = self.add(Call(self.list_fn("list_len"), [self.as_u64(v)]))
            want: T.Type = node.ty  # type: ignore[attr-defined]
            if isinstance(want, IntType) and want.bits < 64:
                return self.add(Cast("trunc", n, want))  # type: ignore[no-any-return]
            return n  # type: ignore[no-any-return]
        if isinstance(t, (TupleType, T.VarTupleType)):
            n = self.tuple_len_of(v)
            want = node.ty  # type: ignore[attr-defined]
            if isinstance(want, IntType) and want.bits < 64:
                return self.add(Cast("trunc", n, want))  # type: ignore[no-any-return]
            return n
        return super().object_len(node, v, t)  # type: ignore[misc, no-any-return]

    # ----- indexing ---------------------------------------------------------------------
    def object_getitem(self, node: ast.Subscript) -> Value:
        t = node.value.ty  # type: ignore[attr-defined]
        if isinstance(t, (TupleType, T.VarTupleType)):
            return self.tuple_getitem(node)
        if not isinstance(t, ListType):
            return super().object_getitem(node)  # type: ignore[misc, no-any-return]
        lt = self.list_type(node, t)
        lst = self.expr(node.value)
        if isinstance(node.slice, ast.Slice):
            raw = checked_call(self, node, self.list_fn("list_slice"),
                               [lst, *self.slice_args(node.slice)])
            return self.as_object(raw, lt)
        index = self.index64(node.slice)
        if isinstance(lt, T.BytearrayType):  # one byte an item: bytearrays.py
            return self.bytearray_get(node, lst, index)  # type: ignore[attr-defined, no-any-return]
        if isinstance(lt.element, IntType) or item_kind(lt.element) in (ITEM_OBJ, ITEM_OPT):
            return self.inline_item(node, lst, index, lt.element, None)
        raw = checked_call(self, node, self.list_fn("list_get"), [self.as_u64(lst), index])
        return self.from_slot(raw, lt.element, borrowed=False)

    def inline_item(self, node: ast.Subscript, lst: Value, index: Value, et: T.Type,
                    value: Value | None) -> Value:
        """`lst[index]` (`value` None) or `lst[index] = value` for a list of
        integers, inline, with the same check as an Array's (expr.py,
        `element_address`): an index in [0, len) reads or writes the item
        in the buffer directly, at the item's own width (how the runtime
        stores it), with no call and no count; one that fails is tried as
        a negative index (`index + len`); only an index out of range
        either way calls the runtime's `list_get`/`list_set`, which raises
        CPython's IndexError.  That call never returns normally, so the
        loop that does the access contains no call LLVM must assume
        changes the list, and the length and items pointer it loads are
        plain loads it can reuse.

        Also an item that is an object (or None): a read loads the 8-byte
        slot and gives it a reference of its own (`IncRef`, which skips
        None), as `list_get` would, before the list can be released (the
        `KeepAlive` below); a write gives the list a reference to the new
        item, stores it, and then releases the item it replaced, in
        list_set's order."""
        address = self.add(Cast("object", lst, U64))
        words = self.add(Cast("inttoptr", address, PtrType(I64)))
        length = self.add(Load(self.add(ElementAddr(
            words, Integer(LIST_LENGTH_WORD, I64), I64, None, inbounds=True)), I64,
            alias="list header"))
        direct = self.new_block("item.direct")
        from_end = self.new_block("item.negative")
        failed = self.new_block("item.fail")
        passed = self.new_block("item.index")
        done = self.new_block("item.done")
        fixed = self.merge("index", I64, passed)
        checking = self.block
        self.branch(self.add(Compare("ult", index, length)), direct, from_end, likely=True)
        self.activate(direct)
        self.assign(fixed, index)
        self.goto(passed)
        self.activate(from_end)
        wrapped = self.add(IntOp("add", index, length))
        self.assign(fixed, wrapped)
        self.branch(self.add(Compare("ult", wrapped, length)), passed, failed, likely=True)
        # Recorded for the bounds pass (pythos/ir/passes/bounds.py), which
        # drops the check when the index is provably in range (relations.py).
        self.index_checks.append(IndexCheck(index, length, checking.ops[-1],
                                            from_end.ops[-1], failed))
        self.activate(failed)
        # Out of range: the runtime raises IndexError with CPython's text.
        if value is None:
            checked_call(self, node, self.list_fn("list_get"), [self.as_u64(lst), index])
        else:
            checked_call(self, node, self.list_fn("list_set"),
                         [self.as_u64(lst), index, self.to_slot(value, et)])
        self.add(Unreachable())
        self.activate(passed)
        items = self.add(Load(self.add(ElementAddr(
            words, Integer(LIST_ITEMS_WORD, I64), I64, None, inbounds=True)), U64,
            alias="list header"))
        width = et if isinstance(et, IntType) else U64  # an object: its address
        addr = self.add(ElementAddr(self.add(Cast("inttoptr", items, PtrType(width))),
                                    fixed, width, None, inbounds=True))
        result: Value = Integer(0, NONE)
        if value is None and not isinstance(et, IntType):
            slot = self.add(Load(addr, U64, alias="list item"))
            result = self.from_slot(slot, et, borrowed=True)
        elif value is None:
            result = self.add(Load(addr, et, alias="list item"))
        elif not isinstance(et, IntType):
            # An object item: the list takes a reference to the new one,
            # and the one it replaces is read as an owned value that
            # nothing uses, which the count pass releases right after the
            # store, as list_set would.
            old = self.add(Load(addr, U64, alias="list item"))
            slot = self.to_slot(value, et)
            if not isinstance(slot, Integer):  # None is 0, and not counted
                self.add(IncRef(slot))
                slot = self.add(Cast("object", slot, U64))
            self.add(Store(addr, slot, alias="list item"))
            self.add(Cast("object", old, et))
        else:
            self.add(Store(addr, value, alias="list item"))
        self.goto(done)
        self.activate(done)
        # The list must outlive the access: the count pass drops a
        # temporary (`f()[i]`) or a variable's last reference after its
        # last use, and the address above is a plain integer it does not
        # follow.  This use keeps the list live to here: a `KeepAlive`,
        # which no pass removes (a dead `Cast` did this once, and the
        # bounds pass, which drops unused pure ops, dropped it).
        self.add(KeepAlive(lst))
        return result

    def index64(self, node: ast.expr) -> Value:
        v = self.expr(node)
        it = node.ty  # type: ignore[attr-defined]
        if it is BOOL:
            return self.add(Cast("zext", v, I64))  # type: ignore[no-any-return]
        if isinstance(it, IntType) and it.bits < 64:
            return self.add(Cast("sext" if it.signed else "zext", v, I64))  # type: ignore
        return v

    def object_setitem(self, target: ast.Subscript, value: Value) -> None:
        t = target.value.ty  # type: ignore[attr-defined]
        if not isinstance(t, ListType):
            super().object_setitem(target, value)  # type: ignore[misc]
            return
        lt = self.list_type(target, t)
        lst = self.expr(target.value)
        if isinstance(target.slice, ast.Slice):
            if isinstance(lt, T.BytearrayType):  # bytes or integers: bytearrays.py
                value = self.bytearray_slice_value(target, value)  # type: ignore[attr-defined]
            checked_call(self, target, self.list_fn("list_set_slice"),
                         [lst, *self.slice_args(target.slice), value])
            return
        index = self.index64(target.slice)
        if isinstance(lt, T.BytearrayType):  # the value must be a byte: bytearrays.py
            self.bytearray_set(target, lst, index, value)  # type: ignore[attr-defined]
            return
        if isinstance(lt.element, IntType) or (
                item_kind(lt.element) in (ITEM_OBJ, ITEM_OPT) and lt.element is not T.BYTES):
            self.inline_item(target, lst, index, lt.element, self.coerce(value, lt.element))
            return
        checked_call(self, target, self.list_fn("list_set"),
                     [self.as_u64(lst), index, self.to_slot(value, lt.element)])

    # ----- methods ----------------------------------------------------------------------
    def list_method(self, node: ast.Call, name: str) -> Value:
        """`lst.name(...)`: one runtime call each (list.py, listsort.py)."""
        assert isinstance(node.func, ast.Attribute)
        lt = self.list_type(node, node.func.value.ty)  # type: ignore[attr-defined]
        method = name.removeprefix("list.")
        if method not in LIST_METHODS:
            raise self.not_yet(node, f"the method {name}")
        lst = self.expr(node.func.value)
        if method == "sort" and any(k.arg == "key" for k in node.keywords):
            self.sort_keyed(node, lst, lt.element)  # funcs.py
            return Integer(0, NONE)
        args = [self.expr(a) for a in node.args]
        elem = lt.element
        if method == "append":
            kind = item_kind(elem)
            if kind in (ITEM_OBJ, INT_ITEMS["u64"], INT_ITEMS["i64"]) and elem is not T.BYTES:
                # Each item a word: inline, a store where there is room.
                checked_call(self, node, self.list_fn("list_append_word"),
                             [lst, self.to_slot(args[0], elem), Integer(kind == ITEM_OBJ, BOOL)])
            else:
                checked_call(self, node, self.list_fn("list_append"),
                             [lst, self.to_slot(args[0], elem)])
        elif method == "insert":
            checked_call(self, node, self.list_fn("list_insert"),
                         [lst, self.widened(args[0], node.args[0]), self.to_slot(args[1], elem)])
        elif method == "extend":
            checked_call(self, node, self.list_fn("list_extend"), [lst, args[0]])
        elif method == "pop":
            index = self.widened(args[0], node.args[0]) if args else Integer(-1, I64)
            raw = checked_call(self, node, self.list_fn("list_pop"), [lst, index])
            return self.from_slot(raw, elem, borrowed=False)
        elif method == "remove":
            checked_call(self, node, self.list_fn("list_remove"),
                         [lst, self.to_slot(args[0], elem)])
        elif method == "index":
            bounds = [self.widened(v, a) for v, a in zip(args[1:], node.args[1:], strict=True)]
            bounds += [Integer(0, I64), Integer(I64_MAX, I64)][len(bounds):]
            return checked_call(self, node, self.list_fn("list_index"),
                                [lst, self.to_slot(args[0], elem), *bounds])
        elif method == "count":
            return self.add(Call(self.list_fn("list_count"),  # type: ignore[no-any-return]
                                 [lst, self.to_slot(args[0], elem)]))
        elif method in ("reverse", "clear"):
            self.add(Call(self.list_fn("list_" + method), [lst]))
        elif method == "copy":
            raw = checked_call(self, node, self.list_fn("list_copy"), [lst])
            return self.as_object(raw, lt)
        elif method == "sort":
            self.check_sortable(node, elem)  # type: ignore[attr-defined]
            reverse = next((self.expr(k.value) for k in node.keywords if k.arg == "reverse"),
                           Integer(0, BOOL))
            checked_call(self, node, self.list_fn("list_sort"), [lst, reverse])
        return Integer(0, NONE)

    def widened(self, v: Value, node: ast.expr) -> Value:
        """An index argument as an i64."""
        it = node.ty  # type: ignore[attr-defined]
        if it is BOOL:
            return self.add(Cast("zext", v, I64))  # type: ignore[no-any-return]
        if isinstance(it, IntType) and it.bits < 64:
            return self.add(Cast("sext" if it.signed else "zext", v, I64))  # type: ignore
        return v

    # ----- operators --------------------------------------------------------------------
    def list_binop(self, node: ast.BinOp) -> Value:
        """`a + b` (a new list) and `lst * n`, `n * lst` (the references
        repeated, not the objects: `[[0] * 3] * 3` is one row three times)."""
        t = node.ty  # type: ignore[attr-defined]
        if isinstance(t, T.DictType):  # `a | b` (dicts.py)
            return self.dict_union(node)  # type: ignore[attr-defined, no-any-return]
        if isinstance(t, (TupleType, T.VarTupleType)) and isinstance(node.op, ast.Add):
            return self.tuple_concat(node)  # type: ignore[attr-defined, no-any-return]
        if isinstance(t, T.VarTupleType) and isinstance(node.op, ast.Mult):
            return self.tuple_repeat(node)  # type: ignore[attr-defined, no-any-return]
        if not isinstance(t, ListType) or not isinstance(node.op, (ast.Add, ast.Mult)):
            raise self.not_yet(node, f"this operator on {t}")
        lt = self.list_type(node, t)
        if isinstance(node.op, ast.Add) and node.right.ty is T.BYTES:  # type: ignore
            return self.bytearray_concat(node)  # type: ignore[attr-defined, no-any-return]
        a, c = self.expr(node.left), self.expr(node.right)
        if isinstance(node.op, ast.Add):
            raw = checked_call(self, node, self.list_fn("list_concat"), [a, c])
        elif isinstance(node.left.ty, ListType):  # type: ignore[attr-defined]
            raw = checked_call(self, node, self.list_fn("list_repeat"),
                               [a, self.widened(c, node.right)])
        else:
            raw = checked_call(self, node, self.list_fn("list_repeat"),
                               [c, self.widened(a, node.left)])
        return self.as_object(raw, lt)

    def list_augassign(self, s: ast.AugAssign) -> None:
        """`lst += seq` and `lst *= n` change the list in place (the name
        keeps the same object, as in CPython)."""
        t = s.target.ty  # type: ignore[union-attr]
        if isinstance(t, T.DictType):  # `d |= e` (dicts.py)
            from .operators import augmented
            augmented(self, s, self.dict_update_in_place)  # type: ignore[attr-defined]
            return
        if not isinstance(t, ListType) or not isinstance(s.op, (ast.Add, ast.Mult)):
            raise self.not_yet(s, f"this augmented assignment to a {t}")
        self.list_type(s, t)
        if isinstance(s.target, ast.Subscript) or (isinstance(s.target, ast.Attribute) and
                                                   not isinstance(s.target.value, ast.Name)):
            # `xss[i] += ys`, `f().items += ys`: the list read from its
            # place, extended there, and stored back (operators.py).
            from .operators import augmented
            augmented(self, s, lambda old, v: self.list_inplace(s, old, v))
            return
        target = ast.Name(s.target.id, ast.Load()) if isinstance(s.target, ast.Name) \
            else ast.Attribute(s.target.value, s.target.attr, ast.Load())  # type: ignore
        ast.copy_location(target, s.target)
        for attr in ("ty", "sym", "field", "call"):
            if hasattr(s.target, attr):
                setattr(target, attr, getattr(s.target, attr))
        self.list_inplace(s, self.expr(target), self.expr(s.value))

    def list_inplace(self, s: ast.AugAssign, lst: Value, v: Value) -> Value:
        """CPython's `list.__iadd__` (extend) or `__imul__`: the list
        changed in place, and itself the result."""
        if isinstance(s.op, ast.Add) and v.type is T.BYTES:  # a bytearray's bytes
            self.bytearray_extend(s, lst, v)  # type: ignore[attr-defined]
        elif isinstance(s.op, ast.Add):
            checked_call(self, s, self.list_fn("list_iadd"), [lst, v])
        else:
            checked_call(self, s, self.list_fn("list_imul"), [lst, self.widened(v, s.value)])
        return lst

    def item_augassign(self, s: ast.AugAssign) -> None:
        """`lst[i] += x`: the list and the index once, then get, compute
        and set, as CPython does."""
        t = s.target.value.ty  # type: ignore[union-attr]
        assert isinstance(s.target, ast.Subscript)
        if not isinstance(t, ListType) or isinstance(s.target.slice, ast.Slice) or not \
                (isinstance(t.element, IntType) or t.element is T.STR):
            raise self.not_yet(s, f"augmented assignments to items of a {t}")
        lst = self.kept(self.expr(s.target.value), "item.list")
        index = self.kept(self.index64(s.target.slice), "item.index")
        if isinstance(t, T.BytearrayType):  # bytearrays.py
            old = self.bytearray_get(s.target, lst, index)  # type: ignore[attr-defined]
        else:
            raw = checked_call(self, s.target, self.list_fn("list_get"), [lst, index])
            old = self.from_slot(raw, t.element, borrowed=False)
        # (binop's `t` is an IntType or str.)
        new = self.binop(s, s.op, old, self.expr(s.value), t.element,  # type: ignore[arg-type]
                         s.value)
        if isinstance(t, T.BytearrayType):
            self.bytearray_set(s.target, lst, index, new)  # type: ignore[attr-defined]
            return
        checked_call(self, s.target, self.list_fn("list_set"),
                     [lst, index, self.to_slot(new, t.element)])

    def object_compare(self, node: ast.Compare, op: ast.cmpop, a: Value, c: Value,
                       lt: T.Type, rt: T.Type) -> Value:
        """Lists compare item by item, as CPython's do (list_eq, list_lt);
        so do tuples."""
        if isinstance(lt, (TupleType, T.VarTupleType)) and isinstance(
                rt, (TupleType, T.VarTupleType)):
            return self.tuple_compare(op, a, c)
        if isinstance(lt, T.BytearrayType) or isinstance(rt, T.BytearrayType):
            # bytes.py reads a bytearray's buffer as it reads bytes data
            return self.bytes_order(  # type: ignore[attr-defined, no-any-return]
                COMPARISONS[type(op)], a, c)
        if not (isinstance(lt, ListType) and isinstance(rt, ListType)):
            return super().object_compare(node, op, a, c, lt, rt)  # type: ignore[misc]
        if isinstance(op, (ast.Eq, ast.NotEq)):
            eq = self.add(Call(self.list_fn("list_eq"), [a, c]))
            return eq if isinstance(op, ast.Eq) else self.add(  # type: ignore[no-any-return]
                IntOp("xor", eq, Integer(1, BOOL)))
        name, first, second = {ast.Lt: ("list_lt", a, c), ast.LtE: ("list_le", a, c),
                               ast.Gt: ("list_lt", c, a), ast.GtE: ("list_le", c, a)}[type(op)]
        return self.add(Call(self.list_fn(name), [first, second]))  # type: ignore

    def object_contains(self, node: ast.Compare, op: ast.cmpop, left: ast.expr,
                        right: ast.expr, a: Value, c: Value) -> Value:
        t = right.ty  # type: ignore[attr-defined]
        if isinstance(t, (TupleType, T.VarTupleType)):
            return self.tuple_contains_of(node, t, op, a, c,
                                          left.ty)  # type: ignore[attr-defined]
        if not isinstance(t, ListType):
            return super().object_contains(node, op, left, right, a, c)  # type: ignore[misc]
        lt = self.list_type(node, t)
        if isinstance(t, T.BytearrayType) and a.type is T.BYTES:  # a run of bytes (bytes.py)
            return self.bytes_contains(node, op, a, c)  # type: ignore[attr-defined, no-any-return]
        found = self.add(Call(self.list_fn("list_contains"), [c, self.to_slot(a, lt.element)]))
        if isinstance(op, ast.NotIn):
            return self.add(IntOp("xor", found, Integer(1, BOOL)))  # type: ignore
        return found  # type: ignore[no-any-return]

    def object_truth(self, node: ast.AST, v: Value, t: T.Type) -> Value:
        if isinstance(t, ListType):
            n = self.add(Call(self.list_fn("list_len"), [v]))
            return self.add(Compare("ne", n, Integer(0, I64)))  # type: ignore[no-any-return]
        if isinstance(t, (TupleType, T.VarTupleType)):
            return self.tuple_truth(v)
        return super().object_truth(node, v, t)  # type: ignore[misc, no-any-return]

    # ----- slices and del ---------------------------------------------------------------
    def slice_args(self, s: ast.Slice) -> list[Value]:
        """start, stop, step, has_start, has_stop, as slices.py takes them."""
        def bound(b: ast.expr | None, default: int) -> Value:
            return Integer(default, I64) if b is None else self.widened(self.expr(b), b)
        return [bound(s.lower, 0), bound(s.upper, 0), bound(s.step, 1),
                Integer(int(s.lower is not None), BOOL), Integer(int(s.upper is not None), BOOL)]

    def stmt_Delete(self, s: ast.Delete) -> None:
        for target in s.targets:
            t = getattr(target, "value", None)
            if isinstance(target, ast.Subscript) and isinstance(getattr(t, "ty", None),
                                                                DictType):
                self.dict_delete(target)
                continue
            if not (isinstance(target, ast.Subscript)
                    and isinstance(getattr(t, "ty", None), ListType)):
                raise self.not_yet(target, "del of anything but a list's or a dict's items")
            lst = self.expr(target.value)
            if isinstance(target.slice, ast.Slice):
                checked_call(self, target, self.list_fn("list_del_slice"),
                             [lst, *self.slice_args(target.slice)])
            elif isinstance(target.value.ty, T.BytearrayType):  # type: ignore[attr-defined]
                self.bytearray_del(  # type: ignore[attr-defined]
                    target, lst, self.widened(self.expr(target.slice), target.slice))
            else:
                checked_call(self, target, self.list_fn("list_del"),
                             [lst, self.widened(self.expr(target.slice), target.slice)])

    # ----- builtins over lists -----------------------------------------------------------
    def list_builtin(self, node: ast.Call, name: str) -> Value | None:
        """list(), list(xs), sorted(xs), min/max/sum of a list of
        integers, and min/max of several integers; None for the forms not
        lowered yet (the caller reports them)."""
        args = node.args
        if any(k.arg in ("key", "default", "start") for k in node.keywords):
            return None
        arg_t = getattr(args[0], "ty", None) if args else None
        if name == "list" and not args:
            lt = self.list_type(node, node.ty)  # type: ignore[attr-defined]
            ti = self.add(ContainerTypeInfo(lt, item_kind(lt.element) or 0))
            raw = self.add(Call(self.list_fn("list_new"), [ti, Integer(0, I64)]))
            return self.as_object(raw, lt)
        if name in ("list", "sorted") and len(args) == 1 and isinstance(arg_t, ListType) \
                and not isinstance(arg_t, T.BytearrayType):  # (a copy keeps its type)
            lt = self.list_type(node, node.ty)  # type: ignore[attr-defined]
            raw = checked_call(self, node, self.list_fn("list_copy"), [self.expr(args[0])])
            copy = self.as_object(raw, lt)
            if name == "sorted":
                reverse = next((self.expr(k.value) for k in node.keywords
                                if k.arg == "reverse"), Integer(0, BOOL))
                self.add(Call(self.list_fn("list_sort"), [copy, reverse]))
            return copy
        result_t = getattr(node, "ty", None)
        if name in ("min", "max") and len(args) > 1 and isinstance(result_t, IntType):
            values = [self.expr(a) for a in args]
            best = values[0]
            for v in values[1:]:
                # The first of equal values wins, as in CPython.
                better = self.add(Compare(self.order(result_t, name), v, best))
                best = self.add(Select(better, v, best))
            return best
        if name in ("min", "max", "sum") and len(args) >= 1 and isinstance(arg_t, ListType) \
                and isinstance(arg_t.element, IntType) and isinstance(result_t, IntType):
            return self.list_fold(node, name, self.expr(args[0]), result_t,
                                  self.expr(args[1]) if len(args) == 2 else None)
        return None

    @staticmethod
    def order(t: IntType, name: str) -> str:
        return ("s" if t.signed else "u") + ("lt" if name == "min" else "gt")

    def list_fold(self, node: ast.Call, name: str, lst: Value, t: IntType,
                  start: Value | None) -> Value:
        """sum(xs) (wrapping as a sized item type does, raising OverflowError
        as the plain int does), min(xs), max(xs): one
        loop over the items.  min and max of an empty list are CPython's
        ValueError."""
        lst = self.kept(lst, "fold.list")
        n = self.add(Call(self.list_fn("list_len"), [lst]))
        acc = self.hidden(f"{name}.acc", t)
        counter = self.hidden(f"{name}.index", I64)
        if name == "sum":
            self.assign(acc, start if start is not None else Integer(0, t))
            self.assign(counter, Integer(0, I64))
        else:
            empty = self.new_block(f"{name}.empty")
            ok = self.new_block(f"{name}.first")
            self.branch(self.add(Compare("eq", n, Integer(0, I64))), empty, ok, likely=False)
            self.activate(empty)
            message = self.string(f"{name}() arg is an empty sequence".encode(), T.STR)
            self.add(Call(self.object_runtime["obj_raise"], [Integer(ERR_VALUE, T.U32),
                                                             message]))
            self.propagate(node)
            self.activate(ok)
            first = self.add(Call(self.list_fn("list_item"), [lst, Integer(0, I64)]))
            self.assign(acc, self.from_slot(first, t, borrowed=True))
            self.assign(counter, Integer(1, I64))
        head, body, end = (self.new_block(f"{name}.head"), self.new_block(f"{name}.body"),
                           self.new_block(f"{name}.end"))
        self.add(Goto(head))
        self.activate(head)
        self.branch(self.add(Compare("slt", counter, n)), body, end)
        self.activate(body)
        raw = self.add(Call(self.list_fn("list_item"), [lst, counter]))
        x = self.from_slot(raw, t, borrowed=True)
        if name == "sum":
            if self.overflow_checked(t):  # a plain int's OverflowError
                self.check_overflow(node, "add", self.add(IntOverflow("add", acc, x)))
            self.assign(acc, self.add(IntOp("add", acc, x)))
        else:
            better = self.add(Compare(self.order(t, name), x, acc))
            self.assign(acc, self.add(Select(better, x, acc)))
        self.assign(counter, self.add(IntOp("add", counter, Integer(1, I64))))
        self.add(Goto(head))
        self.activate(end)
        return acc  # type: ignore[no-any-return]

    # ----- for loops and text -----------------------------------------------------------
    def list_text(self, node: ast.AST, v: Value, t: T.Type) -> Value:
        """repr() of a list or tuple (print writes it too), as a new str."""
        from .tuples import text_ok
        if not text_ok(t, [lay.cls for lay in self.layouts.values()]):
            # An instance's repr needs its class's __repr__ in the TypeInfo.
            raise self.not_yet(node, f"the text of a {t}")
        raw = self.add(Call(self.list_fn("obj_repr_new"), [self.as_u64(v)]))
        return self.as_object(raw, T.STR)
