"""Stage 1, parse: find every module of a program and parse it.

The entry file and each module it imports (transitively) are read and parsed
with Python's own `ast` module, so a Pythos program is valid Python by
construction.  This stage only finds and parses files and sorts each
module's top-level statements into kinds; names and types are the checker's
job.  Its printable output is the list of modules with their declarations
(`pythos compile --dump=parse`).

Modules are searched for next to the entry program, then on the package path
(the directory that holds the `pythos` and `kernel` packages).  Imports of
`pythos.lang`, `typing` and `__future__` are understood by the compiler and
load no file.
"""

from __future__ import annotations

import ast
import codecs
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .diagnostics import SOURCES, CompileError, Location, source_lines
from .mapfilter import rewrite_map_filter

# Modules the compiler knows itself: importing them loads no file.
BUILTIN_MODULES = {"pythos.lang", "typing", "__future__", "dataclasses", "collections.abc"}
PACKAGE_ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Module:
    name: str
    path: str
    source: str
    tree: ast.Module
    imports: list[ast.Import | ast.ImportFrom] = field(default_factory=list)
    functions: list[ast.FunctionDef] = field(default_factory=list)
    structs: list[ast.ClassDef] = field(default_factory=list)
    globals: list[ast.Assign | ast.AnnAssign] = field(default_factory=list)
    # The statements that run when the module is initialised, in order:
    # every global assignment and every other statement at module level
    # (a loop filling a table, a call).  check/modinit.py sorts out which
    # of them need code at start-up.
    statements: list[ast.stmt] = field(default_factory=list)
    asm_calls: list[ast.Call] = field(default_factory=list)
    # `Grid = list[list[str]]`: names for types (check/declarations.py),
    # which run no code.
    type_aliases: list[ast.Assign] = field(default_factory=list)
    calls_main: bool = False

    def loc(self, node: ast.AST) -> Location:
        return Location.from_node(self.path, self.source, node)

    def error(self, node: ast.AST, message: str) -> CompileError:
        return CompileError(message, self.loc(node))


@dataclass
class Program:
    entry: Module
    modules: dict[str, Module]
    sources: dict[str, str]

    def dump(self) -> str:
        out = []
        for m in self.modules.values():
            out.append(f"module {m.name} ({m.path})")
            for f in m.functions:
                out.append(f"  def {f.name}")
            for s in m.structs:
                out.append(f"  struct {s.name}")
            for g in m.globals:
                target = g.target if isinstance(g, ast.AnnAssign) else g.targets[0]
                out.append(f"  global {ast.unparse(target)}")
            if m.asm_calls:
                out.append(f"  global_asm x{len(m.asm_calls)}")
        return "\n".join(out)


def display_path(path: Path) -> str:
    """Paths in diagnostics are relative to the working directory when they
    can be, as compilers usually print them."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def parse_source(path: str, source: str) -> ast.Module:
    nul = source.find("\0")
    if nul >= 0:
        start = max(source.rfind("\n", 0, nul), source.rfind("\r", 0, nul)) + 1
        line = len(source_lines(source[:start])) + 1
        raise CompileError("the file contains a NUL character", Location(path, line,
                                                                        nul - start + 1))
    try:
        tree = ast.parse(source, filename=path, type_comments=False)
    except (RecursionError, MemoryError):
        # CPython's parser gives up on very deep nesting without saying
        # where (its own stack is fixed); the longest line is the likely
        # place, and any location beats none.
        lines = source_lines(source)
        line = max(range(len(lines)), key=lambda i: len(lines[i])) + 1 if lines else 1
        raise CompileError(f"this is nested too deeply to parse (Pythos accepts at most "
                           f"{MAX_NESTING} levels)", Location(path, line, 1)) from None
    except SyntaxError as e:
        line = e.lineno or 1
        col = e.offset or 1
        # SyntaxError offsets are 1-based character columns, except that
        # CPython 3.11 gives the "leading zeros" error a byte offset.
        if sys.version_info < (3, 12) and e.msg.startswith("leading zeros") and e.text:
            col = len(e.text.encode("utf-8")[:col - 1].decode("utf-8", errors="replace")) + 1
        message = "invalid syntax" if e.msg == "invalid syntax" else f"invalid syntax: {e.msg}"
        raise CompileError(message, Location(path, line, col)) from None
    # A text parsed before in this process (the runtime's modules, loaded
    # again when a program turns out to need objects) nests as it did
    # then; and without the word `async` there is no `async def`.
    if (path, source) not in _NESTING_CHECKED:
        check_nesting(path, source, tree)
        _NESTING_CHECKED.add((path, source))
    if "async" in source:
        mark_async_functions(tree)
    if MAP_OR_FILTER.search(source):
        rewrite_map_filter(path, source, tree)
    return tree


# A text that never calls map() or filter() has nothing to rewrite (the
# runtime's modules say "bitmap" often enough for a plain `in` to miss).
MAP_OR_FILTER = re.compile(r"\b(?:map|filter)\s*\(")

# The (path, text) pairs parse_source has checked for nesting.
_NESTING_CHECKED: set[tuple[str, str]] = set()


def mark_async_functions(tree: ast.Module) -> None:
    """Make each `async def` an ordinary FunctionDef marked `is_async`, in
    place: a coroutine function is declared, scoped and called like any
    other, and only the checker (check/coroutines.py) and the builder
    treat its body as a coroutine's."""
    for node in ast.walk(tree):
        for _field, value in ast.iter_fields(node):
            if not isinstance(value, list):
                continue
            for i, item in enumerate(value):
                if isinstance(item, ast.AsyncFunctionDef):
                    plain = ast.FunctionDef(name=item.name, args=item.args, body=item.body,
                                            decorator_list=item.decorator_list,
                                            returns=item.returns,
                                            type_comment=item.type_comment)
                    ast.copy_location(plain, item)
                    plain.end_lineno, plain.end_col_offset = item.end_lineno, item.end_col_offset
                    plain.is_async = True  # type: ignore[attr-defined]
                    value[i] = plain


