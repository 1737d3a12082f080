"""Module initialisation (issue 11, item 6), a mixin of `Checker`.

CPython runs a module's top-level statements once, when the module is
first imported: its imports first (depth first, each module once), then
its own statements from top to bottom.  Pythos keeps that order, and
splits a module's globals in two:

- A global whose value is a constant (`SIZE = 4096`, `NAME = "pythos"`,
  a struct of constants) is *static*: its value is in the image, and no
  code runs for it, as before.
- Every other global (`TABLE: dict[str, int] = {}`, `LOG = Log("k")`,
  `SQUARES = make_table(10)`, `PRECEDENCE: Final = {"+": 1}`) is
  *dynamic*: it starts as zero bytes, and the module's *initialiser*
  sets it.

The initialiser is an ordinary function, named `<module>` as CPython's
tracebacks name module code, made from the module's statements in their
order: each dynamic global's assignment and every other statement at
module level (a loop that fills a table, a call).  It declares all the
module's globals `global`, so it reads and rebinds them as any function
that says `global` does; its loop variables are its own locals.  Being an
ordinary function, it is checked, built, counted and lowered by the
ordinary stages; the lowering adds `pythos_init_modules`, which calls the
initialisers in import order (`init_order`), and the start-up code calls
that before `main` (the kernel: kmain, after the object runtime starts).

Reading a global before its initialiser has run is a NameError under
CPython.  Where the compiler can see it, it is a compile error: an
initialiser's statement that names a later dynamic global of its module,
or calls a function that (through its calls) reads one
(`check_initialisation_order`).
"""

from __future__ import annotations

import ast
import copy
from typing import TYPE_CHECKING, Any

from .. import types as T
from ..diagnostics import CompileError
from ..parse import is_item_store
from ..symbols import ClassSym, FuncSym, GlobalSym
from ..types import NONE, NONE_VALUE
from .containers import objectish

if TYPE_CHECKING:
    from ..parse import Module, Program

MODULE_FUNCTION = "<module>"
# Values that are objects built at run time whatever they contain.
BUILT = (ast.List, ast.Dict, ast.Set, ast.Tuple, ast.JoinedStr, ast.ListComp, ast.SetComp,
         ast.DictComp, ast.GeneratorExp, ast.Lambda)
# Builtins whose call runs at start-up (others, such as `u64(1)` or
# `sizeof(T)`, are worked out when compiling).
BUILTIN_CALLS = {"print", "str", "bytes", "list", "dict", "set", "tuple", "repr", "hash",
                 "enumerate", "zip", "reversed", "sorted", "min", "max", "sum", "any", "all",
                 "iter", "next", "range"}


def init_order(program: Program) -> list[Module]:
    """The modules in the order CPython would run their code: each
    module's imports first, depth first, each module once, then the
    module itself; the entry module (`__main__`) last of what it imports.
    Modules nothing imports (the runtime) come before the entry's tree."""
    order: list[Module] = []
    seen: set[str] = set()

    def visit(m: Module) -> None:
        if m.name in seen:
            return
        seen.add(m.name)
        for name in imported_names(m, program):
            visit(program.modules[name])
        order.append(m)

    # Modules the entry does not reach (the runtime) first.
    rest = [m for m in program.modules.values()
            if m is not program.entry and not reachable(program, program.entry, m)]
    for m in rest:
        visit(m)
    visit(program.entry)
    return order


def imported_names(m: Module, program: Program) -> list[str]:
    """The modules `m` imports, in the order its import statements name
    them (a package before its submodule, as CPython imports them)."""
    names: list[str] = []
    for imp in m.imports:
        if isinstance(imp, ast.Import):
            wanted = [a.name for a in imp.names]
        else:
            assert imp.module is not None
            wanted = [imp.module] + [f"{imp.module}.{a.name}" for a in imp.names]
        for full in wanted:
            parts = full.split(".")
            for i in range(1, len(parts) + 1):
                name = ".".join(parts[:i])
                if name in program.modules and name not in names and name != m.name:
                    names.append(name)
    return names


def reachable(program: Program, start: Module, target: Module) -> bool:
    seen = {start.name}
    work = [start]
    while work:
        m = work.pop()
        if m is target:
            return True
        for name in imported_names(m, program):
            if name not in seen:
                seen.add(name)
                work.append(program.modules[name])
    return False


