"""Exceptions (issue 12): `raise`, `try`, and the exception classes.

The built-in exception classes are ordinary classes of the module
`pythos.rt.exceptions` (pythos/rt/exceptions.py), which the parser adds
to a program that uses exceptions; every other module sees their names
unless it defines its own.  So `class ParseError(ValueError)` is an
ordinary subclass, and everything the checker knows of classes holds.

What is special is the constructor.  BaseException takes any arguments
and keeps them as `e.args`; Pythos has no `object`-typed values to keep
them in, so the compiler turns them into the two texts a program can
see, `str(e)` and the inside of `repr(e)`, when the exception is made
(`exception_texts`): `str(ValueError("bad", 3))` is CPython's
`('bad', 3)`.  A class that defines `__init__` gets the same from its
`super().__init__(...)` call, and from the constructor's own arguments
first (CPython's BaseException.__new__ keeps them too).

The rules the checker adds, each a mypy rule too:
- what is raised is an instance of a BaseException subclass, or such a
  class (raised as `C()`);
- an `except` clause names such classes (one, or a tuple);
- a bare `raise` is inside an `except` clause, where there is an
  exception to re-raise (CPython: RuntimeError otherwise).
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

from .. import types as T
from ..parse import EXCEPTIONS_MODULE
from ..symbols import ClassSym, Local
from ..types import BOOL, I64, NONE, OBJECT, STR, ClassType, OptionalType
from .narrow import assigned_keys, join_maps, terminates

if TYPE_CHECKING:
    from ..diagnostics import CompileError
    from ..symbols import FuncSym
    from . import Checker

# The kinds the runtime records without an object (ERR_* in
# pythos/rt/obj/object.py), by the class each stands for.
RUNTIME_KINDS = {"IndexError": 1, "KeyError": 2, "ValueError": 3, "TypeError": 4,
                 "ZeroDivisionError": 5, "OverflowError": 6, "AttributeError": 7,
                 "MemoryError": 8, "RuntimeError": 9, "StopIteration": 10,
                 "AssertionError": 11, "NotImplementedError": 12, "LookupError": 13,
                 "UnicodeDecodeError": 14, "UnicodeEncodeError": 15}
# The types an argument of an exception may have: their text is known.
TEXT_TYPES = (STR, I64, BOOL, OBJECT)


class Exceptions:
    """Mixed into `check.Checker`."""

    fn: FuncSym | None
    scopes: dict[str, dict[str, Any]]
    narrowed: dict[str, T.Type]

    if TYPE_CHECKING:
        def error(self, node: ast.AST, message: str) -> CompileError: ...
        def expr(self, node: ast.expr, want: T.Type | None, discard: bool = False) -> T.Type: ...
        def block(self, body: list[ast.stmt]) -> None: ...
        def scope(self) -> dict[str, Any]: ...
        def resolve_lazy(self, scope: dict[str, Any], name: str) -> Any: ...
        def static_symbol(self, node: ast.expr) -> Any: ...
        def heap_use(self, node: ast.AST, what: str, why: str) -> None: ...
        def forget(self, key: str) -> None: ...
        def bind_call_args(self, node: ast.Call, params: list[Any], name: str) -> None: ...
        def mark_stop_sources(self, s: ast.Try) -> None: ...

    # ----- the classes -----------------------------------------------------------------
    def base_exception(self) -> ClassType | None:
        sym = self.scopes.get(EXCEPTIONS_MODULE, {}).get("BaseException")
        return sym.type if isinstance(sym, ClassSym) else None

    def is_exception(self, t: T.Type) -> bool:
        base = self.base_exception()
        return base is not None and isinstance(t, ClassType) and t.is_subclass(base)

    def bind_exception_names(self) -> None:
        """Every module sees the built-in exception classes, unless it has
        a name of its own for one."""
        names = self.scopes.get(EXCEPTIONS_MODULE)
        if names is None:
            return
        for module, scope in self.scopes.items():
            if module == EXCEPTIONS_MODULE:
                continue
            for name, sym in names.items():
                if isinstance(sym, ClassSym) and name not in scope:
                    scope[name] = sym

    def exception_class_named(self, node: ast.expr) -> ClassType | None:
        """The exception class an expression names (`ValueError`,
        `errors.ParseError`), or None if it names no class."""
        sym = self.static_symbol(node) if isinstance(node, (ast.Name, ast.Attribute)) else None
        if isinstance(sym, ClassSym):
            if not self.is_exception(sym.type):
                raise self.error(node, f"'{sym.type.name}' is not an exception class (it "
                                       f"does not derive from BaseException)")
            return sym.type
        return None

    # ----- making exceptions -------------------------------------------------------------
    def construct_exception(self, node: ast.Call, ct: ClassType, init: Any) -> None:
        """`C(args)` of an exception class: the text of its arguments, then
        the class's own `__init__` (if it has one) with them."""
        node.exc_texts = self.exception_texts(node, node.args, ct, strict=init is None)  # type: ignore[attr-defined]
        for a in node.args:
            t = getattr(a, "ty", None) or self.expr(a, None)
            if not T.as_object(t):
                raise self.error(a, f"an exception keeps its arguments in e.args, as objects, "
                                    f"and a {t} is not one (pass an object, or keep it in a "
                                    f"field)")
        if init is None:
            if node.keywords:
                raise self.error(node.keywords[0], f"{ct.name}() takes no keyword "
                                                   f"arguments")

    def exception_texts(self, node: ast.Call, args: list[ast.expr], ct: ClassType,
                        strict: bool) -> tuple[ast.expr] | None:
        """The f-string that gives str(e) for these arguments, as CPython's
        BaseException makes it (repr(e) is made from `e.args` when asked
        for); None if an argument's text is not known here and `strict` is
        false (a class with its own __init__ then gets its text from
        super().__init__)."""
        if any(isinstance(a, ast.Starred) for a in args):
            raise self.error(node, "an exception's arguments cannot be unpacked with *")
        for a in args:
            t = self.expr(a, None)
            if t not in TEXT_TYPES and not (isinstance(t, ClassType) and strict):
                if not strict:
                    return None
                raise self.error(a, f"an exception's argument is kept as text; a {t} has "
                                    f"no text Pythos can keep (pass a str, an int or a bool, "
                                    f"or format it: f\"{{x}}\")")

        key_like = any(c.name == "KeyError" and c.qualname.startswith(EXCEPTIONS_MODULE)
                       for c in ct.mro())
        reprs: list[ValueRef | str] = []
        for i, a in enumerate(args):
            if i:
                reprs.append(", ")
            reprs.append(ValueRef(a, ord("r")))
        if not args:
            text: list[ValueRef | str] = []
        elif len(args) == 1:
            text = [ValueRef(args[0], ord("r") if key_like else -1)]
        else:
            text = ["(", *reprs, ")"]
        str_node = self.text_node(node, text)
        effects = self.fn.heap_effects if self.fn is not None else None
        mark = len(effects) if effects is not None else 0
        self.expr(str_node, STR)
        if effects is not None:
            # One effect for the interrupt rule, in the words of the source.
            del effects[mark:]
            effects.append((f"{ct.name}() allocates an exception", node))
        return (str_node,)

    def text_node(self, node: ast.AST, parts: list[Any]) -> ast.expr:
        """An f-string of constant text and formatted arguments."""
        values: list[ast.expr] = []
        for p in parts:
            if isinstance(p, str):
                values.append(ast.Constant(p))
            else:
                values.append(ast.FormattedValue(p.node, p.conversion, None))
        out = ast.JoinedStr(values)
        for sub in ast.walk(out):
            if not hasattr(sub, "lineno"):
                ast.copy_location(sub, node)
        if not values:
            c = ast.Constant("")
            ast.copy_location(c, node)
            return c
        return out

    def super_exception_init(self, node: ast.Call, base: ClassType) -> bool:
        """`super().__init__(args)` in a class derived from a built-in
        exception whose `__init__` is BaseException's: set the texts."""
        if not self.is_exception(base):
            return False
        node.exc_texts = self.exception_texts(node, node.args, base, strict=True)  # type: ignore[attr-defined]
        if node.keywords:
            raise self.error(node.keywords[0], "BaseException.__init__() takes no keyword "
                                               "arguments")
        node.call = ("exc_init", None)  # type: ignore[attr-defined]
        return True

    def assertion_message_is_value(self, msg: ast.expr) -> bool:
        """In a Linux or user program that uses exceptions, a failed assert
        raises AssertionError with its message as a str value (ir/build/
        exceptions.py); elsewhere the message is a panic's text."""
        return (self.base_exception() is not None and not getattr(self, "freestanding", True)
                and (isinstance(msg, ast.JoinedStr)
                     or (isinstance(msg, ast.Constant) and isinstance(msg.value, str))))

    # ----- raise ---------------------------------------------------------------------------
    def stmt_Raise(self, s: ast.Raise) -> None:
        assert self.fn is not None
        if s.exc is None:
            if s.cause is not None:
                raise self.error(s, "a bare 'raise' cannot have 'from'")
            if not getattr(self, "handling", 0):
                raise self.error(s, "a bare 'raise' re-raises the exception being handled, "
                                    "and here none is: it is not inside an 'except' block "
                                    "(CPython: RuntimeError: No active exception to "
                                    "reraise)")
            self.heap_use(s, "exceptions", "raise allocates its traceback")
            return
        s.exc = self.raised_value(s.exc, "raise")
        if s.cause is not None:
            if isinstance(s.cause, ast.Constant) and s.cause.value is None:
                s.cause.ty = T.NONE  # type: ignore[attr-defined]
            else:
                s.cause = self.raised_value(s.cause, "raise ... from")
        self.heap_use(s, "exceptions", "raise allocates its traceback")
        # A built-in exception with no argument or one str is recorded as
        # the runtime records its own errors: a kind and a message, with no
        # object made unless a handler binds it (pythos/rt/obj/exc.py).
        exc = s.exc
        if s.cause is None and isinstance(exc, ast.Call) and len(exc.args) <= 1 \
                and not exc.keywords:
            ct: ClassType = exc.ty  # type: ignore[attr-defined]
            kind = RUNTIME_KINDS.get(ct.name)
            if kind is not None and ct.qualname == f"{EXCEPTIONS_MODULE}.{ct.name}" \
                    and ct.name != "KeyError" and (
                    not exc.args or exc.args[0].ty is STR):  # type: ignore[attr-defined]
                s.lazy = kind  # type: ignore[attr-defined]

    def raised_value(self, node: ast.expr, what: str) -> ast.expr:
        """The exception a `raise` names: an instance, or a class called
        with no arguments (`raise ValueError` is `raise ValueError()`)."""
        ct = self.exception_class_named(node)
        if ct is not None:
            call = ast.Call(node, [], [])
            ast.copy_location(call, node)
            node = call
        t = self.expr(node, None)
        if not self.is_exception(t):
            raise self.error(node, f"exceptions must derive from BaseException; {what} "
                                   f"got {t}")
        return node

    # ----- try -----------------------------------------------------------------------------
    def stmt_Try(self, s: ast.Try) -> None:
        assert self.fn is not None
        self.heap_use(s, "exceptions", "try allocates a record of what it catches")
        self.mark_stop_sources(s)  # check/coroutines.py: `e.value` after a send
        base = dict(self.narrowed)
        self.block(s.body)
        after_body = self.narrowed
        # A handler starts where any statement of the body may have failed:
        # nothing the body proved holds there.
        changed = assigned_keys(s.body)
        at_handler = {k: t for k, t in base.items() if k not in changed}
        outs: list[dict[str, T.Type]] = []
        if not terminates(s.body):
            self.narrowed = dict(after_body)
            self.block(s.orelse)
            if not terminates(s.orelse):
                outs.append(self.narrowed)
        for i, h in enumerate(s.handlers):
            if h.type is None and i != len(s.handlers) - 1:
                raise self.error(h, "a bare 'except:' must be the last clause (Python: "
                                    "default 'except:' must be last)")
            self.narrowed = dict(at_handler)
            self.handler(h)
            if not terminates(h.body):
                outs.append(self.narrowed)
        if s.handlers and not s.finalbody and not outs:
            self.narrowed = base
        joined = outs[0] if outs else dict(at_handler)
        for o in outs[1:]:
            joined = join_maps(joined, o)
        self.narrowed = joined
        if s.finalbody:
            # The finally block may run after a failure anywhere above.
            saved = self.narrowed
            self.narrowed = {k: t for k, t in at_handler.items()
                             if k not in assigned_keys(s.orelse)
                             and all(k not in assigned_keys(h.body) for h in s.handlers)}
            self.block(s.finalbody)
            after_final = assigned_keys(s.finalbody)
            self.narrowed = {k: t for k, t in saved.items() if k not in after_final}
        for key in assigned_keys(s.finalbody):
            self.forget(key)

    def handler(self, h: ast.ExceptHandler) -> None:
        assert self.fn is not None
        caught: ClassType | None = None
        if h.type is None:
            caught = self.base_exception()
            h.classes = [caught]  # type: ignore[attr-defined]
        else:
            nodes = h.type.elts if isinstance(h.type, ast.Tuple) else [h.type]
            classes: list[ClassType] = []
            for n in nodes:
                ct = self.exception_class_named(n)
                if ct is None:
                    raise self.error(n, f"'{ast.unparse(n)}' is not an exception class: an "
                                        f"'except' clause names classes that derive from "
                                        f"BaseException")
                classes.append(ct)
            h.classes = classes  # type: ignore[attr-defined]
            caught = common_base(classes)
        assert caught is not None
        self.handling = getattr(self, "handling", 0) + 1
        try:
            if h.name is None:
                self.block(h.body)
                return
            # The name is bound for the clause only (CPython deletes it at
            # the end), so it is a variable of its own, as a comprehension's.
            saved = self.fn.locals
            self.fn.locals = dict(saved)
            var = Local(h.name, caught, "value")
            self.fn.locals[h.name] = var
            h.var = var  # type: ignore[attr-defined]
            self.narrowed.pop(h.name, None)
            try:
                self.block(h.body)
            finally:
                inner = self.fn.locals
                self.fn.locals = saved
                for name, v in inner.items():
                    if name != h.name and name not in saved:
                        saved[name] = v
            self.narrowed.pop(h.name, None)
        finally:
            self.handling -= 1


