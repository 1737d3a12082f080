"""Symbols: what a name in a Pythos program can refer to.

The checker builds one symbol table per module (`Scope`) mapping each
top-level name to one of the classes below, and one `Local` per local
variable of each function.  The IR builder and the lowering read the same
objects.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field

from .parse import Module
from .types import ClassType, StructType, Type


@dataclass(eq=False)
class Param:
    name: str
    type: Type
    default: ast.expr | None
    # After a bare `*` in the signature: passed only by keyword.
    kw_only: bool = False
    # Before a `/`: passed only by position.
    pos_only: bool = False
    # "*" for `*args: T` (a tuple[T, ...] of the extra positional arguments),
    # "**" for `**kwargs: V` (a dict[str, V] of the unknown keywords), "" else.
    star: str = ""


@dataclass(eq=False)
class Local:
    """A local variable.  `kind` says how it is stored:

    - "value": a scalar in a stack slot;
    - "owner": a struct or array that owns stack storage of its own;
    - "ref":   a struct or array that names storage owned elsewhere (a
               parameter, `q = p`, `a[i]`), kept as a pointer in a slot.
    """

    name: str
    type: Type
    kind: str
    is_param: bool = False
    # Set when the variable may hold a plain Python int under CPython while
    # the compiler gives it a fixed width: why ("range() loop variable"),
    # and where from: each such loop's position and the loops around it
    # (see check_plain.PlainInts.sees_plain).
    plain: str | None = None
    plain_from: list[tuple[tuple[int, int], frozenset[int]]] = field(default_factory=list)


@dataclass(eq=False)
class FuncSym:
    name: str
    module: Module
    node: ast.FunctionDef | None
    params: list[Param]
    result: Type
    link_name: str
    struct: StructType | None = None
    interrupt: bool = False
    # Reachable from an interrupt handler (check/interrupts.py).
    in_interrupt: bool = False
    exported: bool = False
    extern: bool = False
    # Decorators applied at start-up (check/modinit.py: the name becomes a
    # global holding what they return).
    decorators: list[ast.expr] = field(default_factory=list)
    locals: dict[str, Local] = field(default_factory=dict)
    globals_declared: set[str] = field(default_factory=set)
    # Constructed objects get a dedicated stack slot each, keyed by node.
    temps: list[ast.AST] = field(default_factory=list)
    # Issue 11: the class a method belongs to, and how it is called
    # ("method", "static" or "property"); the function a nested function
    # or lambda is defined in, and the names it declares `nonlocal`.
    cls: ClassType | None = None
    method_kind: str = "method"
    parent: FuncSym | None = None
    nonlocals: set[str] = field(default_factory=set)
    # For the interrupt rule (check/interrupts.py): the functions this one
    # calls, each with the call, and what it does that allocates, frees
    # or touches a reference count, each with where.
    calls: list[tuple[FuncSym, ast.AST]] = field(default_factory=list)
    heap_effects: list[tuple[str, ast.AST]] = field(default_factory=list)
    # Issue 12: a generator function's GeneratorType (check/generators.py).
    generator: Type | None = None
    # The parameters (by index) a call hands its reference over to: an
    # `__init__` that stores them into fields (pythos/ir/passes/steals.py).
    steals: tuple[int, ...] = ()

    @property
    def qualname(self) -> str:
        owner = f"{self.struct.name}." if self.struct else (
            f"{self.cls.name}." if self.cls else "")
        return f"{self.module.name}.{owner}{self.name}"


@dataclass(eq=False)
class GlobalSym:
    name: str
    module: Module
    type: Type
    node: ast.AST
    init: ast.expr | None
    link_name: str
    exported: bool = False
    # Set by code at start-up (the module's initialiser, check/modinit.py)
    # rather than by a constant in the image; `final` for a `Final` one.
    dynamic: bool = False
    final: bool = False


@dataclass(eq=False)
class ConstSym:
    """A `Final` constant.  `type` is None for an untyped integer constant,
    which adapts to the type its context needs, as a literal does."""

    name: str
    type: Type | None
    value: object


@dataclass(eq=False)
class ModuleRef:
    module: Module


@dataclass(eq=False)
class TypeAliasSym:
    """`Grid = list[list[str]]` at module level: a name for a type, resolved
    where it is first used as one (check/declarations.py)."""

    name: str
    module: Module
    node: ast.Assign
    type: Type | None = None
    resolving: bool = False


@dataclass(eq=False)
class Builtin:
    """A name from pythos.lang or the Python builtins that the compiler
    implements itself (types, conversions, print, intrinsics)."""

    name: str


@dataclass(eq=False)
class StructSym:
    type: StructType
    module: Module
    node: ast.ClassDef


@dataclass(eq=False)
class ClassSym:
    """A plain class or @dataclass (issue 11): instances live on the heap."""

    type: ClassType
    module: Module
    node: ast.ClassDef


Symbol = (Param | Local | FuncSym | GlobalSym | ConstSym | ModuleRef | Builtin | StructSym
          | ClassSym | TypeAliasSym)
