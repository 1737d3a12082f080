"""Building the builtins that consume an iterable (a mixin of
`build.FunctionBuilder`), issue 11: `list(E)`, `set(E)`, `dict(E)`,
`sorted(E)`, `sum(E[, start])`, `min`/`max` (of an iterable, with
`default=`, or of several arguments), `any(E)` and `all(E)`.

Every consumer is a loop built by the `for` statement's own code, so that
whatever `for` accepts, the consumers accept: a list, a dict or its
views, a set, a str, a range, `enumerate`/`zip`/`reversed`, and a
generator expression with any number of `for` and `if` clauses.  A
generator expression is not made into an object: its loops are built
inline around the consumer's step (`sum(x * x for x in xs)` is one loop
that adds), which is what a generator would do one item at a time, in
the same order, with no allocation.

`consume_each` is the one adapter between a consumer and the loop machinery:
it builds `for <hidden> in E: <step>` (or the generator's own loops)
through `stmt_For`, with a statement of the builder's own (`ConsumeStep`)
as the body.  When `for` learns a new kind of iterable, only
`stmt_For` changes.

CPython's semantics kept here:
- order of evaluation: the iterable, then the second argument (`start`,
  `default=`), then the loop;
- `min`/`max` keep the first of equal items (`x < best` for min, `x > best`
  for max, so an instance's `__lt__`, or the reflected `__gt__`, decides
  as in CPython), and an empty iterable without a default is
  `ValueError: min() arg is an empty sequence`;
- `any`/`all` stop at the first item that decides, and read an item's
  truth as `if` does (`__bool__`, then `__len__`);
- `sorted` sorts a new list with the list's own stable sort, which
  compares instances through their TypeInfo's `lt` (the class's
  `__lt__`, see lower/objects.py).

`key=` is left to the function values: `sorted_of` and `best_of` take the
list and the comparison in one place each, so a key slots in there.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ... import types as T
from ...symbols import FuncSym, Local
from ...types import BOOL, I64, ClassType, DictType, IntType, IteratorType, ListType, SetType
from ..ops import (
    Call,
    ContainerTypeInfo,
    Integer,
    Value,
)
from .comprehensions import own_names
from .errors import checked_call
from .lists import ERR_VALUE, item_kind

if TYPE_CHECKING:
    from . import FunctionBuilder

# The iterators whose `for` loops assign a pair of names (dicts.py, lists.py).
PAIRED = ("dict_items", "enumerate", "zip")
CONSUMERS = ("list", "set", "dict", "sorted", "sum", "min", "max", "any", "all")


class ConsumeStep(ast.stmt):
    """The body of a consumer's loop: a statement of the builder's own,
    which runs the consumer's step (a closure) where the loop's body goes."""

    _fields = ()

    def __init__(self, run: Callable[[], None]) -> None:
        super().__init__()
        self.run = run


def element_type(it: ast.expr) -> T.Type:
    """What `for x in it` gives x (the checker has typed `it`)."""
    if getattr(it, "call", None) == ("builtin", "range"):
        return I64
    t: T.Type = it.ty  # type: ignore[attr-defined]
    if isinstance(t, (ListType, SetType, IteratorType, T.VarTupleType)):
        # A Generator[None, ...] gives the value None each time.
        return T.NONE_VALUE if t.element is T.NONE else t.element
    if isinstance(t, DictType):
        return t.key
    if isinstance(t, T.TupleType):
        common: T.Type | None = t.elements[0]
        for e in t.elements[1:]:
            common = T.join_types(common, e) if common is not None else None
        assert common is not None
        return common
    if t is T.BYTES:
        return T.U8
    if isinstance(t, T.ArrayType):
        return t.element
    if isinstance(t, T.ClassType):
        # An iterable class: what its iterator's __next__ returns (the
        # checker has made sure both methods exist).
        it_t = t.find_method("__iter__").result  # type: ignore[union-attr, attr-defined]
        if isinstance(it_t, IteratorType):
            return it_t.element
        return it_t.find_method("__next__").result  # type: ignore[no-any-return, union-attr, attr-defined]
    return t  # a str gives strs


def loop_kind(it: ast.expr) -> str:
    """The `kind` the checker gives a `for` over `it` (check/objects.py)."""
    if getattr(it, "call", None) == ("builtin", "range"):
        return "range"
    t = it.ty  # type: ignore[attr-defined]
    if t is T.BYTES:
        return "bytes"
    if isinstance(t, T.ArrayType):
        return "array"
    return "object"


def paired(it: ast.expr) -> bool:
    t = getattr(it, "ty", None)
    return isinstance(t, IteratorType) and t.name in PAIRED


class ConsumerBuilder:
    """Mixed into `build.FunctionBuilder`."""

    checker: Any
    evaluated: dict[int, Value]
    registers: dict[Local, Any]
    object_runtime: dict[str, FuncSym]
    loops: list[Any]

    def fb(self) -> FunctionBuilder:
        return self  # type: ignore[return-value]

    # ----- the adapter: one item at a time ----------------------------------------------
    def consume_each(self, it: ast.expr, step: Callable[[Value, T.Type], None]) -> None:
        """Run `step(item, item type)` for each item `for x in it` gives, in
        order.  A step may leave the loops by jumping to a block of its
        own (any, all)."""
        if isinstance(it, ast.GeneratorExp):
            self.generator_loops(it, 0, step)
            return
        b = self.fb()
        et = element_type(it)
        target, item = self.hidden_target(it)
        self.build_loop(target, it, lambda: step(b.expr(item), et))

    def hidden_target(self, it: ast.expr) -> tuple[ast.expr, ast.expr]:
        """A loop target of the builder's own for `for _ in it`, and the
        expression that reads the item back: one hidden name, or a pair of
        them where the loop assigns two names (`d.items()`, `zip`), read
        back as a tuple."""
        et = element_type(it)
        if not paired(it):
            name = self.hidden_name("item", et, it)
            return name, name
        assert isinstance(et, T.TupleType)
        names: list[ast.expr] = [self.hidden_name(f"item{i}", t, it)
                                 for i, t in enumerate(et.elements)]
        target = ast.Tuple(elts=names, ctx=ast.Store())
        item = ast.Tuple(elts=names, ctx=ast.Load())
        item.ty = target.ty = et  # type: ignore[attr-defined]
        ast.copy_location(target, it)
        ast.copy_location(item, it)
        return target, item

    def generator_loops(self, gen: ast.GeneratorExp, depth: int,
                        step: Callable[[Value, T.Type], None]) -> None:
        """The loops of `elt for t1 in it1 if c1 for t2 in it2 ...`, nested,
        with the step on `elt` in the innermost."""
        b = self.fb()
        if depth == len(gen.generators):
            step(b.expr(gen.elt), gen.elt.ty)  # type: ignore[attr-defined]
            return
        g = gen.generators[depth]
        # The generator's variables are its own (the checker dropped them
        # from the function's locals); a name the checker typed in an
        # earlier round of checking the expression may hold another Local
        # of the same variable.
        later = [gen.elt, *g.ifs, *gen.generators[depth + 1:]]
        for name in (n for n in ast.walk(g.target) if isinstance(n, ast.Name)):
            reg = b.local_register(name.sym)  # type: ignore[attr-defined]
            for use in own_names(later, name.id):
                sym = getattr(use, "sym", None)
                if sym is not None and sym not in self.registers:
                    self.registers[sym] = reg
        direct = isinstance(g.target, ast.Name) or (
            paired(g.iter) and isinstance(g.target, ast.Tuple)
            and all(isinstance(e, ast.Name) for e in g.target.elts))
        target, item = (g.target, g.target) if direct else self.hidden_target(g.iter)

        def body() -> None:
            if not direct:
                # `for a, b in pairs`: the item whole, then unpacked.
                b.store_value(g.target, b.expr(item))
            for test in g.ifs:
                ok = b.new_block("consume.if")
                b.branch(b.truth(test), ok, self.loops[-1][0])
                b.activate(ok)
            self.generator_loops(gen, depth + 1, step)

        self.build_loop(target, g.iter, body)

    def build_loop(self, target: ast.expr, it: ast.expr, body: Callable[[], None]) -> None:
        """`for target in it: body()`, built by the `for` statement's code."""
        loop = ast.For(target=target, iter=it, body=[ConsumeStep(body)], orelse=[])
        ast.copy_location(loop, it)
        ast.copy_location(loop.body[0], it)
        loop.kind = loop_kind(it)  # type: ignore[attr-defined]
        # The builder keys some storage by node identity (`temp`): the
        # made-up nodes must live as long as it does, so that no later
        # node reuses their id().
        kept: list[ast.AST] = self.__dict__.setdefault("consume_nodes", [])
        kept.append(loop)
        self.fb().stmt_For(loop)

    def stmt_ConsumeStep(self, s: ConsumeStep) -> None:
        s.run()

    def hidden_name(self, name: str, t: T.Type, where: ast.AST) -> ast.Name:
        """A Name of a variable of the builder's own, for a loop target."""
        var = Local(f"{name}.{len(self.registers)}", t, "value")
        node = ast.Name(id=var.name, ctx=ast.Store())
        node.sym, node.ty = var, t  # type: ignore[attr-defined]
        ast.copy_location(node, where)
        self.fb().local_register(var)
        return node

    def evaluate_first(self, it: ast.expr) -> list[int]:
        """Evaluate the iterable (a generator's first one) now, before a
        second argument, as CPython does; the loop then uses the value.
        The keys to drop from `evaluated` afterwards."""
        b = self.fb()
        first = it.generators[0].iter if isinstance(it, ast.GeneratorExp) else it
        if getattr(first, "call", None) == ("builtin", "range"):
            assert isinstance(first, ast.Call)
            parts = list(first.args)
        elif isinstance(first, ast.Call) and getattr(first, "call", ("",))[0] in (
                "builtin", "objmethod"):
            # The loops over d.items(), enumerate(xs) and zip(...) evaluate
            # their operands themselves: those are evaluated in place.
            return []
        else:
            parts = [first]
        for p in parts:
            self.evaluated[id(p)] = b.kept(b.expr(p), "consume.iterable")
        return [id(p) for p in parts]

    # ----- the consumers -----------------------------------------------------------------
    def consume_builtin(self, node: ast.Call, name: str) -> Value | None:
        """The consumer `name` applied to its arguments; None if `name` is
        not a consumer or the form is another's (`dict()` empty)."""
        if name in ("str", "repr") and len(node.args) == 1 and isinstance(
                getattr(node.args[0], "ty", None), (ListType, T.TupleType, T.VarTupleType)):
            # str() of a list or tuple is its repr (items shown by repr).
            arg = node.args[0]
            return self.fb().list_text(node, self.fb().expr(arg), arg.ty)  # type: ignore
        if name not in CONSUMERS:
            return None
        if any(k.arg == "key" for k in node.keywords):
            raise self.fb().not_yet(node, f"{name}(key=...) (function values)")
        args = node.args
        if name in ("min", "max"):
            return self.best_of(node, name)
        if not args and name in ("set", "dict"):
            # `set()`, `dict()`: empty, of the type the annotation gives.
            t = node.ty  # type: ignore[attr-defined]
            b = self.fb()
            ti = b.typeinfo_of(node, t)
            return b.map_call(node, "set_new", [ti], result=t) if name == "set" else \
                b.map_call(node, "dict_new", [ti, Integer(0, I64)], result=t)
        if not args:
            return None
        if name == "list":
            return self.list_of(node, args[0], node.ty)  # type: ignore[attr-defined]
        if name == "set":
            return self.set_of(node, args[0])
        if name == "dict":
            return self.dict_of(node, args[0])
        if name == "sorted":
            return self.sorted_of(node, args[0])
        if name == "sum":
            return self.sum_of(node)
        return self.any_all(node, name == "any")

    def list_of(self, node: ast.AST, it: ast.expr, lt: ListType) -> Value:
        """A new list of the items, appended in order."""
        b = self.fb()
        b.list_type(node, lt)
        result = b.hidden("list.result", lt)
        ti = b.add(ContainerTypeInfo(lt, item_kind(lt.element) or 0))
        raw = b.add(Call(b.list_fn("list_new"), [ti, Integer(0, I64)]))
        b.assign(result, b.as_object(raw, lt))

        def step(v: Value, t: T.Type) -> None:
            checked_call(b, node, b.list_fn("list_append"), [result, b.to_slot(v, lt.element)])

        self.consume_each(it, step)
        return result  # type: ignore[no-any-return]

    def set_of(self, node: ast.Call, it: ast.expr) -> Value:
        b = self.fb()
        st: SetType = node.ty  # type: ignore[attr-defined]
        result = b.hidden("set.result", st)
        b.assign(result, b.map_call(node, "set_new", [b.typeinfo_of(node, st)], result=st))

        def step(v: Value, t: T.Type) -> None:
            b.map_call(node, "set_add", [result, b.slot_of(v, st.element)])

        self.consume_each(it, step)
        return result  # type: ignore[no-any-return]

    def dict_of(self, node: ast.Call, it: ast.expr) -> Value:
        """`dict(d)` copies; `dict(pairs)` sets each key to its value in
        order (a repeated key keeps its first place and its last value)."""
        b = self.fb()
        dt: DictType = node.ty  # type: ignore[attr-defined]
        if isinstance(getattr(it, "ty", None), DictType):
            return b.map_call(node, "dict_copy", [b.expr(it)], result=dt)
        ti = b.typeinfo_of(node, dt)
        result = b.hidden("dict.result", dt)
        b.assign(result, b.map_call(node, "dict_new", [ti, Integer(0, I64)], result=dt))

        def step(pair: Value, t: T.Type) -> None:
            assert isinstance(t, T.TupleType)
            slots = []
            for i, (et, want) in enumerate(zip(t.elements, (dt.key, dt.value), strict=True)):
                raw = b.add(Call(b.tuple_fn("tuple_item"), [pair, Integer(i, I64)]))
                slots.append(b.slot_of(b.from_slot(raw, et, borrowed=True), want))
            b.map_call(node, "dict_setitem", [result, *slots])

        self.consume_each(it, step)
        return result  # type: ignore[no-any-return]

    def sorted_of(self, node: ast.Call, it: ast.expr) -> Value:
        """A new list of the items, sorted in place by the list's sort."""
        b = self.fb()
        lt: ListType = node.ty  # type: ignore[attr-defined]
        self.check_sortable(node, lt.element)
        # CPython evaluates `reverse=` before it takes the first item.
        reverse_node = next((k.value for k in node.keywords if k.arg == "reverse"), None)
        pending = self.evaluate_first(it) if reverse_node is not None else []
        reverse = b.kept(b.expr(reverse_node), "sorted.reverse") if reverse_node is not None \
            else Integer(0, BOOL)
        result = self.list_of(node, it, lt)
        for key in pending:
            del self.evaluated[key]
        # Checked: a generated ordering fails between two classes.
        checked_call(b, node, b.list_fn("list_sort"), [result, reverse])
        return result

    def check_sortable(self, node: ast.AST, t: T.Type) -> None:
        """The runtime sorts instances through their TypeInfo's `lt`, which
        a class gets from its `__lt__` (or reflected `__gt__`), or from a
        `@dataclass(order=True)` (orders.py); every class a list's item may
        be must have one."""
        ct = T.strip_optional(t)
        if not isinstance(ct, ClassType):
            return
        from .orders import check_orderable, generated_order
        for lay in self.fb().layouts.values():
            k = lay.cls
            if not k.is_subclass(ct) or order_method(k) is not None:
                continue
            if generated_order(k):
                # @dataclass(order=True): the TypeInfo's `lt` is fields_lt.
                check_orderable(self, node, k)
            else:
                raise self.fb().not_yet(node, f"sorting instances of {k.name} (ordered without "
                                              f"a __lt__ or __gt__ of its own)")

    def less(self, node: ast.AST, op: ast.cmpop, a: Value, c: Value, t: T.Type) -> Value:
        """`a < c` (or another order) of two items of type t, as the
        operator computes it."""
        b = self.fb()
        if T.is_object(t) and t is not T.STR:
            return b.object_compare(node, op, a, c, t, t)  # type: ignore[arg-type]
        return b.compare(op, a, c, t)

    def best_of(self, node: ast.Call, name: str) -> Value:
        """min/max: the first item, then each later one that is strictly
        less (min) or greater (max) than the best so far."""
        b = self.fb()
        result_t: T.Type = node.ty  # type: ignore[attr-defined]
        op: ast.cmpop = ast.Lt() if name == "min" else ast.Gt()
        best = b.hidden(f"{name}.best", result_t)
        if len(node.args) > 1:
            values = [b.kept(b.expr(a), f"{name}.arg") for a in node.args]
            b.assign(best, values[0])
            for v, a in zip(values[1:], node.args[1:], strict=True):
                take, done = b.new_block(f"{name}.take"), b.new_block(f"{name}.next")
                b.branch(self.less(node, op, v, best, a.ty), take, done)  # type: ignore
                b.activate(take)
                b.assign(best, v)
                b.goto(done)
                b.activate(done)
            return best
        # The best item so far is in a register that the count pass may
        # drop before the first item is in it, so it starts as a value
        # whose drop is harmless: None for an object (the register may
        # hold None, so its updates test for it), an immortal '' for a str,
        # an uncounted b'' view for bytes.
        best = b.hidden(f"{name}.best", T.optional(result_t) if T.is_object(result_t)
                        else result_t)
        b.assign(best, b.string(b"", result_t) if result_t in (T.STR, T.BYTES)
                 else Integer(0, best.type))

        it = node.args[0]
        default_node = next((k.value for k in node.keywords if k.arg == "default"), None)
        pending = self.evaluate_first(it) if default_node is not None else []
        default = b.kept(b.expr(default_node), f"{name}.default") \
            if default_node is not None else None
        have = b.hidden(f"{name}.have", BOOL)
        b.assign(have, Integer(0, BOOL))

        def step(v: Value, t: T.Type) -> None:
            v = b.kept(v, f"{name}.item")
            first, other, take, done = (b.new_block(f"{name}.first"),
                                        b.new_block(f"{name}.compare"),
                                        b.new_block(f"{name}.take"), b.new_block(f"{name}.next"))
            b.branch(have, other, first)
            b.activate(first)
            b.assign(have, Integer(1, BOOL))
            b.goto(take)
            b.activate(other)
            b.branch(self.less(node, op, v, best, t), take, done)
            b.activate(take)
            b.assign(best, v)
            b.goto(done)
            b.activate(done)

        self.consume_each(it, step)
        for key in pending:
            del self.evaluated[key]
        empty, end = b.new_block(f"{name}.empty"), b.new_block(f"{name}.end")
        b.branch(have, end, empty, likely=True)
        b.activate(empty)
        if default is not None:
            b.assign(best, default)
            b.goto(end)
        else:
            message = b.string(f"{name}() arg is an empty sequence".encode(), T.STR)
            b.add(Call(self.object_runtime["obj_raise"], [Integer(ERR_VALUE, T.U32), message]))
            b.propagate(node)
        b.activate(end)
        result = b.hidden(f"{name}.result", result_t)
        b.assign(result, best)
        return result  # type: ignore[no-any-return]

    def sum_of(self, node: ast.Call) -> Value:
        """start (or 0), plus each item in order, wrapping as `+` does."""
        b = self.fb()
        t: IntType = node.ty  # type: ignore[attr-defined]  # (or a class: sum_step)
        it = node.args[0]
        start_node = node.args[1] if len(node.args) > 1 else next(
            (k.value for k in node.keywords if k.arg == "start"), None)
        pending = self.evaluate_first(it) if start_node is not None else []
        acc = b.hidden("sum.acc", t)
        b.assign(acc, b.expr(start_node) if start_node is not None else Integer(0, t))
        step = getattr(node, "sum_step", None)
        if step is not None:
            # Instances: total = total + item, by __add__ or __radd__.
            from .operators import call_binop
            self.consume_each(it, lambda v, vt: b.assign(acc, call_binop(b, step, acc, v)))
        else:
            self.consume_each(it, lambda v, vt: b.assign(acc, b.binop(node, ast.Add(), acc, v,
                                                                      t, it)))
        for key in pending:
            del self.evaluated[key]
        return acc  # type: ignore[no-any-return]

    def any_all(self, node: ast.Call, is_any: bool) -> Value:
        """any: True at the first true item; all: False at the first false
        one; the loop stops there, as CPython's does."""
        b = self.fb()
        result = b.hidden("any" if is_any else "all", BOOL)
        b.assign(result, Integer(0 if is_any else 1, BOOL))
        end = b.new_block("any.end" if is_any else "all.end")

        def step(v: Value, t: T.Type) -> None:
            decided, go_on = b.new_block("any.decided"), b.new_block("any.next")
            truth = b.truth_value(v, t, node)
            b.branch(truth, decided, go_on) if is_any else b.branch(truth, go_on, decided)
            b.activate(decided)
            b.assign(result, Integer(1 if is_any else 0, BOOL))
            b.goto(end)
            b.activate(go_on)

        self.consume_each(node.args[0], step)
        if not b.terminated:
            b.goto(end)
        b.activate(end)
        return result  # type: ignore[no-any-return]


def order_method(k: ClassType) -> FuncSym | None:
    """The method that orders a class's instances for the runtime's sort:
    its `__lt__`, else its `__gt__` (reflected: `a < b` is `b > a`)."""
    for name in ("__lt__", "__gt__"):
        fn = k.find_method(name)
        if isinstance(fn, FuncSym) and len(fn.params) == 2 \
                and T.assignable(k, fn.params[1].type):
            return fn
    return None