class ValueRef:
    """An argument formatted in an exception's text (`!r` or plain)."""

    def __init__(self, node: ast.expr, conversion: int) -> None:
        self.node = node
        self.conversion = conversion


def common_base(classes: list[ClassType]) -> ClassType:
    """The nearest class every one of `classes` derives from."""
    first = classes[0].mro()
    for c in first:
        if all(other.is_subclass(c) for other in classes[1:]):
            return c
    return first[-1]


def exception_exit(c: Checker, s: ast.With | ast.AsyncWith, item: ast.withitem,
                   exit_: FuncSym, result: T.Type | None = None) -> bool:
    """Whether `exit_` is the three-argument `__exit__(self, exc_type, exc,
    tb)` that sees the exception leaving the block and may suppress it by
    returning True (PEP 343).  Pythos has no class objects and no traceback
    objects, so `exc_type` and `tb` are declared `object` (which mypy
    accepts for the protocol) and are None exactly when `exc` is; `exc` is
    the exception itself, `BaseException | None`.  Such a with statement
    has one item, so that which exits see an exception suppressed by an
    inner one needs no bookkeeping: nest the statements instead.  `result`
    is what the call's value is, if not `exit_.result`: an `async with`
    passes the result of the coroutine `__aexit__` makes (asyncs.py)."""
    if len(exit_.params) != 4:
        return False
    base = c.scopes[EXCEPTIONS_MODULE].get("BaseException") if EXCEPTIONS_MODULE in c.scopes \
        else None
    exc_t = exit_.params[2].type
    wanted = isinstance(base, ClassSym) and isinstance(exc_t, OptionalType) and \
        exc_t.inner == base.type
    if exit_.params[1].type != OBJECT or exit_.params[3].type != OBJECT or not wanted:
        raise c.error(item.context_expr,
                      f"{exit_.qualname.rsplit('.', 2)[-2]}.{exit_.name} must be declared "
                      f"(self, exc_type: object, exc: BaseException | None, tb: object): "
                      f"Pythos has no class or traceback objects to pass, so exc_type and "
                      f"tb are None exactly when exc is")
    if (exit_.result if result is None else result) not in (BOOL, NONE):
        raise c.error(item.context_expr, f"{exit_.name} returns bool (True suppresses the "
                                         f"exception) or None")
    if len(s.items) != 1:
        raise c.error(item.context_expr, "a with statement whose __exit__ sees the exception "
                                         "has one item here; nest the with statements")
    item.exit_sees_exception = True  # type: ignore[attr-defined]
    return True
