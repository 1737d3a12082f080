"""Module-level assembly: splice `global_asm` text into LLVM IR text.

llvmlite has no API for module-level assembly, so `splice_module_asm`
adds `module asm "..."` lines to the IR text, right after the
`target datalayout` line (where LLVM's parser expects them).  The
emitter uses it for every `global_asm` call in the program.
"""

from __future__ import annotations


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
