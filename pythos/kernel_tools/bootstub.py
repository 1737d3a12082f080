"""Module-level assembly helpers: read ``global_asm`` text and splice it into IR.

The boot stub lives in ``kernel/arch/x86_64/boot.py`` as the string argument
of a ``global_asm(...)`` call.  Tools that need the assembly without the
Pythos compiler (the boot tests, for instance) read it here by parsing the
file with ``ast``: importing it would only run the CPython no-op.

The compiler's ``splice_module_asm`` (in ``pythos/moduleasm.py``) is
re-exported here for the boot tests, which splice the stub into IR of
their own.
"""

from __future__ import annotations

import ast
from pathlib import Path

from ..moduleasm import module_asm_lines, splice_module_asm

__all__ = [
    "BOOT_STUB_PATH",
    "LINKER_SCRIPT_PATH",
    "REPO_ROOT",
    "boot_stub_asm",
    "extract_global_asm",
    "module_asm_lines",
    "splice_module_asm",
]

REPO_ROOT = Path(__file__).resolve().parents[2]
BOOT_STUB_PATH = REPO_ROOT / "kernel" / "arch" / "x86_64" / "boot.py"
LINKER_SCRIPT_PATH = REPO_ROOT / "kernel" / "arch" / "x86_64" / "linker.ld"


def _is_global_asm_call(node: ast.AST) -> bool:
    if not isinstance(node, ast.Call):
        return False
    func = node.func
    if isinstance(func, ast.Name):
        return func.id == "global_asm"
    return isinstance(func, ast.Attribute) and func.attr == "global_asm"


def extract_global_asm(path: Path) -> str:
    """Return the text of every module-level ``global_asm("...")`` in ``path``.

    Several calls are joined with newlines, in source order.  A call whose
    argument is not a single string literal is an error, because the text
    must be known without running the program.
    """
    source = Path(path).read_text(encoding="utf-8")
    tree = ast.parse(source, filename=str(path))
    pieces: list[str] = []
    for stmt in tree.body:
        if not (isinstance(stmt, ast.Expr) and _is_global_asm_call(stmt.value)):
            continue
        call = stmt.value
        assert isinstance(call, ast.Call)
        if (
            len(call.args) != 1
            or call.keywords
            or not isinstance(call.args[0], ast.Constant)
            or not isinstance(call.args[0].value, str)
        ):
            raise ValueError(
                f"{path}:{call.lineno}: global_asm() takes exactly one string literal"
            )
        pieces.append(call.args[0].value)
    if not pieces:
        raise ValueError(f"{path}: no module-level global_asm() call")
    return "\n".join(pieces)


def boot_stub_asm() -> str:
    """Return the assembly text of the x86-64 boot stub."""
    return extract_global_asm(BOOT_STUB_PATH)