# How deeply the syntax tree may nest: statements, expressions and their
# parts, counted from the module.  CPython's own compiler gives up on an
# expression near 3,000 levels (`x + x + ...` of 3,000 terms); below that,
# every stage of ours recurses safely on the deep stack the driver gives it.
MAX_NESTING = 2500


def check_nesting(path: str, source: str, tree: ast.Module) -> None:
    """Reject a tree deeper than MAX_NESTING at the node that crosses the
    limit.  The walk keeps its own stack, so it works at any depth."""
    stack: list[tuple[ast.AST, int, ast.AST]] = [(tree, 0, tree)]
    while stack:
        node, depth, located = stack.pop()
        if hasattr(node, "lineno"):
            located = node  # operators and contexts have no position of their own
        if depth > MAX_NESTING:
            raise CompileError(f"this is nested more than {MAX_NESTING} levels deep, more than "
                               f"Pythos accepts; split the expression with a variable",
                               Location.from_node(path, source, located))
        stack.extend((child, depth + 1, located) for child in ast.iter_child_nodes(node))


def read_source(path: Path, shown: str) -> str:
    """A source file's text: UTF-8, with an optional byte-order mark (as
    CPython accepts).  Invalid UTF-8 is reported where it occurs."""
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise CompileError(f"cannot read {shown}: {e.strerror or e}") from None
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8):]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as e:
        text = raw.decode("utf-8", errors="replace")
        SOURCES[shown] = text
        before = raw[:e.start].decode("utf-8")
        start = max(before.rfind("\n"), before.rfind("\r")) + 1
        line = len(source_lines(before[:start])) + 1
        raise CompileError(f"the file is not valid UTF-8 (byte 0x{raw[e.start]:02x})",
                           Location(shown, line, len(before) - start + 1)) from None


def is_main_guard(stmt: ast.stmt) -> bool:
    """`if __name__ == "__main__":` at module level."""
    if not isinstance(stmt, ast.If) or stmt.orelse:
        return False
    t = stmt.test
    return (isinstance(t, ast.Compare) and isinstance(t.left, ast.Name)
            and t.left.id == "__name__" and len(t.ops) == 1
            and isinstance(t.ops[0], ast.Eq) and isinstance(t.comparators[0], ast.Constant)
            and t.comparators[0].value == "__main__")