def walk_values(value: ast.expr) -> list[ast.AST]:
    """The nodes of `value`, leaving out what is inside brackets after a
    name (the types of `Array[u8, 16]()`, which are no tuple)."""
    out: list[ast.AST] = []
    stack: list[ast.AST] = [value]
    while stack:
        node = stack.pop()
        out.append(node)
        if isinstance(node, ast.Subscript):
            stack.append(node.value)
            continue
        stack.extend(ast.iter_child_nodes(node))
    return out


def own_nodes(fn: FuncSym) -> list[ast.AST]:
    """The nodes of `fn`'s body, without nested `def`s (functions of their
    own, reached through calls)."""
    assert fn.node is not None
    out: list[ast.AST] = []
    stack: list[ast.AST] = list(fn.node.body)
    while stack:
        node = stack.pop()
        out.append(node)
        if isinstance(node, ast.FunctionDef):
            continue
        stack.extend(ast.iter_child_nodes(node))
    return out


def global_reads(nodes: list[ast.AST]) -> list[tuple[GlobalSym, ast.AST]]:
    """The dynamic globals the nodes read (a name or `module.NAME`)."""
    out: list[tuple[GlobalSym, ast.AST]] = []
    for node in nodes:
        if isinstance(node, (ast.Name, ast.Attribute)) and isinstance(node.ctx, ast.Load):
            sym = getattr(node, "sym", None)
            if isinstance(sym, GlobalSym) and sym.dynamic:
                out.append((sym, node))
    return out


def first_unready_read(start: list[tuple[FuncSym, ast.AST]], ready: set[int]
                       ) -> tuple[list[FuncSym], GlobalSym, ast.AST] | None:
    """Follow calls from `start` (breadth first, so the path is a
    shortest one) to a read of a dynamic global not in `ready`: the call
    path, the global and the call the path starts at."""
    previous: dict[int, tuple[FuncSym | None, ast.AST]] = {}
    queue: list[FuncSym] = []
    for callee, node in start:
        if id(callee) not in previous:
            previous[id(callee)] = (None, node)
            queue.append(callee)
    while queue:
        fn = queue.pop(0)
        if fn.node is None:
            continue
        for g, _ in global_reads(own_nodes(fn)):
            if id(g) not in ready:
                path = [fn]
                while (back := previous[id(path[-1])][0]) is not None:
                    path.append(back)
                path.reverse()
                return path, g, previous[id(path[0])][1]
        for callee, _ in fn.calls:
            if id(callee) not in previous:
                previous[id(callee)] = (fn, fn.node)
                queue.append(callee)
    return None


