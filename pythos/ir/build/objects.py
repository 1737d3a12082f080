"""Building the object constructs (a mixin of `build.FunctionBuilder`).

Classes (issue 11): construction, fields, methods (a direct call, or one
through the vtable when a subclass overrides the method), `super()`,
properties, `isinstance`, identity, `None`, and the truth of an object.
The builder only says what happens; the reference counts are placed
afterwards by `pythos/ir/passes/refcount.py`.

What the checker accepts and the builder does not lower yet is reported
here, at its node, with the same "not compiled yet (issue 11)" message
the driver's stop gives for the constructs it still stops.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

from ... import types as T
from ...diagnostics import CompileError
from ...symbols import FuncSym
from ...types import BOOL, NONE, ClassType, OptionalType
from ..layout import ClassLayout
from ..ops import (
    Call,
    Compare,
    GetAttr,
    Integer,
    IsInstance,
    MethodCall,
    ObjNew,
    SetAttr,
    Value,
)

if TYPE_CHECKING:
    from ...parse import Module


def class_of(t: T.Type) -> ClassType | None:
    """The class a value of type `t` is an instance of (None for any
    other type, an Optional's inner class included)."""
    return t if isinstance(t, ClassType) else None


class ObjectBuilder:
    """Mixed into `build.FunctionBuilder`."""

    module: Module
    layouts: dict[int, ClassLayout]
    checker: Any

    if TYPE_CHECKING:
        def add(self, op: Any) -> Any: ...
        def expr(self, node: ast.expr) -> Value: ...
        def call_function(self, node: ast.Call, fn: FuncSym, args: list[Value]) -> Value: ...
        def constant(self, value: Any, t: T.Type) -> Value: ...

    def not_yet(self, node: ast.AST, what: str) -> CompileError:
        return CompileError(f"{what} are not compiled yet (issue 11): the program "
                            f"type-checks, but the compiler does not lower them to code "
                            f"yet", self.module.loc(node))

    def check_representable(self, node: ast.AST, t: T.Type) -> None:
        """Only instances of classes (and None) are lowered so far."""
        if isinstance(t, OptionalType) and not isinstance(t.inner, ClassType):
            raise self.not_yet(node, f"optional values of type {t}")

    # ----- construction -----------------------------------------------------------------
    def construct(self, node: ast.Call, ct: ClassType, args: list[Value]) -> Value:
        """`C(...)`: a zeroed instance, the fields' class-level defaults,
        then `__init__` (or a dataclass's generated one)."""
        obj = self.add(ObjNew(ct))
        init = ct.find_method("__init__")
        defaults = {name: value for c in reversed(ct.mro())
                    for name, value in c.defaults.items() if name in c.own_fields}
        if isinstance(init, FuncSym):
            for name, default in defaults.items():
                if default is not None:
                    self.store_field(obj, ct, name, self.default_value(default, ct, name))
            self.call_method_direct(node, init, [obj, *args])
            return obj  # type: ignore[no-any-return]
        names = list(ct.fields) if ct.dataclass else []
        for name, value in zip(names, args, strict=True):
            self.store_field(obj, ct, name, value)
        if not ct.dataclass:
            for name, default in defaults.items():
                if default is not None:
                    self.store_field(obj, ct, name, self.default_value(default, ct, name))
        return obj  # type: ignore[no-any-return]

    def default_value(self, node: Any, ct: ClassType, name: str) -> Value:
        """A field's class-level default: a constant (the checker allows no
        other, since every instance shares it)."""
        t = ct.fields[name]
        if hasattr(node, "ty"):
            return self.expr(node)
        if isinstance(node, ast.Constant) and node.value is None:
            return Integer(0, t)
        checker = self.checker
        saved = checker.module
        owner = self.field_owner(ct, name)
        checker.module = next(c.module for c in checker.classes if c.type is owner)
        try:
            _, value = checker.const_value(node, t)
        finally:
            checker.module = saved
        return self.constant(value, t)

    def store_field(self, obj: Value, ct: ClassType, name: str, value: Value) -> None:
        owner = next(c for c in ct.mro() if name in c.own_fields)
        self.add(SetAttr(obj, owner, name, value))

    # ----- fields and properties --------------------------------------------------------
    def field_owner(self, ct: ClassType, name: str) -> ClassType:
        return next(c for c in ct.mro() if name in c.own_fields)

    def load_field(self, node: ast.Attribute) -> Value:
        ct: ClassType = node.field[1]  # type: ignore[attr-defined]
        self.check_representable(node, ct.fields[node.attr])
        obj = self.expr(node.value)
        return self.add(GetAttr(obj, self.field_owner(ct, node.attr),  # type: ignore
                                node.attr))

    def assign_field(self, target: ast.Attribute, value: Value) -> None:
        call = getattr(target, "call", None)
        obj = self.expr(target.value)
        if call is not None and call[0] == "setter":
            self.call_method(target, call[1], [obj, value])
            return
        ct: ClassType = target.field[1]  # type: ignore[attr-defined]
        self.check_representable(target, ct.fields[target.attr])
        self.add(SetAttr(obj, self.field_owner(ct, target.attr), target.attr, value))

    # ----- methods ----------------------------------------------------------------------
    def call_method_direct(self, node: ast.AST, fn: FuncSym, args: list[Value]) -> Value:
        if fn.result.is_aggregate:
            raise self.not_yet(node, "methods returning structs or arrays")
        return self.add(Call(fn, args))  # type: ignore[no-any-return]

    def call_method(self, node: ast.AST, fn: FuncSym, args: list[Value]) -> Value:
        """A method call on an instance: direct when no subclass of the
        method's class overrides it, else through the vtable."""
        ct = fn.cls
        assert ct is not None
        lay = self.layouts[id(ct)]
        self.check_representable(node, fn.result)
        if fn.name in lay.overridden and fn.name != "__init__":
            return self.add(MethodCall(fn, ct.vtable.index(fn.name), args))  # type: ignore
        return self.call_method_direct(node, fn, args)

    def call_super(self, node: ast.Call, target: FuncSym | None, args: list[Value]) -> Value:
        """`super().name(...)`: the base's method, called directly on self."""
        if target is None:
            return Integer(0, NONE)  # object.__init__() does nothing
        self_reg = self.self_register()
        return self.call_method_direct(node, target, [self_reg, *args])

    def self_register(self) -> Value:
        raise NotImplementedError

    # ----- tests ------------------------------------------------------------------------
    def isinstance_test(self, node: ast.Call) -> Value:
        t = node.isinstance_type  # type: ignore[attr-defined]
        if not isinstance(t, ClassType):
            raise self.not_yet(node, f"isinstance tests against {t}")
        subject = node.args[0].ty  # type: ignore[attr-defined]
        if not isinstance(T.strip_optional(subject), ClassType):
            raise self.not_yet(node, f"isinstance tests of a {subject}")
        return self.add(IsInstance(self.expr(node.args[0]), t))  # type: ignore

    def object_truth(self, node: ast.AST, v: Value, t: T.Type) -> Value:
        """Python's truth of an object: None is false; an instance is true
        unless its class's __bool__ (or else __len__) says otherwise."""
        if isinstance(t, OptionalType):
            return self.add(Compare("ne", v, Integer(0, t)))  # type: ignore
        ct = class_of(t)
        if ct is None:
            raise self.not_yet(node, f"the truth of a {t}")
        fn = ct.find_method("__bool__")
        if isinstance(fn, FuncSym):
            return self.call_method(node, fn, [v])
        fn = ct.find_method("__len__")
        if isinstance(fn, FuncSym):
            n = self.call_method(node, fn, [v])
            return self.add(Compare("ne", n, Integer(0, n.type)))  # type: ignore
        return Integer(1, BOOL)

    def identity(self, op: ast.cmpop, a: Value, c: Value) -> Value:
        return self.add(Compare("eq" if isinstance(op, ast.Is) else "ne",  # type: ignore
                                a, c))

    def object_compare(self, node: ast.Compare, op: ast.cmpop, a: Value, c: Value,
                       lt: T.Type, rt: T.Type) -> Value:
        """`==`/`!=` of instances whose classes define no __eq__ (then
        Python compares identities) and `<` etc. through the class's
        comparison methods."""
        ct = class_of(lt)
        if isinstance(op, (ast.Eq, ast.NotEq)):
            if ct is not None and (ct.find_method("__eq__") is not None or any(
                    k.dataclass and k.eq for k in ct.mro())):
                raise self.not_yet(node, "== of instances with __eq__")
            if ct is None and not isinstance(lt, OptionalType):
                raise self.not_yet(node, f"== of {lt} values")
            return self.add(Compare("eq" if isinstance(op, ast.Eq) else "ne",  # type: ignore
                                    a, c))
        from ...check.classes import COMPARISON_METHODS
        name, reflected = COMPARISON_METHODS[type(op)]
        if ct is not None:
            fn = ct.find_method(name)
            if isinstance(fn, FuncSym) and T.assignable(rt, fn.params[1].type):
                return self.call_method(node, fn, [a, c])
        rc = class_of(rt)
        if rc is not None:
            fn = rc.find_method(reflected)
            if isinstance(fn, FuncSym):
                return self.call_method(node, fn, [c, a])
        raise self.not_yet(node, "orderings of dataclasses")

    def object_len(self, node: ast.Call, v: Value, t: T.Type) -> Value:
        ct = class_of(t)
        fn = ct.find_method("__len__") if ct is not None else None
        if not isinstance(fn, FuncSym):
            raise self.not_yet(node, f"len() of a {t}")
        return self.call_method(node, fn, [v])
