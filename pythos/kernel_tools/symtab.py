"""The kernel's symbol table: function names for the panic backtrace.

A panic report names the functions on the stack (``kernel/backtrace.py``),
so the kernel image carries a table of its functions' addresses, sizes and
names.  Function addresses are only known once the kernel is linked, so
``link_kernel`` links twice:

1. without a table; ``nm`` then lists the functions of that image, and
   ``table_asm`` turns them into assembly for the section
   ``.pythos_symbols``, which ``as`` assembles;
2. with the table.  The linker script puts ``.pythos_symbols`` at the end
   of ``.rodata``, after all code and all other read-only data, so its
   size moves nothing that the table lists.  ``check_unmoved`` compares
   the functions of both images anyway and fails the build if any
   address or size changed.

The table, 8-byte aligned, between ``__symbol_table`` and
``__symbol_table_end`` (both 0 bytes apart when no table was linked)::

    +0    u64  count          number of entries, sorted by address
    +8    u64  names_offset   where the names start, from the table's start
    +16   count entries of 24 bytes:
              u64 address     the function's first byte
              u32 size        its length in bytes
              u32 flags       FLAG_INTERRUPT, FLAG_ERROR_CODE
              u32 name_offset from the start of the names
              u32 name_length in bytes, no terminator
    names_offset: the names, UTF-8, back to back

The flags mark interrupt handlers, whose frames hold the CPU's interrupt
frame instead of a return address (and an error code before it for some
vectors); the walker needs to know which to step from a handler's frame
to the code it interrupted.  The compiler knows which functions are
handlers (``Compilation.interrupt_handlers``); ``nm`` does not.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

__all__ = [
    "ENTRY_SIZE",
    "FLAG_ERROR_CODE",
    "FLAG_INTERRUPT",
    "HEADER_SIZE",
    "SECTION",
    "Symbol",
    "check_unmoved",
    "functions_from_nm",
    "table_asm",
    "table_bytes",
]

SECTION = ".pythos_symbols"
HEADER_SIZE = 16
ENTRY_SIZE = 24
FLAG_INTERRUPT = 1
FLAG_ERROR_CODE = 2


@dataclass(frozen=True)
class Symbol:
    """One function of the kernel image."""

    address: int
    size: int
    name: str
    flags: int = 0


def functions_from_nm(nm_output: str,
                      interrupt_handlers: Mapping[str, bool] | None = None) -> list[Symbol]:
    """The functions in ``nm -n -S --defined-only`` output, sorted by address.

    Functions are the text symbols (``T``/``t``) with a size between the
    linker script's ``__text_start`` and ``__text_end``: that leaves out
    the boot stub (linked low, at its physical address) and the linker
    script's own symbols, which have no size.  Of several names for one
    address the first is kept.  ``interrupt_handlers`` maps the names of
    interrupt handlers to whether the CPU pushes an error code for them.
    """
    handlers = interrupt_handlers or {}
    text_start = text_end = None
    candidates: list[Symbol] = []
    for line in nm_output.splitlines():
        fields = line.split(None, 3)
        if len(fields) == 3 and fields[2] == "__text_start":
            text_start = int(fields[0], 16)
        elif len(fields) == 3 and fields[2] == "__text_end":
            text_end = int(fields[0], 16)
        elif len(fields) == 4 and fields[2] in ("T", "t"):
            name = fields[3]
            flags = 0
            if name in handlers:
                flags = FLAG_INTERRUPT | (FLAG_ERROR_CODE if handlers[name] else 0)
            candidates.append(Symbol(int(fields[0], 16), int(fields[1], 16), name, flags))
    if text_start is None or text_end is None:
        return []
    functions: list[Symbol] = []
    for symbol in sorted(candidates, key=lambda s: s.address):
        if not text_start <= symbol.address < text_end:
            continue
        if functions and functions[-1].address == symbol.address:
            continue
        functions.append(symbol)
    return functions


def table_bytes(functions: list[Symbol]) -> bytes:
    """The table's contents (see the module docstring)."""
    names = b""
    entries = b""
    for symbol in functions:
        name = symbol.name.encode()
        entries += symbol.address.to_bytes(8, "little")
        entries += min(symbol.size, 0xFFFFFFFF).to_bytes(4, "little")
        entries += symbol.flags.to_bytes(4, "little")
        entries += len(names).to_bytes(4, "little") + len(name).to_bytes(4, "little")
        names += name
    header = len(functions).to_bytes(8, "little")
    header += (HEADER_SIZE + len(entries)).to_bytes(8, "little")
    return header + entries + names


def table_asm(functions: list[Symbol]) -> str:
    """Assembly for ``as`` that defines the table in its own section.

    The bytes come from ``table_bytes``, written 16 to a line, with each
    function's entry preceded by a comment naming it so the file can be
    read.
    """
    data = table_bytes(functions)
    lines = [f"# The Pythos kernel's symbol table ({len(functions)} functions); "
             "generated by pythos/kernel_tools/symtab.py.",
             f'    .section {SECTION}, "a", @progbits',
             "    .p2align 3"]

    def emit(chunk: bytes) -> None:
        for i in range(0, len(chunk), 16):
            lines.append("    .byte " + ",".join(str(b) for b in chunk[i:i + 16]))

    emit(data[:HEADER_SIZE])
    for index, symbol in enumerate(functions):
        lines.append(f"# {symbol.address:#x} {symbol.size:#x} {symbol.name}")
        start = HEADER_SIZE + index * ENTRY_SIZE
        emit(data[start:start + ENTRY_SIZE])
    lines.append("# names")
    emit(data[HEADER_SIZE + len(functions) * ENTRY_SIZE:])
    return "\n".join(lines) + "\n"


def check_unmoved(before: list[Symbol], after: list[Symbol]) -> str | None:
    """Why the second link's functions differ from the first's, or None."""
    if len(before) != len(after):
        return f"{len(before)} functions before adding the table, {len(after)} after"
    for old, new in zip(before, after, strict=True):
        if (old.address, old.size, old.name) != (new.address, new.size, new.name):
            return (f"{old.name} moved from {old.address:#x} (size {old.size:#x}) to "
                    f"{new.address:#x} (size {new.size:#x}) when the table was added")
    return None
