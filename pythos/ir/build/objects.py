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
from ...types import BOOL, NONE, U32, ClassType, DictType, OptionalType, SetType
from ..layout import ClassLayout
from ..ops import (
    Assign,
    Branch,
    Call,
    Cast,
    Compare,
    GetAttr,
    Goto,
    Integer,
    IntOp,
    IsInstance,
    MethodCall,
    ObjNew,
    SetAttr,
    Value,
)

if TYPE_CHECKING:
    from ...parse import Module


# Dicts and sets, built in dicts.py.
MAPS = (DictType, SetType)
# isinstance() against a built-in type: the TypeInfo's kind and item kind
# (KIND_* and ITEM_* of pythos/rt/obj/object.py; item 0: any).
KIND_STR, KIND_BYTES, KIND_BOX, ITEM_BOOL = 4, 5, 9, 9
CONTAINER_KINDS = {"list": 2, "tuple": 3, "bytearray": 6, "dict": 7, "set": 8, "frozenset": 13}
BUILTIN_KINDS = {T.I64: (KIND_BOX, 0), BOOL: (KIND_BOX, ITEM_BOOL), T.STR: (KIND_STR, 0),
                 T.BYTES: (KIND_BYTES, 0)}


def class_of(t: T.Type) -> ClassType | None:
    """The class a value of type `t` is an instance of (None for any
    other type, an Optional's inner class included)."""
    return t if isinstance(t, ClassType) else None


