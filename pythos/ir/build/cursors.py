"""Cursors: the ways of walking an iterable (issue 11).

A cursor is one pass over an iterable, built into the three blocks of
`FunctionBuilder.loop` by the iteration protocol (iterate.py, whose
docstring describes the protocol and the ownership rule): `more()` in
the loop's head, `item()` at the top of its body, `step()` in its step
block, and `discard()` for an item fetched but not taken.  There is one
class per way of walking; `enumerate` and `zip` are made of the cursors
of their arguments.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from ... import types as T
from ...symbols import FuncSym
from ...types import BOOL, I64, U64, DictType, SetType, TupleType
from ..ops import (
    Call,
    Cast,
    Compare,
    ElementAddr,
    Integer,
    IntOp,
    KeepAlive,
    Load,
    Select,
    Value,
    holds_reference,
)
from .errors import checked_call, runtime_call

if TYPE_CHECKING:
    from . import FunctionBuilder

ERR_VALUE = 3  # ValueError (pythos/rt/obj/object.py)


class Parts:
    """The items of a tuple not built (yet): values or further Parts."""

    def __init__(self, node: ast.AST, items: list[Item], type: TupleType) -> None:
        self.node = node
        self.items = items
        self.type = type


Item = Value | Parts


# ----- cursors ---------------------------------------------------------------------------
class Cursor:
    """One pass over an iterable (see the module docstring)."""

    def __init__(self, b: FunctionBuilder, element: T.Type) -> None:
        self.b = b
        # A Generator[None, ...] gives the value None each time.
        self.element = T.NONE_VALUE if element is T.NONE else element

    def more(self) -> Value:
        raise NotImplementedError

    def item(self) -> Item:
        raise NotImplementedError

    def step(self) -> None:
        pass

    def discard(self) -> None:
        """Release an item `more()` fetched that the loop will not take."""


class IndexCursor(Cursor):
    """A list or tuple: an index from 0, the length read afresh at each
    step, as CPython's list iterator does (a list may grow in the loop);
    `reversed` walks down from the end, and stops if the list has shrunk
    below the index."""

    def __init__(self, b: FunctionBuilder, seq: Value, element: T.Type, kind: str,
                 backwards: bool = False) -> None:
        super().__init__(b, element)
        self.seq = seq
        self.kind = kind
        self.backwards = backwards
        self.index = b.hidden("for.index", I64)
        b.assign(self.index, b.add(IntOp("sub", self.length(), Integer(1, I64)))
                 if backwards else Integer(0, I64))

    def length(self) -> Value:
        b = self.b
        if self.kind == "list":
            return b.add(Call(b.list_fn("list_len"), [self.seq]))  # type: ignore[no-any-return]
        return b.tuple_len_of(self.seq)

    def more(self) -> Value:
        b = self.b
        inside = b.add(Compare("slt", self.index, self.length()))
        if not self.backwards:
            return inside  # type: ignore[no-any-return]
        ok = b.add(Compare("sge", self.index, Integer(0, I64)))
        return b.add(IntOp("and", ok, inside))  # type: ignore[no-any-return]

    def item(self) -> Item:
        b = self.b
        fn = b.list_fn("list_item") if self.kind == "list" else b.tuple_fn("tuple_item")
        raw = b.add(Call(fn, [self.seq, self.index]))
        return b.from_slot(raw, self.element, borrowed=True)

    def step(self) -> None:
        b = self.b
        b.assign(self.index, b.add(IntOp("sub" if self.backwards else "add", self.index,
                                         Integer(1, I64))))


class DisplayCursor(Cursor):
    """`for x in (a, b, c)`: a loop over a tuple display walks the items
    themselves, and no tuple is made.  Every item is evaluated before the
    loop, left to right, as CPython evaluates the display; an item that is
    itself a display of the element's tuple type (`for x, y in ((1, 2),
    (3, 4))`) stays `Parts`, so unpacking it makes no tuple either.  The
    body picks the current item's values by the index (a `select` per
    value), taking a reference of its own to an object, as a list's
    cursor does; the values themselves live until the loop ends.
    `display_leaves` says which displays qualify."""

    def __init__(self, b: FunctionBuilder, node: ast.Tuple, element: T.Type) -> None:
        super().__init__(b, element)
        self.items = [self.evaluate(e, element) for e in node.elts]
        self.index = b.hidden("for.index", I64)
        b.assign(self.index, Integer(0, I64))

    def evaluate(self, e: ast.expr, t: T.Type) -> Item:
        b = self.b
        if isinstance(t, TupleType) and is_display(e, t):
            assert isinstance(e, ast.Tuple)
            return Parts(e, [self.evaluate(sub, st) for sub, st in zip(e.elts, t.elements,
                                                                      strict=True)], t)
        return b.kept(b.expr(e), "for.display")

    def more(self) -> Value:
        return self.b.add(Compare("slt", self.index,  # type: ignore[no-any-return]
                                  Integer(len(self.items), I64)))

    def item(self) -> Item:
        return self.pick(self.items, self.element)

    def pick(self, items: list[Item], t: T.Type) -> Item:
        """The current one of `items` (values of type `t`, or Parts)."""
        b = self.b
        if isinstance(items[0], Parts):
            assert isinstance(t, TupleType)
            parts = [p for p in items if isinstance(p, Parts)]
            return Parts(parts[0].node, [self.pick([p.items[k] for p in parts], st)
                                         for k, st in enumerate(t.elements)], t)
        values = [v for v in items if isinstance(v, Value)]
        counted = holds_reference(t, True)
        # An object is picked as its address, uncounted, and then given
        # a reference of its own (from_slot), like a list's item.
        slots = [b.add(Cast("object", v, U64)) if counted else v for v in values]
        picked = slots[0]
        for k in range(1, len(slots)):
            at = b.add(Compare("eq", self.index, Integer(k, I64)))
            picked = b.add(Select(at, slots[k], picked))
        return b.from_slot(picked, t, borrowed=True) if counted else picked

    def step(self) -> None:
        b = self.b
        b.assign(self.index, b.add(IntOp("add", self.index, Integer(1, I64))))


# The most items a display loop picks from by `select` (each value costs
# a select per item in the body); a longer display is made a tuple.
DISPLAY_ITEMS = 8


def is_display(e: ast.expr, t: T.Type) -> bool:
    """Whether `e` is a tuple display of exactly the type `t`, without a
    starred item."""
    return isinstance(e, ast.Tuple) and getattr(e, "ty", None) == t and \
        not any(isinstance(x, ast.Starred) for x in e.elts)


def display_leaves(t: T.Type) -> bool:
    """Whether every value a `DisplayCursor` over items of type `t` picks
    is an integer, a bool or an object address: values a `select` can
    choose between (a bytes value is three words, None no value)."""
    if isinstance(t, TupleType):
        return all(display_leaves(e) for e in t.elements)
    if isinstance(t, T.IntType) or t is BOOL:
        return True
    return holds_reference(t, True) and t is not T.BYTES and not (
        isinstance(t, T.OptionalType) and not T.is_object(t.inner))


class RangeCursor(Cursor):
    """`range(...)` inside `enumerate`, `zip` or a consumer: an i64 from
    `start` by `step` (checked not to be zero, as CPython does).  A plain
    `for i in range(...)` keeps its own, faster loop (`for_range`)."""

    def __init__(self, b: FunctionBuilder, node: ast.Call) -> None:
        super().__init__(b, I64)
        args = [b.kept(b.extend64(b.expr(a), a.ty)  # type: ignore[attr-defined]
                       if isinstance(getattr(a, "ty", None), T.IntType) else b.expr(a),
                       "range.bound") for a in node.args]
        start, stop, step = (Integer(0, I64), args[0], Integer(1, I64)) if len(args) == 1 \
            else (args[0], args[1], args[2] if len(args) == 3 else Integer(1, I64))
        self.stop, self.stride = stop, step
        if not isinstance(step, Integer):
            zero = b.add(Compare("eq", step, Integer(0, I64)))
            b.check(b.add(IntOp("xor", zero, Integer(1, BOOL))),
                    lambda: b.fail(node, ERR_VALUE, "range() arg 3 must not be zero"))
        self.value = b.hidden("range.value", I64)
        b.assign(self.value, start)

    def more(self) -> Value:
        b = self.b
        if isinstance(self.stride, Integer):
            return b.add(Compare("slt" if self.stride.value > 0 else "sgt",  # type: ignore
                                 self.value, self.stop))
        up = b.add(IntOp("and", b.add(Compare("sgt", self.stride, Integer(0, I64))),
                         b.add(Compare("slt", self.value, self.stop))))
        down = b.add(IntOp("and", b.add(Compare("slt", self.stride, Integer(0, I64))),
                           b.add(Compare("sgt", self.value, self.stop))))
        return b.add(IntOp("or", up, down))  # type: ignore[no-any-return]

    def item(self) -> Item:
        return self.value

    def step(self) -> None:
        # The last step may pass `stop`; it wraps only for a range that
        # ends within `step` of the i64 limit, as the counted loop notes.
        b = self.b
        b.assign(self.value, b.add(IntOp("add", self.value, self.stride)))


class StrCursor(Cursor):
    """`for c in s`: one pass over the UTF-8 text, by byte offset
    (`str_char_at` makes the one-character str, `str_next_offset` steps
    past it), so non-ASCII text costs no index search."""

    def __init__(self, b: FunctionBuilder, text: Value, backwards: bool = False) -> None:
        super().__init__(b, T.STR)
        self.text = text
        self.backwards = backwards
        self.nbytes = runtime_call(b, b.str_fn("str_nbytes"), [text])
        self.offset = b.hidden("for.offset", U64)
        b.assign(self.offset, self.nbytes if backwards else Integer(0, U64))

    def more(self) -> Value:
        if self.backwards:
            return self.b.add(Compare("ugt", self.offset, Integer(0, U64)))  # type: ignore
        return self.b.add(Compare("ult", self.offset, self.nbytes))  # type: ignore

    def item(self) -> Item:
        b = self.b
        if self.backwards:
            # `reversed(s)`: step back to the previous character first.
            b.assign(self.offset, runtime_call(b, b.iterator_fn("str_prev_offset"),
                                               [self.text, self.offset]))
        return runtime_call(b, b.str_fn("str_char_at"), [self.text, self.offset], T.STR)

    def step(self) -> None:
        if self.backwards:
            return
        b = self.b
        b.assign(self.offset, runtime_call(b, b.str_fn("str_next_offset"),
                                           [self.text, self.offset]))


class BytesCursor(Cursor):
    """`bytes` or an `Array` of integers: an index into its memory."""

    def __init__(self, b: FunctionBuilder, data: Value, length: Value,
                 element: T.Type, array: T.ArrayType | None, owner: Value | None = None) -> None:
        super().__init__(b, element)
        self.data, self.length, self.array = data, length, array
        self.owner = owner  # a bytes value, kept alive by a use in each step
        self.index = b.hidden("for.index", I64)
        b.assign(self.index, Integer(0, I64))

    def more(self) -> Value:
        return self.b.add(Compare("ult", self.index, self.length))  # type: ignore

    def item(self) -> Item:
        b = self.b
        p = b.add(ElementAddr(self.data, self.index, self.element, self.array, inbounds=False))
        item = b.add(Load(p, self.element))
        if self.owner is not None:
            b.add(KeepAlive(self.owner))
        return item  # type: ignore[no-any-return]

    def step(self) -> None:
        b = self.b
        b.assign(self.index, b.add(IntOp("add", self.index, Integer(1, I64))))


class MapCursor(Cursor):
    """A dict (its keys, values or items) or a set: the runtime's own
    iterator state on the stack; `dict_next`/`set_next` write the next
    key and value into two out slots as new references (and stop with
    RuntimeError if the size changed, as CPython does)."""

    def __init__(self, b: FunctionBuilder, node: ast.expr, container: Value, t: T.Type,
                 what: str) -> None:
        element: T.Type
        if isinstance(t, SetType):
            element = t.element
        else:
            assert isinstance(t, DictType)
            element = {"keys": t.key, "values": t.value,
                       "items": TupleType((t.key, t.value))}[what]
        super().__init__(b, element)
        self.node, self.container, self.t, self.what = node, container, t, what
        is_set = isinstance(t, SetType)
        from .dicts import DICT_RT, SET_RT
        state_t = b.checker.scopes[SET_RT if is_set else DICT_RT][
            "SetIter" if is_set else "DictIter"].type
        self.state = b.hidden("for.state", state_t, "owner")
        self.outs = b.hidden("for.outs", T.ArrayType(U64, 2), "owner")
        self.it_addr = b.add(Cast("ptrtoint", self.state, U64))
        self.key_out = b.out_slot(self.outs, 0) if what in ("keys", "items") \
            else Integer(0, U64)
        self.value_out = b.out_slot(self.outs, 1) if what in ("values", "items") \
            else Integer(0, U64)
        b.map_call(node, "set_iter_start" if is_set else "dict_iter_start",
                   [container, self.it_addr])

    def more(self) -> Value:
        b = self.b
        if isinstance(self.t, SetType):
            return b.map_call(self.node, "set_next", [self.container, self.it_addr,
                                                      self.key_out], True)
        return b.map_call(self.node, "dict_next", [self.container, self.it_addr,
                                                   self.key_out, self.value_out], True)

    def item(self) -> Item:
        b = self.b
        if isinstance(self.t, SetType):
            return b.read_out(self.outs, 0, self.t.element)
        if self.what == "items":
            tt = self.element
            assert isinstance(tt, TupleType)
            return Parts(self.node, [b.read_out(self.outs, 0, self.t.key),
                          b.read_out(self.outs, 1, self.t.value)], tt)
        if self.what == "keys":
            return b.read_out(self.outs, 0, self.t.key)
        return b.read_out(self.outs, 1, self.t.value)

    def discard(self) -> None:
        self.item()  # owned values nobody uses: the count pass drops them


class EnumerateCursor(Cursor):
    """`enumerate(xs, start)`: a count beside the items of `xs`."""

    def __init__(self, b: FunctionBuilder, node: ast.AST, inner: Cursor, start: Value) -> None:
        super().__init__(b, TupleType((I64, inner.element)))
        self.node, self.inner = node, inner
        self.count = b.hidden("enumerate.count", I64)
        b.assign(self.count, start)

    def more(self) -> Value:
        return self.inner.more()

    def item(self) -> Item:
        assert isinstance(self.element, TupleType)
        return Parts(self.node, [self.count, self.inner.item()], self.element)

    def step(self) -> None:
        b = self.b
        self.inner.step()
        b.assign(self.count, b.add(IntOp("add", self.count, Integer(1, I64))))

    def discard(self) -> None:
        self.inner.discard()


class ZipCursor(Cursor):
    """`zip(a, b, ...)`: the next item of each, in order; the first that
    has ended ends the loop, and the later ones are not asked (CPython
    calls no further `__next__`), while the items the earlier ones gave
    are released."""

    def __init__(self, b: FunctionBuilder, node: ast.AST, inner: list[Cursor]) -> None:
        super().__init__(b, TupleType(tuple(c.element for c in inner)))
        self.node, self.inner = node, inner

    def more(self) -> Value:
        b = self.b
        if len(self.inner) == 1:
            return self.inner[0].more()
        ok = b.hidden("zip.more", BOOL)
        done = b.new_block("zip.done")
        for k, cursor in enumerate(self.inner):
            got = cursor.more()
            next_block = b.new_block("zip.next")
            ended = b.new_block("zip.ended")
            b.branch(got, next_block, ended)
            b.activate(ended)
            for earlier in self.inner[:k]:
                earlier.discard()
            b.assign(ok, Integer(0, BOOL))
            b.goto(done)
            b.activate(next_block)
        b.assign(ok, Integer(1, BOOL))
        b.goto(done)
        b.activate(done)
        return ok

    def item(self) -> Item:
        assert isinstance(self.element, TupleType)
        return Parts(self.node, [c.item() for c in self.inner], self.element)

    def step(self) -> None:
        for c in self.inner:
            c.step()

    def discard(self) -> None:
        for c in self.inner:
            c.discard()


class NextCursor(Cursor):
    """An iterator class: `__iter__` once, then `__next__` for each item.
    The result of `__next__` is kept raw (a u64, uncounted) from the head
    to the body, where it becomes the owned item."""

    def __init__(self, b: FunctionBuilder, node: ast.expr, iterator: Value,
                 next_fn: FuncSym) -> None:
        super().__init__(b, next_fn.result)
        self.node, self.iterator, self.next_fn = node, iterator, next_fn
        self.raw = b.hidden("next.raw", U64)

    def more(self) -> Value:
        b = self.b
        raw = b.call_next(self.node, self.iterator, self.next_fn)
        b.assign(self.raw, raw if raw.type == U64 else b.to_slot(raw, raw.type))
        failed = b.add(Call(b.object_runtime["obj_failed"], []))
        got = b.new_block("next.got")
        stopped = b.new_block("next.failed")
        b.branch(failed, stopped, got, likely=False)
        b.activate(stopped)
        b.stop_unless_stop_iteration(self.node)
        ended = b.new_block("next.end")
        b.goto(ended)
        b.activate(got)
        join = b.new_block("next.join")
        ok = b.hidden("next.more", BOOL)
        b.assign(ok, Integer(1, BOOL))
        b.goto(join)
        b.activate(ended)
        b.assign(ok, Integer(0, BOOL))
        b.goto(join)
        b.activate(join)
        return ok

    def item(self) -> Item:
        return self.b.raw_result(self.node, self.raw, self.element)

    def discard(self) -> None:
        self.item()


class ObjectCursor(Cursor):
    """An iterator object (pythos/rt/obj/iterator.py), made by `iter()`
    or returned by a class's `__iter__`: `iter_next` writes each item to
    an out slot as a new reference, read in the body."""

    def __init__(self, b: FunctionBuilder, node: ast.expr, iterator: Value,
                 element: T.Type, iterator_type: T.Type | None = None) -> None:
        super().__init__(b, element)
        self.node, self.iterator = node, iterator
        self.outs = b.hidden("next.out", T.ArrayType(U64, 2), "owner")
        self.out = b.out_slot(self.outs, 0)
        # A generator by its static type is resumed by `gen_resume`, which
        # is inlined (the test of its state and the call of its resume
        # function), not by `iter_next`'s dispatch on the iterator's kind.
        self.generator = type(iterator_type) is T.GeneratorType

    def more(self) -> Value:
        b = self.b
        if self.generator:
            return checked_call(b, self.node, b.generator_fn("gen_resume"),
                                [self.iterator, Integer(0, U64), self.out])
        return checked_call(b, self.node, b.iterator_fn("iter_next"), [self.iterator, self.out])

    def item(self) -> Item:
        return self.b.read_out(self.outs, 0, self.element)

    def discard(self) -> None:
        self.item()
