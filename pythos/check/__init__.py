"""Stage 2, check: resolve every name and give every expression a type.

The checker walks each module in two passes.  The first declares every
top-level name (structs, functions, globals, constants, imports), so a
function may call one defined later in the file.  The second checks each
function body statement by statement and records what it learns on the AST
nodes themselves, for the lowering to read:

    node.ty     the expression's Type
    node.const  the value of a compile-time constant expression
    node.sym    the symbol a Name refers to
    node.call   what a Call calls: ("func", FuncSym), ("ctor", StructType), ...
    node.args   a Call's arguments in parameter order, defaults filled in

Integer literals are typed by their context (bidirectional checking): in
`x + 1` the literal takes the type of `x`.  A literal that nothing types is
`i64`.  Every rule here exists so that the compiled program does what
CPython does with `pythos.lang`; where it could not, the program is
rejected.  The lowering never infers a type.
"""

from __future__ import annotations

import ast
import operator
from typing import Any

from .. import types as T
from ..diagnostics import CompileError, Location, source_lines
from ..parse import Module, Program
from ..symbols import (
    Builtin,
    ClassSym,
    ConstSym,
    FuncSym,
    GlobalSym,
    Local,
    ModuleRef,
    StructSym,
    TypeAliasSym,
)
from ..types import (
    BOOL,
    BYTES,
    I64,
    NONE,
    NONE_VALUE,
    OBJECT,
    STR,
    U64,
    ArrayType,
    ClassType,
    DictType,
    ListType,
    OptionalType,
    PtrType,
    StructType,
)
from .asyncs import AsyncStatements
from .bytesmethods import bytes_repeat, bytes_slice
from .classes import Classes
from .constants import Constants
from .containers import Containers, kind_of, objectish
from .coroutines import Coroutines
from .declarations import Declarations
from .exceptions import Exceptions
from .flow import first_unassigned_read
from .fmtspec import FormatSpec, parse_format_spec
from .functions import Functions
from .generators import Generators
from .interrupts import check_interrupt_safety
from .iteration import Iteration
from .modinit import ModuleInit
from .names import (
    COMPARE_OPS,
    KERNEL_ONLY,
    PY_BUILTINS,
    RING_OPS,
    TYPE_NAMES,
    UNSUPPORTED_EXPRS,
)
from .narrow import (
    Narrowing,
    has_break,
    key_of,
    stops_the_program,
)
from .objects import Objects, is_int
from .operators import (
    check_not_implemented_calls,
)
from .partial import PartialTypes
from .plain import PlainInts
from .startup import check_kernel_startup, check_module_initialisation
from .statements import Statements

# Expressions that a wanted type types (literals and displays).
DISPLAYS = (ast.Constant, ast.List, ast.Dict, ast.Set, ast.Tuple, ast.ListComp, ast.SetComp,
            ast.DictComp)