class ModuleInit:
    """Mixed into `check.Checker`, which provides what is declared here."""

    program: Program
    module: Module
    fn: FuncSym | None
    globals: list[GlobalSym]
    functions: list[FuncSym]
    skip_bodies: frozenset[str]

    if TYPE_CHECKING:
        def error(self, node: ast.AST, message: str) -> CompileError: ...
        def expr(self, node: ast.expr, want: T.Type | None,
                 discard: bool = False) -> T.Type: ...
        def scope(self, m: Module | None = None) -> dict[str, Any]: ...
        def resolve_lazy(self, scope: dict[str, Any], name: str) -> Any: ...
        def make_function(self, m: Module, node: ast.FunctionDef, struct: Any,
                          cls: Any = None) -> FuncSym: ...
        def no_plain_literal(self, value: ast.expr, t: T.Type, what: str,
                             fix: str = ...) -> None: ...

    # ----- which globals need code --------------------------------------------------
    def built_at_start_up(self, value: ast.expr) -> bool:
        """Whether `value` certainly needs code to run (an object, a call
        of a function, a read of a global that is itself built by code).
        Other values are tried as constant expressions first."""
        scope = self.scope()
        for node in walk_values(value):
            if isinstance(node, BUILT):
                return True
            if isinstance(node, ast.Call):
                if isinstance(node.func, ast.Attribute):
                    base = node.func.value
                    if not (isinstance(base, ast.Name) and base.id in self.program.modules) \
                            and not isinstance(base, ast.Attribute):
                        return True  # a method call
                if isinstance(node.func, ast.Name):
                    name = node.func.id
                    if name not in scope:
                        if name in BUILTIN_CALLS:
                            return True  # a builtin that builds or computes
                    elif isinstance(self.resolve_lazy(scope, name), (ClassSym, FuncSym)):
                        return True
            if isinstance(node, ast.Name):
                sym = scope.get(node.id)
                if isinstance(sym, GlobalSym) and sym.dynamic:
                    return True
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
                other = self.program.modules.get(self.module_named(node.value.id))
                if other is not None:
                    # Another module's global: its module may be declared
                    # after this one, so its initialiser reads it.
                    sym = self.scope(other).get(node.attr)
                    if sym is None or isinstance(sym, GlobalSym):
                        return True
        return False

    def module_named(self, name: str) -> str:
        """The module an `import` bound to `name` here, or ""."""
        for imp in self.module.imports:
            if isinstance(imp, ast.Import):
                for a in imp.names:
                    if (a.asname or a.name) == name:
                        return a.name
        return ""

    def final_built_at_start_up(self, m: Module, value: ast.expr) -> bool:
        """`Final` constants are declared before functions and classes, so
        this asks the syntax alone: a container, a comprehension, an
        f-string, or a call of one of the module's functions or classes."""
        defined = {f.name for f in m.functions} | {c.name for c in m.structs}
        for node in walk_values(value):
            if isinstance(node, BUILT):
                return True
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                    and node.func.id in defined:
                return True
        return False

    def mark_dynamic(self, g: GlobalSym) -> T.Type:
        """`g` is set by its module's initialiser.  Its type is the
        annotation's, else its value's, found when the initialiser is
        checked (`infer_global_type`)."""
        g.dynamic = True
        self.uses_objects = True
        return g.type

    uses_objects: bool

    def infer_global_type(self, g: GlobalSym, target: ast.Name, value: ast.expr) -> None:
        """The first assignment of an unannotated dynamic global, in its
        module's initialiser, gives it its type, as a local's first
        assignment does."""
        t = self.expr(value, None)
        if t is NONE:
            raise self.error(value, "this expression has no value")
        if t is NONE_VALUE:
            raise self.error(target, f"need a type annotation for '{g.name}' (it is None "
                                     f"here; e.g. '{g.name}: Node | None = None')")
        self.no_plain_literal(value, t, f"the global '{g.name}'")
        g.type = t
        target.sym, target.ty = g, t  # type: ignore[attr-defined]

    # ----- decorators ----------------------------------------------------------------
    def declare_decorated(self, m: Module) -> None:
        """`@dec def f` binds `f` to what `dec(f)` returns, as CPython does:
        `f` becomes a dynamic global (of the decorator's result type) set
        by the module's initialiser, and the function itself keeps its
        code under a hidden name, `f.__wrapped__`, which the initialiser
        passes to the decorators (the innermost first)."""
        scope = self.scope(m)
        for node in m.functions:
            fn = scope.get(node.name)
            if not isinstance(fn, FuncSym) or not fn.decorators:
                continue
            if fn.interrupt or fn.exported or fn.extern:
                raise self.error(fn.decorators[0], "a decorator that runs at start-up cannot "
                                                   "be combined with @interrupt, @export or "
                                                   "@extern")
            hidden = f"{node.name}.__wrapped__"
            scope[hidden] = fn
            # CPython evaluates the decorator expressions top to bottom, then
            # applies them bottom up.  A factory's result (`command("echo")`)
            # is held in a local of the initialiser, `f.__decorator_N__`.
            steps: list[ast.stmt] = []
            callees: list[ast.expr] = []
            for i, dec in enumerate(fn.decorators):
                if isinstance(dec, ast.Name):
                    callees.append(dec)
                    continue
                local = f"{node.name}.__decorator_{i}__"
                steps.append(ast.copy_location(ast.Assign(
                    [ast.copy_location(ast.Name(local, ast.Store()), dec)],
                    copy.deepcopy(dec)), dec))
                callees.append(ast.copy_location(ast.Name(local, ast.Load()), dec))
            # Diagnostics about the function passed point at the bottom decorator.
            value: ast.expr = ast.copy_location(ast.Name(hidden, ast.Load()),
                                                fn.decorators[-1])
            for callee in reversed(callees):
                value = ast.copy_location(ast.Call(copy.deepcopy(callee), [value], []), callee)
            target = ast.copy_location(ast.Name(node.name, ast.Store()), node)
            steps.append(ast.copy_location(ast.Assign([target], value), node))
            g = GlobalSym(node.name, m, NONE, node, value, f"{m.name}.{node.name}.__decorated__")
            g.decorated = steps  # type: ignore[attr-defined]
            g.dynamic = True
            scope[node.name] = g
            self.globals.append(g)

    # ----- the initialisers ----------------------------------------------------------
    def declare_module_initialisers(self) -> list[FuncSym]:
        """One `<module>` function per module with code to run at start-up,
        in import order (see the module docstring)."""
        inits: list[FuncSym] = []
        for m in init_order(self.program):
            own = [g for g in self.globals if g.module is m]
            dynamic = {id(g.node): g for g in own if g.dynamic}
            body: list[ast.stmt] = []
            for stmt in m.statements:
                g = dynamic.get(id(stmt))
                if g is not None and isinstance(stmt, ast.FunctionDef):
                    body.extend(g.decorated)  # type: ignore[attr-defined]
                elif g is not None:
                    assert g.init is not None
                    target = stmt.targets[0] if isinstance(stmt, ast.Assign) else \
                        stmt.target if isinstance(stmt, ast.AnnAssign) else stmt
                    name = ast.copy_location(ast.Name(g.name, ast.Store()), target)
                    body.append(ast.copy_location(
                        ast.Assign([name], copy.deepcopy(g.init)), stmt))
                elif is_item_store(stmt) or not isinstance(
                        stmt, (ast.Assign, ast.AnnAssign, ast.FunctionDef)):
                    body.append(copy.deepcopy(stmt))
                # else: a static global (in the image) or an undecorated def
            if not body:
                continue
            if own:
                body.insert(0, ast.copy_location(ast.Global([g.name for g in own]), body[0]))
            first, last = body[0], body[-1]
            node = ast.FunctionDef(
                name=MODULE_FUNCTION,
                args=ast.arguments(posonlyargs=[], args=[], vararg=None, kwonlyargs=[],
                                   kw_defaults=[], kwarg=None, defaults=[]),
                body=body, decorator_list=[], returns=None, type_comment=None,
                lineno=first.lineno, col_offset=0,
                end_lineno=getattr(last, "end_lineno", last.lineno),
                end_col_offset=getattr(last, "end_col_offset", 0))
            self.module = m
            fn = self.make_function(m, node, None)
            fn.module_init = True  # type: ignore[attr-defined]
            inits.append(fn)
        return inits

    # ----- after checking: order and Final ------------------------------------------
    def check_initialisation_order(self, inits: list[FuncSym]) -> None:
        """Reject a read of a dynamic global before its initialiser has run,
        where it can be seen (CPython: NameError), and a new value for a
        `Final` global."""
        ready = {id(g) for g in self.globals if not g.dynamic}
        for fn in inits:
            assert fn.node is not None
            calls = {id(node): callee for callee, node in fn.calls}
            for stmt in fn.node.body:
                nodes = [n for n in ast.walk(stmt)]
                for g, node in global_reads(nodes):
                    if id(g) not in ready:
                        raise self.unready(fn, g, node, None)
                starts = [(calls[id(n)], n) for n in nodes if id(n) in calls]
                found = first_unready_read(starts, ready)
                if found is not None:
                    path, g, call = found
                    raise self.unready(fn, g, call, path)
                for n in nodes:
                    if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store) and \
                            isinstance(getattr(n, "sym", None), GlobalSym):
                        ready.add(id(n.sym))  # type: ignore[attr-defined]
        for fn in self.functions:
            # (The bodies of a precompiled runtime were not checked, so
            # none of their names is bound to a global: nothing to find.)
            if fn.node is None or (fn.module.name in self.skip_bodies
                                   and not getattr(fn, "module_init", False)):
                continue
            for node in own_nodes(fn):
                sym = getattr(node, "sym", None)
                if isinstance(node, (ast.Name, ast.Attribute)) and isinstance(sym, GlobalSym) \
                        and (sym.dynamic or objectish(sym.type)):
                    # For the interrupt rule: a global object is counted.
                    fn.heap_effects.append((f"the global '{sym.name}' counts a reference",
                                            node))
            if getattr(fn, "module_init", False):
                continue
            for node in own_nodes(fn):
                sym = getattr(node, "sym", None)
                if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store) \
                        and isinstance(sym, GlobalSym) and sym.final:
                    err = fn.module.error(node, f'cannot assign to final name "{sym.name}"')
                    err.context = f"{fn.module.path}: in function '{fn.name}':"
                    raise err

    def unready(self, fn: FuncSym, g: GlobalSym, node: ast.AST,
                path: list[FuncSym] | None) -> CompileError:
        line = getattr(g.node, "lineno", 0)
        where = f"its initialiser (line {line}) has not run yet" if g.module is fn.module \
            else f"module {g.module.name} is not initialised yet"
        via = "" if path is None else \
            " -> ".join(f.name for f in path) + f" reads '{g.name}', but "
        head = f"name '{g.name}' is not defined here: " if path is None else ""
        err = fn.module.error(node, f"{head}{via}{where} (CPython would raise NameError)")
        err.context = f"{fn.module.path}: in module-level code:"
        return err
