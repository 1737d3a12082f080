"""The iteration protocol (a mixin of `build.FunctionBuilder`), issue 11.

Every loop over an object, and every comprehension, is built here from
one abstraction: a *cursor* (cursors.py) over the iterable, evaluated once before the
loop, whose parts go into the blocks of `FunctionBuilder.loop`:

    head:  ok = cursor.more()       fetch the next item, if there is one
    body:  target = cursor.item()   the fetched item, as owned values
    step:  cursor.step()            move on (list index + 1, ...)

`more()` may fetch the item (a dict's `dict_next` writes it to out
slots, an iterator class's `__next__` returns it), but it leaves what it
fetched *uncounted* (raw slots), and only `item()`, at the top of the
body, turns it into owned values.  The count pass then sees each item
born in the body, where the target takes it over; nothing owned is ever
live on the loop's exit edge.  A cursor that fetched an item that is not
taken (the first iterator of a `zip` whose second one has ended) gives
it back with `discard()`.

A cursor's item is a `Value` or, for `enumerate`, `zip` and
`d.items()`, `Parts`: the tuple's items, not yet a tuple.  Binding
`for i, (a, b) in enumerate(zip(xs, ys))` then assigns the parts
directly, and no tuple is allocated; a tuple object is built only when a
plain name takes the whole item (`for pair in zip(xs, ys)`).

The entry points, for statements, comprehensions and consumers:

- `for_each(s)`: a `for` statement over any iterable the checker types;
- `cursor(node)`: a cursor over the iterable expression `node`
  (evaluated now), for a consumer's own loop;
- `each(node, body)`: run `body(item)` for every item of `node`, where
  `item` is a `Value` of the element type (a tuple when the element
  is one); `break`/`continue` of the loop machinery work in `body`.

Iterator classes: `__iter__` returns an instance whose `__next__` ends
the iteration with `raise StopIteration`, which records the error
StopIteration (`obj_raise`, as a failed runtime call does) and returns.
After each `__next__`, the cursor asks `obj_failed()`; on a failure,
`obj_stop_iteration()` clears a StopIteration and the loop ends; any
other error is reported as usual (issue 12 turns that into an exception
edge).
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ... import types as T
from ...diagnostics import CompileError
from ...symbols import FuncSym
from ...types import BOOL, I64, U64, ClassType, DictType, IteratorType, ListType, SetType, TupleType
from ..ops import (
    Call,
    Cast,
    Integer,
    IntOp,
    SlicePart,
    Value,
)
from .cursors import (
    DISPLAY_ITEMS,
    BytesCursor,
    Cursor,
    DisplayCursor,
    EnumerateCursor,
    IndexCursor,
    Item,
    MapCursor,
    NextCursor,
    ObjectCursor,
    Parts,
    RangeCursor,
    StrCursor,
    ZipCursor,
    display_leaves,
    is_display,
)

if TYPE_CHECKING:
    from . import FunctionBuilder

ERR_STOP_ITERATION = 10  # StopIteration (pythos/rt/obj/object.py)
ITERATOR_RT = "pythos.rt.obj.iterator"
# What an iterator object walks (ITER_* of pythos/rt/obj/iterator.py).
ITER_LIST, ITER_TUPLE, ITER_STR, ITER_DICT_KEYS, ITER_DICT_VALUES, ITER_SET = 1, 2, 3, 4, 5, 6
ITER_DICT_ITEMS, ITER_ENUMERATE, ITER_ZIP = 7, 8, 9
ITER_REVERSED_LIST, ITER_REVERSED_TUPLE, ITER_REVERSED_STR = 10, 11, 12


class BuilderStep(ast.stmt):
    """A statement of the builder's own, whose building is a callback: the
    body of a loop that `each` or a comprehension builds, so that their
    loops are made by the same code as a `for` statement's."""

    _fields = ()

    def __init__(self, build: Callable[[], None]) -> None:
        super().__init__()
        self.build = build


