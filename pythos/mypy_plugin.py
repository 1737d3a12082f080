"""A mypy plugin for the two Pythos forms that plain type checking cannot read.

Enable it in the mypy configuration (pyproject.toml does):

    [tool.mypy]
    plugins = ["pythos.mypy_plugin"]

* `Array[T, N]` in an annotation has an integer (or a named constant) as its
  second argument, which is not a type.  The plugin reads it as
  `pythos.lang.ArrayOf[T]`, the element-typed class that the expression
  `Array[T, N]` creates (see pythos/lang/__init__.pyi); the length is checked
  by the Pythos compiler, not by mypy.
* `@struct` classes are constructed with their fields, by position or by
  keyword, each optional (omitted fields are zero).  The plugin adds that
  `__init__` to the class.
* `range(a, b)` whose bounds are a sized integer type (`u64(2)`, a `u32`
  variable) gives the loop variable that type, as the compiler does: the
  call is read as `pythos.lang.RangeOf[T]`.  (Under CPython the variable
  is a plain `int`; docs/language.md lists that difference.)
"""

from __future__ import annotations

from collections.abc import Callable

from mypy.checker import TypeChecker
from mypy.nodes import ARG_OPT, Argument, AssignmentStmt, NameExpr, TempNode, TypeInfo, Var
from mypy.plugin import AnalyzeTypeContext, ClassDefContext, FunctionContext, Plugin
from mypy.plugins.common import add_method_to_class
from mypy.types import AnyType, Instance, NoneType, Type, TypeOfAny, get_proper_type

# Only the public name: the run-time class in pythos.lang.arrays is a plain class.
ARRAY_NAMES = frozenset({"pythos.lang.Array"})
ARRAY_OF = "pythos.lang.ArrayOf"
STRUCT_NAMES = frozenset({"pythos.lang.struct", "pythos.lang.structs.struct"})
SIZED_INTS = frozenset(f"pythos.lang.ints.{name}" for name in
                       ("u8", "u16", "u32", "u64", "i8", "i16", "i32", "i64"))


def analyze_array(ctx: AnalyzeTypeContext) -> Type:
    """`Array[T, N]` -> `ArrayOf[T]`; N is any expression (literal or constant)."""
    args = ctx.type.args
    if not args:
        # A bare `Array` is an array of anything.
        return ctx.api.named_type(ARRAY_OF, [AnyType(TypeOfAny.special_form)])
    if len(args) != 2:
        ctx.api.fail("write Array[T, N] with an element type T and a length N", ctx.context)
        return AnyType(TypeOfAny.from_error)
    element = ctx.api.analyze_type(args[0])
    return ctx.api.named_type(ARRAY_OF, [element])


def add_struct_init(ctx: ClassDefContext) -> bool:
    """Give a `@struct` class `__init__(self, field=..., ...)`; False = retry later."""
    info = ctx.cls.info
    arguments: list[Argument] = []
    for statement in ctx.cls.defs.body:
        if not (
            isinstance(statement, AssignmentStmt)
            and isinstance(statement.rvalue, TempNode)
            and len(statement.lvalues) == 1
            and isinstance(statement.lvalues[0], NameExpr)
        ):
            continue
        name = statement.lvalues[0].name
        symbol = info.names.get(name)
        node = symbol.node if symbol is not None else None
        if not isinstance(node, Var) or node.is_classvar or node.is_final:
            continue
        if node.type is None:
            return False
        variable = Var(name, node.type)
        arguments.append(Argument(variable, node.type, None, ARG_OPT))
    if "__init__" not in info.names:
        add_method_to_class(ctx.api, ctx.cls, "__init__", arguments, NoneType())
    return True


def sized_range(ctx: FunctionContext) -> Type:
    """`range(...)` -> `RangeOf[T]` when a bound has the sized integer type T."""
    for types in ctx.arg_types[:2]:
        for arg_type in types:
            proper = get_proper_type(arg_type)
            if isinstance(proper, Instance) and proper.type.fullname in SIZED_INTS:
                checker = ctx.api
                assert isinstance(checker, TypeChecker)
                module = checker.modules.get("pythos.lang")
                symbol = module.names.get("RangeOf") if module is not None else None
                if symbol is None or not isinstance(symbol.node, TypeInfo):
                    return ctx.default_return_type
                return Instance(symbol.node, [proper])
    return ctx.default_return_type


class PythosPlugin(Plugin):
    def get_function_hook(self, fullname: str) -> Callable[[FunctionContext], Type] | None:
        return sized_range if fullname == "builtins.range" else None

    def get_type_analyze_hook(self, fullname: str) -> Callable[[AnalyzeTypeContext], Type] | None:
        return analyze_array if fullname in ARRAY_NAMES else None

    def get_class_decorator_hook_2(
        self, fullname: str
    ) -> Callable[[ClassDefContext], bool] | None:
        return add_struct_init if fullname in STRUCT_NAMES else None


def plugin(version: str) -> type[Plugin]:
    return PythosPlugin
