"""`map()` and `filter()` as the generator expressions they equal.

`map(f, xs)` is a lazy iterator that calls `f` on each item of `xs` as it
is asked for one; `filter(p, xs)` one that yields the items for which
`p(item)` is true (`filter(None, xs)`: the true items).  A generator
expression is exactly that, and Pythos compiles generator expressions
already, wherever they are used (a `for`, `list()`, `sum()`, `join`, a
variable).  So the parser's last step rewrites the calls:

    map(f, xs)                ->  (f(item) for item in xs)
    map(f, xs, ys)            ->  (f(a, b) for a, b in zip(xs, ys))
    map(str.upper, xs)        ->  (item.upper() for item in xs)
    map(lambda a: a + 1, xs)  ->  (a + 1 for a in xs)
    filter(p, xs)             ->  (item for item in xs if p(item))
    filter(None, xs)          ->  (item for item in xs if item)
    filter(lambda s: s, xs)   ->  (s for s in xs if s)

It is done on the syntax tree, before any other stage, so that the
checker's scope analysis (which names a nested scope captures) and the
builder see an ordinary generator expression.  The names the rewrite
introduces start with `__pythos_`, which no program of ours uses.

Both sides evaluate the iterables at once (a generator expression
evaluates its first iterable when it is made, and `zip()` takes all of
them), and both stop at the shortest.  They differ in one thing: `map`
evaluates `f` once, when it is called, where the expression `f(item)`
looks `f` up at each item.  That is the same value when `f` names a
module-level function, a class, a builtin or a module's function (none of
which a function can rebind), or is a lambda, whose parameters become the
loop's targets and whose body the element: the body runs in a scope of
its own either way, and looks up its free names when it runs.  (A lambda
with defaults is refused: they are evaluated once, when it is made.)  A
callable held in a local variable could be rebound between the call and
the last item, so that is refused with a hint, rather than compiled with
a meaning CPython's would not have.

Calls that are not the builtins are left alone: a program that defines or
imports its own `map` at module level, or binds the name in the function.
"""

from __future__ import annotations

import ast
import builtins
from collections.abc import Iterator

from .diagnostics import CompileError, Location

NAMES = ("map", "filter")
ITEM = "__pythos_item"
# Builtin types whose methods `map(str.upper, xs)` may name.
TYPES = {"str", "bytes", "bytearray", "int", "list", "dict", "set", "tuple", "frozenset"}


def rewrite_map_filter(path: str, source: str, tree: ast.Module) -> None:
    """Rewrite, in place, every call of the builtin map() or filter() in
    `tree` into its generator expression."""
    module_names = bound_names(tree.body)
    Rewriter(path, source, module_names).visit(tree)


def bound_names(body: list[ast.stmt]) -> set[str]:
    """The names a scope's own statements bind (assignments, definitions,
    imports, loop and with targets), not descending into nested scopes."""
    names: set[str] = set()
    for node in walk_scope(body):
        if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
            names.add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                names.add((alias.asname or alias.name).split(".")[0])
        elif isinstance(node, ast.ExceptHandler) and node.name:
            names.add(node.name)
    return names


def walk_scope(body: list[ast.stmt]) -> Iterator[ast.AST]:
    """Every node of `body` that belongs to its scope: a nested function,
    class or lambda shows its own node (for its name) but not its body."""
    todo: list[ast.AST] = list(reversed(body))
    while todo:
        node = todo.pop()
        yield node
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            todo.extend(node.decorator_list)
            todo.extend(d for d in node.args.defaults)
            todo.extend(d for d in node.args.kw_defaults if d is not None)
            continue
        if isinstance(node, ast.ClassDef):
            todo.extend(node.decorator_list)
            todo.extend(node.bases)
            continue
        if isinstance(node, ast.Lambda):
            todo.extend(node.args.defaults)
            continue
        if isinstance(node, (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)):
            todo.append(node.generators[0].iter)
            continue
        todo.extend(reversed(list(ast.iter_child_nodes(node))))


def parameters(args: ast.arguments) -> set[str]:
    every = [*args.posonlyargs, *args.args, *args.kwonlyargs]
    if args.vararg:
        every.append(args.vararg)
    if args.kwarg:
        every.append(args.kwarg)
    return {a.arg for a in every}


