"""Checking statements, a mixin of `Checker`: the second pass, one
function body at a time.

Each statement kind has its `stmt_<Kind>` method, which the dispatcher
`stmt` calls; `block` checks a list of them and keeps the narrowing
state (check/narrow.py) that flows from one to the next.  Assignments
bind and type local names (a first assignment declares the variable);
`if`, `while` and `for` join what their branches proved; `return`,
`assert`, `with`, `raise` and `try` hand their object and exception
parts to the mixins that own them."""

from __future__ import annotations

import ast
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .. import types as T
from ..diagnostics import CompileError
from ..parse import Module
from ..symbols import (
    FuncSym,
    GlobalSym,
    Local,
)
from ..types import (
    BYTES,
    I64,
    NONE,
    NONE_VALUE,
    OBJECT,
    STR,
    ArrayType,
    ClassType,
    ListType,
    OptionalType,
    SetType,
    StructType,
)
from .bytesmethods import bytearray_source
from .containers import kind_of, objectish
from .names import (
    UNSUPPORTED_EXPRS,
    UNSUPPORTED_STMTS,
)
from .narrow import (
    Narrowings,
    assigned_keys,
    has_break,
    join_maps,
    key_of,
    terminates,
)
from .objects import is_int
from .operators import (
    inplace_augassign,
    return_not_implemented,
)


