"""Pass 1 of the checker, a mixin of `Checker`: declare every top-level name.

Before any function body is checked, each module's structs, imports,
functions, constants and globals are declared, so that a function may
call one defined later in its file and a struct may name one declared
after it.  This is the order `Checker.run` calls them in: structs (their
names, then their fields and layouts), imports (bound lazily, `_Lazy`,
and resolved on first use, so that modules may import each other),
functions and methods, constants, and globals.  The tables of names the
language itself provides are in `check/names.py`.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

from .. import types as T
from ..diagnostics import CompileError, Location
from ..parse import BUILTIN_MODULES, Module, Program
from ..symbols import (
    Builtin,
    ClassSym,
    ConstSym,
    FuncSym,
    GlobalSym,
    ModuleRef,
    Param,
    StructSym,
    TypeAliasSym,
)
from ..types import (
    BYTES,
    I64,
    NONE,
    OBJECT,
    STR,
    U64,
    ArrayType,
    ClassType,
    PtrType,
    StructType,
    Type,
)
from .containers import objectish
from .names import (
    LANG_NAMES,
    STRUCT_RESERVED,
    TYPING_NAMES,
)


class _Lazy:
    """A `from m import name` binding, resolved on first use."""

    def __init__(self, module: str, name: str, node: ast.AST, origin: Module) -> None:
        self.module, self.name, self.node, self.origin = module, name, node, origin


class Declarations:
    """Mixed into `check.Checker`, which provides what is declared here."""

    classes: list[ClassSym]
    fn: FuncSym | None
    freestanding: bool
    functions: list[FuncSym]
    globals: list[GlobalSym]
    interrupt_frame: StructType | None
    module: Module
    program: Program
    scopes: dict[str, dict[str, Any]]
    start_up_finals: set[int]
    structs: list[StructSym]

    if TYPE_CHECKING:
        def built_at_start_up(self, value: ast.expr) -> bool: ...
        def const_int(self, node: ast.expr) -> int | None: ...
        def const_value(self, node: ast.expr,
                        want: T.Type | None) -> tuple[T.Type | None, object]: ...
        def coroutine_function_type(self, fn: FuncSym) -> None: ...
        def declare_class(self, m: Module, cls: ast.ClassDef) -> None: ...
        def declare_setter(self, ct: ClassType, fn: FuncSym) -> None: ...
        def error(self, node: ast.AST, message: str) -> CompileError: ...
        def expr(self, node: ast.expr, want: T.Type | None, discard: bool = False) -> T.Type: ...
        def final_built_at_start_up(self, m: Module, value: ast.expr) -> bool: ...
        def mark_dynamic(self, g: GlobalSym) -> T.Type: ...
        def method_decorators(self, fn: FuncSym, node: ast.FunctionDef) -> list[ast.expr]: ...
        def no_plain_literal(self, node: ast.expr, want: T.Type, what: str,
                             advice: str = ...) -> None: ...
        def resolve_type(self, node: ast.expr) -> T.Type: ...

    def check_main_signature(self, entry: Module) -> None:
        self.module = entry
        main = self.resolve_lazy(self.scope(entry), "main")
        if not isinstance(main, FuncSym) or main.node is None:
            binding = next((stmt for stmt in entry.tree.body if "main" in {
                n.id for n in ast.walk(stmt) if isinstance(n, ast.Name)} | {
                a.asname or a.name for n in ast.walk(stmt) if isinstance(n, ast.ImportFrom)
                for a in n.names} | ({stmt.name} if isinstance(stmt, ast.ClassDef) else set())),
                None)
            raise CompileError("'main' must be a function: def main() -> None",
                               entry.loc(binding) if binding is not None
                               else Location(entry.path, 1, 1))
        where: ast.AST | None = None
        if main.node.args.args:
            where = main.node.args.args[0]
        elif main.result is not NONE:
            where = main.node.returns
        if where is not None:
            raise main.module.error(where, "main() must take no parameters and return None")

    def scope(self, m: Module | None = None) -> dict[str, Any]:
        return self.scopes[(m or self.module).name]

    def bind(self, node: ast.AST, name: str, sym: Any) -> None:
        scope = self.scope()
        if name in scope and not isinstance(scope[name], (ModuleRef, Builtin)):
            raise self.error(node, f"'{name}' is defined twice in this module")
        scope[name] = sym

    def declare_type_aliases(self, m: Module) -> None:
        """`Grid = list[list[str]]` (parse.py, `is_type_alias`): the name
        stands for the type wherever a type is written, in this module and
        those that import it.  It is resolved at its first use."""
        for stmt in m.type_aliases:
            target = stmt.targets[0]
            assert isinstance(target, ast.Name)
            self.bind(target, target.id, TypeAliasSym(target.id, m, stmt))

    def alias_type(self, alias: TypeAliasSym) -> T.Type:
        if alias.type is not None:
            return alias.type
        if alias.resolving:
            raise alias.module.error(alias.node.value, f"the type alias '{alias.name}' "
                                                       f"refers to itself")
        saved_module, saved_fn = self.module, self.fn
        alias.resolving = True
        try:
            self.module, self.fn = alias.module, None
            alias.type = self.resolve_type(alias.node.value)
        finally:
            alias.resolving = False
            self.module, self.fn = saved_module, saved_fn
        return alias.type

    def declare_structs(self, m: Module) -> None:
        for cls in m.structs:
            if not any(isinstance(d, ast.Name) and d.id == "struct" or isinstance(
                    d, ast.Call) and isinstance(d.func, ast.Name) and d.func.id == "struct"
                    for d in cls.decorator_list):
                self.declare_class(m, cls)  # a plain class or @dataclass (issue 11)
                continue
            packed = False
            ok = False
            for dec in cls.decorator_list:
                if isinstance(dec, ast.Name) and dec.id == "struct":
                    ok = True
                elif isinstance(dec, ast.Call) and isinstance(dec.func, ast.Name) \
                        and dec.func.id == "struct":
                    ok = True
                    for kw in dec.keywords:
                        if kw.arg != "packed" or not isinstance(kw.value, ast.Constant) \
                                or not isinstance(kw.value.value, bool):
                            raise self.error(kw, "struct() takes only packed=True or False")
                        packed = kw.value.value
                else:
                    raise self.error(dec, "unsupported class decorator")
            if not ok:
                raise self.error(cls, "classes must be decorated with @struct")
            if cls.bases or cls.keywords:
                raise self.error((cls.bases or cls.keywords)[0], "struct classes cannot inherit")
            st = StructType(cls.name, f"{m.name}.{cls.name}", packed)
            sym = StructSym(st, m, cls)
            self.structs.append(sym)
            self.bind(cls, cls.name, sym)

    def declare_imports(self, m: Module) -> None:
        scope = self.scope(m)
        for imp in m.imports:
            if isinstance(imp, ast.Import):
                for a in imp.names:
                    if a.name in BUILTIN_MODULES:
                        raise self.error(imp, f"use 'from {a.name} import ...' instead")
                    if a.asname:
                        scope[a.asname] = ModuleRef(self.program.modules[a.name])
                    else:
                        # `import a.b` binds `a`; attribute lookups walk to a.b.
                        top = a.name.split(".")[0]
                        scope[top] = ModuleRef(self.package(top, a.name))
                continue
            assert imp.module is not None
            for a in imp.names:
                name = a.asname or a.name
                if a.name == "*":
                    raise self.error(imp, "'import *' is not supported; name what you import")
                if imp.module == "pythos.lang":
                    if a.name not in LANG_NAMES:
                        raise self.error(a, f"pythos.lang has no name '{a.name}'")
                    scope[name] = Builtin(a.name)
                elif imp.module in ("typing", "collections.abc"):
                    if a.name not in TYPING_NAMES or (imp.module == "collections.abc"
                                                      and a.name in ("Final", "Optional",
                                                                     "Union")):
                        known = ", ".join(sorted(TYPING_NAMES))
                        raise self.error(a, f"{imp.module}.{a.name} is not supported (Pythos "
                                            f"knows {known})")
                    scope[name] = Builtin(a.name)
                elif imp.module == "dataclasses":
                    if a.name not in ("dataclass", "field"):
                        raise self.error(a, f"dataclasses.{a.name} is not supported (only "
                                            f"dataclass and field)")
                    scope[name] = Builtin(a.name)
                elif imp.module == "__future__":
                    pass
                else:
                    sub = f"{imp.module}.{a.name}"
                    if sub in self.program.modules:
                        scope[name] = ModuleRef(self.program.modules[sub])
                        continue
                    # Names of the target module are declared later, so bind
                    # lazily through a resolver the first time they're used.
                    scope[name] = _Lazy(imp.module, a.name, imp, m)

    def package(self, top: str, full: str) -> Module:
        """`import a.b` binds `a`; we model `a` by the module itself when it
        exists, or by a synthetic empty package module."""
        if top in self.program.modules:
            return self.program.modules[top]
        pkg = Module(top, "<package>", "", ast.Module(body=[], type_ignores=[]))
        self.program.modules.setdefault(top, pkg)
        self.scopes.setdefault(top, {})
        return pkg

    def lookup_module_name(self, m: Module, name: str, node: ast.AST) -> Any:
        scope = self.scopes.get(m.name, {})
        if name in scope:
            return self.resolve_lazy(scope, name)
        sub = f"{m.name}.{name}"
        if sub in self.program.modules:
            return ModuleRef(self.program.modules[sub])
        raise self.error(node, f"module '{m.name}' has no name '{name}'")

    def resolve_lazy(self, scope: dict[str, Any], name: str) -> Any:
        sym = scope[name]
        seen = 0
        while isinstance(sym, _Lazy):
            seen += 1
            target = self.scopes.get(sym.module, {})
            if sym.name not in target or seen > 50:
                raise sym.origin.error(sym.node, f"cannot import name '{sym.name}' from "
                                                 f"'{sym.module}'")
            sym = target[sym.name]
        scope[name] = sym
        return sym

    def declare_struct_fields(self, s: StructSym) -> None:
        s.type.fields.clear()  # this may be a retry (see declare_constants_and_layouts)
        methods = {m.name: m for m in s.node.body if isinstance(m, ast.FunctionDef)}
        for stmt in s.node.body:
            if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name):
                if stmt.value is not None:
                    raise self.error(stmt.value, "struct fields cannot have defaults "
                                                 "(they start at zero)")
                name = stmt.target.id
                if name in STRUCT_RESERVED or name.startswith("__"):
                    raise self.error(stmt.target, f"a struct field cannot be named '{name}' "
                                                  f"(pythos.lang's struct class uses that name)")
                if name in methods:
                    # Under CPython the method is the class attribute of that
                    # name, which @struct takes for a field default: TypeError.
                    raise self.error(methods[name], f"method '{name}' has the name of a field "
                                                    f"of struct {s.type.name}; rename one")
                ft = self.resolve_type(stmt.annotation)
                if ft in (STR, BYTES, NONE):
                    raise self.error(stmt.annotation, f"a struct field cannot be {ft}")
                if T.is_object(ft) or ft is OBJECT:
                    raise self.error(stmt.annotation, f"a struct field cannot hold a {ft}: a "
                                                      f"struct is plain memory with a fixed "
                                                      f"layout; use a class")
                s.type.fields[name] = ft
            elif isinstance(stmt, ast.FunctionDef):
                if stmt.name == "__init__":
                    raise self.error(stmt, f"struct {s.type.name} cannot define __init__: its "
                                           f"constructor takes the fields by position or "
                                           f"keyword (CPython's @struct raises TypeError)")
                if stmt.name in STRUCT_RESERVED or stmt.name.startswith("__pythos"):
                    raise self.error(stmt, f"a struct method cannot be named '{stmt.name}' "
                                           f"(pythos.lang's struct class uses that name)")
            elif isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant):
                pass  # docstring
            elif isinstance(stmt, ast.Pass):
                pass
            else:
                raise self.error(stmt, "a struct body holds annotated fields and methods only")
        s.type.complete = True

    def check_address_cycles(self) -> None:
        syms = {id(s.type): s for s in self.structs}

        def visit(st: StructType, path: list[StructType]) -> None:
            for name, ft in st.fields.items():
                while isinstance(ft, ArrayType):
                    ft = ft.element
                if not isinstance(ft, StructType):
                    continue
                if ft in path or ft == st:
                    sym = syms.get(id(st))
                    field = next((f for f in sym.node.body if isinstance(f, ast.AnnAssign)
                                  and isinstance(f.target, ast.Name)
                                  and f.target.id == name), None) if sym else None
                    message = (f"struct {ft.name} contains itself (field '{name}' of "
                               f"{st.name}); use Ptr[{ft.name}] to refer to one")
                    if sym is None or field is None:
                        raise CompileError(message)
                    raise sym.module.error(field.annotation, message)
                visit(ft, path + [st])
        for s in self.structs:
            visit(s.type, [])

    def declare_functions(self, m: Module) -> None:
        for node in m.functions:
            self.bind(node, node.name, self.make_function(m, node, None))
        for s in self.structs:
            if s.module is not m:
                continue
            for member in s.node.body:
                if isinstance(member, ast.FunctionDef):
                    s.type.methods[member.name] = self.make_function(m, member, s.type)
        for c in self.classes:
            if c.module is not m:
                continue
            for member in c.node.body:
                if isinstance(member, ast.FunctionDef):
                    fn = self.make_function(m, member, None, c.type)
                    if fn.method_kind == "setter":
                        self.declare_setter(c.type, fn)
                        continue
                    if member.name in c.type.methods:
                        raise self.error(member, f"method '{member.name}' is defined twice in "
                                                 f"class {c.type.name}")
                    c.type.methods[member.name] = fn

    def make_function(self, m: Module, node: ast.FunctionDef, struct: StructType | None,
                      cls: ClassType | None = None) -> FuncSym:
        a = node.args
        exit_varargs = (struct is not None or cls is not None) and a.vararg is not None \
            and node.name in ("__exit__", "__aexit__")
        if a.vararg and struct is not None and not exit_varargs:
            raise self.error(a.vararg, f"*{a.vararg.arg} is not supported in a struct method")
        if a.kwarg and struct is not None:
            raise self.error(a.kwarg, f"**{a.kwarg.arg} is not supported in a struct method")
        owner = f"{struct.name}." if struct else (f"{cls.name}." if cls else "")
        fn = FuncSym(node.name, m, node, [], NONE, f"{m.name}.{owner}{node.name}", struct)
        fn.cls = cls
        node.pythos_sym = fn  # type: ignore[attr-defined]
        decorators = self.method_decorators(fn, node) if cls is not None else node.decorator_list
        for dec in decorators:
            if isinstance(dec, ast.Name) and dec.id == "interrupt":
                fn.interrupt = True
            elif self.is_should_panic(dec):
                pass  # read by the kernel test runner (pythos/kernel_tools/ktest.py), not compiled
            elif isinstance(dec, ast.Call) and isinstance(dec.func, ast.Name) \
                    and dec.func.id in ("export", "extern") and len(dec.args) == 1 \
                    and isinstance(dec.args[0], ast.Constant) \
                    and isinstance(dec.args[0].value, str):
                fn.link_name = dec.args[0].value
                fn.exported = dec.func.id == "export"
                fn.extern = dec.func.id == "extern"
            elif self.fn is None and cls is None and struct is None:
                # A module-level function's own decorator (`@command("help")`,
                # `@trace`): applied by the module's initialiser (check/modinit.py).
                fn.decorators.append(dec)
            else:
                raise self.error(dec, "unsupported decorator (expected @interrupt, "
                                      "@export(\"name\") or @extern(\"name\"))")
        positional = [*a.posonlyargs, *a.args]
        defaults = [None] * (len(positional) - len(a.defaults)) + list(a.defaults)
        owner_type: StructType | ClassType | None = struct or (
            cls if cls is not None and fn.method_kind != "static" else None)
        for i, (arg, default) in enumerate(zip(positional, defaults, strict=True)):
            if i == 0 and owner_type is not None:
                if arg.annotation is not None:
                    raise self.error(arg, "'self' takes no annotation")
                fn.params.append(Param(arg.arg, owner_type, None,
                                       pos_only=i < len(a.posonlyargs)))
                continue
            fn.params.append(Param(arg.arg, self.param_type(arg), default,
                                   pos_only=i < len(a.posonlyargs)))
        if a.vararg and not exit_varargs:
            # `*args: T`: the extra positional arguments, a tuple[T, ...].
            fn.params.append(Param(a.vararg.arg, T.VarTupleType(self.param_type(a.vararg)),
                                   None, star="*"))
        for arg, default in zip(a.kwonlyargs, a.kw_defaults, strict=True):
            fn.params.append(Param(arg.arg, self.param_type(arg), default, kw_only=True))
        if a.kwarg:
            # `**kwargs: V`: the keywords no parameter takes, a dict[str, V].
            fn.params.append(Param(a.kwarg.arg, T.DictType(STR, self.param_type(a.kwarg)),
                                   None, star="**"))
        if owner_type is not None and not positional:
            raise self.error(node, "a method takes 'self' as its first parameter")
        fn.result = NONE if node.returns is None else self.resolve_type(node.returns)
        self.coroutine_function_type(fn)  # check/coroutines.py: async def
        if fn.extern:
            body = [s for s in node.body if not (isinstance(s, ast.Expr)
                                                 and isinstance(s.value, ast.Constant))]
            if body:
                raise self.error(node, "an @extern function has no body (write '...')")
        if fn.interrupt:
            self.check_interrupt_signature(fn)
        self.functions.append(fn)
        return fn

    def param_type(self, arg: ast.arg) -> Type:
        if arg.annotation is None:
            raise self.error(arg, f"parameter '{arg.arg}' needs a type annotation")
        pt = self.resolve_type(arg.annotation)
        if pt is NONE:
            raise self.error(arg.annotation, "a parameter cannot have type None")
        return pt

    @staticmethod
    def is_should_panic(dec: ast.expr) -> bool:
        if isinstance(dec, ast.Call):
            return isinstance(dec.func, ast.Name) and dec.func.id == "should_panic" and all(
                isinstance(a, ast.Constant) and isinstance(a.value, str) for a in dec.args)
        return isinstance(dec, ast.Name) and dec.id == "should_panic"

    def check_interrupt_signature(self, fn: FuncSym) -> None:
        assert fn.node is not None
        if not self.freestanding:
            raise self.error(fn.node, "@interrupt handlers exist only in the freestanding target")
        ok = (1 <= len(fn.params) <= 2 and isinstance(fn.params[0].type, PtrType)
              and fn.params[0].type.target is self.interrupt_frame_type()
              and (len(fn.params) == 1 or fn.params[1].type == U64) and fn.result is NONE)
        if not ok:
            raise self.error(fn.node, "an @interrupt handler has the signature "
                                      "(frame: Ptr[InterruptFrame]) -> None, optionally "
                                      "with a second parameter error_code: u64")

    def interrupt_frame_type(self) -> StructType:
        if self.interrupt_frame is None:
            st = StructType("InterruptFrame", "pythos.lang.InterruptFrame")
            for f in ("rip", "cs", "rflags", "rsp", "ss"):
                st.fields[f] = U64
            self.interrupt_frame = st
        return self.interrupt_frame

    def declare_constants_and_layouts(self, mods: list[Module]) -> None:
        """Declare every Final constant and every struct's fields.

        They may depend on each other in any order and across modules: a
        constant can name another module's constant or use sizeof() of a
        struct, and a struct field can be an Array whose length is a
        constant.  So each is tried in turn, and whatever is not ready
        yet is tried again, until a round makes no progress; then the
        first remaining error is the user's."""
        finals = [(m, stmt) for m in mods for stmt in m.globals
                  if isinstance(stmt, ast.AnnAssign) and self.is_final(stmt.annotation)]
        # A Final built by code is a global its module's initialiser sets.
        self.start_up_finals = {id(stmt) for m, stmt in finals if stmt.value is not None
                                and self.final_built_at_start_up(m, stmt.value)}
        pending: list[tuple[Module, Any]] = [
            (m, stmt) for m, stmt in finals if id(stmt) not in self.start_up_finals]
        pending += [(s.module, s) for s in self.structs]
        while pending:
            waiting: list[tuple[Module, Any]] = []
            first: CompileError | None = None
            for m, item in pending:
                self.module = m
                try:
                    if isinstance(item, StructSym):
                        self.declare_struct_fields(item)
                    else:
                        self.declare_constant(item)
                except CompileError as e:
                    waiting.append((m, item))
                    first = first or e
            if len(waiting) == len(pending):
                assert first is not None
                raise first
            pending = waiting

    def declare_constant(self, stmt: ast.AnnAssign) -> None:
        if not isinstance(stmt.target, ast.Name):
            raise self.error(stmt, "a constant is assigned to one plain name")
        if stmt.value is None:
            raise self.error(stmt, "a Final constant needs a value")
        want = None
        if isinstance(stmt.annotation, ast.Subscript):
            want = self.resolve_type(stmt.annotation.slice)
        if want == I64 and self.const_int(stmt.value) is not None:
            # `K: Final[int] = 5` is a plain int under CPython, exactly what
            # an untyped constant is; it just has to fit the i64 it names.
            ctype, cval = self.const_value(stmt.value, I64)
            self.bind(stmt, stmt.target.id, ConstSym(stmt.target.id, None, cval))
            return
        if want is not None:
            # Under CPython `K: Final[u8] = 200` is the plain int 200, whatever
            # the annotation says: `K + 100` is 300 there.  The typed form
            # is `K: Final = u8(200)`.
            self.no_plain_literal(stmt.value, want, f"the constant '{stmt.target.id}'",
                                  f"write '{stmt.target.id}: Final = {{fix}}'")
        ctype, cval = self.const_value(stmt.value, want)
        if want is not None:
            self.no_plain_literal(stmt.value, want, f"the constant '{stmt.target.id}'",
                                  f"write '{stmt.target.id}: Final = {{fix}}'")
        self.bind(stmt, stmt.target.id, ConstSym(stmt.target.id, ctype, cval))

    def declare_globals(self, m: Module) -> None:
        for stmt in m.globals:
            final = isinstance(stmt, ast.AnnAssign) and self.is_final(stmt.annotation)
            if final and id(stmt) not in self.start_up_finals:
                continue  # declared by declare_constants_and_layouts
            ann: ast.expr | None
            value: ast.expr | None
            if isinstance(stmt, ast.Assign):
                if len(stmt.targets) != 1 or not isinstance(stmt.targets[0], ast.Name):
                    raise self.error(stmt, "a global is assigned to one plain name")
                target, ann, value = stmt.targets[0], None, stmt.value
            else:
                if not isinstance(stmt.target, ast.Name):
                    raise self.error(stmt, "a global is assigned to one plain name")
                target, ann, value = stmt.target, stmt.annotation, stmt.value
                if final:  # `X: Final = ...` or `X: Final[T] = ...`
                    ann = ann.slice if isinstance(ann, ast.Subscript) else None
            name = target.id
            if value is None:
                raise self.error(stmt, f"global '{name}' needs an initial value")
            gtype = self.resolve_type(ann) if ann is not None else None
            gsym = GlobalSym(name, m, gtype or NONE, stmt, value, f"{m.name}.{name}")
            gsym.final = final
            self.bind(stmt, name, gsym)
            self.globals.append(gsym)
        # Global types are found once all names exist: an initializer may
        # name a struct or constant declared later in the module.
        for g in self.globals:
            if g.module is not m:
                continue
            prev_fn, self.fn = self.fn, None
            t = self.check_global_init(g)
            self.fn = prev_fn
            if g.type is NONE:
                g.type = t

    def check_global_init(self, g: GlobalSym) -> T.Type:
        value = g.init
        assert value is not None
        want = g.type if g.type is not NONE else None
        if g.dynamic or g.final or self.built_at_start_up(value):
            return self.mark_dynamic(g)  # set by the module's initialiser
        if want is not None and objectish(want) and isinstance(value, ast.Constant) \
                and value.value is None:
            return want  # None: zero bytes in the image
        if objectish(want) or isinstance(value, (ast.List, ast.Dict, ast.Set, ast.Tuple,
                                                 ast.JoinedStr)) or (
                isinstance(value, ast.Call) and isinstance(value.func, ast.Name)
                and isinstance(self.scope().get(value.func.id), ClassSym)):
            # An object built when the module is initialised (issue 11).
            return self.mark_dynamic(g)
        if isinstance(value, ast.Call):
            t = self.expr(value, want)
            kind = getattr(value, "call", (None,))[0]
            if kind in ("ctor", "array"):
                bound = getattr(value, "args_bound", {}) if kind == "ctor" else {}
                for arg in bound.values():
                    if getattr(arg, "const", None) is None:
                        raise self.error(arg, "a global's initializer must be constant")
                if want is not None and t != want:
                    raise self.error(value, f"expected {want}, got {t}")
                return t
        t = self.expr(value, want)
        if getattr(value, "const", None) is None:
            # Computed from other globals: the module's initialiser does it.
            return self.mark_dynamic(g)
        if want is not None:
            self.no_plain_literal(value, want, f"the global '{g.name}'")
        if want is not None and t != want:
            raise self.error(value, f"expected {want}, got {t}")
        return t

    @staticmethod
    def is_final(ann: ast.expr) -> bool:
        base = ann.value if isinstance(ann, ast.Subscript) else ann
        return isinstance(base, ast.Name) and base.id == "Final"