class Rewriter(ast.NodeTransformer):
    def __init__(self, path: str, source: str, module_names: set[str]) -> None:
        self.path = path
        self.source = source
        self.module_names = module_names
        # The names local to each enclosing function, lambda or comprehension.
        self.scopes: list[set[str]] = []

    def local(self, name: str) -> bool:
        return any(name in scope for scope in self.scopes)

    def builtin(self, name: str) -> bool:
        """Whether `name` here means Python's builtin of that name."""
        return name not in self.module_names and not self.local(name)

    def visit_FunctionDef(self, node: ast.FunctionDef) -> ast.AST:
        for d in [*node.decorator_list, *node.args.defaults]:
            self.visit(d)
        local = (bound_names(node.body) | parameters(node.args)) - declared(node.body)
        self.scopes.append(local)
        node.body = [self.visit(s) for s in node.body]
        self.scopes.pop()
        return node

    visit_AsyncFunctionDef = visit_FunctionDef  # type: ignore[assignment]

    def visit_Lambda(self, node: ast.Lambda) -> ast.AST:
        node.args.defaults = [self.visit(d) for d in node.args.defaults]
        self.scopes.append(parameters(node.args))
        node.body = self.visit(node.body)
        self.scopes.pop()
        return node

    def visit_comprehension_scope(self, node: ast.AST) -> ast.AST:
        assert isinstance(node, (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp))
        first = node.generators[0]
        first.iter = self.visit(first.iter)
        names = {n.id for g in node.generators for n in ast.walk(g.target)
                 if isinstance(n, ast.Name)}
        self.scopes.append(names)
        for i, g in enumerate(node.generators):
            if i:
                g.iter = self.visit(g.iter)
            g.ifs = [self.visit(e) for e in g.ifs]
        if isinstance(node, ast.DictComp):
            node.key, node.value = self.visit(node.key), self.visit(node.value)
        else:
            node.elt = self.visit(node.elt)
        self.scopes.pop()
        return node

    visit_ListComp = visit_SetComp = visit_DictComp = visit_GeneratorExp = \
        visit_comprehension_scope  # type: ignore[assignment]

    def visit_Call(self, node: ast.Call) -> ast.AST:
        self.generic_visit(node)
        func = node.func
        if not (isinstance(func, ast.Name) and func.id in NAMES and self.builtin(func.id)):
            return node
        name = func.id
        if node.keywords or len(node.args) < 2 or any(isinstance(a, ast.Starred)
                                                      for a in node.args):
            raise self.error(node, f"{name}() takes a function and "
                                   f"{'one iterable' if name == 'filter' else 'iterables'}")
        if name == "filter" and len(node.args) != 2:
            raise self.error(node, "filter() takes a function (or None) and one iterable")
        if len(node.args) > 2 and not self.builtin("zip"):
            raise self.error(node, "map() of several iterables uses the builtin zip(), "
                                   "which this module rebinds")
        fn, iterables = node.args[0], node.args[1:]
        if isinstance(fn, ast.Lambda):
            # The lambda's parameters are the loop's targets, its body the
            # element (or the test): `(a + 1 for a in xs)`.
            names = self.lambda_parameters(name, fn, len(iterables))
            body = fn.body
        else:
            names = [ITEM if len(iterables) == 1 else f"{ITEM}{i}"
                     for i in range(len(iterables))]
            items = [ast.Name(n, ast.Load()) for n in names]
            if name == "filter" and isinstance(fn, ast.Constant) and fn.value is None:
                body = items[0]
            else:
                body = self.apply(name, fn, items)
        if len(iterables) == 1:
            target: ast.expr = ast.Name(names[0], ast.Store())
            source = iterables[0]
        else:
            target = ast.Tuple([ast.Name(n, ast.Store()) for n in names], ast.Store())
            source = ast.Call(ast.Name("zip", ast.Load()), iterables, [])
        if name == "map":
            made = ast.GeneratorExp(body, [ast.comprehension(target, source, [], 0)])
        else:
            made = ast.GeneratorExp(ast.Name(names[0], ast.Load()),
                                    [ast.comprehension(target, source, [body], 0)])
        # The new nodes take the call's place; the arguments keep theirs.
        return ast.fix_missing_locations(ast.copy_location(made, node))

    def lambda_parameters(self, name: str, fn: ast.Lambda, count: int) -> list[str]:
        a = fn.args
        if a.posonlyargs or a.vararg or a.kwonlyargs or a.kwarg or a.defaults:
            raise self.error(fn, f"{name}() here takes a lambda of plain parameters, "
                                 f"without defaults")
        if len(a.args) != count:
            raise self.error(fn, f"the lambda takes {len(a.args)} "
                                 f"argument{'s' if len(a.args) != 1 else ''}, but "
                                 f"{name}() gives it {count}")
        return [p.arg for p in a.args]

    def apply(self, name: str, fn: ast.expr, items: list[ast.Name]) -> ast.expr:
        """The call of `fn` on `items`, when `fn` is a callable whose value
        cannot change while the iterator runs."""
        if isinstance(fn, ast.Name) and not self.local(fn.id):
            return ast.Call(fn, list(items), [])
        if isinstance(fn, ast.Attribute) and isinstance(fn.value, ast.Name) \
                and not self.local(fn.value.id):
            if fn.value.id in TYPES and fn.value.id not in self.module_names \
                    and hasattr(builtins, fn.value.id):
                # str.upper(item) is item.upper()
                return ast.Call(ast.Attribute(items[0], fn.attr, ast.Load()), list(items[1:]),
                                [])
            return ast.Call(fn, list(items), [])
        raise self.error(fn, f"{name}() here takes a function named at module level, a "
                             f"builtin or a lambda; a callable held in a variable could be "
                             f"rebound before the last item is made, so write the generator "
                             f"expression instead (for map, `(f(x) for x in xs)`)")

    def error(self, node: ast.AST, message: str) -> CompileError:
        return CompileError(message, Location.from_node(self.path, self.source, node))


def declared(body: list[ast.stmt]) -> set[str]:
    """Names a function declares `global` or `nonlocal`: not its own."""
    return {n for node in walk_scope(body) if isinstance(node, (ast.Global, ast.Nonlocal))
            for n in node.names}
