"""Building tuples (a mixin of `build.FunctionBuilder`), issue 11.

A tuple is a fixed number of 8-byte slots after its header
(pythos/rt/obj/tuple.py).  Its constant TypeInfo lists the item kind of
each slot (`ContainerTypeInfo` with `fields`), so that the runtime knows
which slots hold references: `tuple[int, str]` has an integer slot and an
object slot.  A display is `tuple_new` and one `tuple_init_item` per
item.  A tuple type's length is fixed, so indexing with an integer
literal in range (the checker requires a constant for a tuple of mixed
types) and unpacking cannot fail: they are `tuple_item_ref`, which LLVM
inlines, and take their own reference to an object.  Any other index is
`tuple_get`, checked like a list's.  The
values cross the interface as slots, converted by `ListBuilder.to_slot`
and `from_slot`.

A `tuple[T, ...]` (`VarTupleType`) is the same object with a TypeInfo
that names one item kind, `item`, for every slot: its length is known
only at run time, so every index is checked (`tuple_get`) and unpacking
is refused.  A fixed tuple stored where one is wanted is copied into a
new tuple of that type (`tuple_from`), since their slots may differ.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

from ... import types as T
from ...diagnostics import CompileError
from ...symbols import FuncSym, GlobalSym
from ...types import BOOL, I64, NONE, U64, IntType, ListType, PtrType, TupleType, VarTupleType
from ..ops import (
    Call,
    Cast,
    Compare,
    ContainerTypeInfo,
    ElementAddr,
    Integer,
    IntOp,
    KeepAlive,
    Load,
    Store,
    StrConst,
    TupleConst,
    Value,
)
from .errors import checked_call
from .lists import ITEM_OPT, item_kind

TUPLE_RT = "pythos.rt.obj.tuple"
KIND_TUPLE = 3
TUPLE_ITEMS_WORD = 3  # TupleObject: refcnt, type, length, then the slots


def int_slots(t: T.Type) -> bool:
    """Whether `t` is a fixed tuple type whose every item is an integer or
    a bool: its slots are read, written and compared inline, without the
    runtime's look at each slot's kind (which the type already says)."""
    return isinstance(t, TupleType) and bool(t.elements) and all(
        isinstance(e, IntType) or e is BOOL for e in t.elements)


def constant_index(e: ast.expr) -> int | None:
    """The value of an index written as an integer literal (`t[1]`,
    `t[-1]`), else None."""
    if isinstance(e, ast.UnaryOp) and isinstance(e.op, ast.USub):
        inner = constant_index(e.operand)
        return None if inner is None else -inner
    if isinstance(e, ast.Constant) and type(e.value) is int:
        return e.value
    return None


class TupleBuilder:
    """Mixed into `build.FunctionBuilder`, before ObjectBuilder."""

    checker: Any
    module: Any
    # The static tuples made so far, by module, type and slots (shared by
    # the program's builders, as `strings` is).
    tuples: dict[Any, TupleConst]

    if TYPE_CHECKING:
        def add(self, op: Any) -> Any: ...
        def expr(self, node: ast.expr) -> Value: ...
        def not_yet(self, node: ast.AST, what: str) -> CompileError: ...
        def kept(self, v: Value, name: str) -> Value: ...
        def store_value(self, target: ast.expr, v: Value) -> None: ...
        def to_slot(self, v: Value, t: T.Type) -> Value: ...
        def from_slot(self, slot: Value, t: T.Type, borrowed: bool) -> Value: ...
        def as_object(self, raw: Value, t: T.Type) -> Value: ...
        def slice_args(self, s: ast.Slice) -> list[Value]: ...
        def coerce(self, v: Value, target: T.Type) -> Value: ...
        def string(self, data: bytes, t: T.Type) -> StrConst: ...

    def tuple_fn(self, name: str) -> FuncSym:
        sym = self.checker.scopes[TUPLE_RT][name]
        assert isinstance(sym, FuncSym), name
        return sym

    def tuple_type(self, node: ast.AST, t: T.Type) -> TupleType | VarTupleType:
        assert isinstance(t, (TupleType, VarTupleType))
        for e in t.elements if isinstance(t, TupleType) else (t.element,):
            if item_kind(e) is None:
                raise self.not_yet(node, f"tuples with a {e} item")
        return t

    def tuple_info(self, t: TupleType | VarTupleType) -> Value:
        """A fixed tuple's TypeInfo has a kind per slot (`fields`); a
        `tuple[T, ...]`'s has one, `item`, for every slot."""
        if isinstance(t, VarTupleType):
            return self.add(ContainerTypeInfo(  # type: ignore[no-any-return]
                t, item_kind(t.element) or 0, KIND_TUPLE))
        kinds = tuple(item_kind(e) or 0 for e in t.elements)
        return self.add(ContainerTypeInfo(t, 0, KIND_TUPLE, kinds))  # type: ignore[no-any-return]

    # ----- displays, indexing, unpacking ------------------------------------------------
    def expr_Tuple(self, node: ast.Tuple) -> Value:
        tt = self.tuple_type(node, node.ty)  # type: ignore[attr-defined]
        const = self.tuple_constant(node, tt)
        if const is not None:
            return const
        items = [self.expr(e) for e in node.elts]
        types = tt.elements if isinstance(tt, TupleType) else (tt.element,) * len(items)
        return self.tuple_of(tt, items, types)

    def tuple_constant(self, node: ast.Tuple, tt: T.Type) -> TupleConst | None:
        """The static tuple of a display of type `tt` whose items are all
        literals (integers, bools, None, strs, such tuples), as CPython
        makes it a constant of the code; None for any other display.  One
        object serves every equal display of the same type in a module
        (CPython's compiler merges a module's equal constants too)."""
        if not isinstance(tt, TupleType) or len(tt.elements) != len(node.elts) \
                or not node.elts:
            return None
        slots = []
        for e, et in zip(node.elts, tt.elements, strict=True):
            slot = self.constant_slot(e, et)
            if slot is None:
                return None
            slots.append(slot)
        kinds = tuple(item_kind(e) or 0 for e in tt.elements)
        key = (self.module.name, tt, tuple(s if isinstance(s, int) else id(s) for s in slots))
        const = self.tuples.get(key)
        if const is None:
            const = self.tuples[key] = TupleConst(tuple(slots), kinds, tt)
        return const

    def constant_slot(self, e: ast.expr, t: T.Type) -> int | StrConst | TupleConst | GlobalSym \
            | None:
        """The slot of a tuple item of type `t` written as the literal
        `e`, or None if it is not a literal this slot holds as it is."""
        if isinstance(e, ast.Tuple):
            if not e.elts and t == TupleType(()):
                empty = self.checker.scopes[TUPLE_RT]["EMPTY_TUPLE"]
                assert isinstance(empty, GlobalSym)
                return empty  # the one empty tuple
            return self.tuple_constant(e, t)
        if isinstance(e, ast.Constant):
            value = e.value
        elif isinstance(e, ast.UnaryOp) and constant_index(e) is not None:
            value = constant_index(e)  # -1
        else:
            return None
        if isinstance(t, T.OptionalType) and t.inner is T.STR:
            t = T.STR if isinstance(value, str) else T.NONE
        if t is BOOL and type(value) is bool:
            return int(value)
        if isinstance(t, IntType) and type(value) is int:
            low, high = (-(1 << t.bits - 1), 1 << t.bits - 1) if t.signed else (0, 1 << t.bits)
            return value & (1 << 64) - 1 if low <= value < high else None
        if t in (NONE, T.NONE_VALUE) and value is None:
            return 0
        if t is T.STR and type(value) is str:
            return self.string(value.encode("utf-8"), T.STR)
        return None

    def tuple_of(self, tt: TupleType | VarTupleType, items: list[Value],
                 types: tuple[T.Type, ...]) -> Value:
        """A new tuple of type `tt` holding `items`, each of its type in
        `types`, converted to its slot (boxed, where `tt` wants objects)."""
        raw = self.add(Call(self.tuple_fn("tuple_new"),
                            [self.tuple_info(tt), Integer(len(items), I64)]))
        t = self.as_object(raw, tt)
        for i, (v, et) in enumerate(zip(items, types, strict=True)):
            if isinstance(tt, TupleType) and int_slots(tt) and et == tt.elements[i]:
                # An integer slot of a new tuple: a store (tuple_init_item
                # would ask the TypeInfo whether the item is an object).
                self.add(Store(self.slot_addr(t, i), self.slot_u64(self.to_slot(v, et))))
                self.add(KeepAlive(t))
                continue
            self.add(Call(self.tuple_fn("tuple_init_item"),
                          [t, Integer(i, I64), self.to_slot(v, et)]))
        return t

    def slot_u64(self, v: Value) -> Value:
        """An integer slot value (an i64 or a u64) as the u64 a slot holds."""
        return v if v.type == U64 else self.add(Cast("bitcast", v, U64))

    def item_ref(self, t: Value, i: int, tt: TupleType) -> Value:
        """Item `i` of the tuple `t` of type `tt`, owned: an integer is a
        load of its slot, anything else `tuple_item_ref` (inlined), which
        gives an object its own reference."""
        et = tt.elements[i]
        if isinstance(et, IntType) or et is BOOL:
            raw = self.int_slot(t, i)
            self.add(KeepAlive(t))
            return self.from_slot(raw, et, borrowed=False)
        raw = self.add(Call(self.tuple_fn("tuple_item_ref"), [t, Integer(i, I64)]))
        return self.from_slot(raw, et, borrowed=False)

    def slot_addr(self, t: Value, i: int) -> Value:
        """The address of slot `i` of the tuple `t`.  The builder's caller
        puts a use of `t` (a KeepAlive) after the access: the address is a
        plain integer the count pass does not follow."""
        words = self.add(Cast("inttoptr", self.add(Cast("object", t, U64)), PtrType(U64)))
        return self.add(ElementAddr(  # type: ignore[no-any-return]
            words, Integer(TUPLE_ITEMS_WORD + i, I64), U64, None, inbounds=True))

    def int_slot(self, t: Value, i: int) -> Value:
        """Slot `i` of `t`, an integer slot, as the 64-bit value stored
        (sign- or zero-extended as the item's type is)."""
        return self.add(Load(self.slot_addr(t, i), U64))  # type: ignore[no-any-return]

    def tuple_from(self, v: Value, target: TupleType | VarTupleType) -> Value:
        """A fixed tuple where a tuple of another type is wanted: a
        `tuple[T, ...]` (mypy accepts `t: tuple[object, ...] = pair`), or
        a fixed tuple whose slots differ (`optional.slots_differ`: an
        `(int, str)` where a `tuple[int | None, str]` is wanted).  A new
        tuple of the target's type with the same items, each converted to
        the target's item type: the slots of the two types differ (an
        `int` slot holds the integer, an `object` slot a box), so the
        items cannot simply be shared."""
        tt = v.type
        assert isinstance(tt, TupleType)
        self.tuple_type(v, tt)  # type: ignore[arg-type]
        self.tuple_type(v, target)  # type: ignore[arg-type]
        v = self.kept(v, "tuple.convert")
        items = []
        for i, et in enumerate(tt.elements):
            raw = self.add(Call(self.tuple_fn("tuple_item_ref"), [v, Integer(i, I64)]))
            items.append(self.from_slot(raw, et, borrowed=False))
        wanted = target.elements if isinstance(target, TupleType) \
            else (target.element,) * len(items)
        return self.tuple_of(target, items, wanted)

    def tuple_call(self, node: ast.Call) -> Value:
        """`tuple(seq)` of a list or a tuple (check/calls.py): the runtime
        copies the slots (a list's items widened to 8 bytes), or gives a
        tuple of the same type back, as CPython does."""
        tt = self.tuple_type(node, node.ty)  # type: ignore[attr-defined]
        via: ListType | None = getattr(node, "via_list", None)
        seq = self.expr(node.args[0]) if via is None else \
            self.list_of(node, node.args[0], via)  # type: ignore[attr-defined]
        raw = self.add(Call(self.tuple_fn("tuple_from_seq"), [self.tuple_info(tt), seq]))
        return self.as_object(raw, tt)

    def tuple_getitem(self, node: ast.Subscript) -> Value:
        vt = self.tuple_type(node, node.value.ty)  # type: ignore[attr-defined]
        if isinstance(node.slice, ast.Slice):
            # The bounds are constants (the result's type depends on them);
            # the runtime applies them as a list's slice does.
            t = self.expr(node.value)
            raw = checked_call(self, node, self.tuple_fn("tuple_slice"),
                               [self.tuple_info(node.ty), t,  # type: ignore[attr-defined]
                                *self.slice_args(node.slice)])
            return self.as_object(raw, node.ty)  # type: ignore[attr-defined]
        t = self.expr(node.value)
        if isinstance(vt, VarTupleType):
            # A length known only at run time: every index is checked.
            b: Any = self
            raw = checked_call(self, node, self.tuple_fn("tuple_get"),
                               [t, b.index64(node.slice)])
            return self.from_slot(raw, vt.element, borrowed=False)
        const = constant_index(node.slice)
        n = len(vt.elements)
        if const is not None and -n <= const < n:
            # A tuple type's length is fixed: this index cannot fail.
            return self.item_ref(t, const % n, vt)
        index = self.expr(node.slice)
        it = node.slice.ty  # type: ignore[attr-defined]
        if isinstance(it, IntType) and it.bits < 64:
            raise self.not_yet(node, f"tuple indexes of type {it}")
        raw = checked_call(self, node, self.tuple_fn("tuple_get"), [t, index])
        return self.from_slot(raw, node.ty, borrowed=False)  # type: ignore[attr-defined]

    def unpack(self, target: ast.Tuple | ast.List, v: Value, t: T.Type) -> None:
        """`a, b = t`: every item first, then the targets from left to right."""
        star = next((i for i, e in enumerate(target.elts) if isinstance(e, ast.Starred)),
                    None)
        if isinstance(t, T.ListType):
            if star is None:
                self.unpack_list(target, v, t)
            else:
                self.unpack_list_starred(target, v, t, star)
            return
        if not isinstance(t, TupleType):
            raise self.not_yet(target, f"unpacking a {t}")
        self.tuple_type(target, t)
        v = self.kept(v, "unpack.tuple")
        values = []
        for i in range(len(t.elements)):
            # Each item gets its own reference, so the tuple (a temporary,
            # `a, b = f()`) may be released right after its last item is
            # read; an index within the tuple's type never fails.
            values.append(self.kept(self.item_ref(v, i, t), "unpack"))
        if star is not None:
            # The starred name's list holds the items the others leave.
            after = len(target.elts) - star - 1
            middle = values[star:len(values) - after]
            lt: T.ListType = target.elts[star].ty  # type: ignore[attr-defined]
            b: Any = self
            ti = self.add(ContainerTypeInfo(lt, item_kind(lt.element) or 0))
            rest = self.kept(self.as_object(self.add(Call(b.list_fn("list_new"), [
                ti, Integer(0, I64)])), lt), "unpack.starred")
            for item in middle:
                checked_call(self, target, b.list_fn("list_append"),
                             [rest, self.to_slot(item, lt.element)])
            values = [*values[:star], rest, *values[len(values) - after:]]
        for sub, item in zip(target.elts, values, strict=True):
            self.store_value(sub.value if isinstance(sub, ast.Starred) else sub, item)

    def unpack_list_starred(self, target: ast.Tuple | ast.List, v: Value, t: T.ListType,
                            star: int) -> None:
        """`a, *rest, z = xs`: at least as many items as the other names
        (else CPython's ValueError, before anything is assigned), the items
        before and after the starred name, and a new list of those between."""
        if item_kind(t.element) is None:
            raise self.not_yet(target, f"unpacking a {t}")
        v = self.kept(v, "unpack.list")
        b: Any = self
        n = len(target.elts)
        after = n - star - 1
        checked_call(b, target, b.list_fn("list_unpack_at_least"),
                     [b.as_u64(v), Integer(n - 1, I64)])
        length = self.kept(self.add(Call(b.list_fn("list_len"), [b.as_u64(v)])), "unpack.len")
        end = self.kept(self.add(IntOp("sub", length, Integer(after, I64))), "unpack.end")
        values: list[Value] = []
        for i in range(n):
            if i == star:
                raw = checked_call(b, target, b.list_fn("list_slice"), [
                    v, Integer(star, I64), end, Integer(1, I64), Integer(1, BOOL),
                    Integer(1, BOOL)])
                values.append(self.kept(self.as_object(raw, t), "unpack.starred"))
                continue
            index: Value = Integer(i, I64) if i < star else self.add(
                IntOp("add", end, Integer(i - star - 1, I64)))
            raw = self.add(Call(b.list_fn("list_get"), [b.as_u64(v), index]))
            values.append(self.kept(self.from_slot(raw, t.element, borrowed=False), "unpack"))
        for sub, item in zip(target.elts, values, strict=True):
            self.store_value(sub.value if isinstance(sub, ast.Starred) else sub, item)

    def unpack_list(self, target: ast.Tuple | ast.List, v: Value, t: T.ListType) -> None:
        """`a, b = xs`: exactly as many items as targets (else CPython's
        ValueError, before anything is assigned), each item taken with its
        own reference, then the targets from left to right."""
        if item_kind(t.element) is None:
            raise self.not_yet(target, f"unpacking a {t}")
        v = self.kept(v, "unpack.list")
        b: Any = self
        checked_call(b, target, b.list_fn("list_unpack_check"),
                     [b.as_u64(v), Integer(len(target.elts), I64)])
        values = []
        for i in range(len(target.elts)):
            # list_get gives the item its own reference (the list may be a
            # temporary, released after its last read); the index is known
            # to be in range after the check.
            raw = self.add(Call(b.list_fn("list_get"), [b.as_u64(v), Integer(i, I64)]))
            values.append(self.kept(self.from_slot(raw, t.element, borrowed=False), "unpack"))
        for sub, item in zip(target.elts, values, strict=True):
            self.store_value(sub, item)

    # ----- operators and methods --------------------------------------------------------
    def tuple_concat(self, node: ast.BinOp) -> Value:
        """`a + b`: a new tuple of the items of both (a itself when b is
        empty, as in CPython)."""
        tt = self.tuple_type(node, node.ty)  # type: ignore[attr-defined]
        a, c = self.expr(node.left), self.expr(node.right)
        raw = self.add(Call(self.tuple_fn("tuple_concat"), [self.tuple_info(tt), a, c]))
        return self.as_object(raw, tt)

    def tuple_repeat(self, node: ast.BinOp) -> Value:
        """`t * n` and `n * t` of a `tuple[T, ...]`: the references
        repeated (the tuple itself when n is 1, as in CPython)."""
        tt = self.tuple_type(node, node.ty)  # type: ignore[attr-defined]
        b: Any = self
        if isinstance(node.left.ty, VarTupleType):  # type: ignore[attr-defined]
            seq, times, count = self.expr(node.left), self.expr(node.right), node.right
        else:
            times, seq, count = self.expr(node.left), self.expr(node.right), node.left
        raw = checked_call(self, node, self.tuple_fn("tuple_repeat"),
                           [seq, b.widened(times, count)])
        return self.as_object(raw, tt)

    def tuple_method(self, node: ast.Call, name: str) -> Value:
        """`t.count(x)` and `t.index(x)` (ValueError if x is not there)."""
        assert isinstance(node.func, ast.Attribute)
        t = self.expr(node.func.value)
        arg = node.args[0]
        at = arg.ty  # type: ignore[attr-defined]
        value = self.expr(arg)
        tt = node.func.value.ty  # type: ignore[attr-defined]
        if isinstance(tt, VarTupleType) and item_kind(tt.element) == ITEM_OPT:
            value, at = self.coerce(value, tt.element), tt.element  # compared as objects
        kind = item_kind(at)
        if kind is None:
            raise self.not_yet(node, f"tuple.{name}() of a {at}")
        value = self.to_slot(value, at)
        if name == "count":
            return self.add(Call(self.tuple_fn("tuple_count"),  # type: ignore[no-any-return]
                                 [t, value, Integer(kind, T.U32)]))
        return checked_call(self, node, self.tuple_fn("tuple_index"),
                            [t, value, Integer(kind, T.U32), Integer(0, I64),
                             Integer((1 << 63) - 1, I64)])

    def tuple_compare(self, op: ast.cmpop, a: Value, c: Value) -> Value:
        if a.type == c.type and int_slots(a.type):
            return self.int_tuple_compare(op, a, c)
        if isinstance(op, (ast.Eq, ast.NotEq)):
            eq = self.add(Call(self.tuple_fn("tuple_eq"), [a, c]))
            return eq if isinstance(op, ast.Eq) else self.add(  # type: ignore[no-any-return]
                IntOp("xor", eq, Integer(1, BOOL)))
        name, first, second = {ast.Lt: ("tuple_lt", a, c), ast.LtE: ("tuple_le", a, c),
                               ast.Gt: ("tuple_lt", c, a),
                               ast.GtE: ("tuple_le", c, a)}[type(op)]
        return self.add(Call(self.tuple_fn(name), [first, second]))  # type: ignore

    def int_tuple_compare(self, op: ast.cmpop, a: Value, c: Value) -> Value:
        """`a < c` (and the rest) of two tuples of one type whose items
        are all integers, inline: the slots are loaded and compared as the
        runtime's tuple_lt would (the first unequal pair decides; equal
        tuples are `<=` but not `<`), with no branch.  Both tuples have
        the type's length, and each pair of slots is of one integer type,
        so a signed or unsigned compare of the stored 64 bits is exact."""
        tt = a.type
        assert isinstance(tt, TupleType)
        if isinstance(op, (ast.Gt, ast.GtE)):
            a, c = c, a
        xs = [self.int_slot(a, i) for i in range(len(tt.elements))]
        ys = [self.int_slot(c, i) for i in range(len(tt.elements))]
        self.add(KeepAlive(a))
        self.add(KeepAlive(c))
        if isinstance(op, (ast.Eq, ast.NotEq)):
            result: Value = Integer(1, BOOL)
            for x, y in zip(xs, ys, strict=True):
                result = self.add(IntOp("and", result, self.add(Compare("eq", x, y))))
            if isinstance(op, ast.NotEq):
                result = self.add(IntOp("xor", result, Integer(1, BOOL)))
            return result
        # From the last item back: (x < y) or (x == y and <the rest>).
        result = Integer(int(isinstance(op, (ast.LtE, ast.GtE))), BOOL)
        for x, y, et in reversed(list(zip(xs, ys, tt.elements, strict=True))):
            signed = isinstance(et, IntType) and et.signed
            less = self.add(Compare("slt" if signed else "ult", x, y))
            same = self.add(Compare("eq", x, y))
            result = self.add(IntOp("or", less, self.add(IntOp("and", same, result))))
        return result

    def tuple_len_of(self, v: Value) -> Value:
        return self.add(Call(self.tuple_fn("tuple_len"), [v]))  # type: ignore[no-any-return]

    def tuple_truth(self, v: Value) -> Value:
        return self.add(Compare("ne", self.tuple_len_of(v),  # type: ignore[no-any-return]
                                Integer(0, I64)))

    def tuple_contains_of(self, node: ast.AST, tt: TupleType | VarTupleType, op: ast.cmpop,
                          a: Value, c: Value, at: T.Type) -> Value:
        if isinstance(tt, VarTupleType) and item_kind(tt.element) == ITEM_OPT:
            # `x in args` of a tuple of objects: x as an object too (boxed),
            # so that the items are compared as objects.
            a, at = self.coerce(a, tt.element), tt.element
        kind = item_kind(at)
        elements = tt.elements if isinstance(tt, TupleType) else (tt.element,)
        if kind is None or not elements or any(
                e != at and not (isinstance(e, IntType) and isinstance(at, IntType))
                for e in elements):
            raise self.not_yet(node, f"'in' tests of a {at} in a {tt}")
        found = self.add(Call(self.tuple_fn("tuple_contains"),
                              [c, self.to_slot(a, at), Integer(kind, T.U32)]))
        if isinstance(op, ast.NotIn):
            return self.add(IntOp("xor", found, Integer(1, BOOL)))  # type: ignore
        return found  # type: ignore[no-any-return]


