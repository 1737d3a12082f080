"""`pythos compile --dump=typed` and `--dump=ir`: a stage's result, printed.

For every function: its signature, its local variables with their types
and storage kinds, and each statement with the type of every expression in
it, innermost first, so one can see exactly what the checker decided
(literal types, which calls are methods or conversions) before lowering.
"""

from __future__ import annotations

import ast

from .ir.ops import ModuleIR
from .parse import Program
from .symbols import FuncSym
from .types import ClassType


def dump_typed(program: Program) -> str:
    from .check import Checker  # noqa: F401 - the nodes were annotated by it
    out: list[str] = []
    for module in program.modules.values():
        if module.name.startswith("pythos.rt"):
            continue
        out.append(f"module {module.name} ({module.path})")
        funcs = [n for n in module.functions]
        for cls in module.structs:
            out.extend(dump_class(cls))
            funcs += [n for n in cls.body if isinstance(n, ast.FunctionDef)]
        for node in funcs:
            out.extend(dump_function(node))
            # Nested functions are typed as functions of their own.
            for inner in ast.walk(node):
                if isinstance(inner, ast.FunctionDef) and inner is not node:
                    out.extend(dump_function(inner))
    return "\n".join(out)


def dump_class(node: ast.ClassDef) -> list[str]:
    """A plain class (issue 11): its base, fields in layout order, vtable
    slots, constants and the dataclass options."""
    ct: ClassType | None = getattr(node, "pythos_class", None)
    if ct is None:
        return []
    base = f"({ct.base.name})" if ct.base else ""
    flags = [name for name in ("dataclass", "frozen", "order") if getattr(ct, name)]
    lines = [f"  class {ct.name}{base}" + (f"  [{', '.join(flags)}]" if flags else "")]
    for name, t in ct.fields.items():
        lines.append(f"    field {name}: {t}")
    for name, const in ct.constants.items():
        lines.append(f"    constant {name} = {const.value!r}")  # type: ignore[attr-defined]
    lines.append(f"    vtable [{', '.join(ct.vtable)}]")
    return lines


def dump_function(node: ast.FunctionDef) -> list[str]:
    sym: FuncSym | None = getattr(node, "pythos_sym", None)
    lines = [f"  def {node.name}({ast.unparse(node.args)})"
             + (f" -> {ast.unparse(node.returns)}" if node.returns else "")]
    if sym is not None:
        for var in sym.locals.values():
            lines.append(f"    local {var.name}: {var.type} ({var.kind})")
    for stmt in ast.walk(node):
        if not isinstance(stmt, ast.stmt) or stmt is node:
            continue
        text = ast.unparse(stmt).splitlines()[0]
        lines.append(f"    {stmt.lineno:4}: {text}")
        for sub in ast.walk(stmt):
            if isinstance(sub, ast.expr) and hasattr(sub, "ty") and not isinstance(
                    sub, ast.Constant) and sub is not stmt:
                call = getattr(sub, "call", None)
                extra = f"  [{call[0]}]" if call else ""
                const = getattr(sub, "const", None)
                extra += f"  = {const!r}" if const is not None else ""
                lines.append(f"          {ast.unparse(sub)} : {sub.ty}{extra}")  # type: ignore
            if isinstance(sub, ast.stmt) and sub is not stmt:
                break
    return lines


def dump_ir(module: ModuleIR) -> str:
    """`--dump=ir`: the program's IR (pythos/ir/pprint.py), without the
    runtime's functions."""
    from .ir.pprint import format_module
    return format_module(module)
