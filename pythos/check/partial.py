"""Empty containers typed by their first use, as mypy types them (issue 11).

    row = []
    for c in line:
        row.append("#" if c == "x" else ".")

mypy gives `row` a *partial* type at `row = []` and completes it at the
first `row.append(...)` in the same scope: `list[str]`.  The checker
types statements in order, so it looks ahead instead: at `name = []`
(or `{}`, `list()`, `dict()`, `set()`) for a name that is not a local
yet, it finds the first use after it in the function's source that says
what goes in (`name.append(x)`, `name.insert(i, x)`, `name.extend(xs)`,
`name.add(x)`, `name[k] = v`), outside nested functions, and works out
the type of that value from what is already known: a literal, an
f-string, a variable, a field of `self`, a call of a function or class,
a tuple or a choice of such.  The assignment is then checked as if it
had been annotated with that type, and the use itself is checked when
the checker reaches it, against it: a wrong guess is a type error, never
a wrong program.  Where no guess can be made, the checker asks for an
annotation as before.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

from .. import types as T
from ..symbols import ClassSym, FuncSym, GlobalSym
from .containers import empty_display

if TYPE_CHECKING:
    from ..symbols import Local


class PartialTypes:
    """Mixed into `check.Checker`."""

    if TYPE_CHECKING:
        fn: FuncSym | None
        narrowed: dict[str, T.Type]

        def scope(self, m: Any = None) -> dict[str, Any]: ...
        def resolve_lazy(self, scope: dict[str, Any], name: str) -> Any: ...
        def builtin_name(self, node: ast.expr) -> str | None: ...

    def first_use_type(self, name: str, value: ast.expr, after: ast.stmt) -> T.Type | None:
        """The type `name = value` (an empty container) gets from the first
        use after `after` that puts something into it, or None."""
        kind = empty_container(value, self.builtin_name)
        self.loop_targets: dict[str, ast.expr] = {}
        if kind is None or self.fn is None or self.fn.node is None \
                or name in self.fn.locals or isinstance(self.scope().get(name), GlobalSym):
            return None
        start = (after.end_lineno or after.lineno, after.end_col_offset or 0)
        scope = walk_scope(self.fn.node)
        uses = [n for n in scope if position(n) >= start and filled_here(n, name, kind)]
        if not uses:
            return None
        use = min(uses, key=position)
        self.loop_targets = {n.target.id: n.iter for n in scope  # `for x in xs:` before it
                             if isinstance(n, ast.For) and isinstance(n.target, ast.Name)
                             and position(n) < position(use)}
        if isinstance(use, ast.Assign):  # name[k] = v
            target = use.targets[0]
            assert isinstance(target, ast.Subscript)
            k, v = self.guess(target.slice), self.guess(use.value)
            return T.DictType(k, v) if k is not None and v is not None else None
        assert isinstance(use, ast.Call) and isinstance(use.func, ast.Attribute)
        method = use.func.attr
        arg = use.args[-1] if use.args else None
        if arg is None:
            return None
        if method == "extend":
            seq = self.guess(arg)
            element = T.container_element(seq) if seq is not None else None
            return T.ListType(element) if element is not None else None
        element = self.guess(arg)
        if element is None:
            return None
        return T.SetType(element) if kind == "set" else T.ListType(element)

    def guess(self, node: ast.expr) -> T.Type | None:
        """The type of `node` from what is known before it is checked, for
        the simple shapes a container's first item usually has; None
        when it cannot tell."""
        if isinstance(node, ast.Constant):
            v = node.value
            if isinstance(v, bool):
                return T.BOOL
            if isinstance(v, int):
                return T.I64
            if isinstance(v, str):
                return T.STR
            if isinstance(v, bytes):
                return T.BYTES
            return None
        if isinstance(node, ast.JoinedStr):
            return T.STR
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            inner = self.guess(node.operand)
            return inner if isinstance(inner, T.IntType) else None
        if isinstance(node, ast.IfExp):
            a, b = self.guess(node.body), self.guess(node.orelse)
            return a if a is not None and a == b else None
        if isinstance(node, (ast.List, ast.Set)) and node.elts:
            item = self.guess_item(node)
            if item is None:
                return None
            return T.ListType(item) if isinstance(node, ast.List) else T.SetType(item)
        if isinstance(node, ast.Tuple):
            parts = [self.guess(e) for e in node.elts]
            if not parts or any(p is None for p in parts):
                return None
            return T.TupleType(tuple(p for p in parts if p is not None))
        if isinstance(node, ast.Name) and self.fn is not None:
            local: Local | None = self.fn.locals.get(node.id)
            if local is not None:
                t = self.narrowed.get(node.id, local.type)
                return None if t is T.NONE_VALUE else t
            loop = getattr(self, "loop_targets", {}).get(node.id)
            if loop is not None:  # the variable of a later `for`: its items
                return self.guess_item(loop)
            sym = self.scope().get(node.id)
            return sym.type if isinstance(sym, GlobalSym) and sym.type is not T.NONE else None
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) \
                and self.fn is not None and self.fn.cls is not None \
                and self.fn.params and node.value.id == self.fn.params[0].name:
            return self.fn.cls.fields.get(node.attr)  # self.field
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and self.guess(node.func.value) is T.STR:
            if node.func.attr in STR_TO_STR:
                return T.STR
            if node.func.attr in ("split", "rsplit", "splitlines"):
                return T.ListType(T.STR)
            return None
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            if self.fn is not None and node.func.id in self.fn.locals:
                return None
            scope = self.scope()
            sym = self.resolve_lazy(scope, node.func.id) if node.func.id in scope else None
            if isinstance(sym, ClassSym):
                return sym.type
            if isinstance(sym, FuncSym) and sym.result is not T.NONE:
                return sym.result
            builtin = self.builtin_name(node.func)
            if builtin in ("str", "repr", "chr", "hex", "bin", "oct"):
                return T.STR
            if builtin in ("len", "ord"):
                return T.I64
        return None

    def guess_item(self, it: ast.expr) -> T.Type | None:
        """What `for x in it` gives x, guessed as `guess` guesses."""
        if isinstance(it, (ast.List, ast.Tuple, ast.Set)) and it.elts:
            first = self.guess(it.elts[0])
            return first if all(self.guess(e) == first for e in it.elts) else None
        if isinstance(it, ast.Call) and isinstance(it.func, ast.Name) \
                and self.builtin_name(it.func) == "range":
            return T.I64
        if isinstance(it, ast.Call) and isinstance(it.func, ast.Attribute) \
                and it.func.attr in ("split", "rsplit", "splitlines") \
                and self.guess(it.func.value) is T.STR:
            return T.STR
        seq = self.guess(it)
        return T.container_element(seq) if seq is not None else None


# The str methods whose result is a str.
STR_TO_STR = {"join", "upper", "lower", "strip", "lstrip", "rstrip", "replace", "format",
              "title", "capitalize", "casefold", "swapcase", "center", "ljust", "rjust",
              "zfill", "removeprefix", "removesuffix", "expandtabs"}


def position(node: ast.AST) -> tuple[int, int]:
    return getattr(node, "lineno", 0), getattr(node, "col_offset", 0)


def empty_container(value: ast.expr, builtin_name: Any) -> str | None:
    """"list", "dict" or "set" for `[]`, `{}`, `list()`, `dict()`,
    `set()`; None for anything else."""
    if empty_display(value):
        return "list" if isinstance(value, ast.List) else "dict"
    if isinstance(value, ast.Call) and not value.args and not value.keywords \
            and isinstance(value.func, ast.Name) \
            and builtin_name(value.func) in ("list", "dict", "set"):
        return builtin_name(value.func)  # type: ignore[no-any-return]
    return None


def filled_here(node: ast.AST, name: str, kind: str) -> bool:
    """Whether `node` puts something into the container `name` of `kind`."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
            and isinstance(node.func.value, ast.Name) and node.func.value.id == name \
            and not node.keywords:
        method = node.func.attr
        if kind == "list":
            return method in ("append", "extend") and len(node.args) == 1 \
                or method == "insert" and len(node.args) == 2
        if kind == "set":
            return method == "add" and len(node.args) == 1
    if kind == "dict" and isinstance(node, ast.Assign) and len(node.targets) == 1:
        target = node.targets[0]
        return isinstance(target, ast.Subscript) and isinstance(target.value, ast.Name) \
            and target.value.id == name and not isinstance(target.slice, ast.Slice)
    return False


def walk_scope(root: ast.AST) -> list[ast.AST]:
    """Every node in `root`'s body, not entering nested functions, lambdas
    or classes (another scope, where the name may be another variable)."""
    out: list[ast.AST] = []
    stack = list(ast.iter_child_nodes(root))
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            continue
        if hasattr(node, "lineno"):
            out.append(node)
        stack.extend(ast.iter_child_nodes(node))
    return out