class Checker(Declarations, Constants, Statements, PlainInts, Objects, Classes, Containers,
              Functions, Narrowing, ModuleInit, Exceptions, Iteration, Generators,
              Coroutines, AsyncStatements, PartialTypes):
    def __init__(self, program: Program, freestanding: bool) -> None:
        self.program = program
        self.freestanding = freestanding
        self.scopes: dict[str, dict[str, Any]] = {}
        self.functions: list[FuncSym] = []
        self.globals: list[GlobalSym] = []
        self.structs: list[StructSym] = []
        self.classes: list[ClassSym] = []
        # Issue 11: what the code at this point has proved about Optional and
        # class-typed values (check/narrow.py), and the first use of an
        # object, where compilation stops until the IR lowers objects.
        self.narrowed: dict[str, T.Type] = {}
        self.object_use: CompileError | None = None
        self.uses_objects = False  # anything at all needs the object runtime
        # Modules whose function bodies are not checked: the runtime, when
        # it comes precompiled (pythos/rtcache.py); their signatures are.
        self.skip_bodies: frozenset[str] = frozenset()
        self.object_use_place: tuple[int, int, int] = (0, 0, 0)
        self.interrupt_frame: StructType | None = None
        # Module-level code run at start-up (check/modinit.py): the `Final`
        # statements whose value is built by code, and the initialisers.
        self.start_up_finals: set[int] = set()
        self.module_inits: list[FuncSym] = []
        # Per-function state while checking a body.
        self.fn: FuncSym | None = None
        self.module: Module = program.entry
        self.loop_depth = 0
        self.current: ast.AST | None = None  # the statement being checked
        # Names the current function assigns anywhere: Python makes them
        # local to the whole function.
        self.stored_names: set[str] = set()
        # Plain-int bookkeeping (check_plain.py), reset for each function.
        self.plain_generation = 0
        self.loops = []
        self.plain_loops = []
        self.plain_sites = []
        self.plain_site = None

    # ----- errors -----------------------------------------------------------
    def error(self, node: ast.AST, message: str) -> CompileError:
        err = self.module.error(node, message)
        if self.fn is not None:
            err.context = f"{self.module.path}: in function '{self.fn.name}':"
        return err

    # ----- pass 1: declarations ------------------------------------------------
    def run(self) -> None:
        mods = list(self.program.modules.values())
        for m in mods:
            self.scopes[m.name] = {}
        for m in mods:
            self.module = m
            self.declare_structs(m)
        for m in mods:
            self.module = m
            self.declare_type_aliases(m)
        for m in mods:
            self.module = m
            self.declare_imports(m)
        self.bind_exception_names()  # check/exceptions.py
        self.declare_constants_and_layouts(mods)
        self.check_address_cycles()
        self.declare_class_members()
        for m in mods:
            self.module = m
            self.declare_functions(m)
        self.check_class_methods()
        for m in mods:
            self.module = m
            self.declare_decorated(m)  # check/modinit.py
        for m in mods:
            self.module = m
            self.declare_globals(m)
        self.module_inits = self.declare_module_initialisers()
        for m in mods:
            self.module = m
            for call in m.asm_calls:
                if not self.freestanding and not m.name.startswith("pythos.rt"):
                    raise self.error(call, "global_asm() is only available in the "
                                           "freestanding (kernel) target")
                if len(call.args) != 1 or not isinstance(call.args[0], ast.Constant) \
                        or not isinstance(call.args[0].value, str) or call.keywords:
                    raise self.error(call, "global_asm() takes one string literal")
        entry = self.program.entry
        if "main" not in self.scopes[entry.name] and not self.freestanding:
            # An empty file (or one of comments only) is reported at its start.
            raise CompileError("the program has no main() function",
                               entry.loc(entry.tree.body[0]) if entry.tree.body
                               else Location(entry.path, 1, 1))
        if not self.freestanding:
            self.check_main_signature(entry)
        self.check_field_defaults()  # check/classes.py
        # Constructors first, base classes before subclasses: an attribute
        # that __init__ assigns without annotating takes its value's type
        # there, and other functions may read it.
        inits = [fn for c in self.classes for fn in [c.type.methods.get("__init__")]
                 if isinstance(fn, FuncSym)]
        inits.sort(key=lambda fn: len(fn.cls.mro()) if fn.cls else 0)
        for fn in inits:
            self.check_function(fn)
        # Then module-level code: it gives unannotated globals their types.
        for fn in self.module_inits:
            self.check_function(fn)
        # Nested functions are appended as their definitions are checked.
        for fn in self.functions:
            if (fn not in inits and fn not in self.module_inits
                    and fn.module.name not in self.skip_bodies):
                self.check_function(fn)
        self.check_initialisation_order(self.module_inits)
        self.note_object_signatures()
        check_not_implemented_calls(self, self.functions)  # (operators.py)
        check_interrupt_safety(self.functions)
        if self.freestanding:
            check_kernel_startup(self.functions)
            check_module_initialisation(self.functions)

    # ----- types ---------------------------------------------------------------------
    def resolve_type(self, node: ast.expr) -> T.Type:
        if isinstance(node, ast.Constant) and node.value is None:
            return NONE
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            try:
                inner = ast.parse(node.value, mode="eval").body
            except SyntaxError:
                raise self.error(node, f"invalid type annotation '{node.value}'") from None
            ast.copy_location(inner, node)
            for sub in ast.walk(inner):
                ast.copy_location(sub, node)
            return self.resolve_type(inner)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
            return self.union_type(node, [node.left, node.right])
        if isinstance(node, (ast.Name, ast.Attribute)):
            sym = self.lookup_type_symbol(node)
            if isinstance(sym, TypeAliasSym):
                return self.alias_type(sym)
            if isinstance(sym, Builtin):
                if sym.name in TYPE_NAMES:
                    return TYPE_NAMES[sym.name]
                if sym.name == "InterruptFrame":
                    return self.interrupt_frame_type()
                if sym.name == "object":
                    return OBJECT
                if sym.name in ("list", "dict", "set", "frozenset", "tuple", "Callable",
                                "Iterator", "Iterable", "Optional", "Generator",
                                "Coroutine", "Awaitable", "AsyncIterator", "AsyncIterable",
                                "AsyncGenerator"):
                    example = "list[int]" if sym.name == "list" else f"{sym.name}[...]"
                    raise self.error(node, f"'{sym.name}' needs its type arguments (e.g. "
                                           f"{example})")
            if isinstance(sym, StructSym):
                return sym.type
            if isinstance(sym, ClassSym):
                return sym.type
            raise self.error(node, f"'{ast.unparse(node)}' is not a type")
        if isinstance(node, ast.Subscript):
            base = self.lookup_type_symbol(node.value)
            if isinstance(base, Builtin) and base.name in (
                    "list", "dict", "set", "frozenset", "tuple", "Optional", "Union",
                    "Callable", "Iterator", "Iterable", "Generator"):
                return self.generic_type(node, base.name)
            if isinstance(base, Builtin) and base.name in ("Coroutine", "Awaitable"):
                return self.coroutine_annotation(node, base.name)  # check/coroutines.py
            if isinstance(base, Builtin) and base.name in ("AsyncIterator", "AsyncIterable",
                                                           "AsyncGenerator"):
                return self.async_generator_annotation(node, base.name)  # check/asyncs.py
            if isinstance(base, Builtin) and base.name == "Ptr":
                return PtrType(self.resolve_type(node.slice))
            if isinstance(base, Builtin) and base.name == "Array":
                if not isinstance(node.slice, ast.Tuple) or len(node.slice.elts) != 2:
                    raise self.error(node, "write Array[T, N]")
                elem = self.resolve_type(node.slice.elts[0])
                if not (is_int(elem) or elem is BOOL or isinstance(
                        elem, (StructType, ArrayType, PtrType))):
                    raise self.error(node.slice.elts[0], f"arrays of {elem} are not supported")
                _, n = self.const_value(node.slice.elts[1], None)
                if not isinstance(n, int) or isinstance(n, bool) or n <= 0:
                    raise self.error(node.slice.elts[1], "an array length is a positive "
                                                         "integer constant")
                return ArrayType(elem, n)
        raise self.error(node, f"'{ast.unparse(node)}' is not a type")

    def lookup_type_symbol(self, node: ast.expr) -> Any:
        if isinstance(node, ast.Name):
            scope = self.scope()
            if node.id in scope:
                return self.resolve_lazy(scope, node.id)
            if node.id in ("int", "bool", "str", "bytes", "bytearray", "object", "list", "dict",
                           "set", "frozenset", "tuple"):
                return Builtin(node.id)
            raise self.error(node, f"unknown type '{node.id}'")
        if isinstance(node, ast.Attribute):
            base = self.lookup_type_symbol(node.value)
            if isinstance(base, ModuleRef):
                return self.lookup_module_name(base.module, node.attr, node)
        raise self.error(node, f"'{ast.unparse(node)}' is not a type")

    # ----- functions -------------------------------------------------------------------
    def check_function(self, fn: FuncSym) -> None:
        if fn.extern or fn.node is None:
            return
        self.fn, self.module = fn, fn.module
        self.narrowed = {}
        self.declare_scope_statements(fn)
        self.stored_names = scope_stores(fn.node) - fn.nonlocals
        if not self.start_coroutine(fn):  # check/coroutines.py
            self.start_generator(fn)  # check/generators.py
        for p in fn.params:
            kind = "ref" if p.type.is_aggregate else "value"
            fn.locals[p.name] = Local(p.name, p.type, kind, is_param=True)
            if p.default is not None and self.check_default(fn, p.default, p.type):
                continue
            if p.default is not None:
                self.no_plain_literal(p.default, p.type, "a default value")
                self.expr(p.default, p.type)
                self.no_plain_literal(p.default, p.type, "a default value")
                if getattr(p.default, "const", None) is None:
                    raise self.error(p.default, "a default value must be a constant")
        self.owner_sites: dict[str, int] = {}
        self.aliased: set[str] = set()
        self.addressed: set[str] = set()  # locals whose address addr_of() takes
        self.aggregate_returns: list[tuple[ast.expr, T.Type]] = []
        # A loop variable found to hold plain ints may have been used in an
        # earlier statement that a later iteration reaches again: those
        # checks are made once more, knowing the whole body.
        self.loops, self.plain_loops, self.plain_sites = [], [], []
        self.block(fn.node.body)
        self.recheck_plain_sites()
        self.check_definite_assignment(fn)
        # Checked once the whole body is known: a later addr_of() counts too.
        for value, t in self.aggregate_returns:
            self.check_fresh_return(value, t)
        if fn.result is not NONE and fn.generator is None \
                and not self.always_returns(fn.node.body):
            raise self.error(fn.node, f"function '{fn.name}' can reach its end without a "
                                      f"return, but it must return {fn.result}")
        for name in self.aliased:
            if self.owner_sites.get(name, 0) > 1:
                raise self.error(fn.node, f"'{name}' is given a new value while another "
                                          f"name may still refer to it; CPython would "
                                          f"keep the old object, so use separate variables")
        self.fn = None

    def declare_scope_statements(self, fn: FuncSym) -> None:
        """Read the function's `global` and `nonlocal` statements (they
        apply to the whole body, wherever they are)."""
        assert fn.node is not None
        for node in walk_scope(fn.node):
            if isinstance(node, ast.Global):
                for name in node.names:
                    if not isinstance(self.scope().get(name), GlobalSym):
                        raise self.error(node, f"'{name}' is not a module-level variable")
                    fn.globals_declared.add(name)
            elif isinstance(node, ast.Nonlocal):
                for name in node.names:
                    outer = fn.parent
                    while outer is not None and name not in outer.locals:
                        outer = outer.parent
                    if outer is None:
                        # CPython's SyntaxError says exactly this.
                        raise self.error(node, f"no binding for nonlocal '{name}' found")
                    fn.nonlocals.add(name)
            elif isinstance(node, ast.ClassDef):
                raise self.error(node, "classes are defined at module level (nested classes "
                                       "are not supported)")

    def check_definite_assignment(self, fn: FuncSym) -> None:
        """Reject a read of a local that some path reaches unassigned (see
        check_flow.py): CPython raises UnboundLocalError there, and compiled
        code would read whatever its stack slot held."""
        assert fn.node is not None
        params = {p.name for p in fn.params}
        names = self.stored_names - params - set(fn.globals_declared)
        node = first_unassigned_read(fn.node.body, names)
        if node is not None:
            raise self.error(node, f"'{node.id}' may be read before it is assigned: on some "
                                   f"path to here nothing has assigned it (CPython would "
                                   f"raise UnboundLocalError). Assign it before the branch "
                                   f"or loop that sets it")

    def always_returns(self, body: list[ast.stmt]) -> bool:
        for stmt in body:
            if isinstance(stmt, (ast.Return, ast.Raise)):
                return True
            if isinstance(stmt, (ast.With, ast.AsyncWith)) and self.always_returns(stmt.body):
                return True
            if isinstance(stmt, ast.Try) and (self.always_returns(stmt.finalbody) or (
                    self.always_returns(stmt.body + stmt.orelse) and all(
                        self.always_returns(h.body) for h in stmt.handlers))):
                return True
            if isinstance(stmt, ast.If) and stmt.orelse and self.always_returns(stmt.body) \
                    and self.always_returns(stmt.orelse):
                return True
            # `while True` never falls through unless a `break` leaves it
            # (a `break` of a loop inside it does not).
            if isinstance(stmt, ast.While) and isinstance(stmt.test, ast.Constant) \
                    and stmt.test.value is True and not has_break(stmt.body):
                return True
            if stops_the_program(stmt):
                return True
        return False

    # ----- expressions ----------------------------------------------------------------
    def expect(self, node: ast.expr, want: T.Type) -> T.Type:
        t = self.expr(node, want)
        if not T.assignable(t, want):
            raise self.error(node, f"expected {want}, got {t}")
        return t

    def truth(self, node: ast.expr) -> None:
        """A condition.  Only the truth of each operand of `and`/`or`
        matters, so unlike `x = a or b` they may have different types
        (check/narrow.py's `cond` walks them, narrowing as it goes)."""
        self.cond(node)

    def text(self, node: ast.expr) -> None:
        """A string argument that may be an f-string (print, panic, assert)."""
        if isinstance(node, ast.JoinedStr):
            self.fstring(node)
        else:
            self.expect(node, STR)

    def expr(self, node: ast.expr, want: T.Type | None, discard: bool = False) -> T.Type:
        if isinstance(want, T.OptionalType) and isinstance(node, DISPLAYS):
            # `xs: list[int] | None` then `xs = []`, `n: u8 | None = 3`: a
            # literal is typed by what the Optional holds.
            want = want.inner
        value = self.const_int(node)
        if value is not None:
            t = want if is_int(want) else I64
            assert t is not None
            node.const = self.fit(node, value, t, strict=True)  # type: ignore[attr-defined]
            node.ty = t  # type: ignore[attr-defined]
            if want is OBJECT:
                self.becomes_object(node, t)
            return t
        method = getattr(self, "expr_" + type(node).__name__, None)
        if method is None:
            name = type(node).__name__
            raise self.error(node, UNSUPPORTED_EXPRS.get(
                name, f"this kind of expression ({name}) is not supported"))
        t = method(node, want)
        node.ty = t  # type: ignore[attr-defined]
        if t is NONE and not discard:
            raise self.error(node, "this call returns nothing; it has no value to use")
        if T.is_object(t) or t in (OBJECT, NONE_VALUE):
            what = f"'{node.id}'" if isinstance(node, ast.Name) else f"this {kind_of(t)[:-1]}"
            self.heap_use(node, kind_of(t) if t is not NONE_VALUE else "optional values",
                          f"{what} touches a reference count")
        if want is OBJECT and t is not OBJECT:
            self.becomes_object(node, t)
        return t

    def becomes_object(self, node: ast.expr, t: T.Type) -> None:
        """A value of type `t` goes where an `object` is wanted: an integer
        or a bool becomes a box, a bytes value its bytes object (the IR
        builder converts it, ir/build/optional.py); a struct, an array or
        a pointer has no header to be an object with."""
        if not T.as_object(t):
            raise self.error(node, f"a {t} cannot be an object: only objects, str, bytes, "
                                   f"integers, bools and None can (a struct, an array or a "
                                   f"pointer is plain memory, with no header)")
        if isinstance(t, T.IntType) and t is not I64:
            # Narrowed back with isinstance(x, int) it would be an int, which
            # does not wrap where the u8 under CPython does.
            raise self.error(node, f"a {t} cannot be an object: it would come back from "
                                   f"isinstance(x, int) as an int; convert it with int(...) "
                                   f"first")
        self.heap_use(node, "objects", f"this {t} becomes an object")

    def expr_Constant(self, node: ast.Constant, want: T.Type | None) -> T.Type:
        v = node.value
        if isinstance(v, bool):
            node.const = v  # type: ignore[attr-defined]
            return BOOL
        if isinstance(v, str):
            node.const = v  # type: ignore[attr-defined]
            return STR
        if isinstance(v, bytes):
            node.const = v  # type: ignore[attr-defined]
            return BYTES
        if v is None:
            return NONE_VALUE  # its context (an Optional) gives it a type
        if isinstance(v, float):
            raise self.error(node, "floating-point numbers are not supported")
        raise self.error(node, f"unsupported constant {v!r}")

    def expr_JoinedStr(self, node: ast.JoinedStr, want: T.Type | None) -> T.Type:
        # An f-string as a value builds a str at run time (issue 11).
        self.fstring(node)
        self.heap_use(node, "f-string values", "an f-string allocates a str")
        return STR

    def fstring(self, node: ast.JoinedStr) -> None:
        for part in node.values:
            if isinstance(part, ast.Constant):
                continue
            assert isinstance(part, ast.FormattedValue)
            from .calls import is_chr
            if part.conversion != -1:
                self.convert_field(part)
            # chr(x) is a one-character str, formatted as one.
            t = STR if is_chr(self, part.value) else self.expr(part.value, None)
            spec_text = ""
            if part.format_spec is not None:
                assert isinstance(part.format_spec, ast.JoinedStr)
                for p in part.format_spec.values:
                    if not isinstance(p, ast.Constant):
                        raise self.error(self.spec_anchor(part), "a format spec must be "
                                                                 "constant")
                    spec_text += str(p.value)
            if t is BYTES and not spec_text:
                continue  # its repr, b'...', written out (rt/core.py)
            kind = "int" if is_int(t) or (t is BOOL and spec_text) else (
                "str" if t in (STR, BOOL) else None)
            if kind is None and objectish(t) and not spec_text:
                # str() of an object: its __str__ (or CPython's text for a
                # container); of None, "None".
                self.heap_use(part.value, kind_of(t) if t is not NONE_VALUE else
                              "optional values", "formatting an object allocates a str")
                continue
            if kind is None:
                raise self.error(part.value, f"cannot format a {t}")
            try:
                part.spec = parse_format_spec(spec_text, kind)  # type: ignore[attr-defined]
            except ValueError as e:
                raise self.error(self.spec_anchor(part), str(e)) from None

    def convert_field(self, part: ast.FormattedValue) -> None:
        """`{x!r}` and `{x!s}` (and `{x=}`, which Python parses as the text
        "x=" and then `{x!r}`): CPython formats repr(x) or str(x), with the
        field's spec applied to that str.  So the field becomes exactly
        that call, checked and built as any other repr()/str() call, and
        every type that has a text gets the conversion with CPython's
        text.  The conversion is then done (-1), so checking the same
        f-string twice changes nothing."""
        letter = chr(part.conversion)
        if letter == "a":
            raise self.error(part.value, "the !a conversion (ascii()) is not supported; use "
                                         "!r")
        name = "repr" if letter == "r" else "str"
        func = ast.copy_location(ast.Name(id=name, ctx=ast.Load()), part.value)
        if self.builtin_name(func) != name:
            raise self.error(part.value, f"!{letter} calls the builtin {name}(), which this "
                                         f"module's own '{name}' hides")
        call = ast.copy_location(ast.Call(func=func, args=[part.value], keywords=[]),
                                 part.value)
        part.value = call
        part.conversion = -1

    def spec_anchor(self, part: ast.FormattedValue) -> ast.AST:
        """Where a field's format spec starts, for diagnostics.  Python 3.11
        gives the spec (and the field) the position of the whole f-string,
        but the field's expression has its own, and the spec follows the
        ':' after it.  Falls back to the expression."""
        v = part.value
        end = getattr(v, "end_col_offset", None)
        lines = source_lines(self.module.source)
        if end is None or v.end_lineno != v.lineno or not 0 < v.lineno <= len(lines):
            return v
        raw = lines[v.lineno - 1].encode("utf-8")
        colon = raw.find(b":", end)
        between = raw[end:colon].strip() if colon >= 0 else b"?"
        if between not in (b"", b"=") and not between.startswith(b"!"):
            return v
        anchor = ast.Pass()
        anchor.lineno, anchor.col_offset = v.lineno, colon + 1
        return anchor

    def expr_Name(self, node: ast.Name, want: T.Type | None) -> T.Type:
        name = node.id
        if self.fn is not None and name in self.fn.locals and name not in \
                self.fn.globals_declared:
            var = self.fn.locals[name]
            node.sym = var  # type: ignore[attr-defined]
            return self.narrowed.get(name, var.type)
        if self.fn is not None and (name in self.fn.nonlocals or name not in self.stored_names):
            outer = self.enclosing_local(name)
            if outer is not None:
                # A variable of an enclosing function, captured by this closure.
                node.sym, node.captured = outer, True  # type: ignore[attr-defined]
                return self.narrowed.get(name, outer.type)
        sym = self.lookup(node)
        node.sym = sym  # type: ignore[attr-defined]
        return self.symbol_type(node, sym)

    def symbol_type(self, node: ast.expr, sym: Any) -> T.Type:
        if isinstance(sym, GlobalSym):
            if sym.type is NONE:
                raise self.error(node, f"'{sym.name}' is used before its type is known")
            # Narrowed as a local is (check/narrow.py); a call may undo it,
            # which the builder tests for (ir/build/optional.py).
            key = key_of(node)
            return self.narrowed.get(key, sym.type) if key is not None else sym.type
        if isinstance(sym, ConstSym):
            if sym.type is None:
                raise self.error(node, "internal: untyped constant reached expr")
            node.const = sym.value  # type: ignore[attr-defined]
            return sym.type
        if isinstance(sym, FuncSym) and not sym.interrupt and not sym.extern:
            # A function used as a value (issue 11).  The interrupt rule
            # follows it as a call: the value is there to be called.
            self.record_call(sym, node)
            self.heap_use(node, "function values", f"'{sym.name}' as a value is a function "
                                                   f"object")
            return self.signature_of(sym, at=node)
        if isinstance(sym, ClassSym):
            raise self.error(node, f"class {sym.type.name} is not a value here; call it to "
                                   f"make an instance")
        if isinstance(sym, Builtin) and sym.name in PY_BUILTINS:
            raise self.error(node, f"the builtin '{sym.name}' cannot be used as a value yet; "
                                   f"wrap it in a lambda (e.g. 'lambda x: {sym.name}(x)')")
        raise self.error(node, f"'{ast.unparse(node)}' is not a value")

    def lookup(self, node: ast.Name) -> Any:
        scope = self.scope()
        if self.fn is not None and node.id in self.stored_names \
                and node.id not in self.fn.globals_declared:
            # Assigned somewhere in this function, so local throughout (as in
            # CPython, which would raise UnboundLocalError here).
            if isinstance(scope.get(node.id), GlobalSym):
                raise self.error(node, f"'{node.id}' is assigned in this function, so it is a "
                                       f"local and is used before it is assigned; declare "
                                       f"'global {node.id}' to use the module-level variable")
            raise self.error(node, f"'{node.id}' is used before it is assigned")
        if node.id in scope:
            return self.resolve_lazy(scope, node.id)
        if node.id in PY_BUILTINS:
            return Builtin(node.id)
        raise self.error(node, f"name '{node.id}' is not defined")

    def builtin_name(self, node: ast.expr) -> str | None:
        if isinstance(node, ast.Name):
            if self.fn is not None and node.id in self.fn.locals:
                return None
            scope = self.scope()
            sym = self.resolve_lazy(scope, node.id) if node.id in scope else (
                Builtin(node.id) if node.id in PY_BUILTINS else None)
            return sym.name if isinstance(sym, Builtin) else None
        return None

    def expr_Attribute(self, node: ast.Attribute, want: T.Type | None) -> T.Type:
        if node.attr == "__name__" and isinstance(node.value, ast.Call) and \
                self.builtin_name(node.value.func) == "type":
            from .calls import type_name
            return type_name(self, node)
        # module.name
        if isinstance(node.value, (ast.Name, ast.Attribute)):
            base_sym = self.static_symbol(node.value)
            if isinstance(base_sym, ModuleRef):
                sym = self.lookup_module_name(base_sym.module, node.attr, node)
                node.sym = sym  # type: ignore[attr-defined]
                if isinstance(sym, GlobalSym):
                    node.field = ("global", sym)  # type: ignore[attr-defined]
                return self.symbol_type(node, sym)
            if isinstance(base_sym, ClassSym):
                return self.class_attribute(node, base_sym.type)
        t = self.expr(node.value, None)
        if node.attr == "value" and (stop := self.stop_value_type(node)) is not None:
            return stop  # `e.value` of a StopIteration (check/coroutines.py)
        if isinstance(t, ClassType):
            at = self.instance_attribute(node, t)
            key = key_of(node)
            return self.narrowed.get(key, at) if key is not None else at
        if isinstance(t, OptionalType):
            raise self.optional_attribute_error(node, t)
        if t is NONE_VALUE:
            raise self.error(node, f"'{ast.unparse(node.value)}' is None here, which has no "
                                   f"attribute '{node.attr}'")
        if t is OBJECT:
            raise self.error(node, f"\"object\" has no attribute \"{node.attr}\"; narrow "
                                   f"'{ast.unparse(node.value)}' with isinstance() first "
                                   f"(to a class, int, str, bool or bytes)")
        if objectish(t):
            if self.method_signature(node, t) is not None or isinstance(t, DictType):
                raise self.error(node, f"take {t}'s methods by calling them "
                                       f"('{ast.unparse(node)}(...)'); as values they are not "
                                       f"supported")
            raise self.error(node, f"\"{t}\" has no attribute \"{node.attr}\"")
        if isinstance(t, StructType):
            if node.attr not in t.fields:
                raise self.error(node, f"struct {t} has no field '{node.attr}'")
            node.field = ("struct", t)  # type: ignore[attr-defined]
            return t.fields[node.attr]
        if isinstance(t, PtrType) and node.attr == "addr":
            node.field = None  # type: ignore[attr-defined]
            return U64
        raise self.error(node, f"{t} has no attribute '{node.attr}'")

    def static_symbol(self, node: ast.expr) -> Any:
        """The symbol a dotted name refers to, if it is a module path."""
        if isinstance(node, ast.Name):
            if self.fn is not None and node.id in self.fn.locals:
                return None
            scope = self.scope()
            if node.id in scope:
                return self.resolve_lazy(scope, node.id)
            return None
        if isinstance(node, ast.Attribute):
            base = self.static_symbol(node.value)
            if isinstance(base, ModuleRef):
                return self.lookup_module_name(base.module, node.attr, node)
        return None

    def expr_Subscript(self, node: ast.Subscript, want: T.Type | None) -> T.Type:
        t = self.expr(node.value, None)
        if objectish(t):
            return self.object_subscript(node, t, store=False)
        if isinstance(node.slice, ast.Slice) and t is BYTES:
            return bytes_slice(self, node)  # check/bytesmethods.py
        if isinstance(node.slice, ast.Slice):
            raise self.error(node, f"{t} cannot be sliced (lists, tuples, str and bytes can)")
        if isinstance(t, ArrayType):
            node.sub = "array"  # type: ignore[attr-defined]
            self.index(node.slice)
            return t.element
        if isinstance(t, PtrType):
            node.sub = "ptr"  # type: ignore[attr-defined]
            self.index(node.slice)
            return t.target
        if t is BYTES:
            node.sub = "bytes"  # type: ignore[attr-defined]
            self.index(node.slice)
            return T.U8
        if t is STR:
            raise self.error(node, "indexing a str is not supported (use bytes)")
        raise self.error(node, f"{t} cannot be indexed")

    def index(self, node: ast.expr) -> None:
        t = self.expr(node, None)
        if not is_int(t):
            raise self.error(node, f"an index must be an integer, got {t}")

    def expr_UnaryOp(self, node: ast.UnaryOp, want: T.Type | None) -> T.Type:
        if isinstance(node.op, ast.Not):
            self.truth(node.operand)
            return BOOL
        t = self.expr(node.operand, want if is_int(want) else None)
        if not is_int(t):
            raise self.error(node, f"unary operator needs an integer, got {t}")
        self.no_plain_arithmetic(node, node.op, t, [node.operand])
        self.fold(node, t, node.op, node.operand, None)
        return t

    def expr_BinOp(self, node: ast.BinOp, want: T.Type | None) -> T.Type:
        t = self.binop_types(node, node.op, node.left, node.right, want)
        if is_int(t):
            self.no_plain_arithmetic(node, node.op, t, [node.left, node.right])
            self.fold(node, t, node.op, node.left, node.right)
        return t

    def fold(self, node: ast.expr, t: T.Type, op: ast.AST, a: ast.expr,
             b: ast.expr | None) -> None:
        """Fold an operation on typed constants (`MASK: Final = SIZE - 1`
        with `SIZE: Final = u64(4096)`).  The arithmetic is done by
        pythos.lang's own integer classes, so the folded value is by
        construction what CPython computes."""
        x = getattr(a, "const", None)
        y = getattr(b, "const", None) if b is not None else 0
        if not isinstance(x, int) or not isinstance(y, int) or isinstance(x, bool) \
                or isinstance(y, bool):
            return
        from pythos import lang
        cls = getattr(lang, str(t))
        count_cls = getattr(lang, str(b.ty)) if b is not None and hasattr(b, "ty") \
            and is_int(b.ty) else cls  # type: ignore[attr-defined]
        ops = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul,
               ast.FloorDiv: operator.floordiv, ast.Mod: operator.mod, ast.Pow: operator.pow,
               ast.LShift: operator.lshift, ast.RShift: operator.rshift,
               ast.BitAnd: operator.and_, ast.BitOr: operator.or_, ast.BitXor: operator.xor,
               ast.USub: operator.neg, ast.Invert: operator.invert, ast.UAdd: operator.pos}
        fn = ops.get(type(op))
        if fn is None:
            return
        try:
            if b is None:
                value = fn(cls(x))  # type: ignore[operator]
            else:
                value = fn(cls(x), count_cls(y))  # type: ignore[operator]
        except ZeroDivisionError:
            raise self.error(node, "integer division or modulo by zero in a constant "
                                   "expression") from None
        except (ValueError, TypeError) as e:
            raise self.error(node, f"invalid constant expression: {e}") from None
        node.const = int(value)  # type: ignore[attr-defined]

    def binop_types(self, node: ast.AST, op: ast.operator, left: ast.expr, right: ast.expr,
                    want: T.Type | None) -> T.Type:
        if isinstance(op, ast.Div):
            raise self.error(node, "'/' is true division, and Pythos has no floats; use '//'")
        if isinstance(op, ast.MatMult):
            raise self.error(node, "'@' is not supported")
        if isinstance(op, (ast.LShift, ast.RShift)):
            count = self.const_int(right)
            ct = None if count is not None else self.expr(right, None)
            if self.const_int(left) is not None and is_int(ct):
                # `1 << x`: pythos.lang's reflected operator gives x's type.
                want = ct
            lt = self.operand(left, want)
            if objectish(lt) or objectish(ct):  # `__lshift__` and friends
                rt = ct if ct is not None else self.expr(right, None)
                return self.object_binop(node, op, left, right, lt, rt)
            if count is not None:
                if count < 0:
                    raise self.error(right, "negative shift count")
                right.const, right.ty = min(count, 255), T.INTS["u8"]  # type: ignore[attr-defined]
            else:
                if not is_int(ct):
                    raise self.error(right, f"shift count must be an integer, got {ct}")
            if not is_int(lt):
                raise self.error(left, f"cannot shift a {lt}")
            return lt
        strict = not isinstance(op, RING_OPS)
        if isinstance(op, ast.Add) and self.is_ptr_expr(left):
            lt = self.expr(left, None)
            ot = self.expr(right, None)
            if not is_int(ot):
                raise self.error(right, f"a pointer can only be advanced by an integer, "
                                        f"got {ot}")
            return lt
        if isinstance(op, ast.Mult) and isinstance(want, ListType):
            # `[None] * n` where a `list[T | None]` is wanted: the literal
            # takes its element type from the context, as mypy's does.
            literal = left if isinstance(left, (ast.List, ast.ListComp)) else right
            if isinstance(literal, (ast.List, ast.ListComp)):
                times = right if literal is left else left
                st, ct = self.expr(literal, want), self.expr(times, None)
                lt, rt = (st, ct) if literal is left else (ct, st)
                return self.object_binop(node, op, left, right, lt, rt)
        repeat = isinstance(op, ast.Mult)
        lt, rt = self.pair(left, right, want, strict, repeat)
        if repeat and BYTES in (lt, rt):
            return bytes_repeat(self, node, left, right, lt, rt)  # check/bytesmethods.py
        if objectish(lt) or objectish(rt):
            return self.object_binop(node, op, left, right, lt, rt)
        if isinstance(op, ast.Add) and lt is BYTES and rt is BYTES:
            self.heap_use(node, "str values built at run time", "'+' of bytes allocates")
            return BYTES
        if isinstance(op, ast.Sub) and isinstance(lt, PtrType):
            return lt
        if not is_int(lt):
            if lt is BOOL:
                raise self.error(node, "arithmetic on bool is not supported; convert with "
                                       "int(...) first")
            raise self.error(node, f"unsupported operand types {lt} and {rt}")
        return T.wrapping_of(lt, rt)  # an int with an i64 is an i64, as in pythos.lang

    def is_ptr_expr(self, node: ast.expr) -> bool:
        # Only `p + n` and `p - n` of a pointer give a pointer: look at the
        # left operand alone, or checking a chain `a + b + c + ...` would
        # take time exponential in its length.
        if isinstance(node, ast.BinOp):
            # Remembered, since each link of the chain asks about the rest.
            known = getattr(node, "pythos_is_ptr", None)
            if known is None:
                known = isinstance(node.op, (ast.Add, ast.Sub)) and self.is_ptr_expr(node.left)
                node.pythos_is_ptr = known  # type: ignore[attr-defined]
            return known  # type: ignore[no-any-return]
        if self.const_int(node) is not None:
            return False
        try:
            t = self.expr(node, None)
        except CompileError:
            return False
        return isinstance(t, PtrType)

    def operand(self, node: ast.expr, want: T.Type | None) -> T.Type:
        return self.expr(node, want if is_int(want) else None)

    def pair(self, left: ast.expr, right: ast.expr, want: T.Type | None,
             strict: bool, repeat: bool = False) -> tuple[T.Type, T.Type]:
        """Type two operands that must agree, letting a literal on either side
        take the other side's type (`repeat`: a `*`, where bytes and an
        integer meet and the caller decides)."""
        lc, rc = self.const_int(left), self.const_int(right)
        if lc is not None and rc is None:
            rt = self.operand(right, want)
            if objectish(rt) or (repeat and rt is BYTES):  # `3 * [0]`: the caller decides
                left.const, left.ty = lc, I64  # type: ignore[attr-defined]
                return I64, rt
            if not is_int(rt):
                raise self.error(left, f"cannot combine an integer with {rt}")
            left.const, left.ty = self.fit(left, lc, rt, strict), rt  # type: ignore[attr-defined]
            return rt, rt
        if rc is not None and lc is None:
            lt = self.operand(left, want)
            if objectish(lt) or (repeat and lt is BYTES):
                right.const, right.ty = rc, I64  # type: ignore[attr-defined]
                return lt, I64
            if not is_int(lt):
                raise self.error(right, f"cannot combine {lt} with an integer")
            right.const, right.ty = self.fit(right, rc, lt, strict), lt  # type: ignore
            return lt, lt
        lt = self.operand(left, want if not objectish(want) else None)
        rt = self.expr(right, lt if is_int(lt) or lt is BOOL or objectish(lt) else None)
        if objectish(lt) or objectish(rt) or (repeat and BYTES in (lt, rt)):
            return lt, rt  # the caller decides (check/containers.py)
        if lt != rt:
            if is_int(lt) and is_int(rt):
                raise self.error(left, f"mixed integer types {lt} and {rt}; convert one "
                                       f"side, e.g. {rt}(...)")
            raise self.error(left, f"unsupported operand types {lt} and {rt}")
        return lt, rt

    def expr_BoolOp(self, node: ast.BoolOp, want: T.Type | None) -> T.Type:
        if objectish(want) or objectish(self.peek_type(node.values[0], {})):
            return self.object_boolop(node, want)
        types: list[T.Type] = []
        saved = dict(self.narrowed)
        for v in node.values:
            try:
                t = self.expr(v, want if want is not None else (types[0] if types else None))
            finally:
                if v is node.values[-1]:
                    self.narrowed = saved
            if objectish(t):
                self.narrowed = saved
                return self.object_boolop(node, want)
            # The next operand runs only if this one was true (and) or false
            # (or): `n is not None and n.value > 0`.
            yes, no = self.tested_maps(v, t)
            self.narrowed.update(yes if isinstance(node.op, ast.And) else no)
            if not (t is BOOL or is_int(t)):
                raise self.error(v, f"'{type(node.op).__name__.lower()}' needs integers "
                                    f"or bools, got {t}")
            types.append(t)
        for v, t in zip(node.values, types, strict=True):
            if t != types[0]:
                op = "and" if isinstance(node.op, ast.And) else "or"
                raise self.error(v, f"both sides of '{op}' must have the same type, because "
                                    f"the result is one of them; got {types[0]} and {t}")
        return T.wrapping_of(*types)

    def expr_Compare(self, node: ast.Compare, want: T.Type | None) -> T.Type:
        operands = [node.left, *node.comparators]
        types: list[T.Type | None] = []
        # Links between two untyped constants (`x == 2**64 - 1 == 2**64 - 1`)
        # compare plain ints under CPython, exactly: their result is known
        # now, and neither side needs a machine type.
        folded: dict[int, bool] = {}
        for i, (op, a, b) in enumerate(zip(node.ops, operands, operands[1:], strict=False)):
            if isinstance(op, (ast.In, ast.NotIn)):
                self.membership(node, a, b)
                types.append(None)
                continue
            if isinstance(op, (ast.Is, ast.IsNot)):
                self.identity(node, a, b)
                types.append(None)
                continue
            x, y = self.const_int(a), self.const_int(b)
            if x is not None and y is not None:
                folded[i] = COMPARE_OPS[type(op)](x, y)
                types.append(None)
                continue
            if hasattr(a, "ty") and getattr(a, "const", None) is None:
                lt = a.ty  # type: ignore[attr-defined]
                rt = self.expr(b, lt)
                if lt != rt:
                    if is_int(lt) and is_int(rt):
                        raise self.error(b, f"mixed integer types {lt} and {rt}; convert one "
                                            f"side, e.g. {lt}(...)")
                    raise self.error(b, f"cannot compare {lt} with {rt}")
            else:
                lt, rt = self.pair(a, b, None, strict=True)
            if (objectish(lt) or objectish(rt)) and not (lt is STR and rt is STR):
                self.object_compare(node, op, a, b, lt, rt)
                types.append(lt)
                continue
            if lt is STR and not isinstance(op, (ast.Eq, ast.NotEq)):
                self.object_compare(node, op, a, b, lt, rt)
                types.append(lt)
                continue
            if lt is BYTES and rt is BYTES and isinstance(op, (ast.Lt, ast.LtE, ast.Gt, ast.GtE)):
                # Byte by byte, then by length (rt/obj/bytes.py `bytes_order`).
                self.heap_use(node, "str ordering", "an ordering of bytes calls the runtime")
                types.append(lt)
                continue
            if lt in (STR, BYTES) or isinstance(lt, PtrType):
                if not isinstance(op, (ast.Eq, ast.NotEq)):
                    raise self.error(node, f"{lt} values can only be compared with == and !=")
            elif not is_int(lt) and lt is not BOOL:
                raise self.error(node, f"cannot compare {lt} values")
            types.append(lt)
        node.operand_types = types  # type: ignore[attr-defined]
        node.folded = folded  # type: ignore[attr-defined]
        if len(folded) == len(node.ops):
            node.const = all(folded.values())  # type: ignore[attr-defined]
        return BOOL

    def expr_IfExp(self, node: ast.IfExp, want: T.Type | None) -> T.Type:
        yes, no = self.cond(node.test)
        saved = dict(self.narrowed)
        lc, rc = self.const_int(node.body), self.const_int(node.orelse)
        try:
            if want is OBJECT:
                # `x: object = 1 if c else "a"`: each value becomes an object.
                self.narrowed = {**saved, **yes}
                self.expr(node.body, OBJECT)
                self.narrowed = {**saved, **no}
                self.expr(node.orelse, OBJECT)
                return OBJECT
            if lc is None and rc is None:
                # Each value is typed with what the test proves for it.
                self.narrowed = {**saved, **yes}
                a = self.expr(node.body, want if is_int(want) or objectish(want) else None)
                self.narrowed = {**saved, **no}
                b = self.expr(node.orelse, a if is_int(a) or a is BOOL else (
                    want if objectish(want) else None))
                if not objectish(a) and not objectish(b) and a != b:
                    if is_int(a) and is_int(b):
                        raise self.error(node.body, f"mixed integer types {a} and {b}; convert "
                                                    f"one side, e.g. {b}(...)")
                    raise self.error(node.body, f"unsupported operand types {a} and {b}")
            else:
                # A literal takes the other value's type (`x.n if x else 0`).
                self.narrowed = {**saved, **(no if lc is not None else yes)}
                a, b = self.pair(node.body, node.orelse, want, strict=True)
        finally:
            self.narrowed = saved
        if objectish(a) or objectish(b):
            joined = T.join_types(a, b)
            if joined is None:
                raise self.error(node, f"the two values of a conditional expression have no "
                                       f"common type: {a} and {b}")
            return joined
        if a.is_aggregate:
            raise self.error(node, "a conditional expression cannot choose between "
                                   "structs or arrays")
        return T.wrapping_of(a, b)

    def expr_Call(self, node: ast.Call, want: T.Type | None) -> T.Type:
        from .calls import check_call
        return check_call(self, node, want)