# ----- the builder -----------------------------------------------------------------------
class IterateBuilder:
    """Mixed into `build.FunctionBuilder`."""

    checker: Any
    object_runtime: dict[str, FuncSym]
    loops: list[Any]

    if TYPE_CHECKING:
        def add(self, op: Any) -> Any: ...
        def expr(self, node: ast.expr) -> Value: ...
        def not_yet(self, node: ast.AST, what: str) -> CompileError: ...
        def store_value(self, target: ast.expr, v: Value) -> None: ...
        def location(self, node: ast.AST) -> list[Value]: ...
        def string(self, data: bytes, t: T.Type) -> Any: ...

    def _b(self) -> FunctionBuilder:
        return self  # type: ignore[return-value]

    # ----- the entry points -----------------------------------------------------------
    def for_each(self, s: ast.For) -> None:
        """A `for` statement over any iterable (see the module docstring)."""
        b = self._b()
        cursor = self.cursor(s.iter)
        b.loop(s, cursor.more, lambda: self.bind_item(s.target, cursor.item()), cursor.step)

    def each(self, node: ast.expr, body: Callable[[Value], None]) -> None:
        """Run `body(item)` for every item of the iterable `node`."""
        b = self._b()
        cursor = self.cursor(node)
        holder: list[Value] = []
        step = BuilderStep(lambda: body(holder[0]))
        loop = ast.For(target=ast.Name("_"), iter=node, body=[step], orelse=[])
        ast.copy_location(step, node)
        ast.copy_location(loop, node)
        b.loop(loop, cursor.more, lambda: holder.append(self.item_value(cursor.item())),
               cursor.step)

    def stmt_BuilderStep(self, s: BuilderStep) -> None:
        s.build()

    def cursor(self, node: ast.expr) -> Cursor:
        """A cursor over the iterable `node`, evaluated now."""
        b = self._b()
        call = getattr(node, "call", None)
        if isinstance(node, ast.Call) and call == ("builtin", "range"):
            return RangeCursor(b, node)  # (typed by the checker's comprehension_range)
        t: T.Type = node.ty  # type: ignore[attr-defined]
        if isinstance(node, ast.Call) and isinstance(t, IteratorType) and call in (
                ("builtin", "enumerate"), ("builtin", "zip"), ("builtin", "reversed")):
            return self.builtin_cursor(node, call[1])
        if isinstance(t, IteratorType) and t.name.startswith("dict_") \
                and isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            d = node.func.value
            return MapCursor(b, node, b.kept(self.expr(d), "for.dict"),
                             d.ty, t.name.removeprefix("dict_"))  # type: ignore[attr-defined]
        if isinstance(t, IteratorType):
            # An iterator object: from iter(), or a function returning one.
            it = self.iterable_iterator(self.expr(node), t)
            return ObjectCursor(b, node, b.kept(it, "for.iterator"), t.element, t)
        if isinstance(t, ListType):
            b.list_type(node, t)
            return IndexCursor(b, b.kept(self.expr(node), "for.list"), t.element, "list")
        if isinstance(t, (TupleType, T.VarTupleType)):
            b.tuple_type(node, t)
            element = self.tuple_element(node, t)
            if isinstance(node, ast.Tuple) and isinstance(t, TupleType) and \
                    is_display(node, t) and len(node.elts) <= DISPLAY_ITEMS and \
                    display_leaves(element):
                return DisplayCursor(b, node, element)
            return IndexCursor(b, b.kept(self.expr(node), "for.tuple"), element, "tuple")
        if t is T.STR:
            return StrCursor(b, b.kept(self.expr(node), "for.text"))
        if t is T.BYTES:
            seq = b.kept(self.expr(node), "for.sequence")
            return BytesCursor(b, b.add(SlicePart(seq, 0)), b.add(SlicePart(seq, 1)), T.U8,
                               None, seq)
        if isinstance(t, T.ArrayType) and isinstance(t.element, T.IntType):
            data = b.kept(self.expr(node), "for.sequence")
            return BytesCursor(b, data, Integer(t.length, I64), t.element, t)
        if isinstance(t, (DictType, SetType)):
            return MapCursor(b, node, b.kept(self.expr(node), "for.map"), t, "keys")
        if isinstance(t, ClassType):
            return self.class_cursor(node, t)
        raise self.not_yet(node, f"for loops over {t} values")

    # ----- building the cursors --------------------------------------------------------
    def tuple_element(self, node: ast.AST, t: TupleType | T.VarTupleType) -> T.Type:
        """The type of a tuple's items, all of one type (the checker joined
        them): `for x in (1, 2, 3)`."""
        if isinstance(t, T.VarTupleType):
            return t.element
        first = t.elements[0]
        if any(e != first for e in t.elements):
            raise self.not_yet(node, f"iterating over a {t} (items of different types)")
        return first

    def builtin_cursor(self, node: ast.Call, name: str) -> Cursor:
        b = self._b()
        if node.keywords and name != "enumerate":
            raise self.not_yet(node, f"{name}() with keywords")
        if name == "enumerate":
            inner = self.cursor(node.args[0])
            start_node = next((kw.value for kw in node.keywords if kw.arg == "start"),
                              node.args[1] if len(node.args) > 1 else None)
            start: Value = Integer(0, I64)
            if start_node is not None:
                start = b.expr(start_node)
                st = start_node.ty  # type: ignore[attr-defined]
                if isinstance(st, T.IntType) and st != I64:
                    start = b.extend64(start, st)
            return EnumerateCursor(b, node, inner, start)
        if name == "zip":
            return ZipCursor(b, node, [self.cursor(a) for a in node.args])
        arg = node.args[0]
        t = arg.ty  # type: ignore[attr-defined]
        if isinstance(t, ListType):
            b.list_type(arg, t)
            return IndexCursor(b, b.kept(self.expr(arg), "reversed.list"), t.element, "list",
                               backwards=True)
        if isinstance(t, (TupleType, T.VarTupleType)):
            b.tuple_type(arg, t)
            return IndexCursor(b, b.kept(self.expr(arg), "reversed.tuple"),
                               self.tuple_element(arg, t), "tuple", backwards=True)
        if t is T.STR:
            return StrCursor(b, b.kept(self.expr(arg), "reversed.text"), backwards=True)
        raise self.not_yet(node, f"reversed() of a {t}")

    def class_cursor(self, node: ast.expr, t: ClassType) -> Cursor:
        """An instance whose `__iter__` returns an iterator class."""
        b = self._b()
        iter_fn = t.find_method("__iter__")
        assert isinstance(iter_fn, FuncSym)
        result = iter_fn.result
        obj = self.expr(node)
        iterator = b.kept(b.call_method(node, iter_fn, [obj]), "for.iterator")
        if isinstance(result, IteratorType):
            iterator = b.kept(self.iterable_iterator(iterator, result), "for.iterator")
            return ObjectCursor(b, node, iterator, result.element)
        assert isinstance(result, ClassType)
        next_fn = result.find_method("__next__")
        assert isinstance(next_fn, FuncSym)
        return NextCursor(b, node, iterator, next_fn)

    # ----- calling __next__ ------------------------------------------------------------
    def call_next(self, node: ast.AST, iterator: Value, next_fn: FuncSym) -> Value:
        """`iterator.__next__()`, its result raw (not counted): it may have
        failed (StopIteration), and then it is no value to release."""
        b = self._b()
        b.check_representable(node, next_fn.result)
        b.unchecked_calls += 1  # the caller tests for StopIteration itself
        try:
            op = b.call_method(node, next_fn, [iterator])
        finally:
            b.unchecked_calls -= 1
        if T.is_object(next_fn.result) or next_fn.result is T.STR:
            op.type = U64
        return op

    def raw_result(self, node: ast.AST, raw: Value, t: T.Type) -> Value:
        """A raw `__next__` result as a value of its type (owned: the
        method's result was a new reference)."""
        b = self._b()
        if T.is_object(t) or t is T.STR:
            return b.add(Cast("object", raw, t))  # type: ignore[no-any-return]
        if t is BOOL or (isinstance(t, T.IntType) and t.bits < 64):
            return b.add(Cast("trunc", raw, t))  # type: ignore[no-any-return]
        if isinstance(t, T.IntType):
            return b.add(Cast("bitcast", raw, t))  # type: ignore[no-any-return]
        raise self.not_yet(node, f"__next__ results of type {t}")

    def stop_unless_stop_iteration(self, node: ast.AST) -> None:
        """On the failure path of a `__next__` call: clear a StopIteration
        and go on (the caller ends the loop); stop on any other error."""
        b = self._b()
        stop = b.add(Call(b.object_runtime["obj_stop_iteration"], []))
        other = b.new_block("next.error")
        ended = b.new_block("next.stopped")
        b.branch(stop, ended, other)
        b.activate(other)
        b.propagate(node)
        b.activate(ended)

    def fail(self, node: ast.AST, kind: int, message: str) -> None:
        """Stop with CPython's report of error `kind` and `message`."""
        b = self._b()
        text = self.string(message.encode(), T.STR)
        b.add(Call(b.object_runtime["obj_raise"], [Integer(kind, T.U32), text]))
        b.propagate(node)

    # ----- iter(), next() and raise StopIteration --------------------------------------
    def iter_next_call(self, node: ast.Call, name: str) -> Value | None:
        """`iter(x)` and `next(it)` of an instance (check/iteration.py
        types them); None for the other forms."""
        fn: FuncSym | None = getattr(node, "method", None)
        if fn is None:
            return self.iterator_object_call(node, name)
        obj = self.expr(node.args[0])
        if name == "iter":
            return self._b().call_method(node, fn, [obj])
        return self.next_of(node, obj, fn)

    def iterator_fn(self, name: str) -> FuncSym:
        sym = self.checker.scopes[ITERATOR_RT][name]
        assert isinstance(sym, FuncSym), name
        return sym

    def iterator_object_call(self, node: ast.Call, name: str) -> Value | None:
        """`iter(x)` of a built-in iterable: a new iterator object
        (pythos/rt/obj/iterator.py); `next(it)` of one: its next item, or
        CPython's report of StopIteration.  None for other forms."""
        b = self._b()
        arg = node.args[0]
        t = arg.ty  # type: ignore[attr-defined]
        if name == "next":
            if not isinstance(t, IteratorType):
                return None
            it = self.expr(arg)
            if len(node.args) == 2:
                return self.next_default(node, it, t.element)
            b.keep_stop_source(node, it)  # coroutines.py: `e.value` at its end
            cursor = ObjectCursor(b, node, it, t.element, t)
            got = cursor.more()
            end = b.new_block("next.end")
            ok = b.new_block("next.ok")
            b.branch(got, ok, end, likely=True)
            b.activate(end)
            if isinstance(t, T.GeneratorType):
                # Its report shows the return value (generators.py).
                b.add(Call(b.generator_fn("gen_stop"), [it]))
            else:
                b.add(Call(b.object_runtime["obj_raise"], [Integer(ERR_STOP_ITERATION, T.U32),
                                                           Integer(0, U64)]))
            self.report(node)
            b.activate(ok)
            return cursor.item()  # type: ignore[return-value]
        return self.iterator_of(arg)

    def next_default(self, node: ast.Call, it: Value, element: T.Type) -> Value:
        """`next(it, default)`: the next item, or the default (evaluated
        before the call, as CPython evaluates arguments) at the end."""
        b = self._b()
        default = b.expr(node.args[1])
        cursor = ObjectCursor(b, node, it, element)
        got = cursor.more()
        ok = b.new_block("next.ok")
        end = b.new_block("next.default")
        join = b.new_block("next.join")
        result = b.merge("next.value", node.ty, join)  # type: ignore[attr-defined]
        b.branch(got, ok, end, likely=True)
        b.activate(ok)
        b.assign(result, self.item_value(cursor.item()))
        b.goto(join)
        b.activate(end)
        b.assign(result, default)
        b.goto(join)
        b.activate(join)
        return result

    def iterator_of(self, node: ast.expr) -> Value:
        """An iterator object (pythos/rt/obj/iterator.py) over the iterable
        `node`: what `iter(node)` gives, and what `enumerate(...)`,
        `zip(...)` and `reversed(...)` are as values (outside a `for`
        header, where they need no object)."""
        b = self._b()
        t = getattr(node, "ty", None)
        call = getattr(node, "call", None)
        if isinstance(node, ast.Call) and call is not None and call[0] == "builtin" \
                and call[1] in ("enumerate", "zip", "reversed"):
            return self.builtin_iterator(node, call[1])
        if isinstance(t, IteratorType) and t.name in ("dict_keys", "dict_values", "dict_items") \
                and isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            what = {"dict_keys": ITER_DICT_KEYS, "dict_values": ITER_DICT_VALUES,
                    "dict_items": ITER_DICT_ITEMS}[t.name]
            tuple_type = self.tuple_info_of(node, t.element) if what == ITER_DICT_ITEMS \
                else Integer(0, U64)
            return self.new_iterator(t.element, self.expr(node.func.value), what, tuple_type)
        if isinstance(node, ast.Call) and call == ("builtin", "range"):
            from .ranges import range_iterator  # `yield from range(n)`
            return range_iterator(b, node, IteratorType(I64, "Iterator"))
        if isinstance(t, IteratorType) and t.name == "Iterable":
            return self.iterable_iterator(self.expr(node), t)
        if isinstance(t, IteratorType) and t.name in ("Iterator", "Generator",
                                                      "enumerate", "zip", "reversed"):
            return self.expr(node)  # an iterator already: iter() gives it back
        what, element = 0, t
        if isinstance(t, ListType):
            b.list_type(node, t)
            what, element = ITER_LIST, t.element
        elif isinstance(t, (TupleType, T.VarTupleType)):
            b.tuple_type(node, t)
            what, element = ITER_TUPLE, self.tuple_element(node, t)
        elif t is T.STR:
            what, element = ITER_STR, T.STR
        elif isinstance(t, DictType):
            what, element = ITER_DICT_KEYS, t.key
        elif isinstance(t, SetType):
            what, element = ITER_SET, t.element
        elif isinstance(t, ClassType):
            iter_fn = t.find_method("__iter__")
            assert isinstance(iter_fn, FuncSym)
            if isinstance(iter_fn.result, IteratorType):
                return b.call_method(node, iter_fn, [self.expr(node)])
        if what == 0 or element is None:
            raise self.not_yet(node, f"iterator objects over a {t}")
        return self.new_iterator(element, self.expr(node), what, Integer(0, U64))

    def iterable_iterator(self, v: Value, t: IteratorType) -> Value:
        """An iterator over `v`, a value of type `t`: `v` itself, unless `t`
        is `Iterable[T]`, which may hold a list or another container
        (types.py, `assignable`): then iter(v), made at run time."""
        if t.name != "Iterable":
            return v
        b = self._b()
        raw = b.add(Call(self.iterator_fn("iter_any"), [v]))
        return b.as_object(raw, IteratorType(t.element, "Iterator"))

    def builtin_iterator(self, node: ast.Call, name: str) -> Value:
        """`enumerate(x, start)`, `zip(a, b, ...)`, `reversed(seq)` as
        iterator objects."""
        b = self._b()
        t = node.ty  # type: ignore[attr-defined]
        assert isinstance(t, IteratorType)
        if name == "enumerate":
            start_node = next((kw.value for kw in node.keywords if kw.arg == "start"),
                              node.args[1] if len(node.args) > 1 else None)
            start: Value = Integer(0, I64)
            inner = self.iterator_of(node.args[0])
            if start_node is not None:
                start = b.expr(start_node)
                st = start_node.ty  # type: ignore[attr-defined]
                if isinstance(st, T.IntType) and st != I64:
                    start = b.extend64(start, st)
            return self.new_iterator(t.element, inner, ITER_ENUMERATE,
                                     self.tuple_info_of(node, t.element), start)
        if name == "zip":
            its = [self.iterator_of(a) for a in node.args]
            group = self.item_value(Parts(node, list(its), TupleType(tuple(
                v.type for v in its))))
            return self.new_iterator(t.element, group, ITER_ZIP,
                                     self.tuple_info_of(node, t.element))
        arg = node.args[0]
        at = arg.ty  # type: ignore[attr-defined]
        if isinstance(at, ListType):
            b.list_type(arg, at)
            what = ITER_REVERSED_LIST
        elif isinstance(at, (TupleType, T.VarTupleType)):
            b.tuple_type(arg, at)
            self.tuple_element(arg, at)
            what = ITER_REVERSED_TUPLE
        elif at is T.STR:
            what = ITER_REVERSED_STR
        else:
            raise self.not_yet(node, f"reversed() of a {at}")
        return self.new_iterator(t.element, self.expr(arg), what, Integer(0, U64))

    def tuple_info_of(self, node: ast.AST, t: T.Type) -> Value:
        b = self._b()
        assert isinstance(t, TupleType)
        return b.tuple_info(b.tuple_type(node, t))

    def new_iterator(self, element: T.Type, source: Value, what: int, tuple_type: Value,
                     start: Value | None = None) -> Value:
        """`iter_new`: an `Iterator[element]` over `source`."""
        b = self._b()
        raw = b.add(Call(self.iterator_fn("iter_new"), [
            source, Integer(what, T.U32), tuple_type, start or Integer(0, I64)]))
        return b.as_object(raw, IteratorType(element, "Iterator"))

    def next_of(self, node: ast.AST, iterator: Value, fn: FuncSym) -> Value:
        """`next(it)` or `it.__next__()`: the item, or CPython's report of
        the StopIteration (or other error) it raised."""
        b = self._b()
        raw = self.call_next(node, iterator, fn)
        failed = b.add(Call(b.object_runtime["obj_failed"], []))
        b.check(b.add(IntOp("xor", failed, Integer(1, BOOL))), lambda: self.report(node))
        if raw.type == U64 and fn.result != U64:
            return self.raw_result(node, raw, fn.result)
        return raw

    def report(self, node: ast.AST) -> None:
        self._b().propagate(node)

    # ----- binding items ---------------------------------------------------------------
    def bind_item(self, target: ast.expr, item: Item) -> None:
        """Assign an item to a loop's target, unpacking Parts in place."""
        if isinstance(target, (ast.Tuple, ast.List)) and isinstance(item, Parts) and not any(
                isinstance(e, ast.Starred) for e in target.elts):
            if len(target.elts) != len(item.items):
                raise self.not_yet(target, "unpacking into a different number of names")
            for sub, part in zip(target.elts, item.items, strict=True):
                self.bind_item(sub, part)
            return
        self.store_value(target, self.item_value(item))

    def item_value(self, item: Item) -> Value:
        """An item as one value: Parts become a tuple object."""
        if isinstance(item, Value):
            return item
        b = self._b()
        values = [self.item_value(v) for v in item.items]
        b.tuple_type(item.node, item.type)
        return b.tuple_of(item.type, values, item.type.elements)  # type: ignore[no-any-return]

