"""Compiler diagnostics: one error type and the chibicc-style report.

Every error in a user's program is a `CompileError` carrying the file, the
1-based line and the 1-based *display* column.  Python's `ast` gives column
offsets in UTF-8 bytes, so `Location.from_node` converts them to characters
before anything is printed.  The report has the familiar three-line shape:

    prog.py:3:9: error: mixed integer types u8 and u32
        y = x + z
            ^

A compiler bug is not the user's fault, so it is reported as an internal
error at the location being compiled rather than as a Python traceback.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass

_NEWLINE = re.compile(r"\r\n|\r|\n")


def source_lines(text: str) -> list[str]:
    """The lines of a source file as Python numbers them.  (str.splitlines
    would also split at form feeds and U+2028, which Python source may
    contain, and put every later diagnostic on the wrong line.)"""
    lines = _NEWLINE.split(text)
    if lines and lines[-1] == "":
        lines.pop()
    return lines


@dataclass(frozen=True)
class Location:
    path: str
    line: int
    col: int  # 1-based, in characters

    @staticmethod
    def from_node(path: str, source: str, node: ast.AST) -> Location:
        line = getattr(node, "lineno", 1) or 1
        byte_col = getattr(node, "col_offset", 0) or 0
        lines = source_lines(source)
        text = lines[line - 1] if 0 < line <= len(lines) else ""
        # Decode the prefix of the line to turn a byte offset into characters.
        prefix = text.encode("utf-8")[:byte_col].decode("utf-8", errors="replace")
        return Location(path, line, len(prefix) + 1)


# The text of every file the compiler has read, by displayed path, so that
# any diagnostic can quote its source line.
SOURCES: dict[str, str] = {}


class CompileError(Exception):
    """An error in the user's program, reported at a source location."""

    def __init__(self, message: str, location: Location | None = None,
                 context: str | None = None, kind: str = "error") -> None:
        super().__init__(message)
        self.message = message
        self.location = location
        self.context = context
        self.kind = kind

    def render(self, sources: dict[str, str] | None = None) -> str:
        sources = SOURCES if sources is None else sources
        loc = self.location
        out = []
        if self.context:
            out.append(self.context)
        if loc is None:
            out.append(f"pythos: {self.kind}: {self.message}")
            return "\n".join(out)
        out.append(f"{loc.path}:{loc.line}:{loc.col}: {self.kind}: {self.message}")
        text = sources.get(loc.path)
        if text is not None:
            lines = source_lines(text)
            if 0 < loc.line <= len(lines):
                src = lines[loc.line - 1].expandtabs(1)
                out.append("    " + src)
                out.append("    " + " " * (loc.col - 1) + "^")
        return "\n".join(out)
