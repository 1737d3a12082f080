"""Functions as values (issue 11), a mixin of `Checker`.

A top-level function, a bound method (`obj.method`), a lambda and a nested
`def` are all values of a `Callable[[...], R]` type.  A nested function is
a closure: it reads its enclosing function's locals (which CPython keeps
in cells, so it sees their latest values) and may assign them after
declaring them `nonlocal`.  It is declared where its `def` runs, as a local
of the enclosing function whose type is its signature, and its body is
checked after the enclosing body, when every local it can capture is known.

A lambda has no annotations, so it is typed by its context: a `Callable`
variable or parameter, or the `key=` of `sorted`, `min`, `max` and
`list.sort`, give its parameters their types; its result is its body's.

Default values are evaluated once, when the `def` runs, and shared by
every call: a mutable default (`[]`, `{}`, a class instance) would carry
one call's changes into the next, CPython's best-known trap.  mypy accepts
it; Pythos refuses it with the usual remedy.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

from .. import types as T
from ..symbols import ClassSym, FuncSym, GlobalSym, Local, ModuleRef
from ..types import NONE, CallableType
from .interrupts import UNKNOWN_CALL

if TYPE_CHECKING:
    from ..diagnostics import CompileError
    from ..parse import Module


class Functions:
    """Mixed into `check.Checker`."""

    module: Module
    fn: FuncSym | None
    narrowed: dict[str, T.Type]

    if TYPE_CHECKING:
        def error(self, node: ast.AST, message: str) -> CompileError: ...
        def expr(self, node: ast.expr, want: T.Type | None,
                 discard: bool = False) -> T.Type: ...
        def expect(self, node: ast.expr, want: T.Type) -> T.Type: ...
        def heap_use(self, node: ast.AST, what: str, effect: str) -> None: ...
        def make_function(self, m: Module, node: ast.FunctionDef, struct: Any,
                          cls: Any = None) -> FuncSym: ...
        def bind_local(self, target: ast.Name, t: T.Type, kind: str) -> Local: ...
        def scope(self, m: Module | None = None) -> dict[str, Any]: ...
        def resolve_lazy(self, scope: dict[str, Any], name: str) -> Any: ...
        def no_plain_literal(self, value: ast.expr, t: T.Type, what: str,
                             fix: str = ...) -> None: ...

    def signature_of(self, fn: FuncSym, skip: int = 0,
                     at: ast.AST | None = None) -> CallableType:
        """The Callable type of `fn` as a value (its first `skip` parameters
        bound).  A Callable passes its arguments by position, so a
        function with keyword-only parameters cannot be one."""
        stars = [p.star + p.name for p in fn.params if p.star]
        if stars:
            assert fn.node is not None
            raise self.error(at or fn.node,
                             f"'{fn.name}' takes {' and '.join(stars)}, so it cannot be a "
                             f"Callable value here (a Callable[[...], R] has a fixed list "
                             f"of parameters); call it by name, or wrap it in a lambda")
        kw_only = [p.name for p in fn.params if p.kw_only]
        if kw_only:
            assert fn.node is not None
            raise self.error(at or fn.node,
                             f"'{fn.name}' has keyword-only parameters ({', '.join(kw_only)}), "
                             f"so it cannot be a Callable value (a Callable passes its "
                             f"arguments by position); call it by name, or wrap it in a lambda")
        return CallableType(tuple(p.type for p in fn.params[skip:]), fn.result)

    def mutable_default(self, node: ast.expr) -> str | None:
        """Why a default value would be shared mutable state, or None."""
        if isinstance(node, (ast.List, ast.ListComp)):
            return "a list"
        if isinstance(node, (ast.Dict, ast.DictComp)):
            return "a dict"
        if isinstance(node, (ast.Set, ast.SetComp)):
            return "a set"
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            name = node.func.id
            if name in ("list", "dict", "set") and name not in self.scope():
                return f"a {name}"
            sym = self.scope().get(name)
            if isinstance(sym, ClassSym) and not (
                    deeply_immutable(sym.type) and not node.keywords and all(
                        self.mutable_default(a) is None for a in node.args)):
                return f"an instance of {name}"
        if isinstance(node, ast.Tuple):
            for e in node.elts:
                why = self.mutable_default(e)
                if why is not None:
                    return f"a tuple holding {why}"
        return None

    def constant_default(self, node: ast.expr) -> bool:
        """None, a number, a string, a named constant, a tuple of them, or
        an instance of a frozen dataclass of such fields made from them
        (`Money(0)`), which no one can change."""
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            sym = self.scope().get(node.func.id)
            return isinstance(sym, ClassSym) and deeply_immutable(sym.type) \
                and not node.keywords and all(self.constant_default(a) for a in node.args)
        if isinstance(node, ast.Tuple):
            return all(self.constant_default(e) for e in node.elts)
        return all(isinstance(n, (ast.Constant, ast.Load, ast.UnaryOp, ast.unaryop, ast.Name))
                   or (isinstance(n, ast.Attribute) and getattr(n, "const", None) is not None)
                   for n in ast.walk(node))

    def check_default(self, fn: FuncSym, default: ast.expr, t: T.Type) -> bool:
        """Check an object-typed parameter's default; True if handled."""
        why = self.mutable_default(default)
        if why is not None:
            kind = why.split()[-1]
            raise self.error(default, f"a mutable default ({why}) is created once and shared "
                                      f"by every call; use None and create the {kind} inside "
                                      f"the function")
        if not T.is_object(t) and t is not T.STR:
            return False
        got = self.expr(default, t)
        if not T.assignable(got, t):
            raise self.error(default, f"incompatible default for argument (default has type "
                                      f"\"{got}\", argument has type \"{t}\")")
        # A named constant counts, from this module or another (`m.NAME`).
        if not self.constant_default(default):
            raise self.error(default, "a default value must be a constant (None, a number, "
                                      "a string, or a tuple of them)")
        return True

    # ----- nested functions and lambdas -------------------------------------------------
    def stmt_FunctionDef(self, s: ast.FunctionDef) -> None:
        assert self.fn is not None
        inner = self.make_function(self.module, s, None)
        inner.parent = self.fn
        inner.link_name = f"{self.fn.link_name}.<locals>.{s.name}"
        local = self.bind_local(ast.Name(id=s.name, ctx=ast.Store()),
                                self.signature_of(inner), "value")
        assert self.fn.node is not None
        defs = [n for n in ast.walk(self.fn.node) if isinstance(n, ast.FunctionDef)
                and n.name == s.name and n is not self.fn.node]
        stores = [n for n in ast.walk(self.fn.node) if isinstance(n, ast.Name)
                  and n.id == s.name and isinstance(n.ctx, ast.Store)]
        if len(defs) == 1 and not stores:
            # The name always holds this function: calls by it may use its
            # keywords and defaults (`inner(1)` for `def inner(x, k=10)`).
            local.nested_def = inner  # type: ignore[attr-defined]
        s.pythos_sym = inner  # type: ignore[attr-defined]
        self.narrowed.pop(s.name, None)
        # For the interrupt rule: whoever defines a closure may call it.
        self.fn.calls.append((inner, s))
        self.heap_use(s, "nested functions", f"the closure '{s.name}' allocates")

    def stmt_Nonlocal(self, s: ast.Nonlocal) -> None:
        pass  # read by declare_scope_statements before the body is checked

    def enclosing_local(self, name: str) -> Local | None:
        """The local of an enclosing function that a nested function sees
        under `name` (a captured variable), or None."""
        fn = self.fn.parent if self.fn is not None else None
        while fn is not None:
            if name in fn.locals:
                return fn.locals[name]
            fn = fn.parent
        return None

    def lambda_for(self, node: ast.expr, params: tuple[T.Type, ...]) -> T.Type:
        """Type a function argument (a `key=`) that is given `params`."""
        if isinstance(node, ast.Lambda):
            return self.expr(node, CallableType(params, T.OBJECT))
        return self.expr(node, None)

    def expr_Lambda(self, node: ast.Lambda, want: T.Type | None) -> T.Type:
        a = node.args
        if isinstance(want, T.OptionalType) and isinstance(want.inner, CallableType):
            want = want.inner  # `handler: Callable[[], None] | None = lambda: ...`
        if a.vararg or a.kwarg or a.kwonlyargs or a.posonlyargs:
            raise self.error(node, "a lambda takes plain parameters only (with defaults)")
        required = len(a.args) - len(a.defaults)
        if not isinstance(want, CallableType) or not required <= len(want.params) <= len(
                a.args):
            raise self.error(node, "cannot infer the type of this lambda: give it a context "
                                   "(a Callable variable or parameter, or key=)"
                                   if not isinstance(want, CallableType) else
                                   f"this lambda takes {len(a.args)} parameter(s), but a "
                                   f"\"{want}\" is expected")
        assert self.fn is not None
        # `lambda x, i=i: x + i` where one argument is passed: the defaults
        # of the parameters no call passes are evaluated here, where the
        # lambda is made, and each lambda made keeps its own values (the
        # builder gives each a cell of its own, ir/build/funcs.py).
        node.default_locals = []  # type: ignore[attr-defined]
        # The defaults of parameters every call passes are still evaluated
        # where the lambda is made, as CPython does, and dropped.
        passed = a.defaults[:max(0, len(want.params) - required)]
        for default, pt in zip(passed, want.params[required:], strict=False):
            got = self.expr(default, pt)
            if not T.assignable(got, pt):
                raise self.error(default, f"incompatible default for argument (default has "
                                          f"type \"{got}\", argument has type \"{pt}\")")
        node.passed_defaults = passed  # type: ignore[attr-defined]
        for arg, default in zip(a.args[len(want.params):], a.defaults[len(a.defaults) - (
                len(a.args) - len(want.params)):], strict=True):
            dt = self.expr(default, None)
            if dt is None or dt is NONE:
                raise self.error(default, "this default gives the parameter no type: "
                                          "annotate a variable and use it")
            node.default_locals.append(  # type: ignore[attr-defined]
                (Local(arg.arg, dt, "value"), default))
        saved_locals, saved_narrowed = dict(self.fn.locals), dict(self.narrowed)
        # The lambda's parameters, for the builder, which compiles the body
        # as a function of its own (ir/build/funcs.py).
        node.param_locals = []  # type: ignore[attr-defined]
        try:
            for arg, pt in zip(a.args, want.params, strict=False):
                self.fn.locals[arg.arg] = Local(arg.arg, pt, "value", is_param=True)
                node.param_locals.append(self.fn.locals[arg.arg])  # type: ignore[attr-defined]
                self.narrowed.pop(arg.arg, None)
            for local, _ in node.default_locals:  # type: ignore[attr-defined]
                self.fn.locals[local.name] = local
                self.narrowed.pop(local.name, None)
            result_want = None if want.result in (T.OBJECT, NONE) else want.result
            result = self.expr(node.body, result_want, discard=True)
        finally:
            self.fn.locals, self.narrowed = saved_locals, saved_narrowed
        if result_want is not None and not T.assignable(result, result_want):
            raise self.error(node.body, f"incompatible return value type (got \"{result}\", "
                                        f"expected \"{result_want}\")")
        self.heap_use(node, "lambdas", "a lambda allocates a function object")
        # A lambda where a function returning None is wanted is such a
        # function: its body's value is dropped.
        return CallableType(want.params, NONE if want.result is NONE else result)

    def names_a_type(self, node: ast.expr) -> bool:
        """Whether `node`, subscripted and called, is a type being
        instantiated (`Array[u8, 4]()`, `Ptr[T](a)`) rather than a value
        (`table["h"]()`, `fs[0](x)`)."""
        if isinstance(node, ast.Name):
            if self.fn is not None and (node.id in self.fn.locals
                                        or self.enclosing_local(node.id) is not None):
                return False
            return not isinstance(self.scope().get(node.id), GlobalSym)
        if isinstance(node, ast.Attribute):
            return isinstance(node.value, ast.Name) and isinstance(
                self.scope().get(node.value.id), ModuleRef)
        return False

    def call_nested(self, node: ast.Call, t: T.Type, what: str) -> T.Type:
        """A call by the name of a nested `def` (a local that only the def
        assigns): through the closure, but with the def's keywords and
        defaults, as a direct call binds them."""
        inner = getattr(getattr(node.func, "sym", None), "nested_def", None)
        if not isinstance(inner, FuncSym) or not isinstance(t, CallableType):
            return self.call_value(node, t, what)
        from .calls import bind_args
        bind_args(self, node,  # type: ignore[arg-type]
                  [p for p in inner.params if p.name != "__closure__"],
                  node.args, what)
        node.call = ("value", t)  # type: ignore[attr-defined]
        self.heap_use(node, "function values", f"calling the function value '{what}' "
                                               f"{UNKNOWN_CALL}")
        return t.result

    def call_value(self, node: ast.Call, t: T.Type, what: str) -> T.Type:
        """A call through a function value."""
        if not isinstance(t, CallableType):
            if isinstance(t, T.OptionalType):
                raise self.error(node.func, f"\"{t}\" not callable: '{what}' may be None here")
            raise self.error(node.func, f"\"{t}\" not callable ('{what}' is not a function)")
        if node.keywords:
            raise self.error(node.keywords[0], "a function value takes positional arguments "
                                               "only")
        if len(node.args) != len(t.params):
            many = "too many" if len(node.args) > len(t.params) else "too few"
            raise self.error(node, f"{many} arguments: '{what}' is a \"{t}\", which takes "
                                   f"{len(t.params)}")
        for i, (a, pt) in enumerate(zip(node.args, t.params, strict=True)):
            self.no_plain_literal(a, pt, f"argument {i + 1}")
            got = self.expr(a, pt)
            if not T.assignable(got, pt):
                raise self.error(a, f"argument {i + 1} has incompatible type \"{got}\"; "
                                    f"expected \"{pt}\"")
        node.call = ("value", t)  # type: ignore[attr-defined]
        # For the interrupt rule: the call graph ends here, since any function
        # of this type may be called (check/interrupts.py).
        self.heap_use(node, "function values", f"calling the function value '{what}' "
                                               f"{UNKNOWN_CALL}")
        return t.result


def deeply_immutable(t: T.Type, seen: frozenset[int] = frozenset()) -> bool:
    """Whether no value of type `t` can change once made: integers, bool,
    str, bytes, None, tuples of them, and frozen dataclasses whose fields
    are all of such types (so a default of it may be made anew for each
    use without anyone seeing the difference but `is`)."""
    if isinstance(t, T.OptionalType):
        return deeply_immutable(t.inner, seen)
    if isinstance(t, T.TupleType):
        return all(deeply_immutable(e, seen) for e in t.elements)
    if isinstance(t, T.VarTupleType):
        return deeply_immutable(t.element, seen)
    if isinstance(t, T.ClassType):
        if id(t) in seen:
            return True  # (a field of its own type: decided by the others)
        inner = seen | {id(t)}
        return t.dataclass and all(c.frozen for c in t.mro()) \
            and all(deeply_immutable(ft, inner) for ft in t.fields.values())
    return isinstance(t, T.IntType) or t in (T.BOOL, T.STR, T.BYTES, T.NONE, T.NONE_VALUE)