class Statements:
    """Mixed into `check.Checker`, which provides what is declared here."""

    addressed: set[str]
    aggregate_returns: list[tuple[ast.expr, T.Type]]
    aliased: set[str]
    current: ast.AST | None
    fn: FuncSym | None
    loop_depth: int
    loops: list[ast.stmt]
    module: Module
    narrowed: dict[str, T.Type]
    owner_sites: dict[str, int]

    if TYPE_CHECKING:
        def first_use_type(self, name: str, value: ast.expr, after: ast.stmt) -> T.Type | None: ...
        def add_field(self, ct: ClassType, node: ast.AST, t: T.Type,
                      name: str | None = None) -> None: ...
        def assertion_message_is_value(self, msg: ast.expr) -> bool: ...
        def assign_typed(self, target: ast.Name, t: T.Type, none_ok: bool = False) -> None: ...
        def binop_types(self, node: ast.AST, op: ast.operator, left: ast.expr,
                        right: ast.expr, want: T.Type | None) -> T.Type: ...
        def builtin_name(self, node: ast.expr) -> str | None: ...
        def check_field_store(self, node: ast.Attribute, ct: ClassType) -> T.Type: ...
        def cond(self, node: ast.expr) -> tuple[Narrowings, Narrowings]: ...
        def const_int(self, node: ast.expr) -> int | None: ...
        def coroutine_return(self, s: ast.Return) -> None: ...
        def discarded_call(self, s: ast.Expr, t: T.Type) -> None: ...
        def enclosing_local(self, name: str) -> Local | None: ...
        def error(self, node: ast.AST, message: str) -> CompileError: ...
        def expect(self, node: ast.expr, want: T.Type) -> T.Type: ...
        def expr(self, node: ast.expr, want: T.Type | None, discard: bool = False) -> T.Type: ...
        def for_objects(self, s: ast.For, t: T.Type | None = None) -> None: ...
        def forget(self, key: str) -> None: ...
        def generator_return(self, s: ast.Return) -> None: ...
        def heap_use(self, node: ast.AST, what: str, effect: str) -> None: ...
        def infer_global_type(self, g: GlobalSym, target: ast.Name, value: ast.expr) -> None: ...
        @staticmethod
        def is_final(ann: ast.expr) -> bool: ...
        def is_new_field(self, target: ast.expr) -> bool: ...
        def mark_plain(self, target: ast.Name, why: str) -> None: ...
        def narrow_assigned(self, key: str | None, declared: T.Type, value: T.Type) -> None: ...
        def no_plain_arithmetic(self, node: ast.AST, op: ast.AST, t: T.Type,
                                operands: list[ast.expr]) -> None: ...
        def no_plain_literal(self, node: ast.expr, want: T.Type, what: str,
                             advice: str = ...) -> None: ...
        def object_binop(self, node: ast.AST, op: ast.operator, left: ast.expr,
                         right: ast.expr, lt: T.Type, rt: T.Type) -> T.Type: ...
        def object_subscript(self, node: ast.Subscript, t: T.Type, store: bool) -> T.Type: ...
        def optional_attribute_error(self, node: ast.Attribute,
                                     t: OptionalType) -> CompileError: ...
        def resolve_type(self, node: ast.expr) -> T.Type: ...
        def scope(self, m: Module | None = None) -> dict[str, Any]: ...
        def static_symbol(self, node: ast.expr) -> Any: ...
        def text(self, node: ast.expr) -> None: ...
        def unpacking_assign(self, s: ast.Assign) -> None: ...

    def block(self, body: list[ast.stmt]) -> None:
        for stmt in body:
            self.stmt(stmt)

    def stmt(self, s: ast.stmt) -> None:
        self.current = s
        method: Callable[[Any], None] | None = getattr(self, "stmt_" + type(s).__name__, None)
        if method is None:
            name = type(s).__name__
            raise self.error(s, UNSUPPORTED_STMTS.get(name, f"'{name}' statements are not "
                                                            f"supported"))
        method(s)

    def stmt_Pass(self, s: ast.Pass) -> None:
        pass

    def stmt_Global(self, s: ast.Global) -> None:
        pass

    def stmt_Break(self, s: ast.Break | ast.Continue) -> None:
        if not self.loop_depth:
            word = "break" if isinstance(s, ast.Break) else "continue"
            raise self.error(s, f"'{word}' outside a loop")

    stmt_Continue = stmt_Break

    def stmt_Expr(self, s: ast.Expr) -> None:
        if isinstance(s.value, ast.Constant) and isinstance(s.value.value, str):
            return  # a docstring
        if isinstance(s.value, ast.Constant) and s.value.value is Ellipsis:
            return
        if isinstance(s.value, (ast.Yield, ast.YieldFrom, ast.Await)):
            self.expr(s.value, None, discard=True)  # check/generators.py, coroutines.py
            return
        if not isinstance(s.value, ast.Call):
            name = type(s.value).__name__
            raise self.error(s, UNSUPPORTED_EXPRS.get(name, "this expression has no effect"))
        self.discarded_call(s, self.expr(s.value, None, discard=True))  # never awaited?

    def stmt_Return(self, s: ast.Return) -> None:
        assert self.fn is not None
        if isinstance(self.fn.generator, T.CoroutineType):
            self.coroutine_return(s)  # check/coroutines.py
            return
        if self.fn.generator is not None:
            self.generator_return(s)  # check/generators.py
            return
        want = self.fn.result
        if return_not_implemented(self, s):  # in an operator's method (operators.py)
            return
        if s.value is None:
            if want is not NONE:
                raise self.error(s, f"return needs a {want} value")
            return
        if want is NONE:
            raise self.error(s.value, "this function returns None; it cannot return a value")
        self.no_plain_literal(s.value, want, "the return value")
        self.expect(s.value, want)
        self.no_plain_literal(s.value, want, "the return value")
        if want.is_aggregate:
            self.aggregate_returns.append((s.value, want))

    def check_fresh_return(self, value: ast.expr, t: T.Type) -> None:
        """A struct or array result is copied out when compiled, while under
        CPython the caller gets the very object returned.  The two agree only
        if nothing else can reach that object once the function has returned:
        a new one (a constructor, or a call, whose own returns are checked
        here), or a local that only ever held new ones."""
        why = self.shared_reason(value)
        if why is None:
            return
        text = ast.get_source_segment(self.module.source, value) or ast.unparse(value)
        noun = "an array" if isinstance(t, ArrayType) else "a struct"
        example = f"{t}()" if isinstance(t, ArrayType) else f"{t}(...)"
        raise self.error(value, f"returning '{text}' would copy {noun} that the caller can "
                                f"also reach ({why}); under CPython the caller would share "
                                f"it. Return a new one (e.g. {example}) or take one to "
                                f"fill in as a parameter")

    def shared_reason(self, value: ast.expr) -> str | None:
        """Why an aggregate value may be reachable other than through the
        function's result, or None if it is fresh."""
        assert self.fn is not None
        if self.is_fresh(value):
            return None
        if isinstance(value, ast.Name):
            sym = getattr(value, "sym", None)
            if isinstance(sym, GlobalSym):
                return "it is a global"
            if isinstance(sym, Local) and sym.is_param:
                if self.fn.struct is not None and value.id == self.fn.params[0].name:
                    return "it is the struct the method was called on"
                return "it is a parameter, the caller's own"
            if isinstance(sym, Local) and sym.kind != "owner":
                return "it names a struct or array that exists elsewhere"
            if value.id in self.addressed:
                return "its address is taken"
            return None
        if isinstance(value, ast.Attribute):
            if getattr(value, "field", (None,))[0] == "global":
                return "it is a global"
            return f"it is a field of '{ast.unparse(value.value)}'"
        if isinstance(value, ast.Subscript):
            if getattr(value, "sub", None) == "ptr":
                return "it is memory behind a pointer"
            return f"it is an element of '{ast.unparse(value.value)}'"
        if isinstance(value, ast.Call) and getattr(value, "call", ("",))[0] == "ptrmethod":
            return "it is memory behind a pointer"
        return "it is not a new value"

    def stmt_Assert(self, s: ast.Assert) -> None:
        yes, no = self.cond(s.test)
        if s.msg is not None:
            saved = dict(self.narrowed)
            self.narrowed.update(no)  # the message is evaluated when the test fails
            if self.assertion_message_is_value(s.msg):  # check/exceptions.py
                self.expr(s.msg, STR)
            else:
                self.text(s.msg)
            self.narrowed = saved
        self.narrowed.update(yes)

    def stmt_If(self, s: ast.If) -> None:
        yes, no = self.cond(s.test)
        base = dict(self.narrowed)
        self.narrowed = {**base, **yes}
        self.block(s.body)
        after_body = self.narrowed
        self.narrowed = {**base, **no}
        self.block(s.orelse)
        after_else = self.narrowed
        # Narrowings hold after the if where every path that gets there
        # proved them; a branch that returns, breaks or continues does not
        # get there (`if x is None: return` leaves x narrowed to not-None).
        body_ends, else_ends = terminates(s.body), terminates(s.orelse)
        if body_ends and not else_ends:
            self.narrowed = after_else
        elif else_ends and not body_ends:
            self.narrowed = after_body
        elif body_ends and else_ends:
            self.narrowed = base
        else:
            self.narrowed = join_maps(after_body, after_else)

    def loop_entry(self, body: list[ast.stmt]) -> None:
        """At the top of a loop, forget what the body may change: a later
        iteration arrives there after it has."""
        for key in assigned_keys(body):
            self.forget(key)

    def stmt_While(self, s: ast.While) -> None:
        self.loops.append(s)  # its test runs again at every iteration
        self.loop_entry(s.body)
        yes, no = self.cond(s.test)
        base = dict(self.narrowed)
        self.narrowed = {**base, **yes}
        self.loop_depth += 1
        self.block(s.body)
        self.loops.pop()
        self.loop_depth -= 1
        # Left by the test failing (unless a break may leave it too).
        self.narrowed = {**base, **no} if not has_break(s.body) else base
        self.block(s.orelse)

    def stmt_For(self, s: ast.For) -> None:
        self.loop_entry(s.body)
        if not isinstance(s.target, ast.Name):
            self.for_objects(s)
            return
        it = s.iter
        if isinstance(it, ast.Call) and isinstance(it.func, ast.Name) and it.func.id == "range" \
                and self.builtin_name(it.func) == "range":
            if not 1 <= len(it.args) <= 3 or it.keywords:
                raise self.error(it, "range() takes one to three arguments")
            var = self.fn.locals.get(s.target.id) if self.fn else None
            t = var.type if var is not None else None
            # The loop variable's type comes from the first non-literal bound.
            if t is None:
                for a in it.args:
                    if self.const_int(a) is None:
                        t = self.expr(a, None)
                        break
            t = t or I64
            if not is_int(t):
                raise self.error(it, f"range() needs integers, got {t}")
            for a in it.args[:2]:
                self.expect(a, t)
            if len(it.args) == 3:
                step = self.const_int(it.args[2])
                if step is None:
                    self.expect(it.args[2], t)
                    it.args[2].const = None  # type: ignore[attr-defined]
                else:
                    # A constant step stays a plain number: range(u8(9),
                    # u8(0), -1) counts down an unsigned variable.
                    if step == 0:
                        raise self.error(it.args[2], "range() arg 3 must not be zero")
                    if abs(step) >= 1 << 64:
                        raise self.error(it.args[2], "range() step is too large")
                    it.args[2].const, it.args[2].ty = step, t  # type: ignore[attr-defined]
            s.kind = "range"  # type: ignore[attr-defined]
            self.assign_name(s.target, t, None)
            self.mark_plain(s.target, "range() loop variable")
        else:
            t = self.expr(it, None)
            if t is BYTES:
                elem: T.Type = T.U8
                s.kind = "bytes"  # type: ignore[attr-defined]
            elif isinstance(t, ArrayType):
                elem = t.element
                s.kind = "array"  # type: ignore[attr-defined]
            elif objectish(t):
                self.for_objects(s, t)
                return
            else:
                raise self.error(it, f"cannot iterate over {t} (use range(), bytes or an Array)")
            if elem.is_aggregate:
                self.bind_local(s.target, elem, "ref")
                self.note_alias(it)
            else:
                self.assign_name(s.target, elem, None)
                if t is BYTES:
                    self.mark_plain(s.target, "loop variable over bytes")
        self.for_body(s)

    def for_body(self, s: ast.For | ast.AsyncFor) -> None:
        """The body and the `else` clause of a for loop (of every kind), its
        target bound.  The body may run no time at all: after it holds only
        what held on entry and still holds at the end of an iteration.
        (What it assigns was forgotten on entry, by `loop_entry`.)"""
        self.loop_depth += 1
        self.loops.append(s)
        entry = dict(self.narrowed)
        self.block(s.body)
        self.narrowed = join_maps(entry, self.narrowed)
        self.loops.pop()
        self.loop_depth -= 1
        self.block(s.orelse)

    def stmt_With(self, s: ast.With) -> None:
        """`with lock:` calls lock.__enter__() and, however the block is
        left, lock.__exit__(): with the exception, which it may suppress,
        in the three-argument form (check/exceptions.py, exception_exit)."""
        from .exceptions import exception_exit
        for item in s.items:
            t = self.expr(item.context_expr, None)
            # A struct (a lock), or an instance of a class (issue 12), whose
            # __exit__ takes *exc: object and so cannot see the exception.
            methods = {name: t.methods.get(name) if isinstance(t, StructType)
                       else t.find_method(name) if isinstance(t, ClassType) else None
                       for name in ("__enter__", "__exit__")}
            if not isinstance(methods["__enter__"], FuncSym) or not isinstance(
                    methods["__exit__"], FuncSym):
                raise self.error(item.context_expr, f"a with statement needs a struct or an "
                                                    f"instance with __enter__ and __exit__ "
                                                    f"methods, got {t}")
            enter, exit_ = methods["__enter__"], methods["__exit__"]
            assert isinstance(enter, FuncSym) and isinstance(exit_, FuncSym)
            if len(enter.params) != 1 or (len(exit_.params) != 1 and not (
                    isinstance(t, ClassType)
                    and exception_exit(self, s, item, exit_))):  # type: ignore[arg-type]
                raise self.error(item.context_expr, "__enter__ takes only self, and __exit__ "
                                                    "takes self and *exc: object, or "
                                                    "(self, exc_type: object, exc: "
                                                    "BaseException | None, tb: object)")
            item.enter, item.exit = enter, exit_  # type: ignore[attr-defined]
            if item.optional_vars is not None:
                if not isinstance(item.optional_vars, ast.Name):
                    raise self.error(item.optional_vars, "'with ... as' binds one plain name")
                if enter.result is NONE:
                    raise self.error(item.optional_vars, "__enter__ returns nothing to bind")
                kind = "ref" if enter.result.is_aggregate else "value"
                self.bind_local(item.optional_vars, enter.result, kind)
        self.block(s.body)

    def stmt_AnnAssign(self, s: ast.AnnAssign) -> None:
        if isinstance(s.target, ast.Attribute) and self.fn is not None \
                and self.fn.cls is not None and self.fn.name == "__init__" \
                and isinstance(s.target.value, ast.Name) \
                and s.target.value.id == self.fn.params[0].name:
            # `self.x: T = value` declares a field (see declare_class_fields).
            if s.value is None:
                raise self.error(s, "give the field its value here")
            self.assign(s.target, s.value, None)
            return
        if not isinstance(s.target, ast.Name):
            raise self.error(s, "annotate a plain local name")
        if self.is_final(s.annotation):
            raise self.error(s, "Final constants belong at module level")
        t = self.resolve_type(s.annotation)
        if t is NONE:
            t = NONE_VALUE  # `x: None = None`: a variable whose value is None
        name = s.target.id
        assert self.fn is not None
        if name in self.fn.locals and self.fn.locals[name].type != t:
            raise self.error(s, f"'{name}' was already declared as {self.fn.locals[name].type}")
        if s.value is not None:
            self.no_plain_literal(s.value, t, f"'{name}'")
        if s.value is None:
            if t.is_aggregate:
                raise self.error(s, "give a struct or array variable its value")
            if T.is_object(t) or t is OBJECT:
                self.heap_use(s, kind_of(t), f"'{name}' holds a {t}")
            self.bind_local(s.target, t, "value")
            s.target.sym = self.fn.locals[name]  # type: ignore[attr-defined]
            return
        self.assign(s.target, s.value, t)
        if t is OBJECT:
            # As in mypy, `x: object = 5` declares an object: only a later
            # assignment narrows it.
            self.forget(name)

    def stmt_Assign(self, s: ast.Assign) -> None:
        if any(isinstance(target, (ast.Tuple, ast.List)) for target in s.targets):
            self.unpacking_assign(s)
            return
        partial = None
        if len(s.targets) == 1 and isinstance(s.targets[0], ast.Name):
            # `row = []` typed by its first `row.append(...)` (check/partial.py).
            partial = self.first_use_type(s.targets[0].id, s.value, s)
        self.assign(s.targets[0], s.value, partial)
        if len(s.targets) > 1:
            self.chained_assign(s)

    def constant_copy(self, value: ast.expr, constant: int) -> ast.expr:
        """A separate node for the constant `value` (for one more target of
        a chained assignment), so that it can be typed on its own; the
        target keeps it for the lowering."""
        node = ast.Constant(constant)
        ast.copy_location(node, value)
        node.end_lineno, node.end_col_offset = value.end_lineno, value.end_col_offset
        return node

    def chained_assign(self, s: ast.Assign) -> None:
        """`a = b[i] = expr` evaluates expr once and assigns it to each
        target from left to right, as CPython does.  The value is typed by
        the first target, and the others must have that type.  A struct or
        array would become one object with several names under CPython,
        but separate copies compiled, so those are refused."""
        assert self.fn is not None
        t: T.Type = s.value.ty  # type: ignore[attr-defined]
        constant = self.const_int(s.value)
        if constant is not None:
            # An untyped constant is a plain int stored into every target, so
            # each takes it at its own type (`cells[i] = i = 3`).
            for target in s.targets[1:]:
                copy = self.constant_copy(s.value, constant)
                target.chained_value = copy  # type: ignore[attr-defined]
                self.assign(target, copy, None)
            return
        if t.is_aggregate:
            raise self.error(s.targets[1], "a struct or array cannot be assigned to several "
                                           "targets at once: under CPython they would all "
                                           "name one object. Assign one, then copy fields")
        for target in s.targets[1:]:
            if not isinstance(target, ast.Name):
                lt = self.lvalue(target)
                if lt != t:
                    raise self.error(target, f"this target has type {lt}, but the value "
                                             f"assigned to all the targets has type {t}")
                continue
            name = target.id
            if name in self.fn.globals_declared:
                g = self.scope()[name]
                target.sym, target.ty = g, g.type  # type: ignore[attr-defined]
                want: T.Type = g.type
            else:
                var = self.fn.locals.get(name)
                want = var.type if var is not None else t
            if want != t:
                raise self.error(target, f"'{name}' has type {want}, but the value assigned "
                                         f"to all the targets has type {t}")
            self.no_plain_literal(s.value, t, f"'{name}'")
            if name not in self.fn.globals_declared:
                self.bind_local(target, t, "value")

    def stmt_AugAssign(self, s: ast.AugAssign) -> None:
        # `x += e` is checked as `x = x + e`, with the target read once.
        t = self.lvalue(s.target)
        narrowed = self.narrowed.get(key_of(s.target) or "")
        if isinstance(t, T.OptionalType) and narrowed is not None and is_int(narrowed):
            # An `int | None` narrowed to int: computed on the int, stored
            # back boxed (build/optional.py), and still an int after.
            t = narrowed
            s.boxed_target = True  # type: ignore[attr-defined]
        if objectish(t):
            rt = self.expr(s.value, t if isinstance(t, (ListType, SetType)) else None)
            if inplace_augassign(self, s, t, rt):  # `__iadd__` and friends
                s.ty = t  # type: ignore[attr-defined]
                return
            result = self.object_binop(s, s.op, s.target, s.value, t, rt)
            if not T.assignable(result, t):
                raise self.error(s, f"incompatible types in augmented assignment (result "
                                    f"\"{result}\", target \"{t}\")")
            s.ty = t  # type: ignore[attr-defined]
            return
        if t is BYTES and isinstance(s.op, (ast.Add, ast.Mult)):
            # `data += more`, `data *= n`: a new bytes object in the variable.
            if self.binop_types(s, s.op, s.target, s.value, t) is not BYTES:
                raise self.error(s, f"unsupported operand types for {ast.unparse(s.op)}=")
            s.ty = t  # type: ignore[attr-defined]
            return
        if not is_int(t):
            raise self.error(s.target, f"augmented assignment needs an integer, got {t}")
        s.ty = self.binop_types(s, s.op, s.target, s.value, t)  # type: ignore[attr-defined]
        self.no_plain_arithmetic(s, s.op, s.ty, [s.target, s.value])  # type: ignore[attr-defined]

    def assign(self, target: ast.expr, value: ast.expr, annotated: T.Type | None) -> None:
        assert self.fn is not None
        if isinstance(target, ast.Name):
            self.assign_name(target, annotated, value)
            return
        if self.is_new_field(target):
            # `self.x = value` in __init__ without an annotation: mypy takes
            # the value's type, and so does Pythos.
            assert isinstance(target, ast.Attribute) and self.fn.cls is not None
            t = self.expr(value, None)
            if t is NONE_VALUE:
                raise self.error(target, f"need a type annotation for '{ast.unparse(target)}' "
                                         f"(e.g. 'self.{target.attr}: Node | None = None')")
            self.add_field(self.fn.cls, target, t, target.attr)
            self.lvalue(target)
            return
        t = self.lvalue(target)
        if isinstance(t, T.BytearrayType) and getattr(target, "sub", None) == "slice":
            # `ba[i:j] = data`: bytes, a bytearray, or a list or tuple of
            # integers, as bytearray(...) takes them (bytesmethods.py).
            if bytearray_source(self, value,  # type: ignore[arg-type]
                                "a bytearray slice") == "count":
                raise self.error(value, "can assign only bytes, buffers, or iterables of ints "
                                        "in range(0, 256) to a bytearray slice")
            return
        if getattr(target, "field", (None,))[0] == "object" or getattr(
                target, "sub", None) == "object":
            # Unlike a struct's, an object's field or a container's element
            # keeps whatever int CPython stores: a plain one stays plain.
            self.no_plain_literal(value, t, f"'{ast.unparse(target)}'")
        self.expect(value, t)
        key = key_of(target)
        if key is not None:
            self.narrow_assigned(key, t, value.ty)  # type: ignore[attr-defined]
        field = getattr(target, "field", None)
        if isinstance(target, ast.Attribute) and field is not None and field[0] == "global":
            self.check_global_store(target, value, t)

    def check_global_store(self, target: ast.expr, value: ast.expr, t: T.Type) -> None:
        """Assigning a struct or array to a global copies it into the
        global's storage when compiled; under CPython the global becomes
        another name for the value.  The two never agree for certain: even
        for a new value, code still holding the old one (a caller's
        parameter, an alias) sees the change compiled and not under CPython.
        So aggregate globals are changed field by field, element by element."""
        if not t.is_aggregate:
            return
        text = ast.get_source_segment(self.module.source, value) or ast.unparse(value)
        name = ast.unparse(target)
        noun = "array" if isinstance(t, ArrayType) else "struct"
        parts = "elements" if isinstance(t, ArrayType) else "fields"
        raise self.error(value, f"assigning '{text}' to the global '{name}' would copy it into "
                                f"the {noun} already there; under CPython '{name}' would "
                                f"become another {noun}, and code still holding the old one "
                                f"would not see the change. Assign its {parts} instead")

    def bind_local(self, target: ast.Name, t: T.Type, kind: str) -> Local:
        assert self.fn is not None
        name = target.id
        if name in self.fn.globals_declared:
            raise self.error(target, f"'{name}' is a global here")
        var = self.fn.locals.get(name)
        if var is None:
            var = Local(name, t, kind)
            self.fn.locals[name] = var
        elif var.type != t:
            raise self.error(target, f"'{name}' has type {var.type}, cannot assign {t}")
        elif var.kind != kind:
            if var.kind == "owner":
                raise self.error(target, f"'{name}' owns its {t}; making it refer to another "
                                         f"one would need a copy (assign fields instead)")
            raise self.error(target, f"'{name}' refers to an existing {t}; give the new "
                                     f"value its own variable")
        target.sym = var  # type: ignore[attr-defined]
        target.ty = t  # type: ignore[attr-defined]
        return var

    def assign_name(self, target: ast.Name, annotated: T.Type | None,
                    value: ast.expr | None) -> None:
        assert self.fn is not None
        name = target.id
        if name in self.fn.globals_declared:
            g = self.scope()[name]
            if g.type is NONE and value is not None:
                self.infer_global_type(g, target, value)  # check/modinit.py
                return
            target.sym, target.ty = g, g.type  # type: ignore[attr-defined]
            if value is not None:
                self.no_plain_literal(value, g.type, f"the global '{name}'")
                self.expect(value, g.type)
                self.no_plain_literal(value, g.type, f"the global '{name}'")
                self.check_global_store(target, value, g.type)
                self.narrow_assigned(name, g.type, value.ty)  # type: ignore[attr-defined]
            return
        var = self.fn.locals.get(name)
        want = annotated or (var.type if var else None)
        if value is None:
            assert want is not None
            self.bind_local(target, want, "value")
            return
        if name in self.fn.nonlocals:
            self.assign_typed(target, self.expr(value, self.lvalue(target)))
            return
        if want is not None:
            self.no_plain_literal(value, want, f"'{name}'")
        t = self.expr(value, want)
        if want is not None and not T.assignable(t, want):
            if annotated is None and var is not None:
                raise self.error(value, f"'{name}' has type {want}, cannot assign {t}")
            raise self.error(value, f"expected {want}, got {t}")
        if t is NONE:
            raise self.error(value, "this expression has no value")
        if t is NONE_VALUE and want is None:
            raise self.error(target, f"need a type annotation for '{name}' (it is None here; "
                                     f"e.g. '{name}: Node | None = None')")
        if want is not None and t != want:
            self.bind_local(target, want, "value")
            self.narrow_assigned(name, want, t)
            return
        # A local without annotation takes its first value's type, which may
        # be sized while the value itself is a plain int (`v = 200 if c else x`).
        self.no_plain_literal(value, t, f"'{name}'")
        if t.is_aggregate:
            fresh = self.is_fresh(value)
            kind = "owner" if fresh else "ref"
            if var is not None and var.kind == "owner" and fresh:
                pass
            local = self.bind_local(target, t, kind)
            if fresh:
                self.owner_sites[name] = self.owner_sites.get(name, 0) + (
                    2 if self.loop_depth else 1)
            else:
                self.note_alias(value)
            del local
        else:
            self.bind_local(target, t, "value")
            self.forget(name)

    def note_alias(self, value: ast.expr) -> None:
        """Record the local whose storage `value` (`p`, `p.f`, `p.a[i]`)
        lies in: a new value for that local would change what the alias sees
        when compiled, but not under CPython (see check_function)."""
        root = self.storage_root(value)
        if root is not None:
            self.aliased.add(root.id)

    @staticmethod
    def storage_root(value: ast.expr) -> ast.Name | None:
        """The local variable whose own storage holds `value`, if any.  A
        pointer's target (`p[i]` of a Ptr) is memory elsewhere."""
        while isinstance(value, (ast.Attribute, ast.Subscript)):
            if getattr(value, "sub", None) == "ptr":
                return None
            value = value.value
        if isinstance(value, ast.Name) and isinstance(getattr(value, "sym", None), Local):
            return value
        return None

    def is_fresh(self, value: ast.expr) -> bool:
        """Does this aggregate expression make a new value (rather than name
        storage that already exists)?"""
        return isinstance(value, ast.Call) and getattr(value, "call", ("",))[0] in (
            "ctor", "array", "func", "method")

    def lvalue(self, target: ast.expr) -> T.Type:
        assert self.fn is not None
        if isinstance(target, ast.Name):
            if target.id in self.fn.globals_declared:
                g = self.scope()[target.id]
                target.sym, target.ty = g, g.type  # type: ignore[attr-defined]
                return g.type
            if target.id in self.fn.nonlocals:
                outer = self.enclosing_local(target.id)
                assert outer is not None
                target.sym, target.ty = outer, outer.type  # type: ignore[attr-defined]
                return outer.type
            var = self.fn.locals.get(target.id)
            if var is None:
                sym = self.scope().get(target.id)
                if isinstance(sym, GlobalSym):
                    raise self.error(target, f"declare 'global {target.id}' to assign a "
                                             f"module-level variable")
                raise self.error(target, f"'{target.id}' is used before it is assigned")
            target.sym, target.ty = var, var.type  # type: ignore[attr-defined]
            return var.type
        if isinstance(target, ast.Attribute) and self.static_symbol(target.value) is None:
            vt = self.expr(target.value, None)
            if isinstance(vt, OptionalType):
                raise self.optional_attribute_error(target, vt)
            if isinstance(vt, ClassType):
                stored = self.check_field_store(target, vt)
                target.field = ("object", vt)  # type: ignore[attr-defined]
                target.ty = stored  # type: ignore[attr-defined]
                self.heap_use(target, "classes", f"storing to '{ast.unparse(target)}' writes "
                                                 f"an object")
                return stored
        if isinstance(target, ast.Subscript):
            vt = self.expr(target.value, None)
            if objectish(vt):
                t = self.object_subscript(target, vt, store=True)
                target.ty = t  # type: ignore[attr-defined]
                self.heap_use(target, kind_of(vt), f"storing into a {vt} touches reference "
                                                   f"counts")
                return t
        if isinstance(target, ast.Attribute):
            t = self.expr(target, None)
            if getattr(target, "field", None) is None:
                if getattr(target, "const", None) is not None:
                    raise self.error(target, f"cannot assign to the class attribute "
                                             f"'{ast.unparse(target)}': a class's attributes "
                                             f"are constants in Pythos (assign the "
                                             f"instance's field instead)")
                raise self.error(target, "cannot assign to this attribute")
            return t
        if isinstance(target, ast.Subscript):
            t = self.expr(target, None)
            if getattr(target, "sub", None) == "bytes":
                raise self.error(target, "bytes are immutable")
            return t
        raise self.error(target, "cannot assign to this expression")
