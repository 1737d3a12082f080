"""Classes: plain classes and @dataclass (issue 11), a mixin of `Checker`.

A class without `@struct` is an ordinary Python class: its instances live
on the heap and are handled by reference, `is` compares identity, and a
subclass may stand wherever its base is expected.  The checker declares a
class in three steps, because classes may refer to each other in any order:

1. `declare_class` (pass 1, with the structs) binds the name;
2. `declare_class_members`, once every type name exists, links the base,
   reads the fields (class-level annotations, then `self.x: T = ...` in
   `__init__`), the class's `Final` constants and, for a dataclass, the
   generated constructor's parameters;
3. `check_class_methods`, once every function is declared, checks each
   method against the one it overrides (as mypy does: parameters may only
   widen, results only narrow), the special methods against the
   signatures Python gives them, and fixes the vtable: the base's slots,
   then each new method in declaration order.

Rules mypy does not have are explained where they are made: `__del__`
(destruction order is not deterministic once cycles are collected) and the
hash of a class with `__eq__` (Python sets `__hash__` to None).
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

from .. import types as T
from ..symbols import Builtin, ClassSym, ConstSym, FuncSym, Param
from ..types import BOOL, I64, NONE, OBJECT, STR, CallableType, ClassType, OptionalType
from .operators import ARITHMETIC_SPECIALS
from .overrides import slot_key

if TYPE_CHECKING:
    from ..diagnostics import CompileError
    from ..parse import Module

# The special methods Pythos knows, with what Python requires of them:
# the number of parameters after self, and the result (None: any type).
SPECIAL_METHODS: dict[str, tuple[int | None, T.Type | None]] = {
    "__init__": (None, NONE),
    "__eq__": (1, BOOL), "__ne__": (1, BOOL),
    "__lt__": (1, BOOL), "__le__": (1, BOOL), "__gt__": (1, BOOL), "__ge__": (1, BOOL),
    "__hash__": (0, I64), "__repr__": (0, STR), "__str__": (0, STR),
    "__len__": (0, I64), "__bool__": (0, BOOL),
    "__contains__": (1, BOOL), "__getitem__": (1, None), "__setitem__": (2, NONE),
    "__iter__": (0, None), "__next__": (0, None),
    # with (issue 12): __exit__ takes *exc: object, checked by stmt_With.
    "__enter__": (0, None), "__exit__": (None, NONE),
    # await (issue 12): a generator, checked by check/coroutines.py.
    "__await__": (0, None),
    # async with and async for (issue 12): coroutines, checked by check/asyncs.py.
    "__aenter__": (0, None), "__aexit__": (None, None),
    "__aiter__": (0, None), "__anext__": (0, None),
    **ARITHMETIC_SPECIALS,  # __add__, __radd__, ... (operators.py)
}
# The operator each comparison method backs, and the reflected method
# Python tries on the right operand when the left one has none.
COMPARISON_METHODS = {ast.Lt: ("__lt__", "__gt__"), ast.LtE: ("__le__", "__ge__"),
                      ast.Gt: ("__gt__", "__lt__"), ast.GtE: ("__ge__", "__le__")}
DEL_REASON = ("__del__ is not supported: Pythos collects reference cycles, and a "
              "finaliser's run order is then not deterministic (CPython's documentation "
              "warns of the same); release resources with an explicit close() method or a "
              "'with' block instead")


class Classes:
    """Mixed into `check.Checker`, which provides what is declared here."""

    module: Module
    fn: FuncSym | None
    narrowed: dict[str, T.Type]
    classes: list[ClassSym]
    functions: list[FuncSym]

    if TYPE_CHECKING:
        def error(self, node: ast.AST, message: str) -> CompileError: ...
        def bind(self, node: ast.AST, name: str, sym: Any) -> None: ...
        def resolve_type(self, node: ast.expr) -> T.Type: ...
        def scope(self, m: Module | None = None) -> dict[str, Any]: ...
        def resolve_lazy(self, scope: dict[str, Any], name: str) -> Any: ...
        def const_value(self, node: ast.expr, want: T.Type | None) -> tuple[
            T.Type | None, object]: ...
        def const_int(self, node: ast.expr) -> int | None: ...
        def is_final(self, ann: ast.expr) -> bool: ...
        def expr(self, node: ast.expr, want: T.Type | None,
                 discard: bool = False) -> T.Type: ...
        def heap_use(self, node: ast.AST, what: str, effect: str) -> None: ...
        def bind_call_args(self, node: ast.Call, params: list[Param], name: str) -> None: ...
        def mutable_default(self, node: ast.expr) -> str | None: ...
        def constant_default(self, node: ast.expr) -> bool: ...
        def signature_of(self, fn: FuncSym, skip: int = 0,
                         at: ast.AST | None = None) -> CallableType: ...
        def is_exception(self, t: T.Type) -> bool: ...
        def construct_exception(self, node: ast.Call, ct: ClassType, init: Any) -> None: ...
        def super_exception_init(self, node: ast.Call, base: ClassType) -> bool: ...

    # ----- step 1: names ---------------------------------------------------------
    def declare_class(self, m: Module, cls: ast.ClassDef) -> None:
        ct = ClassType(cls.name, f"{m.name}.{cls.name}")
        for dec in cls.decorator_list:
            call = dec if isinstance(dec, ast.Call) else None
            name = call.func if call is not None else dec
            if not (isinstance(name, ast.Name) and name.id == "dataclass"):
                raise self.error(dec, "unsupported class decorator (a class takes @struct, "
                                      "@dataclass or none)")
            ct.dataclass = True
            for kw in call.keywords if call is not None else []:
                if kw.arg not in ("frozen", "order", "eq") or not isinstance(
                        kw.value, ast.Constant) or not isinstance(kw.value.value, bool):
                    raise self.error(kw, "dataclass() takes frozen=, order= and eq= with "
                                         "True or False")
                setattr(ct, kw.arg, kw.value.value)
            if call is not None and call.args:
                raise self.error(call.args[0], "dataclass() takes keyword arguments only")
        if ct.order and not ct.eq:
            # CPython: ValueError: eq must be true if order is true
            raise self.error(cls, "dataclass(order=True) needs eq=True (CPython raises "
                                  "ValueError)")
        if cls.keywords:
            raise self.error(cls.keywords[0], "class keywords (metaclass=...) are not "
                                              "supported")
        if len(cls.bases) > 1:
            raise self.error(cls.bases[1], "a class has at most one base class (multiple "
                                           "inheritance is not supported)")
        sym = ClassSym(ct, m, cls)
        cls.pythos_class = ct  # type: ignore[attr-defined]  # for --dump=typed
        self.classes.append(sym)
        self.bind(cls, cls.name, sym)
        self.heap_use(cls, "classes", f"class {cls.name}")

    # ----- step 2: bases, fields, constants ----------------------------------------
    def declare_class_members(self) -> None:
        done: set[int] = set()

        def visit(sym: ClassSym, path: list[ClassSym]) -> None:
            if id(sym) in done:
                return
            if sym in path:
                raise sym.module.error(sym.node, f"class {sym.type.name} inherits from "
                                                 f"itself")
            self.module = sym.module
            base = self.base_class(sym)
            if base is not None:
                visit(base, path + [sym])
                sym.type.base = base.type
            self.module = sym.module
            self.declare_class_fields(sym)
            done.add(id(sym))
        for sym in self.classes:
            visit(sym, [])

    def base_class(self, sym: ClassSym) -> ClassSym | None:
        if not sym.node.bases:
            return None
        node = sym.node.bases[0]
        if isinstance(node, ast.Name) and node.id == "object":
            return None
        found: Any = None
        if isinstance(node, ast.Name) and node.id in self.scope():
            found = self.resolve_lazy(self.scope(), node.id)
        if not isinstance(found, ClassSym):
            what = "a @struct" if found is not None and type(found).__name__ == "StructSym" \
                else f"'{ast.unparse(node)}'"
            raise self.error(node, f"a class can only inherit from another class, not "
                                   f"from {what}")
        if found.type.dataclass != sym.type.dataclass and found.type.dataclass:
            raise self.error(node, f"class {sym.type.name} inherits from dataclass "
                                   f"{found.type.name}; make it a @dataclass too")
        return found  # type: ignore[no-any-return]

    @staticmethod
    def annotated_class_attribute(ct: ClassType, stmt: ast.stmt) -> ast.AnnAssign | None:
        """`made = 0` in a plain class's body, as the `made: int = 0` it
        means to mypy (which infers the type of an int, str, bool or bytes
        literal), or None.  In a plain class the annotation changes
        nothing at run time; in a dataclass it makes a field, so there
        an unannotated attribute stays an error."""
        if ct.dataclass or not isinstance(stmt, ast.Assign) or len(stmt.targets) != 1 \
                or not isinstance(stmt.targets[0], ast.Name):
            return None
        kind = literal_default(stmt.value)
        if kind is None:
            return None
        annotation = ast.copy_location(ast.Name(kind.__name__, ast.Load()), stmt.targets[0])
        made = ast.AnnAssign(stmt.targets[0], annotation, stmt.value, 1)
        return ast.copy_location(made, stmt)

    def declare_class_fields(self, sym: ClassSym) -> None:
        ct = sym.type
        base = ct.base
        if base is not None:
            ct.defaults.update(base.defaults)
        methods = {m.name for m in sym.node.body if isinstance(m, ast.FunctionDef)}
        for i, stmt in enumerate(sym.node.body):
            annotated = self.annotated_class_attribute(ct, stmt)
            if annotated is not None:
                sym.node.body[i] = stmt = annotated
            if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name):
                name = stmt.target.id
                if self.is_final(stmt.annotation):
                    self.declare_class_constant(ct, stmt)
                    continue
                if name in methods:
                    raise self.error(stmt.target, f"'{name}' is both a field and a method of "
                                                  f"class {ct.name}")
                self.add_field(ct, stmt.target, self.resolve_type(stmt.annotation))
                if isinstance(stmt.value, ast.Call) and self.is_field_call(stmt.value):
                    stmt.value = self.field_default(ct, name, stmt.value)
                if factory_call(stmt.value):
                    ct.defaults[name] = stmt.value  # a new value per instance
                elif stmt.value is not None:
                    why = self.mutable_default(stmt.value)
                    if why is not None:
                        # CPython: ValueError: mutable default <class 'list'> for field
                        raise self.error(stmt.value, f"a field's default is shared by every "
                                                     f"instance, so it cannot be {why}; "
                                                     + ("use field(default_factory=...)"
                                                        if ct.dataclass else
                                                        "assign it in __init__ instead"))
                    ct.defaults[name] = stmt.value
                elif ct.dataclass and any(ct.defaults.get(f) is not None for f in ct.fields
                                          if f != name and f not in ct.all_no_init()):
                    raise self.error(stmt, f"the field '{name}' has no default but comes "
                                           f"after one that has (the generated __init__ "
                                           f"would put a parameter without a default after "
                                           f"one with a default)")
            elif isinstance(stmt, ast.FunctionDef):
                if stmt.name == "__del__":
                    raise self.error(stmt, DEL_REASON)
            elif isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant):
                pass  # a docstring or ...
            elif isinstance(stmt, ast.Pass):
                pass
            elif isinstance(stmt, ast.Assign):
                raise self.error(stmt, "annotate this class attribute ('x: list[int] = ...') "
                                       "or make it a constant ('X: Final = ...'): only an int, "
                                       "str, bool or bytes literal gives it a type by itself"
                                       if not ct.dataclass else
                                       "annotate a dataclass's attribute ('x: int = 0', a "
                                       "field) or make it a constant ('X: Final = 0')")
            elif isinstance(stmt, ast.ClassDef):
                raise self.error(stmt, "nested classes are not supported")
            else:
                raise self.error(stmt, "a class body holds annotated attributes, constants "
                                       "and methods")
        init = next((m for m in sym.node.body if isinstance(m, ast.FunctionDef)
                     and m.name == "__init__"), None)
        if init is not None and init.args.args:
            self.declare_init_fields(ct, init)

    def is_field_call(self, value: ast.expr) -> bool:
        """`dataclasses.field(...)`, imported by name."""
        if not (isinstance(value, ast.Call) and isinstance(value.func, ast.Name)):
            return False
        sym = self.scope().get(value.func.id)
        return isinstance(sym, Builtin) and sym.name == "field"

    def field_default(self, ct: ClassType, name: str, call: ast.Call) -> ast.expr | None:
        """What `x: T = field(...)` gives the generated `__init__`: the value
        of `default=`, or for `default_factory=f` a call, the
        call `f()` made anew for each instance that gets no argument (so a
        list default is not shared, which is why `field` exists).  Without
        either, the field has no default."""
        if not ct.dataclass:
            raise self.error(call, "field() describes a field of a @dataclass; in a plain "
                                   "class, assign the attribute in __init__")
        if call.args:
            raise self.error(call.args[0], "field() takes keyword arguments only")
        default: ast.expr | None = None
        for kw in call.keywords:
            if kw.arg == "default":
                default = kw.value
            elif kw.arg == "init":
                if not (isinstance(kw.value, ast.Constant) and isinstance(kw.value.value, bool)):
                    raise self.error(kw.value, "field(init=...) takes True or False")
                if not kw.value.value:
                    ct.no_init.add(name)
            elif kw.arg == "default_factory":
                made: ast.expr
                if isinstance(kw.value, ast.Lambda):
                    # `lambda: [0] * 4`: its body, evaluated for each
                    # instance, is what calling it gives.
                    args = kw.value.args
                    if args.args or args.vararg or args.kwarg or args.kwonlyargs \
                            or args.posonlyargs:
                        raise self.error(kw.value, "a default_factory is called with no "
                                                   "arguments")
                    made = kw.value.body
                else:
                    made = ast.copy_location(ast.Call(kw.value, [], []), kw.value)
                made.factory = True  # type: ignore[attr-defined]
                default = made
            else:
                raise self.error(kw, f"field() takes default=, default_factory= and init= "
                                     f"(Pythos does not compile {kw.arg}=)" if kw.arg else
                                     "field() takes default=, default_factory= and init=")
        names = [kw.arg for kw in call.keywords]
        if "default" in names and "default_factory" in names:
            # CPython: ValueError: cannot specify both default and default_factory
            raise self.error(call, "field() cannot take both default= and default_factory=")
        if name in ct.no_init and default is None:
            # CPython's generated __init__ would leave it unset.
            raise self.error(call, f"field '{name}' has init=False and no default: give it "
                                   f"default= or default_factory=")
        return default

    def check_field_defaults(self) -> None:
        """Type-check the defaults that are not literals: a `default_factory`
        call, and an immutable value such as a tuple (a literal is folded
        where it is used, `default_value` in the IR builder).  Each is
        checked once, in its class's module; a dataclass's constructor
        evaluates it wherever the class is constructed."""
        for sym in self.classes:
            ct = sym.type
            for name, node in ct.defaults.items():
                if not isinstance(node, ast.expr) or name not in ct.own_fields \
                        or hasattr(node, "ty"):
                    continue
                t = ct.own_fields[name]
                self.module, self.fn = sym.module, None
                self.narrowed = {}
                if factory_call(node):
                    self.check_factory_kind(node, t)
                    got = self.expr(node, T.strip_optional(t))
                    if not T.assignable(got, t):
                        raise self.error(node, f"the default_factory makes \"{got}\"; the "
                                               f"field has type \"{t}\"")
                elif literal_default(node) is None and not (
                        isinstance(node, ast.Constant) and node.value is None):
                    self.field_constant_default(node, t)

    def check_factory_kind(self, node: ast.expr, t: T.Type) -> None:
        """`field(default_factory=dict)` for a `list[str]` field: say so,
        rather than that an empty dict needs an annotation."""
        kinds = {"list": T.ListType, "dict": T.DictType, "set": T.SetType}
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                and node.func.id in kinds and node.func.id not in self.scope() \
                and not isinstance(T.strip_optional(t), kinds[node.func.id]):
            raise self.error(node.func, f"the default_factory makes a {node.func.id}; the "
                                        f"field has type \"{t}\"")

    def field_constant_default(self, node: ast.expr, t: T.Type) -> None:
        """A default that every instance shares must be a constant: None, a
        number, a string, or a tuple of them (as for a function's)."""
        if not (T.is_object(t) or t is T.STR or isinstance(t, T.OptionalType)):
            return  # an integer constant expression: folded by const_value
        got = self.expr(node, t)
        if not T.assignable(got, t):
            raise self.error(node, f"incompatible default for field (default has type "
                                   f"\"{got}\", field has type \"{t}\")")
        if not self.constant_default(node):
            raise self.error(node, "a field's default must be a constant (None, a number, "
                                   "a string, or a tuple of them); for anything else, use "
                                   "field(default_factory=...)")

    def declare_init_fields(self, ct: ClassType, init: ast.FunctionDef) -> None:
        """The fields `__init__` declares, in the order it assigns them:
        `self.x: T = ...`, and `self.x = value` where the value's type is
        plain to see (a parameter, a literal, a constructor).  Any other
        unannotated field takes its type when `__init__` is checked
        (`Checker.assign`), before the functions that could read it."""
        self_name = init.args.args[0].arg
        params = {a.arg: a.annotation for a in init.args.args[1:]}
        for node in ast.walk(init):
            target: ast.expr
            value: ast.expr | None
            if isinstance(node, ast.AnnAssign):
                target, value = node.target, None
            elif isinstance(node, ast.Assign) and len(node.targets) == 1:
                target, value = node.targets[0], node.value
            else:
                continue
            if not (isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name)
                    and target.value.id == self_name):
                continue
            if isinstance(node, ast.AnnAssign):
                self.add_field(ct, target, self.resolve_type(node.annotation), target.attr)
                continue
            if target.attr in ct.fields or ct.find_method(target.attr) is not None:
                continue
            t = self.evident_type(value, params)
            if t is not None:
                self.add_field(ct, target, t, target.attr)

    def evident_type(self, value: ast.expr | None, params: dict[str, ast.expr | None]) -> \
            T.Type | None:
        if isinstance(value, ast.Name) and params.get(value.id) is not None:
            annotation = params[value.id]
            assert annotation is not None
            return self.resolve_type(annotation)
        if isinstance(value, ast.Constant) and type(value.value) in (int, str, bool):
            return {int: I64, str: STR, bool: BOOL}[type(value.value)]
        if isinstance(value, ast.Call) and isinstance(value.func, ast.Name) \
                and isinstance(self.scope().get(value.func.id), ClassSym):
            return self.scope()[value.func.id].type  # type: ignore[no-any-return]
        return None

    def add_field(self, ct: ClassType, node: ast.AST, t: T.Type, name: str | None = None) -> None:
        if name is None:
            assert isinstance(node, ast.Name)
            name = node.id
        if t is NONE:
            raise self.error(node, "a field cannot have type None (use 'T | None')")
        old = ct.fields.get(name)
        if old is not None and old != t:
            owner = next(c for c in ct.mro() if c is not ct and name in c.fields) \
                if ct.base and name in ct.base.fields else ct
            raise self.error(node, f"'{name}' is declared as {old} in {owner.name}; it "
                                   f"cannot be redeclared as {t}")
        ct.own_fields[name] = t

    def declare_class_constant(self, ct: ClassType, stmt: ast.AnnAssign) -> None:
        assert isinstance(stmt.target, ast.Name)
        if stmt.value is None:
            raise self.error(stmt, "a Final constant needs a value")
        name = stmt.target.id
        if ct.base is not None and ct.base.find_constant(name) is not None:
            raise self.error(stmt.target, f"cannot override final attribute \"{name}\" "
                                          f"(previously declared in base class "
                                          f"\"{ct.base.name}\")")
        want = None
        if isinstance(stmt.annotation, ast.Subscript):
            want = self.resolve_type(stmt.annotation.slice)
        if self.const_int(stmt.value) is not None and want in (None, I64):
            _, value = self.const_value(stmt.value, I64 if want else None)
            ct.constants[stmt.target.id] = ConstSym(stmt.target.id, None, value)
            return
        ctype, value = self.const_value(stmt.value, want)
        ct.constants[stmt.target.id] = ConstSym(stmt.target.id, ctype, value)

    # ----- step 3: methods ------------------------------------------------------------
    def method_decorators(self, fn: FuncSym, node: ast.FunctionDef) -> list[ast.expr]:
        """Read @staticmethod and @property; return the other decorators."""
        rest = []
        for dec in node.decorator_list:
            if isinstance(dec, ast.Name) and dec.id == "staticmethod":
                fn.method_kind = "static"
            elif isinstance(dec, ast.Name) and dec.id == "property":
                fn.method_kind = "property"
            elif isinstance(dec, ast.Attribute) and dec.attr == "setter" \
                    and isinstance(dec.value, ast.Name) and dec.value.id == node.name:
                fn.method_kind = "setter"
            elif isinstance(dec, ast.Attribute) and dec.attr in ("setter", "deleter"):
                raise self.error(dec, f"property {dec.attr}s are supported as "
                                      f"'@{node.name}.setter' on a method named '{node.name}'"
                                      if dec.attr == "setter" else "property deleters are not "
                                                                   "supported")
            else:
                rest.append(dec)
        return rest

    def check_class_methods(self) -> None:
        # Bases first: a subclass's vtable starts with a copy of its base's,
        # which must be complete by then.  `self.classes` is in the order the
        # modules were read, and a subclass's module may come before its
        # base's (an entry that imports the subclass's module first).
        def depth(sym: ClassSym) -> int:
            n, ct = 0, sym.type.base
            while ct is not None:
                n, ct = n + 1, ct.base
            return n
        for sym in sorted(self.classes, key=depth):
            self.module = sym.module
            ct = sym.type
            ct.vtable = list(ct.base.vtable) if ct.base else []
            for name, fn in ct.methods.items():
                assert isinstance(fn, FuncSym) and fn.node is not None
                if fn.method_kind == "static":
                    ct.staticmethods.add(name)
                elif fn.method_kind == "property":
                    ct.properties.add(name)
                    if len(fn.params) != 1:
                        raise self.error(fn.node, f"property '{name}' takes only self")
                    if fn.result is NONE:
                        raise self.error(fn.node, f"property '{name}' must return a value")
                if name in ct.fields:
                    raise self.error(fn.node, f"'{name}' is both a field and a method of "
                                              f"class {ct.name}")
                self.check_special_method(ct, fn)
                if ct.base is not None:
                    base_fn = ct.base.find_method(name)
                    if isinstance(base_fn, FuncSym):
                        self.check_override(ct, fn, base_fn)
                key = slot_key(fn)  # overrides.py: a slot per signature
                if fn.method_kind != "static" and name != "__init__" and key not in ct.vtable:
                    ct.vtable.append(key)

    def declare_setter(self, ct: ClassType, fn: FuncSym) -> None:
        """`@name.setter`: the property `name` defined just before becomes
        assignable, with a value of the type it returns."""
        assert fn.node is not None
        getter = ct.methods.get(fn.name)
        if not isinstance(getter, FuncSym) or getter.method_kind != "property":
            raise self.error(fn.node, f"'@{fn.name}.setter' needs the property '{fn.name}' "
                                      f"defined before it")
        if len(fn.params) != 2 or fn.result is not NONE:
            raise self.error(fn.node, f"the setter of '{fn.name}' takes self and a value, and "
                                      f"returns None")
        if fn.params[1].type != getter.result:
            raise self.error(fn.node.args.args[1], f"the setter of '{fn.name}' takes a "
                                                   f"{getter.result}, the type the property "
                                                   f"returns")
        ct.setters[fn.name] = fn
        # The getter and the setter share the method's name; their code
        # needs two symbols.
        fn.link_name += ".setter"

    def check_special_method(self, ct: ClassType, fn: FuncSym) -> None:
        name = fn.name
        assert fn.node is not None
        if not (name.startswith("__") and name.endswith("__")):
            return
        if name not in SPECIAL_METHODS:
            known = " ".join(sorted(SPECIAL_METHODS))
            raise self.error(fn.node, f"special method {name} is not supported (Pythos "
                                      f"knows {known})")
        if fn.method_kind != "method":
            raise self.error(fn.node, f"{name} must be a plain method")
        count, result = SPECIAL_METHODS[name]
        params = fn.params[1:]
        if count is not None and len(params) != count:
            raise self.error(fn.node, f"{name} takes {count} parameter(s) after self, as "
                                      f"Python calls it; this one takes {len(params)}")
        if name == "__exit__" and len(params) == 3 and fn.result is BOOL:
            result = None  # __exit__(self, exc_type, exc, tb) -> bool may suppress (exceptions.py)
        if result is not None and fn.result != result:
            raise self.error(fn.node.returns or fn.node,
                             f"{name} must return {result} (Python's {name} protocol), "
                             f"not {fn.result}")
        if name in ("__eq__", "__ne__") and params[0].type is not OBJECT:
            # mypy: Argument 1 of "__eq__" is incompatible with supertype "object"
            raise self.error(fn.node.args.args[1], f"argument 1 of {name} is incompatible "
                                                   f"with supertype \"object\", which takes "
                                                   f"'other: object'; narrow it with "
                                                   f"isinstance(other, {ct.name})")
        if name == "__iter__" and not isinstance(fn.result, (T.IteratorType, ClassType)):
            raise self.error(fn.node.returns or fn.node, "__iter__ returns an Iterator[T] or "
                                                         "an iterator object (a class with "
                                                         "__next__)")
        if name == "__iter__" and isinstance(fn.result, ClassType) \
                and fn.result.find_method("__next__") is None:
            raise self.error(fn.node.returns or fn.node, f"__iter__ returns {fn.result}, "
                                                         f"which has no __next__ method")

    def check_override(self, ct: ClassType, fn: FuncSym, base_fn: FuncSym) -> None:
        """As mypy: an override must accept every call the base method
        accepts (same kind, at least as many parameters, each at least as
        wide) and give a result the base's callers can use."""
        assert fn.node is not None and base_fn.cls is not None
        base = base_fn.cls.name
        where = f"incompatible with supertype \"{base}\""
        if fn.name == "__init__":
            return  # constructors are not called through the base
        if fn.method_kind != base_fn.method_kind:
            kinds = {"method": "a method", "static": "a static method",
                     "property": "a property"}
            raise self.error(fn.node, f"\"{fn.name}\" is {kinds[fn.method_kind]} here but "
                                      f"{kinds[base_fn.method_kind]} in \"{base}\"")
        skip = 0 if fn.method_kind == "static" else 1
        mine, theirs = fn.params[skip:], base_fn.params[skip:]
        # A call through the base binds by the base's parameters and passes
        # them in its order, so keyword-only parameters must be the same
        # names at the same places, and so must *args and **kwargs.
        if any(p.star for p in [*mine, *theirs]) and [
                (p.star, p.kw_only, p.name if p.kw_only or p.star else "")
                for p in mine] != [(q.star, q.kw_only, q.name if q.kw_only or q.star else "")
                                   for q in theirs]:
            raise self.error(fn.node, f"signature of \"{fn.name}\" {where}: a method with "
                                      f"*args or **kwargs overrides one with the same "
                                      f"parameters, of the same kinds, in the same order")
        if any(p.kw_only or q.kw_only for p, q in zip(mine, theirs, strict=False)) and any(
                (p.name, p.kw_only) != (q.name, q.kw_only) for p, q in zip(mine, theirs,
                                                                          strict=False)
                if p.kw_only or q.kw_only):
            raise self.error(fn.node, f"signature of \"{fn.name}\" {where}: its keyword-only "
                                      f"parameters must be the base method's, in its order")
        if len(mine) < len(theirs) or any(p.default is None for p in mine[len(theirs):]):
            raise self.error(fn.node, f"signature of \"{fn.name}\" {where}: it takes "
                                      f"{len(mine)} parameter(s), the base method "
                                      f"{len(theirs)}")
        for i, (p, q) in enumerate(zip(mine, theirs, strict=False)):
            if not T.assignable(q.type, p.type):
                args = [*fn.node.args.posonlyargs, *fn.node.args.args]
                raise self.error(args[i + skip] if i + skip < len(args) else fn.node,
                                 f"argument {i + 1} of \"{fn.name}\" is {where}; supertype "
                                 f"defines the argument type as \"{q.type}\"")
        if not T.assignable(fn.result, base_fn.result) and not (
                fn.result is NONE and base_fn.result is NONE):
            raise self.error(fn.node.returns or fn.node,
                             f"return type \"{fn.result}\" of \"{fn.name}\" incompatible "
                             f"with return type \"{base_fn.result}\" in supertype \"{base}\"")

    # ----- uses -------------------------------------------------------------------------
    def constructor_params(self, ct: ClassType) -> list[Param]:
        init = ct.find_method("__init__")
        if isinstance(init, FuncSym):
            return init.params[1:]
        if ct.dataclass:
            return [Param(name, t, ct.defaults.get(name))  # type: ignore[arg-type]
                    for name, t in ct.fields.items() if name not in ct.all_no_init()]
        return []

    def construct(self, node: ast.Call, ct: ClassType) -> T.Type:
        init = ct.find_method("__init__")
        if self.is_exception(ct):  # check/exceptions.py
            self.construct_exception(node, ct, init)
            if init is not None:
                self.bind_call_args(node, self.constructor_params(ct), ct.name)
        else:
            self.bind_call_args(node, self.constructor_params(ct), ct.name)
        node.call = ("new", ct)  # type: ignore[attr-defined]
        self.heap_use(node, "classes", f"{ct.name}() allocates")
        return ct

    def instance_attribute(self, node: ast.Attribute, ct: ClassType) -> T.Type:
        """`obj.name` of a class instance: a field, a property, a constant
        or a bound method."""
        name = node.attr
        if name in ct.fields:
            node.field = ("object", ct)  # type: ignore[attr-defined]
            return ct.fields[name]
        const = ct.find_constant(name)
        if isinstance(const, ConstSym):
            node.field = None  # type: ignore[attr-defined]
            if const.type is None:
                node.const = const.value  # type: ignore[attr-defined]
                return I64
            node.const = const.value  # type: ignore[attr-defined]
            return const.type
        fn = ct.find_method(name)
        if isinstance(fn, FuncSym):
            node.field = None  # type: ignore[attr-defined]
            if fn.method_kind == "property":
                node.call = ("property", fn)  # type: ignore[attr-defined]
                self.record_call(fn, node)
                return fn.result
            skip = 0 if fn.method_kind == "static" else 1
            self.heap_use(node, "bound methods", f"'{ast.unparse(node)}' makes a bound-method "
                                                 f"object (allocates)")
            self.record_call(fn, node)
            return self.signature_of(fn, skip, node)
        raise self.error(node, self.no_attribute(ct, name, ast.unparse(node.value)))

    def no_attribute(self, ct: ClassType, name: str, subject: str = "x") -> str:
        message = f"\"{ct.name}\" has no attribute \"{name}\""
        subclasses = [c.type.name for c in self.classes
                      if c.type is not ct and c.type.is_subclass(ct)
                      and (name in c.type.fields or c.type.find_method(name) is not None)]
        if subclasses:
            message += (f"; it is an attribute of its subclass {subclasses[0]}: narrow with "
                        f"isinstance({subject}, {subclasses[0]}) first")
        elif self.is_exception(ct) and name in ("__cause__", "__context__", "__traceback__",
                                                "with_traceback"):
            message += ("; Pythos keeps an exception's cause, context and traceback for the "
                        "report only (docs/language.md, \"Exceptions\")")
        return message

    def record_call(self, fn: FuncSym, node: ast.AST) -> None:
        if self.fn is not None:
            self.fn.calls.append((fn, node))

    def class_attribute(self, node: ast.Attribute, ct: ClassType) -> T.Type:
        """`C.name`: a constant or a static method."""
        const = ct.find_constant(node.attr)
        if isinstance(const, ConstSym):
            node.field = None  # type: ignore[attr-defined]
            node.const = const.value  # type: ignore[attr-defined]
            return const.type or I64
        fn = ct.find_method(node.attr)
        if isinstance(fn, FuncSym) and fn.method_kind == "static":
            node.field = None  # type: ignore[attr-defined]
            node.static_method = fn  # type: ignore[attr-defined]  # (for the builder)
            return self.signature_of(fn, 0, node)
        if isinstance(fn, FuncSym):
            raise self.error(node, f"'{ast.unparse(node)}' is a method; call it on an "
                                   f"instance")
        default = ct.defaults.get(node.attr)
        if isinstance(default, ast.expr) and node.attr in ct.fields \
                and literal_default(default):
            # `limit: int = 5` (or `limit = 5`) in the body: CPython's class
            # attribute, which an instance's own `self.limit` only hides.
            # Nothing can assign the class's (the checker refuses `C.x =
            # ...`), so reading it is reading the literal.
            t, value = self.const_value(default, ct.fields[node.attr])
            node.field = None  # type: ignore[attr-defined]
            node.const = value  # type: ignore[attr-defined]
            return t or I64
        raise self.error(node, f"class \"{ct.name}\" has no class attribute \"{node.attr}\" "
                               f"(fields belong to instances; a default value of an int, "
                               f"str, bytes or bool literal can be read through the class)")

    def check_field_store(self, node: ast.Attribute, ct: ClassType) -> T.Type:
        """`obj.name = value`: a declared field, never a frozen one, or a
        property with a setter.  Returns the type to store."""
        name = node.attr
        getter = ct.find_method(name)
        if isinstance(getter, FuncSym) and getter.method_kind == "property":
            setter = next((c.setters[name] for c in ct.mro() if name in c.setters), None)
            if isinstance(setter, FuncSym):
                self.record_call(setter, node)
                node.call = ("setter", setter)  # type: ignore[attr-defined]
                return setter.params[1].type
            raise self.error(node, f"property \"{name}\" defined in \"{ct.name}\" is read-only")
        if name not in ct.fields:
            if ct.find_method(name) is not None or ct.find_constant(name) is not None:
                raise self.error(node, f"cannot assign to \"{name}\": it is a method or "
                                       f"constant of class {ct.name}")
            raise self.error(node, f"\"{ct.name}\" has no attribute \"{name}\"; declare it in "
                                   f"the class body or in __init__ ('self.{name}: T = ...')")
        for c in ct.mro():
            if c.frozen and name in c.fields:
                # CPython raises dataclasses.FrozenInstanceError; mypy says
                # "Property "x" defined in "P" is read-only".
                raise self.error(node, f"cannot assign to field \"{name}\": dataclass "
                                       f"\"{c.name}\" is frozen (its fields are read-only)")
        return ct.fields[name]

    def super_method(self, node: ast.Call, f: ast.Attribute) -> T.Type:
        """`super().name(...)`: the base class's method, called on self."""
        sup = f.value
        assert isinstance(sup, ast.Call)
        fn = self.fn
        while fn is not None and fn.cls is None and fn.parent is not None:
            fn = fn.parent
        if fn is None or fn.cls is None or fn.method_kind != "method" or sup.args \
                or sup.keywords:
            raise self.error(sup, "super() is only available, without arguments, in a "
                                  "method of a class (mypy: \"super\" used outside class)")
        base = fn.cls.base
        target = base.find_method(f.attr) if base is not None else None
        if not isinstance(target, FuncSym):
            if f.attr == "__init__" and base is not None and self.super_exception_init(
                    node, base):
                sup.ty = base  # type: ignore[attr-defined]
                return NONE
            if f.attr == "__init__":
                if node.args or node.keywords:
                    raise self.error(node, "object.__init__() takes no arguments")
                node.call = ("super", None)  # type: ignore[attr-defined]
                sup.ty = OBJECT  # type: ignore[attr-defined]
                return NONE
            raise self.error(f, f"\"super\" of \"{fn.cls.name}\" has no attribute "
                                f"\"{f.attr}\"")
        if target.method_kind != "method":
            raise self.error(f, f"super().{f.attr} is not a method")
        sup.ty = base  # type: ignore[attr-defined]
        self.bind_call_args(node, target.params[1:], f"{base.name}.{f.attr}"
                            if base is not None else f.attr)
        node.call = ("super", target)  # type: ignore[attr-defined]
        self.record_call(target, node)
        return target.result

    def optional_attribute_error(self, node: ast.Attribute, t: OptionalType) -> CompileError:
        text = ast.unparse(node.value)
        return self.error(node, f"item \"None\" of \"{t}\" has no attribute \"{node.attr}\": "
                                f"'{text}' may be None here; test '{text} is not None' first")


def factory_call(node: ast.expr | None) -> bool:
    """What the checker makes of a dataclass field's
    `field(default_factory=f)`: the call `f()` (or a lambda's body), an
    expression like any other, told apart so that it is not refused as a
    shared mutable default."""
    return getattr(node, "factory", False) is True


def literal_default(node: ast.expr) -> type | None:
    """The type of an int, str, bytes or bool literal (an int may have a
    sign), or None for anything else."""
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        node = node.operand
        kinds: tuple[type, ...] = (int,)
    else:
        kinds = (int, str, bytes, bool)
    if isinstance(node, ast.Constant) and type(node.value) in kinds:
        return type(node.value)
    return None
