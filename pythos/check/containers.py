"""Containers and run-time strings (issue 11), a mixin of `Checker`.

`list[T]`, `dict[K, V]`, `set[T]` and `tuple[...]` are typed as mypy types
them: a literal takes its element type from its context (`xs: list[u8] =
[]`, a parameter) or, without one, from its elements; an empty literal
needs a context.  Integers keep their sized types inside containers, so the
plain-int rule applies to elements as it does to variables: under CPython
a `list[u8]` holds whatever ints were put in it, and `[200]` there is the
plain int 200, so it must be written `[u8(200)]`.

Every method is described by a small signature (`method_signature`): its
parameters, which of them may be left out, its result, and whether it
allocates, which the interrupt rule (check/interrupts.py) needs.  The
builtins that consume iterables (`enumerate zip reversed sorted min max
sum any all list set dict`) share `element_type`, the one place that
knows what iterating over a value gives.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

from .. import types as T
from ..symbols import ClassSym, FuncSym, Param
from ..types import (
    BOOL,
    BYTES,
    I64,
    NONE,
    NONE_VALUE,
    STR,
    CallableType,
    ClassType,
    DictType,
    IntType,
    IteratorType,
    ListType,
    OptionalType,
    SetType,
    TupleType,
)
from .strformat import STR_SPECIAL

if TYPE_CHECKING:
    from ..diagnostics import CompileError
    from ..parse import Module

OPTIONAL = ast.Constant(None)  # marks a parameter that may be left out


def objectish(t: T.Type | None) -> bool:
    """Types the integer rules do not cover: objects, str, None, object."""
    return T.is_object(t) or t in (STR, NONE_VALUE, T.OBJECT)


def bytes_like(lt: T.Type, rt: T.Type) -> bool:
    """Whether `lt` and `rt` are bytes and a bytearray (either way round, or
    both bytearrays), which compare as their bytes."""
    ba = (isinstance(lt, T.BytearrayType), isinstance(rt, T.BytearrayType))
    return any(ba) and all(ba[i] or t is BYTES for i, t in enumerate((lt, rt)))


def kind_of(t: T.Type) -> str:
    """What the stop before lowering calls such values: "lists", ..."""
    if isinstance(t, OptionalType):
        return "optional values"
    if isinstance(t, IteratorType) and t.name.startswith("dict_"):
        return "dicts"  # d.keys(), d.values(), d.items()
    return {ListType: "lists", DictType: "dicts", SetType: "sets", TupleType: "tuples",
            T.VarTupleType: "tuples",
            ClassType: "classes", CallableType: "function values",
            IteratorType: "iterators", T.GeneratorType: "iterators",
            T.CoroutineType: "iterators", T.AsyncGeneratorType: "iterators",
            T.AsyncStepType: "iterators"}.get(type(t), "objects")


class Containers:
    """Mixed into `check.Checker`."""

    module: Module
    fn: FuncSym | None

    if TYPE_CHECKING:
        def error(self, node: ast.AST, message: str) -> CompileError: ...
        def expr(self, node: ast.expr, want: T.Type | None,
                 discard: bool = False) -> T.Type: ...
        def expect(self, node: ast.expr, want: T.Type) -> T.Type: ...
        def const_int(self, node: ast.expr) -> int | None: ...
        def heap_use(self, node: ast.AST, what: str, effect: str) -> None: ...
        def no_plain_literal(self, value: ast.expr, t: T.Type, what: str,
                             fix: str = ...) -> None: ...
        def bind_call_args(self, node: ast.Call, params: list[Param], name: str) -> None: ...
        def cond(self, node: ast.expr) -> tuple[dict[str, T.Type], dict[str, T.Type]]: ...
        def bind_target(self, target: ast.expr, t: T.Type) -> None: ...
        def lambda_for(self, node: ast.expr, params: tuple[T.Type, ...]) -> T.Type: ...
        def call_method_of(self, node: ast.AST, ct: ClassType, name: str) -> FuncSym | None: ...
        def coroutine_send(self, node: ast.Call, t: T.CoroutineType) -> None: ...
        def async_generator_method(self, node: ast.Call, f: ast.Attribute,
                                   t: T.AsyncGeneratorType) -> T.Type: ...
        def builtin_name(self, node: ast.expr) -> str | None: ...
        def class_iter_next(self, node: ast.Call, name: str) -> T.Type | None: ...
        def generator_method(self, t: T.GeneratorType, name: str) -> tuple[
            list[Param], T.Type, str]: ...
        def throw_args(self, node: ast.Call, params: list[Param]) -> None: ...
        narrowed: dict[str, T.Type]

    # ----- literals --------------------------------------------------------------------
    def element_of(self, elts: list[ast.expr], want: T.Type | None, what: str) -> T.Type | None:
        """The common type of a literal's elements, given the element type
        the context wants (or None).  Returns None for no elements and no
        context."""
        if want is not None:
            for i, e in enumerate(elts):
                self.no_plain_literal(e, want, f"a {what} element")
                t = self.expr(e, want)
                if not T.assignable(t, want):
                    raise self.error(e, f"{what} item {i} has incompatible type \"{t}\"; "
                                        f"expected \"{want}\"")
            return want
        # An empty display (`[[1], []]`) takes the type of the others, as
        # mypy types it, so it is typed after them.
        typed = [e for e in elts if self.const_int(e) is None and not empty_display(e)] or [
            e for e in elts if self.const_int(e) is None]
        first = self.expr(typed[0], None) if typed else (I64 if elts else None)
        if first is None:
            return None
        common: T.Type = first
        for i, e in enumerate(elts):
            context = common if isinstance(common, IntType) or (
                empty_display(e) and isinstance(common, (ListType, DictType, SetType))) else None
            t = self.expr(e, context)
            joined = T.join_types(common, t)
            if joined is None:
                raise self.error(e, f"{what} item {i} has type \"{t}\", but the items before "
                                    f"it have type \"{common}\"; a {what} holds one type")
            common = joined
        if isinstance(common, IntType):
            for e in elts:
                self.no_plain_literal(e, common, f"a {what} element")
        return common

    def expr_List(self, node: ast.List, want: T.Type | None) -> T.Type:
        elem = self.element_of(node.elts, want.element if isinstance(want, ListType) else None,
                               "list")
        if elem is None:
            raise self.error(node, "need a type annotation for an empty list (e.g. "
                                   "'xs: list[int] = []')")
        self.heap_use(node, "lists", "a list literal allocates")
        return ListType(elem)

    def expr_Set(self, node: ast.Set, want: T.Type | None) -> T.Type:
        if isinstance(want, SetType) and want.frozen:
            want = None  # a display is a set; the assignment then reports it
        elem = self.element_of(node.elts, want.element if isinstance(want, SetType) else None,
                               "set")
        assert elem is not None
        self.hashable(node, elem)
        self.heap_use(node, "sets", "a set literal allocates")
        return SetType(elem)

    def expr_Dict(self, node: ast.Dict, want: T.Type | None) -> T.Type:
        if any(k is None for k in node.keys):
            raise self.error(node, "'**' in a dict literal is not supported")
        keys: list[ast.expr] = [k for k in node.keys if k is not None]
        kt = self.element_of(keys, want.key if isinstance(want, DictType) else None, "dict key")
        vt = self.element_of(node.values, want.value if isinstance(want, DictType) else None,
                             "dict value")
        if kt is None or vt is None:
            raise self.error(node, "need a type annotation for an empty dict (e.g. "
                                   "'d: dict[str, int] = {}')")
        self.hashable(node, kt)
        self.heap_use(node, "dicts", "a dict literal allocates")
        return DictType(kt, vt)

    def expr_Tuple(self, node: ast.Tuple, want: T.Type | None) -> T.Type:
        if isinstance(want, T.VarTupleType):
            return self.var_tuple_display(node, want)
        wants: list[T.Type | None] = [None] * len(node.elts)
        if isinstance(want, TupleType) and len(want.elements) == len(node.elts):
            wants = list(want.elements)
        types = []
        for e, w in zip(node.elts, wants, strict=True):
            if isinstance(e, ast.Starred):
                raise self.error(e, "'*' unpacking is not supported")
            if w is not None:
                self.no_plain_literal(e, w, "a tuple element")
            t = self.expr(e, w)
            # An item wanted as an `object` is one (boxed, if need be).
            types.append(T.OBJECT if w is T.OBJECT else t)
        self.heap_use(node, "tuples", "a tuple allocates")
        return TupleType(tuple(types))

    def var_tuple_display(self, node: ast.Tuple, want: T.VarTupleType) -> T.Type:
        """`(a, b)` where a `tuple[T, ...]` is wanted: a tuple of that type
        (each item converted to T), as mypy accepts it."""
        for e in node.elts:
            if isinstance(e, ast.Starred):
                raise self.error(e, "'*' unpacking is not supported")
            self.no_plain_literal(e, want.element, "a tuple element")
            t = self.expr(e, want.element)
            if not T.assignable(t, want.element):
                raise self.error(e, f"incompatible type \"{t}\" for an item of "
                                    f"\"{want}\"")
        self.heap_use(node, "tuples", "a tuple allocates")
        return want

    def hashable(self, node: ast.AST, t: T.Type) -> None:
        why = T.unhashable_reason(t)
        if why is not None:
            raise self.error(node, f"unhashable type \"{t}\" as a dict key or set element: "
                                   f"{why} (mypy accepts it, but CPython raises TypeError: "
                                   f"unhashable type, when it hashes one)")

    # ----- comprehensions ------------------------------------------------------------
    def comprehension(self, node: ast.expr, generators: list[ast.comprehension],
                      body: Any) -> Any:
        """Bind each generator's target in a scope of its own (Python 3
        comprehensions do not leak their variables), check its conditions
        with their narrowings, then run `body`."""
        assert self.fn is not None
        saved_locals = dict(self.fn.locals)
        saved_narrowed = dict(self.narrowed)
        try:
            for gen in generators:
                if gen.is_async:
                    raise self.error(gen, "async comprehensions are not supported")
                elem = self.comprehension_range(gen.iter)
                if elem is None:
                    elem = self.element_type(gen.iter, self.expr(gen.iter, None))
                self.bind_comprehension_target(gen.target, elem)
                for test in gen.ifs:
                    yes, _ = self.cond(test)
                    self.narrowed.update(yes)
            return body()
        finally:
            self.fn.locals = saved_locals
            self.narrowed = saved_narrowed

    def comprehension_range(self, it: ast.expr,
                            where: str = "in a comprehension") -> T.Type | None:
        """`for i in range(...)` in a comprehension: i is an int.  (Its
        values are plain ints under CPython, so sized bounds are refused
        here rather than tracked: convert them with int().)"""
        if not (isinstance(it, ast.Call) and isinstance(it.func, ast.Name)
                and it.func.id == "range" and self.builtin_name(it.func) == "range"):
            return None
        if not 1 <= len(it.args) <= 3 or it.keywords:
            raise self.error(it, "range() takes one to three arguments")
        for a in it.args:
            t = self.expr(a, I64)
            if t != I64:
                raise self.error(a, f"range() {where} counts in int (its values "
                                    f"are plain ints under CPython); got {t}, write int(...)")
        it.call = ("builtin", "range")  # type: ignore[attr-defined]
        return I64

    def bind_comprehension_target(self, target: ast.expr, t: T.Type) -> None:
        from ..symbols import Local
        assert self.fn is not None
        if isinstance(target, ast.Name):
            var = Local(target.id, t, "value")
            self.fn.locals[target.id] = var
            self.narrowed.pop(target.id, None)
            target.sym, target.ty = var, t  # type: ignore[attr-defined]
            return
        if isinstance(target, (ast.Tuple, ast.List)):
            for sub, st in zip(target.elts, self.unpacked(target, t), strict=True):
                self.bind_comprehension_target(sub, st)
            return
        if isinstance(target, ast.Starred):  # `for a, *rest in rows`
            self.bind_comprehension_target(target.value, t)
            target.ty = t  # type: ignore[attr-defined]
            return
        raise self.error(target, "a comprehension assigns names")

    def expr_ListComp(self, node: ast.ListComp, want: T.Type | None) -> T.Type:
        ew = want.element if isinstance(want, ListType) else None
        elem = self.comprehension(node, node.generators, lambda: self.expr(node.elt, ew))
        self.heap_use(node, "lists", "a list comprehension allocates")
        return ListType(ew if ew is not None and T.assignable(elem, ew) else elem)

    def expr_SetComp(self, node: ast.SetComp, want: T.Type | None) -> T.Type:
        ew = want.element if isinstance(want, SetType) and not want.frozen else None
        elem = self.comprehension(node, node.generators, lambda: self.expr(node.elt, ew))
        self.hashable(node.elt, elem)
        self.heap_use(node, "sets", "a set comprehension allocates")
        return SetType(ew if ew is not None and T.assignable(elem, ew) else elem)

    def expr_DictComp(self, node: ast.DictComp, want: T.Type | None) -> T.Type:
        kw = want.key if isinstance(want, DictType) else None
        vw = want.value if isinstance(want, DictType) else None
        kt, vt = self.comprehension(node, node.generators, lambda: (
            self.expr(node.key, kw), self.expr(node.value, vw)))
        self.hashable(node.key, kt)
        self.heap_use(node, "dicts", "a dict comprehension allocates")
        return DictType(kw if kw is not None and T.assignable(kt, kw) else kt,
                        vw if vw is not None and T.assignable(vt, vw) else vt)

    def expr_GeneratorExp(self, node: ast.GeneratorExp, want: T.Type | None) -> T.Type:
        # `sum(x * x for x in xs)`: consumed once, like any iterator.
        ew = want.element if isinstance(want, IteratorType) else None
        elem = self.comprehension(node, node.generators, lambda: self.expr(node.elt, ew))
        self.heap_use(node, "iterators", "a generator expression allocates")
        return T.GeneratorType(elem, "Generator", NONE, NONE)

    # ----- iteration and unpacking --------------------------------------------------
    def element_type(self, node: ast.expr, t: T.Type) -> T.Type:
        """What `for x in <node>` gives x."""
        if isinstance(t, T.CoroutineType):
            raise self.error(node, "'coroutine' object is not iterable (await it in an "
                                   "'async def', or drive it with send(None))")
        if isinstance(t, T.AsyncGeneratorType):
            raise self.error(node, "'async_generator' object is not iterable (use 'async "
                                   "for' in an 'async def')")
        if isinstance(t, (ListType, SetType, IteratorType)):
            # A Generator[None, ...] gives the value None each time.
            return NONE_VALUE if t.element is NONE else t.element
        if isinstance(t, DictType):
            return t.key
        if isinstance(t, T.VarTupleType):
            return t.element
        if isinstance(t, TupleType):
            if not t.elements:
                raise self.error(node, "cannot iterate over an empty tuple type")
            common: T.Type | None = t.elements[0]
            for e in t.elements[1:]:
                common = T.join_types(common, e) if common is not None else None
            if common is None:
                raise self.error(node, f"iterating over {t} gives items of different types")
            return common
        if t is STR:
            self.heap_use(node, "str values built at run time",
                          "iterating over a str makes one-character strs")
            return STR
        if t is BYTES:
            return T.U8
        if isinstance(t, T.ArrayType):
            return t.element
        if isinstance(t, ClassType):
            it = self.call_method_of(node, t, "__iter__")
            if it is None:
                raise self.error(node, f"\"{t}\" has no __iter__ method, so it cannot be "
                                       f"iterated over")
            result = it.result
            if isinstance(result, IteratorType):
                return result.element
            assert isinstance(result, ClassType)
            nxt = self.call_method_of(node, result, "__next__")
            assert nxt is not None
            return nxt.result
        if isinstance(t, OptionalType):
            raise self.error(node, f"item \"None\" of \"{t}\" has no attribute \"__iter__\" "
                                   f"(not iterable): test it for None first")
        raise self.error(node, f"\"{t}\" is not iterable")

    def unpacked(self, target: ast.Tuple | ast.List, t: T.Type) -> list[T.Type]:
        """The types the names of `a, b = value` take from a value of type t."""
        n = len(target.elts)
        starred = [i for i, e in enumerate(target.elts) if isinstance(e, ast.Starred)]
        if len(starred) > 1:
            raise self.error(target, "multiple starred expressions in assignment")
        if starred:
            return self.unpacked_starred(target, t, starred[0])
        if isinstance(t, TupleType):
            if len(t.elements) != n:
                many = "too many" if len(t.elements) > n else "not enough"
                raise self.error(target, f"{many} values to unpack ({n} expected, "
                                         f"{len(t.elements)} provided)")
            return list(t.elements)
        if isinstance(t, ListType):
            return [t.element] * n
        if isinstance(t, T.VarTupleType):
            raise self.error(target, f"unpacking a {t} is not supported: its length is known "
                                     f"only at run time (index it, or unpack a list)")
        raise self.error(target, f"\"{t}\" object is not iterable into {n} names "
                                 f"(unpacking needs a tuple)")

    def unpacked_starred(self, target: ast.Tuple | ast.List, t: T.Type,
                         star: int) -> list[T.Type]:
        """`first, *rest = value`: the starred name gets a list of the items
        the others leave (of a list, or of a tuple whose middle items have
        one type)."""
        n = len(target.elts)
        if isinstance(t, ListType) and not isinstance(t, T.BytearrayType):
            self.heap_use(target, "lists", "a starred name gets a new list")
            return [t.element] * star + [ListType(t.element)] + [t.element] * (n - star - 1)
        if isinstance(t, TupleType):
            k = len(t.elements)
            if k < n - 1:
                raise self.error(target, f"not enough values to unpack (expected at least "
                                         f"{n - 1}, got {k})")
            after = n - star - 1
            middle = t.elements[star:k - after]
            if not middle or any(e != middle[0] for e in middle):
                what = "no items" if not middle else "items of different types"
                raise self.error(target.elts[star], f"the starred name would get {what} of "
                                                    f"the tuple, and a list needs one item "
                                                    f"type")
            self.heap_use(target, "lists", "a starred name gets a new list")
            return [*t.elements[:star], ListType(middle[0]), *t.elements[k - after:]]
        raise self.error(target, f"starred assignment from a {t} is not supported (it takes "
                                 f"a list or a tuple)")

    # ----- subscripts -------------------------------------------------------------------
    def object_subscript(self, node: ast.Subscript, t: T.Type, store: bool) -> T.Type:
        s = node.slice
        if isinstance(t, OptionalType):
            raise self.error(node.value, f"value of type \"{t}\" is not indexable: "
                                         f"'{ast.unparse(node.value)}' may be None here")
        if isinstance(s, ast.Slice):
            for part in (s.lower, s.upper, s.step):
                if part is not None:
                    self.index_int(part)
            if isinstance(t, (ListType, TupleType, T.VarTupleType)) or t is STR:
                if store and not isinstance(t, ListType):
                    raise self.error(node, f"unsupported target for indexed assignment "
                                           f"(\"{t}\")")
                node.sub = "slice"  # type: ignore[attr-defined]
                self.heap_use(node, kind_of(t) if t is not STR else
                              "str values built at run time", "a slice allocates")
                if isinstance(t, TupleType):
                    return self.tuple_slice(node, t, s)
                return t
            raise self.error(node, f"\"{t}\" cannot be sliced")
        node.sub = "object"  # type: ignore[attr-defined]
        if isinstance(t, ListType):
            self.index_int(s)
            return t.element
        if isinstance(t, DictType):
            self.no_plain_literal(s, t.key, "a dict key")
            kt = self.expr(s, t.key)
            if not T.assignable(kt, t.key):
                raise self.error(s, f"invalid index type \"{kt}\" for \"{t}\"; expected type "
                                    f"\"{t.key}\"")
            return t.value
        if isinstance(t, T.VarTupleType):
            if store:
                raise self.error(node, f"unsupported target for indexed assignment (\"{t}\"): "
                                       f"tuples are immutable")
            self.index_int(s)
            return t.element
        if isinstance(t, TupleType):
            if store:
                raise self.error(node, f"unsupported target for indexed assignment (\"{t}\"): "
                                       f"tuples are immutable")
            i = self.const_int(s)
            if i is None:
                self.index_int(s)
                return self.element_type(node, t)
            s.ty, s.const = I64, i  # type: ignore[attr-defined]
            if not -len(t.elements) <= i < len(t.elements):
                raise self.error(s, f"tuple index out of range ({t} has "
                                    f"{len(t.elements)} items)")
            return t.elements[i]
        if t is STR:
            if store:
                raise self.error(node, "unsupported target for indexed assignment (\"str\"): "
                                       "strings are immutable")
            self.index_int(s)
            self.heap_use(node, "str values built at run time",
                          "indexing a str makes a one-character str")
            return STR
        if isinstance(t, ClassType):
            name = "__setitem__" if store else "__getitem__"
            fn = self.call_method_of(node, t, name)
            if fn is None:
                what = "does not support item assignment" if store else "is not indexable"
                raise self.error(node, f"value of type \"{t}\" {what} (it has no {name})")
            kt = fn.params[1].type
            got = self.expr(s, kt)
            if not T.assignable(got, kt):
                raise self.error(s, f"invalid index type \"{got}\" for \"{t}\"; expected type "
                                    f"\"{kt}\"")
            return fn.params[2].type if store else fn.result
        raise self.error(node, f"value of type \"{t}\" is not indexable")

    def tuple_slice(self, node: ast.Subscript, t: TupleType, s: ast.Slice) -> T.Type:
        bounds = [None if p is None else self.const_int(p) for p in (s.lower, s.upper, s.step)]
        for p, b in zip((s.lower, s.upper, s.step), bounds, strict=True):
            if p is not None and b is None:
                raise self.error(p, "a tuple is sliced with constant bounds (the result's "
                                    "type depends on them)")
        if bounds[2] == 0:
            raise self.error(s, "slice step cannot be zero")
        return TupleType(t.elements[slice(*bounds)])

    def index_int(self, node: ast.expr) -> None:
        t = self.expr(node, None)
        if not isinstance(t, IntType):
            raise self.error(node, f"an index must be an integer, got \"{t}\"")

    # ----- operators --------------------------------------------------------------------
    def object_binop(self, node: ast.AST, op: ast.operator, left: ast.expr, right: ast.expr,
                     lt: T.Type, rt: T.Type) -> T.Type:
        sym = {ast.Add: "+", ast.Mult: "*", ast.Sub: "-", ast.BitOr: "|", ast.BitAnd: "&",
               ast.BitXor: "^", ast.Mod: "%", ast.FloorDiv: "//",
               ast.LShift: "<<", ast.RShift: ">>"}.get(type(op), "?")
        if isinstance(op, ast.Mod) and lt is STR and isinstance(node, ast.BinOp):
            from .strformat import check_percent
            check_percent(self, node)  # `"%d items" % n`: an f-string
            self.heap_use(node, "str values built at run time", "'%' formatting makes a str")
            return STR
        if isinstance(op, ast.Add):
            if isinstance(lt, T.BytearrayType) and rt is BYTES:
                self.heap_use(node, "lists", "'+' of a bytearray allocates")
                return lt  # bytearray + bytes is a bytearray, as in CPython
            if lt is BYTES and isinstance(rt, T.BytearrayType):
                self.heap_use(node, "str values built at run time", "'+' of bytes allocates")
                return BYTES  # and bytes + bytearray is bytes (bytes' + takes any buffer)
            if lt == rt and (isinstance(lt, ListType) or lt is STR):
                self.heap_use(node, kind_of(lt) if lt is not STR else
                              "str values built at run time", f"'+' of {lt} allocates")
                return lt
            if isinstance(lt, TupleType) and isinstance(rt, TupleType):
                self.heap_use(node, "tuples", "'+' of tuples allocates")
                return TupleType(lt.elements + rt.elements)
            var = lt if isinstance(lt, T.VarTupleType) else rt
            if isinstance(var, T.VarTupleType) and all(
                    isinstance(s, T.VarTupleType) and s == var or
                    isinstance(s, TupleType) and all(e == var.element for e in s.elements)
                    for s in (lt, rt)):
                # With a fixed tuple of the same items, the slots agree.
                self.heap_use(node, "tuples", "'+' of tuples allocates")
                return var
        if isinstance(op, ast.Mult):
            # A bool is an int here too: "ab" * True is "ab".
            seq, count = (lt, rt) if not (isinstance(lt, IntType) or lt is BOOL) else (rt, lt)
            if (isinstance(count, IntType) or count is BOOL) and (isinstance(
                    seq, (ListType, T.VarTupleType)) or seq is STR):
                self.heap_use(node, kind_of(seq) if seq is not STR else
                              "str values built at run time", f"'*' of {seq} allocates")
                return seq
        if isinstance(op, ast.BitOr) and isinstance(lt, DictType) and lt == rt:
            # `a | b`: a new dict, a's items updated by b's (Python 3.9).
            self.heap_use(node, "dicts", "'|' of dicts allocates")
            return lt
        if isinstance(op, (ast.BitOr, ast.BitAnd, ast.Sub, ast.BitXor)) \
                and isinstance(lt, SetType) and isinstance(rt, SetType) \
                and lt.element == rt.element:
            # (A set and a frozenset mix: the result has the left's type.)
            self.heap_use(node, "sets", f"'{sym}' of sets allocates")
            return lt
        from .operators import instance_binop
        by_method = instance_binop(self, node, op, lt, rt)  # __add__, __radd__, ...
        if by_method is not None:
            return by_method
        if isinstance(lt, OptionalType) or isinstance(rt, OptionalType):
            raise self.error(node, f"unsupported operand types for {sym} (\"{lt}\" and "
                                   f"\"{rt}\"): a value may be None here")
        raise self.error(node, f"unsupported operand types for {sym} (\"{lt}\" and \"{rt}\")")

    def membership(self, node: ast.Compare, left: ast.expr, right: ast.expr) -> None:
        """`x in c`: c's element (a dict's key) must be x's type."""
        rt = self.expr(right, None)
        if isinstance(rt, T.BytearrayType) and self.expr(left, None) is BYTES:
            self.heap_use(node, "lists", "'in' of a bytearray reads it")
            return  # a run of bytes in the bytearray
        if isinstance(rt, (ListType, SetType, IteratorType)):
            want: T.Type = rt.element
        elif isinstance(rt, DictType):
            want = rt.key
        elif isinstance(rt, (TupleType, T.VarTupleType)):
            want = self.element_type(right, rt)
        elif rt is STR:
            want = STR
        elif rt is BYTES:
            from .bytesmethods import bytes_membership
            bytes_membership(self, node, left)  # type: ignore[arg-type]
            return
        elif isinstance(rt, ClassType):
            fn = self.call_method_of(node, rt, "__contains__")
            if fn is None:
                raise self.error(right, f"unsupported right operand type for in (\"{rt}\" has "
                                        f"no __contains__)")
            want = fn.params[1].type
        else:
            raise self.error(right, f"unsupported right operand type for in (\"{rt}\")")
        lt = self.expr(left, want if isinstance(want, IntType) else None)
        if not T.assignable(lt, want) and not T.assignable(want, lt):
            raise self.error(left, f"non-overlapping container check (element type: "
                                   f"\"{lt}\", container item type: \"{want}\")")
        self.heap_use(node, kind_of(rt) if rt is not STR else "str operations",
                      f"'in' of {rt} reads an object")

    def object_compare(self, node: ast.Compare, op: ast.cmpop, a: ast.expr, b: ast.expr,
                       lt: T.Type, rt: T.Type) -> None:
        if isinstance(op, (ast.Eq, ast.NotEq)):
            sets = isinstance(lt, SetType) and isinstance(rt, SetType) \
                and lt.element == rt.element  # a set equals a frozenset of its items
            sets = sets or bytes_like(lt, rt)  # a bytearray equals bytes of its bytes
            if T.join_types(lt, rt) is None and T.OBJECT not in (lt, rt) and not sets:
                raise self.error(node, f"non-overlapping equality check (left operand type: "
                                       f"\"{lt}\", right operand type: \"{rt}\")")
            self.heap_use(node, kind_of(lt) if lt is not STR else "str operations",
                          "comparing objects reads them")
            return
        sym = {ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">="}[type(op)]
        if not self.orderable(node, op, lt, rt):
            raise self.error(node, f"unsupported operand types for {sym} (\"{lt}\" and "
                                   f"\"{rt}\")" + (
                                       f": \"{lt}\" defines no {self.order_method(op)}"
                                       if isinstance(lt, ClassType) else ""))
        self.heap_use(node, kind_of(lt) if lt is not STR else "str ordering",
                      "comparing objects reads them")

    @staticmethod
    def order_method(op: ast.cmpop) -> str:
        from .classes import COMPARISON_METHODS
        return COMPARISON_METHODS[type(op)][0]

    def orderable(self, node: ast.AST, op: ast.cmpop, lt: T.Type, rt: T.Type) -> bool:
        from .classes import COMPARISON_METHODS
        if lt == rt and (lt in (STR, BYTES) or isinstance(lt, IntType) or lt is BOOL):
            return True
        if isinstance(lt, SetType) and isinstance(rt, SetType) and lt.element == rt.element:
            return True  # subset and superset tests (a set and a frozenset too)
        if bytes_like(lt, rt):
            return True  # bytes and a bytearray: byte by byte
        if isinstance(lt, (ListType, TupleType, T.VarTupleType)) and lt == rt:
            elems = lt.elements if isinstance(lt, TupleType) else (lt.element,)
            return all(self.orderable(node, op, e, e) for e in elems)
        if isinstance(lt, ClassType) or isinstance(rt, ClassType):
            name, reflected = COMPARISON_METHODS[type(op)]
            if isinstance(lt, ClassType):
                fn = self.call_method_of(node, lt, name)
                if fn is not None and T.assignable(rt, fn.params[1].type):
                    return True
                if fn is None and lt == rt and any(c.order for c in lt.mro()):
                    return True
            if isinstance(rt, ClassType):
                fn = self.call_method_of(node, rt, reflected)
                if fn is not None and T.assignable(lt, fn.params[1].type):
                    return True
        return False

    # ----- methods -------------------------------------------------------------------------
    def container_method(self, node: ast.Call, f: ast.Attribute, recv: T.Type) -> T.Type:
        if isinstance(recv, T.AsyncGeneratorType):
            return self.async_generator_method(node, f, recv)  # check/asyncs.py
        sig = self.method_signature(f, recv)
        if sig is None:
            raise self.error(f, f"\"{recv}\" has no attribute \"{f.attr}\"")
        params, result, effect = sig
        owner = shown = str(recv).split("[")[0]
        if isinstance(recv, T.CoroutineType):
            owner = "Generator"  # a coroutine is a generator frame (ir/build/coroutines.py)
        if isinstance(recv, SetType):
            owner = "set"  # a frozenset's methods are a set's that do not change it
            if params and params[0].type == recv and len(node.args) == 1:
                # A set and a frozenset of the same items mix, as in CPython.
                other = self.expr(node.args[0], None)
                if isinstance(other, SetType) and other.element == recv.element:
                    params = [Param(params[0].name, other, params[0].default)]
        if owner == "str" and f.attr in ("startswith", "endswith") and node.args:
            # `s.endswith((".py", ".pyi"))`: a tuple of str tries each.
            first = self.expr(node.args[0], None)
            if isinstance(first, T.VarTupleType) and first.element is STR or isinstance(
                    first, TupleType) and first.elements and all(
                    e is STR for e in first.elements):
                params = [Param(params[0].name, first, params[0].default), *params[1:]]
                node.affix_tuple = True  # type: ignore[attr-defined]
        if owner == "str" and f.attr == "replace" and node.keywords:
            # Its parameters are positional-only (in CPython 3.11).
            raise self.error(node.keywords[0], "str.replace() takes no keyword arguments")
        if owner == "str" and f.attr in STR_SPECIAL:
            STR_SPECIAL[f.attr](self, node, f)  # check/strmethods.py
        elif f.attr in ("sort",):
            self.special_method_args(node, f, recv, params)
        elif isinstance(recv, T.GeneratorType) and f.attr == "throw":
            self.throw_args(node, params)  # check/generators.py
        else:
            self.bind_call_args(node, params, f"{shown}.{f.attr}")
        node.call = ("objmethod", f"{owner}.{f.attr}")  # type: ignore[attr-defined]
        if isinstance(recv, T.CoroutineType) and f.attr == "send":
            self.coroutine_send(node, recv)  # check/coroutines.py: the StopIteration
        self.heap_use(node, kind_of(recv) if recv is not STR else "str values built at run "
                      "time", f"{shown}.{f.attr} {effect}")
        return result

    def special_method_args(self, node: ast.Call, f: ast.Attribute, recv: T.Type,
                            params: list[Param]) -> None:
        if f.attr == "sort":
            assert isinstance(recv, ListType)
            if node.args:
                raise self.error(node.args[0], "list.sort() takes only key= and reverse= "
                                               "keyword arguments")
            self.sort_keywords(node, recv.element)

    def sort_keywords(self, node: ast.Call, elem: T.Type) -> None:
        key_type = elem
        for kw in node.keywords:
            if kw.arg == "key" and isinstance(kw.value, ast.Attribute) \
                    and self.builtin_name(kw.value.value) == "str":
                # key=str.lower: the method called on each item, as the
                # lambda `lambda s: s.lower()` would.
                item = ast.arg(arg="__item")
                call = ast.Call(ast.Attribute(ast.Name("__item", ast.Load()), kw.value.attr,
                                              ast.Load()), [], [])
                made = ast.Lambda(ast.arguments([], [item], None, [], [], None, []), call)
                for sub in ast.walk(made):
                    ast.copy_location(sub, kw.value)
                kw.value = made
            if kw.arg == "reverse":
                self.expect(kw.value, BOOL)
            elif kw.arg == "key" and isinstance(kw.value, ast.Name) \
                    and self.builtin_name(kw.value) in ("len", "str"):
                # key=len, key=str: the builtins people sort by.
                if kw.value.id == "len" and not (T.is_object(elem) or elem is STR):
                    raise self.error(kw.value, f"key=len needs items with a length, not {elem}")
                key_type = I64 if kw.value.id == "len" else STR
                kw.value.ty = CallableType((elem,), key_type)  # type: ignore[attr-defined]
            elif kw.arg == "key":
                kt = self.lambda_for(kw.value, (elem,))
                if not isinstance(kt, CallableType) or len(kt.params) != 1 \
                        or not T.assignable(elem, kt.params[0]):
                    raise self.error(kw.value, f"key= takes a function of one {elem}, got "
                                               f"\"{kt}\"")
                key_type = kt.result
            else:
                raise self.error(kw, f"unexpected keyword argument \"{kw.arg}\"")
        op = ast.Lt()
        if not self.orderable(node, op, key_type, key_type):
            raise self.error(node, f"values of type \"{key_type}\" cannot be ordered (no "
                                   f"'<' between them), so they cannot be sorted")

    def printable(self, node: ast.expr) -> None:
        t = self.expr(node, None)
        if t is NONE:
            raise self.error(node, "this expression has no value")

    def method_signature(self, f: ast.Attribute, t: T.Type) -> tuple[
            list[Param], T.Type, str] | None:
        """(parameters, result, what it does to the heap) of a method of a
        container or str; None if there is no such method."""
        def p(name: str, pt: T.Type, optional: bool = False) -> Param:
            return Param(name, pt, OPTIONAL if optional else None)
        name = f.attr
        alloc, reads, frees = "allocates", "reads the container", "drops a reference"
        if isinstance(t, ListType):
            e = t.element
            table: dict[str, tuple[list[Param], T.Type, str]] = {
                "append": ([p("object", e)], NONE, alloc),
                "extend": ([p("iterable", t)], NONE, alloc),
                "insert": ([p("index", I64), p("object", e)], NONE, alloc),
                "pop": ([p("index", I64, True)], e, frees),
                "remove": ([p("value", e)], NONE, frees),
                "index": ([p("value", e)], I64, reads),
                "count": ([p("value", e)], I64, reads),
                "sort": ([], NONE, "moves references"),
                "reverse": ([], NONE, "moves references"),
                "clear": ([], NONE, frees),
                "copy": ([], t, alloc),
            }
            return table.get(name)
        if isinstance(t, DictType):
            k, v = t.key, t.value
            if name == "get" and f is not None:
                return None  # decided by its arguments: see dict_get
            table = {
                "setdefault": ([p("key", k), p("default", v)], v, alloc),
                "pop": ([p("key", k), p("default", v, True)], v, frees),
                "popitem": ([], TupleType((k, v)), alloc),
                "items": ([], IteratorType(TupleType((k, v)), "dict_items"), alloc),
                "keys": ([], IteratorType(k, "dict_keys"), alloc),
                "values": ([], IteratorType(v, "dict_values"), alloc),
                "update": ([p("other", t)], NONE, alloc),
                "clear": ([], NONE, frees),
                "copy": ([], t, alloc),
            }
            return table.get(name)
        if isinstance(t, SetType):
            table = {
                "add": ([p("element", t.element)], NONE, alloc),
                "remove": ([p("element", t.element)], NONE, frees),
                "discard": ([p("element", t.element)], NONE, frees),
                "pop": ([], t.element, frees),
                "union": ([p("other", t)], t, alloc),
                "intersection": ([p("other", t)], t, alloc),
                "difference": ([p("other", t)], t, alloc),
                "symmetric_difference": ([p("other", t)], t, alloc),
                "issubset": ([p("other", t)], BOOL, reads),
                "issuperset": ([p("other", t)], BOOL, reads),
                "isdisjoint": ([p("other", t)], BOOL, reads),
                "clear": ([], NONE, frees),
                "copy": ([], t, alloc),
            }
            if t.frozen and name in ("add", "remove", "discard", "pop", "clear"):
                return None  # immutable: "frozenset[int]" has no attribute "add"
            return table.get(name)
        if isinstance(t, T.GeneratorType):
            if name in ("throw", "close"):
                return self.generator_method(t, name)  # check/generators.py
            sent = T.NONE_VALUE if t.send is NONE else t.send  # the None constant's type
            item = T.NONE_VALUE if t.element is NONE else t.element  # next()'s, too
            return {"send": ([p("value", sent)], item, alloc)}.get(name)
        if isinstance(t, (TupleType, T.VarTupleType)):
            e = self.element_type(f, t) if not isinstance(t, TupleType) or t.elements else I64
            table = {"count": ([p("value", e)], I64, reads),
                     "index": ([p("value", e)], I64, reads)}
            return table.get(name)
        if t is STR:
            s, n = STR, I64
            strs = ListType(STR)
            ranged = [p("start", n, True), p("end", n, True)]
            maybe_s = OptionalType(STR)  # None: the default (whitespace)
            table = {
                "split": ([p("sep", maybe_s, True), p("maxsplit", n, True)], strs, alloc),
                "rsplit": ([p("sep", maybe_s, True), p("maxsplit", n, True)], strs, alloc),
                "join": ([p("iterable", strs)], s, alloc),
                "strip": ([p("chars", maybe_s, True)], s, alloc),
                "lstrip": ([p("chars", maybe_s, True)], s, alloc),
                "rstrip": ([p("chars", maybe_s, True)], s, alloc),
                "startswith": ([p("prefix", s), *ranged], BOOL, reads),
                "endswith": ([p("suffix", s), *ranged], BOOL, reads),
                "find": ([p("sub", s), *ranged], n, reads),
                "rfind": ([p("sub", s), *ranged], n, reads),
                "index": ([p("sub", s), *ranged], n, reads),
                "rindex": ([p("sub", s), *ranged], n, reads),
                "count": ([p("sub", s), *ranged], n, reads),
                "splitlines": ([p("keepends", BOOL, True)], strs, alloc),
                **{m: ([], s, alloc) for m in ("title", "capitalize", "swapcase", "casefold")},
                "expandtabs": ([p("tabsize", n, True)], s, alloc),
                **{m: ([], BOOL, reads) for m in ("isupper", "islower", "isalnum", "isdecimal",
                                                  "isnumeric", "isprintable")},
                "replace": ([p("old", s), p("new", s), p("count", n, True)], s, alloc),
                "upper": ([], s, alloc), "lower": ([], s, alloc),
                "isdigit": ([], BOOL, reads), "isalpha": ([], BOOL, reads),
                "isspace": ([], BOOL, reads),
                "ljust": ([p("width", n), p("fillchar", s, True)], s, alloc),
                "rjust": ([p("width", n), p("fillchar", s, True)], s, alloc),
                "center": ([p("width", n), p("fillchar", s, True)], s, alloc),
                "zfill": ([p("width", n)], s, alloc),
                "removeprefix": ([p("prefix", s)], s, alloc),
                "removesuffix": ([p("suffix", s)], s, alloc),
                "partition": ([p("sep", s)], TupleType((s, s, s)), alloc),
                "rpartition": ([p("sep", s)], TupleType((s, s, s)), alloc),
                "format": ([], s, alloc),
                "encode": ([], BYTES, alloc),
            }
            return table.get(name)
        return None

    def dict_get(self, node: ast.Call, f: ast.Attribute, t: DictType) -> T.Type:
        """`d.get(k)` may give None; `d.get(k, default)` gives a value."""
        if node.keywords or not 1 <= len(node.args) <= 2:
            raise self.error(node, "dict.get() takes a key and an optional default")
        self.no_plain_literal(node.args[0], t.key, "a dict key")
        kt = self.expr(node.args[0], t.key)
        if not T.assignable(kt, t.key):
            raise self.error(node.args[0], f"argument 1 to \"get\" of \"dict\" has "
                                           f"incompatible type \"{kt}\"; expected \"{t.key}\"")
        node.call = ("objmethod", "dict.get")  # type: ignore[attr-defined]
        self.heap_use(node, "dicts", "dict.get reads the dict")
        if len(node.args) == 1:
            return T.optional(t.value)
        self.no_plain_literal(node.args[1], t.value, "the default")
        dt = self.expr(node.args[1], t.value)
        joined = T.join_types(t.value, dt)
        if joined is None:
            raise self.error(node.args[1], f"the default has type \"{dt}\", the values "
                                           f"\"{t.value}\"")
        return joined

    # ----- builtins over iterables ----------------------------------------------------
    def iterable_builtin(self, node: ast.Call, name: str, want: T.Type | None) -> T.Type:
        from .builtins_iter import CONSUMERS, consumer_builtin
        if name in CONSUMERS:
            typed = consumer_builtin(self, node, name, want)  # type: ignore[arg-type]
            if typed is not None:
                return typed
        args = node.args

        def arity(low: int, high: int) -> None:
            if not low <= len(args) <= high:
                raise self.error(node, f"{name}() takes {low} to {high} positional "
                                       f"arguments, {len(args)} given")

        def elem(i: int) -> T.Type:
            counted = self.comprehension_range(args[i])  # list(range(n))
            if counted is not None:
                return counted
            return self.element_type(args[i], self.expr(args[i], None))

        allowed = {"sorted": {"key", "reverse"}, "min": {"key"}, "max": {"key"},
                   "enumerate": {"start"}}.get(name, set())
        for kw in node.keywords:
            if kw.arg not in allowed:
                raise self.error(kw, f"{name}() got an unexpected keyword argument "
                                     f"\"{kw.arg}\"")
        node.call = ("builtin", name)  # type: ignore[attr-defined]
        self.heap_use(node, "iterators" if name in ("enumerate", "zip", "reversed")
                      else "lists", f"{name}() allocates")
        if name == "enumerate":
            arity(1, 2)
            e = elem(0)
            start = next((kw.value for kw in node.keywords if kw.arg == "start"),
                         args[1] if len(args) > 1 else None)
            if start is not None:
                self.expect(start, I64)
            return IteratorType(TupleType((I64, e)), "enumerate")
        if name == "zip":
            if not args:
                raise self.error(node, "zip() needs at least one iterable")
            return IteratorType(TupleType(tuple(elem(i) for i in range(len(args)))), "zip")
        if name == "reversed":
            arity(1, 1)
            t = self.expr(args[0], None)
            if not isinstance(t, (ListType, TupleType, T.VarTupleType)) and t is not STR:
                raise self.error(args[0], f"reversed() needs a sequence (list, tuple, str), "
                                          f"got \"{t}\"")
            return IteratorType(self.element_type(args[0], t), "reversed")
        if name == "sorted":
            arity(1, 1)
            e = elem(0)
            self.sort_keywords(node, e)
            return ListType(e)
        if name in ("min", "max"):
            if not args:
                raise self.error(node, f"{name}() needs arguments")
            if len(args) == 1:
                e = elem(0)
            else:
                e = self.element_of(args, None, f"{name}() argument") or I64
            self.sort_keywords(node, e)
            return e
        if name == "sum":
            arity(1, 2)
            e = elem(0)
            if not isinstance(e, IntType):
                raise self.error(args[0], f"sum() adds integers, got items of type \"{e}\"")
            if len(args) == 2:
                self.expect(args[1], e)
            return e
        if name in ("any", "all"):
            arity(1, 1)
            elem(0)
            return BOOL
        if name == "frozenset":
            arity(0, 1)
            if not args:
                if not (isinstance(want, SetType) and want.frozen):
                    raise self.error(node, "need a type annotation for an empty frozenset "
                                           "(e.g. 'xs: frozenset[int] = frozenset()')")
                self.heap_use(node, "sets", "frozenset() allocates")
                return want
            e = elem(0)
            self.hashable(node, e)
            self.heap_use(node, "sets", "frozenset() allocates")
            return SetType(e, frozen=True)
        if name in ("list", "set"):
            arity(0, 1)
            kind = ListType if name == "list" else SetType
            if not args:
                if not isinstance(want, kind) or (isinstance(want, SetType) and want.frozen):
                    raise self.error(node, f"need a type annotation for an empty {name} "
                                           f"(e.g. 'xs: {name}[int] = {name}()')")
                return want
            e = elem(0)
            if name == "set":
                self.hashable(node, e)
            return kind(e)
        if name == "iter" and len(args) == 1:
            counted = self.comprehension_range(args[0], "as an iterator")  # ints
            if counted is not None:
                self.heap_use(node, "iterators", "iter() allocates an iterator")
                return IteratorType(counted, "Iterator")
        if name in ("iter", "next"):
            instance = self.class_iter_next(node, name)  # iteration.py: an iterator class
            if instance is not None:
                return instance
        if name == "iter":
            arity(1, 1)
            return IteratorType(elem(0), "Iterator")
        if name == "next":
            arity(1, 2)
            t = self.expr(args[0], None)
            if not isinstance(t, IteratorType) or t.name == "Iterable":
                raise self.error(args[0], f"next() takes an iterator, got \"{t}\" (use iter() "
                                          f"first)")
            # A Generator[None, ...] gives the value None.
            element = NONE_VALUE if t.element is NONE else t.element
            if len(args) == 2:
                # next(it, default): the default when the iterator has ended.
                dt = self.expr(args[1], element)
                if dt is T.NONE_VALUE and element is not NONE_VALUE:
                    return T.optional(element)
                if not T.assignable(dt, element):
                    raise self.error(args[1], f"the default of next() has type {dt}, but the "
                                              f"iterator gives {element}")
            return element
        if name == "dict":
            arity(0, 0)
            if not isinstance(want, DictType):
                raise self.error(node, "need a type annotation for an empty dict (e.g. "
                                       "'d: dict[str, int] = dict()')")
            return want
        raise self.error(node, f"'{name}' cannot be called here")

    def class_symbol(self, node: ast.expr) -> ClassType | None:
        """The class a name refers to (for isinstance and constructors)."""
        from . import Checker
        assert isinstance(self, Checker)
        sym = self.static_symbol(node) if isinstance(node, (ast.Name, ast.Attribute)) else None
        return sym.type if isinstance(sym, ClassSym) else None


def empty_display(e: ast.expr) -> bool:
    """A list or dict display without items: `[]` or `{}`."""
    return isinstance(e, ast.List) and not e.elts or isinstance(e, ast.Dict) and not e.keys