class Loader:
    def __init__(self, search_path: list[Path], aliases: dict[str, Path] | None = None) -> None:
        self.search_path = search_path
        self.aliases = aliases or {}
        self.modules: dict[str, Module] = {}
        self.sources: dict[str, str] = {}

    def find(self, name: str) -> Path | None:
        if name in self.aliases:
            return self.aliases[name]
        rel = Path(*name.split("."))
        for base in self.search_path:
            for cand in (base / rel.with_suffix(".py"), base / rel / "__init__.py"):
                if cand.is_file():
                    return cand
        return None

    def load(self, name: str, path: Path) -> Module:
        if name in self.modules:
            return self.modules[name]
        shown = display_path(path)
        source = read_source(path, shown)
        self.sources[shown] = source
        SOURCES[shown] = source
        tree = parse_source(shown, source)
        module = Module(name, shown, source, tree)
        self.modules[name] = module
        self.classify(module)
        for imp in module.imports:
            for target in self.imported_modules(module, imp):
                if target in BUILTIN_MODULES or target in self.modules:
                    continue
                found = self.find(target)
                if found is None:
                    where: ast.AST = imp
                    if isinstance(imp, ast.Import):
                        where = next((a for a in imp.names if a.name == target), imp)
                    raise module.error(where, f"cannot find module '{target}'")
                self.load(target, found)
        return module

    def imported_modules(self, module: Module, imp: ast.Import | ast.ImportFrom) -> list[str]:
        if isinstance(imp, ast.Import):
            return [a.name for a in imp.names]
        if imp.level:
            raise module.error(imp, "relative imports are not supported; import by full name")
        assert imp.module is not None
        if imp.module in BUILTIN_MODULES:
            return [imp.module]
        # `from pkg import mod` may name a submodule rather than a member.
        names = [imp.module]
        for a in imp.names:
            sub = f"{imp.module}.{a.name}"
            if sub not in BUILTIN_MODULES and self.find(sub) is not None:
                names.append(sub)
        return names

    def classify(self, m: Module) -> None:
        """Sort the module's top-level statements, rejecting any statement
        that would run code at import time (only definitions may)."""
        body = m.tree.body
        for stmt in body:
            if m.calls_main and not (isinstance(stmt, (ast.FunctionDef, ast.ClassDef))
                                     and not stmt.decorator_list):
                # CPython runs it once main() has returned; Pythos calls
                # main() once every module is initialised, so it would
                # run first.  Only definitions may follow the block.
                raise m.error(stmt, 'this statement follows the `if __name__ == "__main__":` '
                                    "block, so CPython runs it after main() returns, which "
                                    "Pythos does not do: move it above the block")
            if isinstance(stmt, (ast.Import, ast.ImportFrom)):
                m.imports.append(stmt)
            elif isinstance(stmt, ast.FunctionDef):
                m.functions.append(stmt)
                if stmt.decorator_list:
                    m.statements.append(stmt)  # decorators may run at start-up
            elif isinstance(stmt, ast.ClassDef):
                m.structs.append(stmt)
            elif isinstance(stmt, ast.Assign) and is_type_alias(stmt):
                m.type_aliases.append(stmt)
            elif isinstance(stmt, (ast.Assign, ast.AnnAssign)) and not is_item_store(stmt):
                m.globals.append(stmt)
                m.statements.append(stmt)
            elif isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant) \
                    and isinstance(stmt.value.value, str):
                pass  # a docstring
            elif isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call) \
                    and isinstance(stmt.value.func, ast.Name) \
                    and stmt.value.func.id == "global_asm":
                m.asm_calls.append(stmt.value)
            elif is_main_guard(stmt):
                assert isinstance(stmt, ast.If)
                ok = (len(stmt.body) == 1 and isinstance(stmt.body[0], ast.Expr)
                      and isinstance(stmt.body[0].value, ast.Call)
                      and isinstance(stmt.body[0].value.func, ast.Name)
                      and stmt.body[0].value.func.id == "main"
                      and not stmt.body[0].value.args and not stmt.body[0].value.keywords)
                if not ok:
                    raise m.error(stmt, 'the __main__ block may only call main()')
                m.calls_main = True
            elif isinstance(stmt, INIT_STATEMENTS) or is_item_store(stmt):
                # Code that runs once at start-up (check/modinit.py).
                m.statements.append(stmt)
            else:
                raise m.error(stmt, "this statement cannot appear at module level (it takes "
                                    "definitions, imports, assignments, for, while, if, "
                                    "try, with, raise, assert and calls)")


# Module-level statements that run code at start-up, besides assignments
# to global names (docs/objects.md, "Module initialisation").
INIT_STATEMENTS = (ast.For, ast.While, ast.If, ast.Expr, ast.AugAssign, ast.Assert, ast.Try,
                   ast.Raise, ast.With)


# The generic types a subscript at module level names (`list[int]` is a
# type, where `table[3]` is a value), and the plain types `|` joins.
GENERIC_TYPES = {"list", "dict", "set", "frozenset", "tuple", "Optional", "Union", "Callable",
                 "Iterator", "Iterable", "Generator"}
