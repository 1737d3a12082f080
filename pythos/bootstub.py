"""Module-level assembly helpers: read ``global_asm`` text and splice it into IR.

The boot stub lives in ``kernel/arch/x86_64/boot.py`` as the string argument
of a ``global_asm(...)`` call.  Tools that need the assembly without the
Pythos compiler (the boot tests, for instance) read it here by parsing the
file with ``ast``: importing it would only run the CPython no-op.

llvmlite has no API for module-level assembly, so ``splice_module_asm``
adds ``module asm "..."`` lines to LLVM IR text, right after the
``target datalayout`` line (where ``llvm-as`` expects them).  The compiler
may use it for every ``global_asm`` call it lowers.
"""

from __future__ import annotations

import ast
from pathlib import Path

__all__ = [
    "BOOT_STUB_PATH",
    "LINKER_SCRIPT_PATH",
    "REPO_ROOT",
    "boot_stub_asm",
    "extract_global_asm",
    "module_asm_lines",
    "splice_module_asm",
]

REPO_ROOT = Path(__file__).resolve().parent.parent
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


def _escape_ir_string(text: str) -> str:
    """Escape text for an LLVM IR string: quotes, backslashes, non-ASCII."""
    out = []
    for byte in text.encode("utf-8"):
        if byte in (0x22, 0x5C) or byte < 0x20 or byte >= 0x7F:
            out.append(f"\\{byte:02X}")
        else:
            out.append(chr(byte))
    return "".join(out)


def module_asm_lines(asm: str) -> str:
    """Return ``asm`` as LLVM ``module asm "..."`` lines (one per source line)."""
    return "".join(
        f'module asm "{_escape_ir_string(line)}"\n' for line in asm.splitlines()
    )


def splice_module_asm(ir_text: str, asm: str) -> str:
    """Insert ``asm`` as module-level assembly into the LLVM IR ``ir_text``.

    The lines go right after ``target datalayout`` (or after ``target
    triple`` when there is no data layout, else at the top).
    """
    block = module_asm_lines(asm)
    lines = ir_text.splitlines(keepends=True)
    anchor = -1
    for index, line in enumerate(lines):
        stripped = line.lstrip()
        if stripped.startswith("target datalayout"):
            anchor = index
            break
        if stripped.startswith("target triple"):
            anchor = index
    if anchor >= 0 and not lines[anchor].endswith("\n"):
        lines[anchor] += "\n"
    lines.insert(anchor + 1, block)
    return "".join(lines)