class ObjectBuilder:
    """Mixed into `build.FunctionBuilder`."""

    module: Module
    layouts: dict[int, ClassLayout]
    checker: Any
    object_runtime: dict[str, FuncSym]

    if TYPE_CHECKING:
        def add(self, op: Any) -> Any: ...
        def expr(self, node: ast.expr) -> Value: ...
        def call_function(self, node: ast.Call, fn: FuncSym, args: list[Value]) -> Value: ...
        def constant(self, value: Any, t: T.Type) -> Value: ...
        def new_block(self, label: str) -> Any: ...
        def activate(self, block: Any) -> None: ...
        def merge(self, name: str, t: T.Type, join: Any) -> Any: ...
        def rt(self, name: str) -> FuncSym: ...
        def string(self, data: bytes, t: T.Type) -> Any: ...
        def map_truth(self, node: ast.AST, v: Value, t: T.Type) -> Value: ...
        def map_compare(self, node: ast.AST, op: ast.cmpop, a: Value, c: Value,
                        t: T.Type) -> Value: ...
        def map_len(self, node: ast.AST, v: Value, t: T.Type) -> Value: ...
        def dict_getitem(self, node: ast.Subscript) -> Value: ...
        def dict_setitem(self, target: ast.Subscript, value: Value) -> None: ...
        def map_contains(self, node: ast.AST, op: ast.cmpop, a: Value, c: Value,
                         ct: T.Type, at: T.Type) -> Value: ...

    def not_yet(self, node: ast.AST, what: str) -> CompileError:
        return CompileError(f"{what} are not compiled yet (issue 11): the program "
                            f"type-checks, but the compiler does not lower them to code "
                            f"yet", self.module.loc(node))

    def check_representable(self, node: ast.AST, t: T.Type) -> None:
        """Every type is represented now (an `int | None` as a box,
        optional.py)."""

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
        skipped = ct.all_no_init()
        names = [f for f in ct.fields if f not in skipped] if ct.dataclass else []
        for name, value in zip(names, args, strict=True):
            self.store_field(obj, ct, name, value)
        for name, default in defaults.items():
            if default is not None and (not ct.dataclass or name in skipped):
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
        # An `int | None` field's constant is an int, boxed as it is stored.
        return self.constant(value, T.strip_optional(t))

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
            from ...check.overrides import slot_key
            return self.add(MethodCall(fn, ct.vtable.index(slot_key(fn)), args))  # type: ignore
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
        subject = node.args[0].ty  # type: ignore[attr-defined]
        parts = getattr(node, "isinstance_parts", None)  # isinstance(x, (A, B)), check/calls.py
        if parts is None:
            parts = [(getattr(node, "isinstance_kind", None),
                      node.isinstance_type)]  # type: ignore[attr-defined]
        v = self.expr(node.args[0])  # once, however many classes
        result: Value | None = None
        for kind_name, t in parts:
            one = self.isinstance_of(node, v, subject, kind_name, t)
            result = one if result is None else self.add(IntOp("or", result, one))
        return Integer(0, BOOL) if result is None else result  # `isinstance(x, ())`

    def isinstance_of(self, node: ast.Call, v: Value, subject: T.Type, kind_name: str | None,
                      t: T.Type) -> Value:
        """Whether v, of static type `subject`, is an instance of t (or, with
        `kind_name`, of that container kind)."""
        if subject is T.NONE_VALUE:  # narrowed to None: an instance of nothing tested here
            return Integer(0, BOOL)
        kind_test: tuple[int, int] | None = None
        if kind_name is not None:  # list, dict, ...: the kind alone
            kind_test = (CONTAINER_KINDS[kind_name], 0)
        elif t in BUILTIN_KINDS and (subject is T.OBJECT or isinstance(subject, OptionalType)):
            kind_test = BUILTIN_KINDS[t]  # int, bool, str, bytes (and a bool's item kind)
        if kind_test is not None:  # by the kind of the object's TypeInfo
            fn = self.checker.scopes["pythos.rt.obj.optional"]["opt_is_kind"]
            return self.add(Call(fn, [v, Integer(kind_test[0], U32),  # type: ignore
                                      Integer(kind_test[1], U32)]))
        if not isinstance(t, ClassType):
            raise self.not_yet(node, f"isinstance tests against {t}")
        if not isinstance(T.strip_optional(subject), ClassType) and subject is not T.OBJECT:
            raise self.not_yet(node, f"isinstance tests of a {subject}")
        return self.add(IsInstance(v, t))  # type: ignore[no-any-return]

    def object_truth(self, node: ast.AST, v: Value, t: T.Type) -> Value:
        """Python's truth of an object: None is false; an instance is true
        unless its class's __bool__ (or else __len__) says otherwise."""
        if isinstance(t, OptionalType) or t is T.OBJECT:
            return self.optional_truth(v, t)  # type: ignore[attr-defined]
        if isinstance(t, MAPS):
            return self.map_truth(node, v, t)
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
        from .optional import is_scalar
        if T.OBJECT in (a.type, c.type) and BOOL in (a.type, c.type):
            # `x is True` of an object: True and False are shared boxes.
            a, c = self.object_word(a), self.object_word(c)  # type: ignore[attr-defined]
        if is_scalar(a.type) or is_scalar(c.type):
            # A value narrowed to an integer is not None: decided.
            return Integer(int(isinstance(op, ast.IsNot)), BOOL)
        return self.add(Compare("eq" if isinstance(op, ast.Is) else "ne",  # type: ignore
                                a, c))

    def object_compare(self, node: ast.Compare, op: ast.cmpop, a: Value, c: Value,
                       lt: T.Type, rt: T.Type) -> Value:
        """`==`/`!=` of instances whose classes define no __eq__ (then
        Python compares identities) and `<` etc. through the class's
        comparison methods."""
        ct = class_of(lt)
        if isinstance(lt, MAPS) and (lt == rt or isinstance(lt, SetType) and isinstance(
                rt, SetType) and lt.element == rt.element):  # (a set and a frozenset too)
            return self.map_compare(node, op, a, c, lt)
        if isinstance(op, (ast.Eq, ast.NotEq)):
            return self.object_equal(node, isinstance(op, ast.Eq), a, c, lt, rt)
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
        from .orders import ordered_pair, written_order_below
        low = ordered_pair(lt, rt)
        if low is not None and not written_order_below(self, low):
            return self.fields_order(node, op, low, a, c, lt, rt)
        raise self.not_yet(node, f"orderings of {lt} and {rt}")

    def fields_order(self, node: ast.AST, op: ast.cmpop, ct: ClassType, a: Value,
                     c: Value, lt: T.Type, rt: T.Type) -> Value:
        """A dataclass(order=True) comparison (orders.py): both of one
        class, then the fields of the dataclass that generated the
        ordering, as a tuple, in order; the first pair that differs
        decides, and all equal is equal."""
        from .orders import check_orderable, ordering_fields, same_class, subclasses
        same_class(self, node, op, a, c, lt, rt)
        owner = ordering_fields(ct)
        assert owner is not None
        signed = {ast.Lt: "lt", ast.LtE: "le", ast.Gt: "gt", ast.GtE: "ge"}[type(op)]
        below = subclasses(self, ct)
        if below or lt != rt or not all(isinstance(ft, T.IntType) or ft is BOOL
                                        for ft in owner.fields.values()):
            # The run-time class's fields, compared by the runtime
            # (rt/obj/fields.py), from its TypeInfo's field table.
            for k in (ct, *below):
                check_orderable(self, node, k)
            less = self.object_runtime["fields_lt"]
            first, second = (a, c) if signed in ("lt", "ge") else (c, a)
            raw = self.add(Call(less, [first, second]))
            found = self.add(Compare("ne", raw, Integer(0, raw.type)))
            if signed in ("le", "ge"):
                found = self.add(IntOp("xor", found, Integer(1, BOOL)))
            return found  # type: ignore[no-any-return]
        end = self.new_block("dataclass_order.end")
        result = self.merge("dataclass_order", BOOL, end)
        for name, ft in owner.fields.items():
            x = self.add(GetAttr(a, self.field_owner(ct, name), name))
            y = self.add(GetAttr(c, self.field_owner(ct, name), name))
            differ = self.add(Compare("ne", x, y))
            decide = self.new_block("dataclass_order.decide")
            nxt = self.new_block("dataclass_order.next")
            self.add(Branch(differ, decide, nxt))
            self.activate(decide)
            kind = "s" if isinstance(ft, T.IntType) and ft.signed else "u"
            self.add(Assign(result, self.add(Compare(kind + signed, x, y))))
            self.add(Goto(end))
            self.activate(nxt)
        # Every field equal: the tuples are equal.
        self.add(Assign(result, Integer(int(signed in ("le", "ge")), BOOL)))
        self.add(Goto(end))
        self.activate(end)
        return result

    def equality_of(self, t: T.Type) -> str:
        """How instances of `t` compare with ==: "identity" (no __eq__
        anywhere), "method" (a user __eq__) or "fields" (a dataclass's
        generated one), whichever the class nearest `t` defines."""
        ct = class_of(t)
        if ct is None:
            return "identity" if isinstance(t, OptionalType) and \
                self.equality_of(t.inner) == "identity" else "unknown"
        for c in ct.mro():
            if "__eq__" in c.methods:
                return "method"
            if c.dataclass and c.eq:
                return "fields"
        return "identity"

    def object_equal(self, node: ast.AST, eq: bool, a: Value, c: Value, lt: T.Type,
                     rt: T.Type) -> Value:
        if not any(isinstance(T.strip_optional(x), ClassType) for x in (lt, rt)) and any(
                isinstance(x, OptionalType) or x is T.NONE_VALUE for x in (lt, rt)):
            # A value that may be None, not an instance (optional.py).
            return self.optional_equal(eq, a, c, lt, rt)  # type: ignore[attr-defined,no-any-return]
        left, right = self.equality_of(lt), self.equality_of(rt)
        ct = class_of(lt)
        if left == "identity" and right == "identity":
            return self.add(Compare("eq" if eq else "ne", a, c))  # type: ignore
        if left == "method" and ct is not None and not self.overridden_below(ct, "__eq__"):
            if not eq:
                ne = ct.find_method("__ne__")
                if isinstance(ne, FuncSym):
                    return self.call_method(node, ne, [a, c])
            fn = ct.find_method("__eq__")
            assert isinstance(fn, FuncSym)
            result = self.call_method(node, fn, [a, c])
            return result if eq else self.add(IntOp("xor", result,  # type: ignore
                                                    Integer(1, BOOL)))
        if left == "fields" and ct is not None and rt == lt:
            result = self.fields_equal(node, ct, a, c)
            return result if eq else self.add(IntOp("xor", result,  # type: ignore
                                                    Integer(1, BOOL)))
        # Instances of different classes, or an __eq__ that a subclass
        # overrides: through the TypeInfo of the run-time class of a.
        return self.optional_equal(eq, a, c, lt, rt)  # type: ignore[attr-defined,no-any-return]

    def overridden_below(self, ct: ClassType, name: str) -> bool:
        """Whether a subclass of ct defines `name` (or is a dataclass with
        its own generated equality): then the method to call depends on the
        run-time class, which == does not dispatch on yet."""
        for lay in self.layouts.values():
            sub = lay.cls
            if sub is not ct and sub.is_subclass(ct) and (
                    name in sub.methods or (sub.dataclass and sub.eq)):
                return True
        return False

    def fields_equal(self, node: ast.AST, ct: ClassType, a: Value, c: Value) -> Value:
        """A dataclass's generated __eq__: true for the same object; else
        the two must be of the same class (CPython's generated __eq__ tests
        `other.__class__ is self.__class__`, and the reflected try fails
        the same way), and that class's fields equal, in order.  When a
        dataclass below ct adds fields of its own, the run-time class
        decides which fields: one exact class test per candidate."""
        candidates = [lay.cls for lay in self.layouts.values() if lay.cls.is_subclass(ct)]
        if any(self.equality_of(k) != "fields" or not all(
                ft is BOOL or isinstance(ft, T.IntType) for ft in k.fields.values())
               for k in candidates):
            # A field compared by its own kind, or a subclass with its own
            # __eq__: the run-time class's TypeInfo decides (rt/obj/fields.py).
            return self.optional_equal(True, a, c, ct, ct)  # type: ignore[attr-defined,no-any-return]
        end = self.new_block("dataclass_eq.end")
        result = self.merge("dataclass_eq", BOOL, end)
        same = self.add(Compare("eq", a, c))
        self.add(Assign(result, Integer(1, BOOL)))
        rest = self.new_block("dataclass_eq.fields")
        self.add(Branch(same, end, rest))
        self.activate(rest)
        if len(candidates) == 1:
            self.add(Assign(result, self.fields_match(node, ct, a, c)))
            self.add(Goto(end))
        else:
            for k in candidates:
                both = self.add(IntOp("and", self.add(IsInstance(a, k, exact=True)),
                                      self.add(IsInstance(c, k, exact=True))))
                match = self.new_block("dataclass_eq.class")
                nxt = self.new_block("dataclass_eq.next")
                self.add(Branch(both, match, nxt))
                self.activate(match)
                self.add(Assign(result, self.fields_match(node, k, a, c)))
                self.add(Goto(end))
                self.activate(nxt)
            self.add(Assign(result, Integer(0, BOOL)))  # different classes
            self.add(Goto(end))
        self.activate(end)
        return result

    def fields_match(self, node: ast.AST, ct: ClassType, a: Value, c: Value) -> Value:
        """Whether every field of class ct is equal in a and c."""
        ok: Value = Integer(1, BOOL)
        for name, ft in ct.fields.items():
            owner = self.field_owner(ct, name)
            x = self.add(GetAttr(a, owner, name))
            y = self.add(GetAttr(c, owner, name))
            if isinstance(ft, T.IntType) or ft is BOOL:
                check = self.add(Compare("eq", x, y))
            elif ft is T.STR:
                check = self.add(Call(self.rt("str_eq"), [x, y]))
            elif T.is_object(ft) and self.equality_of(ft) == "identity":
                check = self.add(Compare("eq", x, y))
            else:
                raise self.not_yet(node, f"== of dataclasses with a {ft} field")
            ok = self.add(IntOp("and", ok, check))
        return ok

    def object_len(self, node: ast.Call, v: Value, t: T.Type) -> Value:
        if isinstance(t, MAPS):
            return self.map_len(node, v, t)
        ct = class_of(t)
        fn = ct.find_method("__len__") if ct is not None else None
        if not isinstance(fn, FuncSym):
            raise self.not_yet(node, f"len() of a {t}")
        return self.call_method(node, fn, [v])

    # ----- the container protocol of a class --------------------------------------------
    def special(self, node: ast.AST, t: T.Type, name: str, what: str) -> FuncSym:
        ct = class_of(t)
        fn = ct.find_method(name) if ct is not None else None
        if not isinstance(fn, FuncSym):
            raise self.not_yet(node, what)
        return fn

    def object_getitem(self, node: ast.Subscript) -> Value:
        t = node.value.ty  # type: ignore[attr-defined]
        if isinstance(t, DictType):
            return self.dict_getitem(node)
        fn = self.special(node, t, "__getitem__", f"subscripts of {t}")
        obj = self.expr(node.value)
        return self.call_method(node, fn, [obj, self.expr(node.slice)])

    def object_setitem(self, target: ast.Subscript, value: Value) -> None:
        t = target.value.ty  # type: ignore[attr-defined]
        if isinstance(t, DictType):
            self.dict_setitem(target, value)
            return
        fn = self.special(target, t, "__setitem__", f"stores into {t}")
        obj = self.expr(target.value)
        self.call_method(target, fn, [obj, self.expr(target.slice), value])

    def object_contains(self, node: ast.Compare, op: ast.cmpop, left: ast.expr,
                        right: ast.expr, a: Value, c: Value) -> Value:
        """`x in obj`: obj.__contains__(x); `not in` is its negation."""
        t = right.ty  # type: ignore[attr-defined]
        if isinstance(t, MAPS):
            return self.map_contains(node, op, a, c, t, left.ty)  # type: ignore[attr-defined]
        if isinstance(t, T.IteratorType):
            it = self.iterable_iterator(c, t)  # type: ignore[attr-defined]
            return self.iterator_contains(node, op, left, a, it, t)  # type: ignore[attr-defined]
        fn = self.special(node, t, "__contains__", f"'in' tests of {t}")
        found = self.call_method(node, fn, [c, a])
        if isinstance(op, ast.NotIn):
            return self.add(IntOp("xor", found, Integer(1, BOOL)))  # type: ignore
        return found

    # ----- text of an instance: print, f-strings, str(), repr() -------------------------
    def instance_text(self, node: ast.AST, v: Value, t: T.Type, use_str: bool) -> Value:
        """str(v) (or repr(v)) of an instance, as a new str: the nearest
        __str__ in the class's MRO, else the nearest __repr__ or a
        dataclass's generated one.  print() and f-strings compute it for
        each instance before they write anything, so user code never runs
        while an f-string value is being captured."""
        ct = class_of(t)
        if ct is None:
            raise self.not_yet(node, f"the text of a {t}")
        if use_str:
            fn = ct.find_method("__str__")
            if isinstance(fn, FuncSym):
                return self.call_method(node, fn, [v])
            if self.overridden_below(ct, "__str__"):
                # The run-time class decides: through its TypeInfo.
                return self.optional_text(v, t, use_str=True)  # type: ignore[attr-defined,no-any-return]
        for c in ct.mro():
            if isinstance(c.methods.get("__repr__"), FuncSym):
                fn = ct.find_method("__repr__")
                assert isinstance(fn, FuncSym)
                return self.call_method(node, fn, [v])
            if c.dataclass:
                simple = all(ft is BOOL or ft is T.STR or isinstance(ft, T.IntType)
                             for ft in c.fields.values())
                if not simple or any(lay.cls is not ct and lay.cls.is_subclass(ct)
                                     for lay in self.layouts.values()):
                    # The generated repr in the run-time class's TypeInfo
                    # (pythos/lower/special.py, rt/obj/fields.py).
                    return self.optional_text(v, t, use_str=False)  # type: ignore
                return self.dataclass_repr(node, v, ct, c)
        # No __repr__ here or above: a subclass's, else object.__repr__'s
        # `<module.C object at 0x...>` with the instance's own address,
        # chosen at run time through the TypeInfo (rt/obj/items.py).
        return self.optional_text(v, t, use_str=use_str)  # type: ignore[attr-defined,no-any-return]

    def write_result(self, s: Value) -> None:
        self.add(Call(self.rt("write_str"), [s]))

    def dataclass_repr(self, node: ast.AST, v: Value, ct: ClassType, owner: ClassType) -> Value:
        """A dataclass's generated __repr__, `Name(field=repr, ...)`, as a
        new str.  Each field's text is computed first, then written into a
        capture (pythos/rt/obj/capture.py) with the output functions."""
        pieces: list[tuple[str, Value, T.Type]] = []
        for name, ft in owner.fields.items():
            x = self.add(GetAttr(v, self.field_owner(ct, name), name))
            if ft is T.STR:
                raw = self.add(Call(self.object_runtime["str_repr"],
                                    [self.add(Cast("object", x, T.U64))]))
                x = self.add(Cast("object", raw, T.STR))
            elif not (ft is BOOL or isinstance(ft, T.IntType)):
                raise self.not_yet(node, f"the generated repr of a dataclass with a {ft} "
                                         f"field")
            pieces.append((name, x, ft))
        self.add(Call(self.object_runtime["capture_begin"], []))
        text = f"{ct.name}("
        for i, (name, x, ft) in enumerate(pieces):
            text += (", " if i else "") + f"{name}="
            self.write_result(self.string(text.encode(), T.STR))
            text = ""
            if ft is BOOL:
                self.add(Call(self.rt("write_bool"), [x]))
            elif isinstance(ft, T.IntType):
                wide = x if ft.bits == 64 else self.add(Cast("sext" if ft.signed else "zext",
                                                             x, T.I64 if ft.signed else T.U64))
                self.add(Call(self.rt("write_i64" if ft.signed else "write_u64"), [wide]))
            else:
                self.write_result(x)
        self.write_result(self.string((text + ")").encode(), T.STR))
        captured = self.add(Call(self.object_runtime["capture_end"], []))
        return self.add(Cast("object", captured, T.STR))  # type: ignore[no-any-return]

    def text_call(self, node: ast.Call, use_str: bool) -> Value:
        """str(obj) or repr(obj) of an instance."""
        arg = node.args[0]
        return self.instance_text(node, self.expr(arg), arg.ty,  # type: ignore[attr-defined]
                                  use_str)