def walk_scope(root: ast.AST) -> list[ast.AST]:
    """The nodes of one function's own scope: nested functions, lambdas and
    comprehensions have scopes of their own and are not entered (their
    defaults and first iterables, evaluated outside, are)."""
    out: list[ast.AST] = []
    stack: list[ast.AST] = list(ast.iter_child_nodes(root))
    while stack:
        node = stack.pop()
        out.append(node)
        if isinstance(node, ast.FunctionDef):
            stack.extend([*node.args.defaults, *node.decorator_list])
            continue
        if isinstance(node, ast.Lambda):
            continue
        if isinstance(node, (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)):
            stack.append(node.generators[0].iter)
            continue
        stack.extend(ast.iter_child_nodes(node))
    return out


def scope_stores(root: ast.AST) -> set[str]:
    """The names a function assigns in its own scope (so, as Python has
    it, its locals), a nested `def` binding its name."""
    names = set()
    for n in walk_scope(root):
        if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store):
            names.add(n.id)
        elif isinstance(n, ast.FunctionDef):
            names.add(n.name)
    return names


def check(program: Program, freestanding: bool,
          skip_bodies: frozenset[str] = frozenset()) -> Checker:
    """Check `program`; the bodies of the functions of the modules in
    `skip_bodies` (a precompiled runtime's) only for their signatures."""
    checker = Checker(program, freestanding)
    checker.skip_bodies = skip_bodies
    checker.current = None
    try:
        checker.run()
    except CompileError:
        raise
    except RecursionError:
        node = checker.current
        raise CompileError("expression is nested too deeply",
                           checker.module.loc(node) if node else None) from None
    except Exception as e:  # a compiler bug: say where, not a traceback
        node = checker.current
        raise CompileError(f"internal compiler error: {type(e).__name__}: {e}",
                           checker.module.loc(node) if node else None) from e
    return checker


__all__ = ["check", "Checker", "FormatSpec", "KERNEL_ONLY"]
