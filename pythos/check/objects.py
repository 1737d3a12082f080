"""Objects in the checker's statements and expressions (issue 11), a mixin
of `Checker`.

The parts of checking that only objects need and that belong to no one
construct: the types written in annotations (`list[T]`, `T | None`,
`Callable[[...], R]`), unpacking (`a, b = b, a`, `for k, v in d.items()`),
`del`, identity (`is`), `and`/`or` between objects, the truth of an
object, and `heap_use`, through which every construct that needs the heap
is noted: for the interrupt rule (check/interrupts.py) and for the stop
before lowering, which reports the first such use in the program's text
until the typed IR lowers objects.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

from .. import types as T
from ..diagnostics import CompileError
from ..symbols import FuncSym, Param
from ..types import (
    BOOL,
    NONE,
    NONE_VALUE,
    OBJECT,
    STR,
    CallableType,
    ClassType,
    DictType,
    IntType,
    IteratorType,
    ListType,
    PtrType,
    SetType,
    TupleType,
)
from .containers import kind_of, objectish
from .narrow import key_of
from .operators import ARITHMETIC_SPECIALS

if TYPE_CHECKING:
    from ..parse import Module, Program


# The kinds of heap use the compiler lowers (issue 11, in steps): the stop
# before lowering reports only the others.  Within these kinds, the IR
# builder reports the few forms it does not lower yet itself, at the
# node (`FunctionBuilder.not_yet`).
LOWERED = frozenset({"classes", "optional values", "isinstance tests", "f-string values",
                     "str values built at run time", "str operations", "str ordering",
                     "dicts", "sets", "lists", "tuples", "iterators", "hashes",
                     # Functions as values (ir/build/funcs.py).
                     "function values", "lambdas", "nested functions", "bound methods",
                     # Exceptions (ir/build/exceptions.py).
                     "exceptions",
                     # `object` values, as a word that may be None (ir/build/optional.py).
                     "objects"})
EQUALITY_METHODS = ("__eq__", "__ne__")
# The methods whose `object` parameters are lowered (heap_use).
# (And an operator's method may take `other: object`, to return
# NotImplemented for what it does not handle: check/operators.py.)
OBJECT_PARAMETER_METHODS = (*EQUALITY_METHODS, "__exit__", *ARITHMETIC_SPECIALS)


def is_int(t: T.Type | None) -> bool:
    return isinstance(t, IntType)


class Objects:
    """Mixed into `check.Checker`, which provides what is declared here."""

    program: Program
    module: Module
    fn: FuncSym | None
    functions: list[FuncSym]
    narrowed: dict[str, T.Type]
    object_use: CompileError | None
    object_use_place: tuple[int, int, int]
    uses_objects: bool
    loop_depth: int
    loops: list[ast.stmt]

    if TYPE_CHECKING:
        def error(self, node: ast.AST, message: str) -> CompileError: ...
        def for_body(self, s: ast.For | ast.AsyncFor) -> None: ...
        def expr(self, node: ast.expr, want: T.Type | None,
                 discard: bool = False) -> T.Type: ...
        def resolve_type(self, node: ast.expr) -> T.Type: ...
        def hashable(self, node: ast.AST, t: T.Type) -> None: ...
        def builtin_name(self, node: ast.expr) -> str | None: ...
        def element_type(self, node: ast.expr, t: T.Type) -> T.Type: ...
        def unpacked(self, target: ast.Tuple | ast.List, t: T.Type) -> list[T.Type]: ...
        def block(self, body: list[ast.stmt]) -> None: ...
        def lvalue(self, target: ast.expr) -> T.Type: ...
        def bind_local(self, target: ast.Name, t: T.Type, kind: str) -> Any: ...
        def narrow_assigned(self, key: str | None, declared: T.Type, value: T.Type) -> None: ...
        def object_subscript(self, node: ast.Subscript, t: T.Type, store: bool) -> T.Type: ...
        def cond(self, node: ast.expr) -> tuple[dict[str, T.Type], dict[str, T.Type]]: ...
        def tested(self, node: ast.expr, t: T.Type) -> tuple[dict[str, T.Type],
                                                             dict[str, T.Type]]: ...
        def record_call(self, fn: FuncSym, node: ast.AST) -> None: ...
        def no_plain_literal(self, value: ast.expr, t: T.Type, what: str,
                             fix: str = ...) -> None: ...

    def heap_use(self, node: ast.AST, what: str, effect: str) -> None:
        """Note a construct that needs the heap: `what` names its kind for
        the stop before lowering ("lists are not compiled yet"), `effect`
        says what it does, for the interrupt rule ("list.append allocates")."""
        # The stop reports the use that comes first in the program's text
        # (modules in the order they were loaded), whatever order the
        # checker met them in.
        self.uses_objects = True
        if self.fn is not None:
            self.fn.heap_effects.append((effect, node))
        if what == "objects" and self.fn is not None and self.fn.cls is not None \
                and self.fn.name in OBJECT_PARAMETER_METHODS:
            # `other: object` of __eq__/__ne__, and __exit__'s exc_type and
            # tb, are lowered: the builder lets only objects (and None)
            # reach them.
            return
        if what in LOWERED:
            return
        order = list(self.program.modules).index(self.module.name) \
            if self.module.name in self.program.modules else len(self.program.modules)
        place = (order, getattr(node, "lineno", 0), getattr(node, "col_offset", 0))
        if self.object_use is None or place < self.object_use_place:
            self.object_use_place = place
            self.object_use = self.error(node, f"{what} are not compiled yet (issue 11): the "
                                               f"program type-checks, but the compiler does "
                                               f"not lower objects to code yet")

    def stop_before_lowering(self) -> None:
        """Raise the one diagnostic for a program that uses objects: the
        checker knows them all, the lowering none yet (issue 11)."""
        if self.object_use is not None:
            raise self.object_use

    def note_object_signatures(self) -> None:
        """A function whose parameters or result are objects needs the
        object lowering even if its body never touches them."""
        for fn in self.functions:
            if fn.node is None:
                continue
            a = fn.node.args.args
            places: list[tuple[T.Type, ast.AST]] = [
                (p.type, a[i] if i < len(a) else fn.node) for i, p in enumerate(fn.params)]
            places.append((fn.result, fn.node.returns or fn.node))
            for t, where in places:
                if T.is_object(t) or t is OBJECT:
                    self.module, self.fn = fn.module, fn
                    if t is OBJECT and fn.cls is not None and fn.name in OBJECT_PARAMETER_METHODS:
                        t = fn.cls  # lowered: see heap_use
                    self.heap_use(where, kind_of(t), f"'{fn.name}' handles a {t}")
                    break
        self.fn = None

    def union_type(self, node: ast.expr, parts: list[ast.expr]) -> T.Type:
        """`T | None`, `Optional[T]`, `Union[T, None]`: the one union Pythos has."""
        types = [self.resolve_type(p) for p in parts]
        some = [t for t in types if t is not NONE]
        if len(some) != 1 or len(types) != 2:
            raise self.error(node, "unions other than 'T | None' are not supported; use a "
                                   "common base class")
        if some[0] is OBJECT:
            raise self.error(node, "'object | None' says nothing 'object' does not: use object")
        return T.optional(some[0])

    def generic_type(self, node: ast.Subscript, name: str) -> T.Type:
        args = list(node.slice.elts) if isinstance(node.slice, ast.Tuple) else [node.slice]

        def count(n: int) -> None:
            if len(args) != n:
                raise self.error(node, f"{name}[...] takes {n} type argument(s), got "
                                       f"{len(args)}")
        if name in ("list", "set", "frozenset", "Iterator", "Iterable", "Optional"):
            count(1)
            elem = self.resolve_type(args[0])
            if elem is NONE:
                raise self.error(args[0], f"{name}[None] is not a useful type")
            if name == "list":
                return ListType(elem)
            if name in ("set", "frozenset"):
                self.hashable(args[0], elem)
                return SetType(elem, frozen=name == "frozenset")
            if name == "Optional":
                return self.union_type(node, [args[0], ast.Constant(None)])
            return IteratorType(elem, name)
        if name == "Generator":
            count(3)
            elem, send, result = (self.resolve_type(a) for a in args)
            return T.GeneratorType(elem, "Generator", send, result)
        if name == "dict":
            count(2)
            key = self.resolve_type(args[0])
            self.hashable(args[0], key)
            return DictType(key, self.resolve_type(args[1]))
        if name == "Union":
            return self.union_type(node, args)
        if name == "tuple":
            if len(args) == 2 and isinstance(args[1], ast.Constant) and args[1].value is ...:
                elem = self.resolve_type(args[0])
                if elem is NONE:
                    raise self.error(args[0], "tuple[None, ...] is not a useful type")
                return T.VarTupleType(elem)
            if any(isinstance(a, ast.Constant) and a.value is ... for a in args):
                raise self.error(node, "'...' in a tuple type comes second, after the one "
                                       "item type: tuple[T, ...]")
            if len(args) == 1 and isinstance(args[0], ast.Tuple) and not args[0].elts:
                return TupleType(())
            return TupleType(tuple(self.resolve_type(a) for a in args))
        # Callable[[P1, P2], R]
        count(2)
        if not isinstance(args[0], ast.List):
            raise self.error(node, "write Callable[[parameter types], result type]")
        params = tuple(self.resolve_type(a) for a in args[0].elts)
        return CallableType(params, self.resolve_type(args[1]))

    def for_objects(self, s: ast.For, t: T.Type | None = None) -> None:
        """`for x in xs`, `for k, v in d.items()`: iteration over an object."""
        if t is None:
            if isinstance(s.iter, ast.Call) and self.builtin_name(s.iter.func) == "range":
                raise self.error(s.target, "a range() loop assigns one plain name")
            t = self.expr(s.iter, None)
        elem = self.element_type(s.iter, t)
        s.kind = "object"  # type: ignore[attr-defined]
        self.heap_use(s.iter, kind_of(t) if t is not STR else "str values built at run time",
                      f"iterating over a {t} touches reference counts")
        self.bind_target(s.target, elem)
        self.for_body(s)

    def bind_target(self, target: ast.expr, t: T.Type) -> None:
        """Assign a value of type t to a target that may unpack it."""
        if isinstance(target, (ast.Tuple, ast.List)):
            for sub, st in zip(target.elts, self.unpacked(target, t), strict=True):
                self.bind_target(sub, st)
            return
        if isinstance(target, ast.Starred):  # `first, *rest = ...`: its list
            self.bind_target(target.value, t)
            target.ty = t  # type: ignore[attr-defined]
            return
        if isinstance(target, ast.Name):
            self.assign_typed(target, t, none_ok=True)
            return
        lt = self.lvalue(target)
        if not T.assignable(t, lt):
            raise self.error(target, f"incompatible types in assignment (expression has type "
                                     f"\"{t}\", target has type \"{lt}\")")

    def assign_typed(self, target: ast.Name, t: T.Type, none_ok: bool = False) -> None:
        """Bind a name to a value whose type is already known.  A first
        assignment of None asks for an annotation unless `none_ok` (a loop
        target or an unpacked item, whose type None is all there is)."""
        assert self.fn is not None
        name = target.id
        if name in self.fn.nonlocals or name in self.fn.globals_declared:
            declared = self.lvalue(target)
        else:
            var = self.fn.locals.get(name)
            declared = var.type if var is not None else t
            if t is NONE_VALUE and var is None and not none_ok:
                raise self.error(target, f"need a type annotation for '{name}' (it is None "
                                         f"here; e.g. '{name}: Node | None = None')")
        if not T.assignable(t, declared):
            raise self.error(target, f"'{name}' has type {declared}, cannot assign {t}")
        if name not in self.fn.nonlocals and name not in self.fn.globals_declared:
            self.bind_local(target, declared, "value")
        self.narrow_assigned(name, declared, t)

    def unpacking_assign(self, s: ast.Assign) -> None:
        """`a, b = b, a` and `x, y = point`: the value is evaluated whole,
        then unpacked into the targets from left to right, as in CPython.
        The targets' declared types, where known, type the value's literals."""
        assert self.fn is not None
        first = s.targets[0]
        want: T.Type | None = None
        if isinstance(first, (ast.Tuple, ast.List)) and all(
                isinstance(e, ast.Name) and e.id in self.fn.locals for e in first.elts):
            want = TupleType(tuple(self.fn.locals[e.id].type  # type: ignore[attr-defined]
                                   for e in first.elts))
        if len(s.targets) == 1 and isinstance(first, ast.Tuple) and isinstance(
                s.value, ast.Tuple) and len(first.elts) == len(s.value.elts) and not any(
                isinstance(e, ast.Starred) for e in (*first.elts, *s.value.elts)):
            # `a, b = b, a`: a parallel assignment needs no tuple object; the
            # builder evaluates every value, then assigns them in order.
            wants = list(want.elements) if isinstance(want, TupleType) else \
                [None] * len(first.elts)
            types = []
            for e, w in zip(s.value.elts, wants, strict=True):
                if w is not None:
                    self.no_plain_literal(e, w, "a tuple element")
                types.append(self.expr(e, w))
            parallel = TupleType(tuple(types))
            s.value.ty = parallel  # type: ignore[attr-defined]
            s.parallel = True  # type: ignore[attr-defined]
            for target in s.targets:
                self.bind_target(target, parallel)
            return
        t = self.expr(s.value, want)
        if t.is_aggregate:
            raise self.error(s.value, "a struct or array cannot be unpacked")
        for target in s.targets:
            self.bind_target(target, t)

    def stmt_Delete(self, s: ast.Delete) -> None:
        for target in s.targets:
            if not isinstance(target, ast.Subscript):
                raise self.error(target, "'del' removes a dict key or list items (del d[k], "
                                         "del xs[i]); a name is not deleted")
            t = self.expr(target.value, None)
            if isinstance(t, DictType):
                self.object_subscript(target, t, store=False)
            elif isinstance(t, ListType):
                self.object_subscript(target, t, store=True)
            else:
                raise self.error(target, f"\"{t}\" does not support item deletion")
            self.heap_use(target, kind_of(t), f"del of a {t} item drops a reference")

    def is_new_field(self, target: ast.expr) -> bool:
        fn = self.fn
        return (fn is not None and fn.cls is not None and fn.name == "__init__"
                and isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name)
                and target.value.id == fn.params[0].name and target.attr not in fn.cls.fields
                and fn.cls.find_method(target.attr) is None
                and fn.cls.find_constant(target.attr) is None)

    def truth_type(self, node: ast.expr, t: T.Type) -> None:
        if t is BOOL or is_int(t) or isinstance(t, PtrType) or t is T.BYTES:
            return  # bytes: true unless empty, read from the value's length
        if t is STR or T.is_object(t) or t is OBJECT:
            # Python's truth: empty containers and strings are false, None
            # is false, an instance is true unless __bool__ or __len__ say
            # otherwise.
            self.heap_use(node, kind_of(t) if t is not STR else "str operations",
                          "testing an object's truth reads it")
            return
        if t is NONE_VALUE:
            raise self.error(node, f"'{ast.unparse(node)}' is always None here")
        raise self.error(node, f"{t} cannot be used as a condition")

    def tested_maps(self, node: ast.expr, t: T.Type) -> tuple[dict[str, T.Type],
                                                            dict[str, T.Type]]:
        """The narrowings of an operand already typed (see narrow.py)."""
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            yes, no = self.tested_maps(node.operand, getattr(node.operand, "ty", t))
            return no, yes
        if isinstance(node, ast.BoolOp):
            return {}, {}
        return self.tested(node, t)

    def object_boolop(self, node: ast.BoolOp, want: T.Type | None) -> T.Type:
        """`a or b` as a value, with objects: one of the operands, so its
        type is their join; `x or default` of an Optional x is the default's
        type when it drops the None (as mypy types it)."""
        is_or = isinstance(node.op, ast.Or)
        saved = dict(self.narrowed)
        result: T.Type | None = None
        try:
            for i, v in enumerate(node.values):
                last = i == len(node.values) - 1
                if last:
                    # `children or []`: an empty display takes the type of
                    # the operands before it, as mypy types it.
                    context = want if objectish(want) else result if isinstance(
                        result, (T.ListType, T.DictType, T.SetType)) else None
                    t = self.expr(v, context)
                else:
                    yes, no = self.cond(v)
                    t = v.ty  # type: ignore[attr-defined]
                    if is_or:
                        t = T.strip_optional(t)  # a None operand is not the result
                    self.narrowed.update(no if is_or else yes)
                joined = t if result is None else T.join_types(result, t)
                if joined is None:
                    op = "or" if is_or else "and"
                    raise self.error(v, f"both sides of '{op}' must have one type, because the "
                                        f"result is one of them; got {result} and {t}")
                result = joined
        finally:
            self.narrowed = saved
        assert result is not None
        self.heap_use(node, "str operations" if result is STR else kind_of(result)
                      if T.is_object(result) else "optional values",
                      "choosing between objects touches reference counts")
        return result

    def identity(self, node: ast.Compare, a: ast.expr, b: ast.expr) -> None:
        """`x is None`, `x is not y`: identity is defined for objects."""
        lt = getattr(a, "ty", None) if hasattr(a, "ty") else self.expr(a, None)
        if lt is None:
            lt = self.expr(a, None)
        rt = self.expr(b, None)
        if NONE_VALUE in (lt, rt):
            # `x is None` is fine whatever x is known to be here (a narrowed
            # `int | None` is an int, and the test is simply decided).
            self.heap_use(node, "optional values", "comparing with None reads an object")
            return
        for t, side in ((lt, a), (rt, b)):
            if t is BOOL and OBJECT in (lt, rt):
                continue  # `x is True`: a bool as an object is one of the two shared boxes
            if not (T.is_object(t) or t in (NONE_VALUE, OBJECT, STR)):
                raise self.error(side, f"'is' compares object identity, and a {t} is not an "
                                       f"object here; use '=='")
        if lt is NONE_VALUE and rt is NONE_VALUE:
            raise self.error(node, "'None is None' is always true")
        if T.join_types(lt, rt) is None and OBJECT not in (lt, rt):
            raise self.error(node, f"non-overlapping identity check (left operand type: "
                                   f"\"{lt}\", right operand type: \"{rt}\")")
        self.heap_use(node, kind_of(lt if lt is not NONE_VALUE else rt),
                      "comparing identities reads objects")

    def peek_type(self, node: ast.expr, narrowings: dict[str, T.Type]) -> T.Type | None:
        """The type of a simple operand (a name, an attribute path, None)
        under some narrowings, without typing it; None if not simple."""
        if isinstance(node, ast.Constant) and node.value is None:
            return NONE_VALUE
        key = key_of(node)
        if key is not None and key in narrowings:
            return narrowings[key]
        if isinstance(node, ast.Name) and self.fn is not None and node.id in self.fn.locals:
            return self.narrowed.get(node.id, self.fn.locals[node.id].type)
        if isinstance(node, (ast.List, ast.Dict, ast.Set, ast.Tuple, ast.ListComp,
                             ast.DictComp, ast.SetComp, ast.JoinedStr)):
            return OBJECT
        return None

    def bind_call_args(self, node: ast.Call, params: list[Param], name: str) -> None:
        from . import Checker
        from .calls import bind_args
        assert isinstance(self, Checker)
        bind_args(self, node, params, node.args, name)

    def call_method_of(self, node: ast.AST, ct: ClassType, name: str) -> FuncSym | None:
        """The special method `name` that an operator or builtin calls on an
        instance of ct, noted as a call (for the interrupt rule)."""
        fn = ct.find_method(name)
        if not isinstance(fn, FuncSym):
            return None
        self.record_call(fn, node)
        return fn

    def isinstance_target(self, node: ast.Call) -> tuple[ast.expr, T.Type] | None:
        from . import Checker
        from .calls import isinstance_target
        assert isinstance(self, Checker)
        return isinstance_target(self, node)