def text_ok(t: T.Type, classes: list[T.ClassType]) -> bool:
    """Whether repr() of a container of `t` needs nothing the compiler does
    not generate.  An instance's repr comes from its run-time class's
    TypeInfo: its `__repr__`, written by the program or generated for a
    dataclass (pythos/lower/special.py), else object.__repr__'s text with
    the instance's address (rt/obj/items.py, `default_repr`)."""
    if isinstance(t, (ListType, T.VarTupleType)):
        return text_ok(t.element, classes)
    if isinstance(t, TupleType):
        return all(text_ok(e, classes) for e in t.elements)
    if isinstance(t, (T.DictType)):
        return text_ok(t.key, classes) and text_ok(t.value, classes)
    if isinstance(t, T.SetType):
        return text_ok(t.element, classes)
    inner = t.inner if isinstance(t, T.OptionalType) else t
    if isinstance(inner, T.ClassType):
        return True
    # A function value's text is its kind's (rt/obj/func.py, `func_repr`).
    # An `object` prints by its run-time kind; an instance without a
    # __repr__ as CPython's `<module.C object at 0x...>` (items.py).
    return isinstance(inner, (IntType, T.CallableType)) or inner in (
        BOOL, T.STR, T.BYTES, NONE, T.NONE_VALUE, T.OBJECT)