PLAIN_TYPES = {"int", "str", "bool", "bytes", "bytearray", "object"}


def is_type_alias(stmt: ast.Assign) -> bool:
    """`Grid = list[list[str]]`, `MaybeNode = Node | None`: an assignment
    of a type to one name, which mypy takes for a type alias.  A plain
    name (`Alias = Node`) stays a value, since a class is one too."""
    return len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name) \
        and is_type_expression(stmt.value, top=True)


def is_type_expression(node: ast.expr, top: bool = False) -> bool:
    if isinstance(node, ast.Subscript):
        return isinstance(node.value, ast.Name) and node.value.id in GENERIC_TYPES
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        sides = (node.left, node.right)
        # `A | None` (a TypeError between values), or types on both sides.
        return any(isinstance(x, ast.Constant) and x.value is None for x in sides) or all(
            is_type_expression(x) for x in sides)
    if isinstance(node, ast.Constant):
        return node.value is None and not top
    return isinstance(node, ast.Name) and node.id in PLAIN_TYPES and not top


def is_item_store(stmt: ast.stmt) -> bool:
    """`TABLE["k"] = v` or `obj.field = v` at module level: a statement
    that changes an object, not the declaration of a global."""
    targets = stmt.targets if isinstance(stmt, ast.Assign) else \
        [stmt.target] if isinstance(stmt, ast.AnnAssign) else []
    return any(isinstance(t, (ast.Subscript, ast.Attribute)) for t in targets)


def load_program(entry: Path, extra_path: list[Path] | None = None,
                 aliases: dict[str, Path] | None = None,
                 implicit: list[str] | None = None) -> Program:
    """Parse `entry` and everything it imports.  `implicit` names modules
    (the runtime) that are part of every program without being imported."""
    if not entry.is_file():
        raise CompileError(f"no such file: {entry}")
    search = [entry.resolve().parent, *(extra_path or []), PACKAGE_ROOT]
    loader = Loader(search, aliases)
    main = loader.load("__main__", entry)
    for name in implicit or []:
        path = loader.find(name)
        if path is None:
            raise CompileError(f"runtime module '{name}' is missing from the installation")
        loader.load(name, path)
    if EXCEPTIONS_MODULE not in loader.modules and any(
            module_uses_exceptions(m) for m in list(loader.modules.values())):
        loader.load(EXCEPTIONS_MODULE, PACKAGE_ROOT / "pythos" / "rt" / "exceptions.py")
    return Program(main, loader.modules, loader.sources)


# The built-in exception classes (pythos/rt/exceptions.py): part of a
# program that raises, catches or names an exception.
EXCEPTIONS_MODULE = "pythos.rt.exceptions"
EXCEPTION_NAMES = frozenset({
    "BaseException", "Exception", "GeneratorExit", "KeyboardInterrupt", "ArithmeticError",
    "ZeroDivisionError", "OverflowError", "LookupError", "IndexError", "KeyError",
    "ValueError", "UnicodeError", "UnicodeDecodeError", "UnicodeEncodeError", "TypeError",
    "AttributeError", "MemoryError", "RuntimeError", "NotImplementedError",
    "RecursionError", "StopIteration", "StopAsyncIteration", "AssertionError"})


# uses_exceptions of each module's text, for the loads after the first.
_USES_EXCEPTIONS: dict[tuple[str, str], bool] = {}


def module_uses_exceptions(m: Module) -> bool:
    key = (m.path, m.source)
    if key not in _USES_EXCEPTIONS:
        _USES_EXCEPTIONS[key] = uses_exceptions(m.tree)
    return _USES_EXCEPTIONS[key]


def uses_exceptions(tree: ast.Module) -> bool:
    """Whether a module has `try` or `raise`, or names a built-in exception,
    or may close a generator (GeneratorExit): a `yield` inside `with`, a
    `throw()` or `close()` call."""
    for node in ast.walk(tree):
        if isinstance(node, (ast.Try, ast.Raise)):
            return True
        if isinstance(node, ast.Attribute) and node.attr in ("throw", "close"):
            return True
        if isinstance(node, (ast.AsyncFor, ast.AsyncWith)):
            return True  # StopAsyncIteration ends one; the other's awaits may be closed
        if isinstance(node, ast.With) and any(isinstance(n, (ast.Yield, ast.YieldFrom))
                                              for n in ast.walk(node)):
            return True
        if isinstance(node, ast.Name) and node.id in EXCEPTION_NAMES:
            return True
    return False
