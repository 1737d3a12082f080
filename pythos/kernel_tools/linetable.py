"""The kernel's line table: Python file and line for every code address,
with the calls that inlining removed.

A panic report gives each frame of its backtrace a Python source position
(``kernel/backtrace.py``).  The kernel cannot read DWARF itself -- the
debug sections are not even loaded -- so ``link_kernel`` derives a compact
table from the DWARF of the first link and links it into ``.rodata`` next
to the symbol table (``pythos/kernel_tools/symtab.py``), in the section
``.pythos_lines`` between ``__line_table`` and ``__line_table_end``.  It is
the only part of the debug information that the loaded kernel carries.

Building it (``table_bytes``):

1. ``debug_line`` finds the ``.debug_line`` section of the ELF64 image.
2. ``decode`` runs each unit's line program, the small state machine of
   the DWARF standard (section 6.2), and returns its rows: address, file,
   line.  A row holds from its address up to the next row's; a row marked
   ``end_sequence`` ends the range and has no line.
3. ``compact`` sorts the rows by address and drops each row that repeats
   the position of the one before it: the columns and statement flags
   that gdb uses do not matter to a backtrace.
4. ``entries`` adds the inlined calls (read from ``.debug_info`` by
   ``pythos/kernel_tools/inlinetable.py``).  At -O2 one machine frame can
   stand for a chain of Python calls: ``kmain`` called ``apply_options``,
   which called ``crashtest.run``, all compiled into ``kmain``'s code.
   Each row therefore names a *scope*, the function its code was written
   in as it was reached: a scope is a file, the name of the inlined
   function (none for the real function, whose name is in the symbol
   table), and the scope it was inlined into with the line of that call.
   Scopes are shared: every row of one inlined call names the same one.

The table, 8-byte aligned::

    +0   u64  base            addresses are base + a row's offset
    +8   u32  count           rows, sorted by address
    +12  u32  scope_count
    +16  u32  string_count
    +20  u32  scopes_offset   from the table's start
    +24  u32  strings_offset  from the table's start: string_count entries
                              of u32 name_offset, u32 name_length
    +28  u32  names_offset    from the table's start: the strings, UTF-8
    +32  count rows of 8 bytes:
             u32 offset       from base
             u16 scope        an index into the scopes, or NO_SCOPE: no
                              line (the end of a sequence)
             u16 line         1-based, in the scope's file (past 65535: 65535)
         scope_count scopes of 8 bytes:
             u16 file         a string
             u16 function     a string: the inlined function; NO_STRING for
                              the real function
             u16 caller       the scope it was inlined into, always a lower
                              index (so a walk outwards ends); NO_SCOPE for
                              the real function
             u16 call_line    the line of that call, in the caller's file

A lookup finds the last row at or below the address, then follows the
callers out to the real function.  Read outermost first, that is the
frame's line and then one line per inlined call::

    real function      at root's file : line of the call into s1
    s1's function      at s1's file   : line of the call into s2
    ...
    innermost function at its file    : the row's line

which is what ``addr2line -i`` prints, innermost first
(``tests/debug/test_linetable.py`` compares the two).
"""

from __future__ import annotations

import bisect
import struct
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from pythos.kernel_tools.inlinetable import Inline

__all__ = [
    "NO_SCOPE",
    "NO_STRING",
    "SECTION",
    "Entry",
    "Row",
    "Scope",
    "compact",
    "debug_line",
    "decode",
    "elf_section",
    "entries",
    "from_elf",
    "lookup",
    "table_asm",
    "table_bytes",
    "unit_files",
]

SECTION = ".pythos_lines"
HEADER_SIZE = 32
ROW_SIZE = 8
SCOPE_SIZE = 8
NO_SCOPE = 0xFFFF
NO_STRING = 0xFFFF
MAX_LINE = 0xFFFF

# Standard opcodes (DWARF 4, section 6.2.5.2) and extended ones (6.2.5.3).
DW_LNS_copy = 1
DW_LNS_advance_pc = 2
DW_LNS_advance_line = 3
DW_LNS_set_file = 4
DW_LNS_set_column = 5
DW_LNS_negate_stmt = 6
DW_LNS_set_basic_block = 7
DW_LNS_const_add_pc = 8
DW_LNS_fixed_advance_pc = 9
DW_LNE_end_sequence = 1
DW_LNE_set_address = 2
DW_LNE_define_file = 3


class LineTableError(Exception):
    """The DWARF line information is malformed or of an unknown version."""


class Row(NamedTuple):
    """A row of a line program (a tuple: the build makes thousands)."""

    address: int
    file: str | None     # None: no line here (after an end_sequence)
    line: int


def uleb(data: bytes, at: int) -> tuple[int, int]:
    """The unsigned LEB128 number at ``at``, and where the next item starts."""
    value = shift = 0
    while True:
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, at


def sleb(data: bytes, at: int) -> tuple[int, int]:
    """The signed LEB128 number at ``at``: the unsigned bits, sign-extended
    from the last byte's bit 6."""
    value, end = uleb(data, at)
    if data[end - 1] & 0x40:
        value -= 1 << (7 * (end - at))
    return value, end


def cstring(data: bytes, at: int) -> tuple[str, int]:
    end = data.index(b"\0", at)
    return data[at:end].decode("utf-8", "replace"), end + 1


def elf_section(elf: bytes, wanted: str) -> bytes:
    """The contents of section ``wanted`` in an ELF64 little-endian file (b"" if none)."""
    if elf[:4] != b"\x7fELF" or elf[4] != 2 or elf[5] != 1:
        raise LineTableError("not a little-endian ELF64 file")
    shoff, = struct.unpack_from("<Q", elf, 0x28)
    shentsize, shnum, shstrndx = struct.unpack_from("<HHH", elf, 0x3A)

    def header(index: int) -> tuple[int, int, int]:
        name, _type, _flags, _addr, offset, size = struct.unpack_from(
            "<IIQQQQ", elf, shoff + index * shentsize)
        return name, offset, size

    _, names_at, _ = header(shstrndx)
    for index in range(shnum):
        name, offset, size = header(index)
        if cstring(elf, names_at + name)[0] == wanted:
            return elf[offset:offset + size]
    return b""


def debug_line(elf: bytes) -> bytes:
    """The contents of ``.debug_line`` in an ELF64 little-endian file (b"" if none)."""
    return elf_section(elf, ".debug_line")


@dataclass(frozen=True)
class _Header:
    """What a line program's header says: how to run it, and its files."""

    program: int         # where the opcodes start
    end: int             # where the unit ends
    min_length: int
    line_base: int
    line_range: int
    opcode_base: int
    lengths: list[int]
    files: list[str]     # 1-based: files[0] is ""


def _header(section: bytes, at: int) -> _Header:
    length, = struct.unpack_from("<I", section, at)
    if length >= 0xFFFFFFF0:
        raise LineTableError("64-bit DWARF line programs are not supported")
    end = at + 4 + length
    version, header_length = struct.unpack_from("<HI", section, at + 4)
    if not 2 <= version <= 4:
        raise LineTableError(f"DWARF line program version {version} is not supported")
    at += 10
    program = at + header_length
    min_length = section[at]
    at += 1
    if version >= 4:
        at += 1  # maximum_operations_per_instruction: 1 on x86
    default_is_stmt, line_base, line_range, opcode_base = struct.unpack_from(
        "<BbBB", section, at)
    at += 4
    lengths = list(section[at:at + opcode_base - 1])
    at += opcode_base - 1
    directories = [""]
    while section[at] != 0:
        directory, at = cstring(section, at)
        directories.append(directory)
    at += 1
    files = [""]
    while section[at] != 0:
        name, at = cstring(section, at)
        directory_index, at = uleb(section, at)
        _, at = uleb(section, at)   # modification time
        _, at = uleb(section, at)   # length
        files.append(_join(directories, directory_index, name))
    return _Header(program, end, min_length, line_base, line_range, opcode_base, lengths,
                   files)


def unit_files(section: bytes, offset: int) -> list[str]:
    """The file names of the line program at ``offset`` in ``.debug_line``
    (1-based, as a unit's ``DW_AT_decl_file`` and ``DW_AT_call_file`` count)."""
    return _header(section, offset).files


def decode(section: bytes) -> list[Row]:
    """The rows of every line program in ``section`` (DWARF versions 2 to 4)."""
    rows: list[Row] = []
    at = 0
    while at < len(section):
        h = _header(section, at)
        rows += _run(section, h.program, h.end, h.files, h.min_length, h.line_base,
                     h.line_range, h.opcode_base, h.lengths)
        at = h.end
    return rows


def _join(directories: list[str], index: int, name: str) -> str:
    # The compiler names files relative to the compile directory (entry 0,
    # the unit's own), so only a listed directory is prefixed.
    if index == 0 or index >= len(directories) or name.startswith("/"):
        return name
    return f"{directories[index]}/{name}"


def _run(data: bytes, at: int, end: int, files: list[str], min_length: int, line_base: int,
         line_range: int, opcode_base: int, lengths: list[int]) -> list[Row]:
    rows: list[Row] = []
    address, file, line = 0, 1, 1

    def emit() -> None:
        name = files[file] if 0 < file < len(files) else "?"
        rows.append(Row(address, name, line))

    while at < end:
        opcode = data[at]
        at += 1
        if opcode >= opcode_base:
            adjusted = opcode - opcode_base
            address += (adjusted // line_range) * min_length
            line += line_base + adjusted % line_range
            emit()
        elif opcode == 0:
            size, at = uleb(data, at)
            sub = data[at]
            if sub == DW_LNE_end_sequence:
                rows.append(Row(address, None, 0))
                address, file, line = 0, 1, 1
            elif sub == DW_LNE_set_address:
                address = int.from_bytes(data[at + 1:at + size], "little")
            elif sub == DW_LNE_define_file:
                name, _ = cstring(data, at + 1)
                files.append(name)
            at += size
        elif opcode == DW_LNS_copy:
            emit()
        elif opcode == DW_LNS_advance_pc:
            step, at = uleb(data, at)
            address += step * min_length
        elif opcode == DW_LNS_advance_line:
            step, at = sleb(data, at)
            line += step
        elif opcode == DW_LNS_set_file:
            file, at = uleb(data, at)
        elif opcode == DW_LNS_const_add_pc:
            address += ((255 - opcode_base) // line_range) * min_length
        elif opcode == DW_LNS_fixed_advance_pc:
            step, = struct.unpack_from("<H", data, at)
            at += 2
            address += step
        elif opcode in (DW_LNS_set_column,):
            _, at = uleb(data, at)
        elif opcode in (DW_LNS_negate_stmt, DW_LNS_set_basic_block):
            pass
        else:
            # Another standard opcode: skip its ULEB operands.
            for _ in range(lengths[opcode - 1]):
                _, at = uleb(data, at)
    return rows


def compact(rows: list[Row]) -> list[Row]:
    """Sorted by address; a row that repeats its predecessor's position is
    dropped, and of several rows at one address the last one counts."""
    by_address: dict[int, Row] = {}
    for row in rows:
        # An end_sequence shares its address with the next sequence's
        # first row; the real row must win.
        if row.file is None and row.address in by_address:
            continue
        by_address[row.address] = row
    result: list[Row] = []
    for address in sorted(by_address):
        row = by_address[address]
        if result and (result[-1].file, result[-1].line) == (row.file, row.line):
            continue
        result.append(row)
    return result


def from_elf(elf: bytes) -> list[Row]:
    """The compact rows of an ELF64 image's DWARF line information."""
    return compact(decode(debug_line(elf)))


class Scope(NamedTuple):
    """The function some code was written in, as it was reached (see above)."""

    file: str
    function: str | None  # None: the real function
    caller: int           # a lower index, or NO_SCOPE
    call_line: int


class Entry(NamedTuple):
    """A row of the table: from ``address`` on, ``line`` of ``scope``."""

    address: int
    scope: int            # NO_SCOPE: no line here
    line: int


def _painted(inlines: Sequence[Inline]) -> list[tuple[list[int], list[int], list[Inline]]]:
    """For each depth: disjoint (starts, ends, calls), where an address
    belongs to the first call by start whose range holds it (as the
    kernel's inline reader found them before they joined this table)."""
    by_depth: dict[int, list[Inline]] = {}
    for inline in sorted(inlines, key=lambda i: (i.start, i.depth)):
        by_depth.setdefault(inline.depth, []).append(inline)
    result = []
    for depth in range(len(by_depth)):
        starts: list[int] = []
        ends: list[int] = []
        calls: list[Inline] = []
        covered = 0
        for inline in by_depth.get(depth, []):
            # Every call before this one starts at or before it: what they
            # reach (up to ``covered``) is theirs.
            if inline.end > covered:
                starts.append(max(inline.start, covered))
                ends.append(inline.end)
                calls.append(inline)
                covered = inline.end
        result.append((starts, ends, calls))
    return result


def entries(rows: list[Row], inlines: Sequence[Inline] = ()) -> tuple[list[Entry], list[Scope]]:
    """The table's rows and scopes, from the compact line rows and the inlined calls."""
    painted = _painted(inlines)
    bounds = {row.address for row in rows}
    for starts, ends, _ in painted:
        bounds.update(starts)
        bounds.update(ends)
    addresses = [row.address for row in rows]
    # Scope: its index, in the order first met (a caller before its calls).
    scopes: dict[Scope, int] = {}
    result: list[Entry] = []
    last_scope, last_line = -1, -1
    for address in sorted(bounds):
        index = bisect.bisect_right(addresses, address) - 1
        if index < 0:
            continue
        row = rows[index]
        if row.file is None:
            current, line = NO_SCOPE, 0
        else:
            chain: list[Inline] = []
            for starts, ends, calls in painted:
                at = bisect.bisect_right(starts, address) - 1
                if at < 0 or address >= ends[at]:
                    break
                chain.append(calls[at])
            # Outermost first: the real function's code is in the file of
            # the first call, each inlined function's in the next call's,
            # and the innermost in the row's.
            files = [call.file for call in chain] + [row.file]
            current = scopes.setdefault(Scope(files[0], None, NO_SCOPE, 0), len(scopes))
            for depth, call in enumerate(chain):
                current = scopes.setdefault(
                    Scope(files[depth + 1], call.function, current, min(call.line, MAX_LINE)),
                    len(scopes))
            line = min(row.line, MAX_LINE)
        if (current, line) != (last_scope, last_line):
            result.append(Entry(address, current, line))
            last_scope, last_line = current, line
    return result, list(scopes)


def table_bytes(rows: list[Row], inlines: Sequence[Inline] = ()) -> bytes:
    """The table's bytes (see the module docstring)."""
    table_rows, scopes = entries(rows, inlines)
    base = table_rows[0].address if table_rows else 0
    if table_rows and table_rows[-1].address - base > 0xFFFFFFFF:
        raise LineTableError("the code spans more than 4 GiB")
    if len(scopes) >= NO_SCOPE:
        raise LineTableError("too many inlined calls for the line table")
    strings: dict[str, int] = {}
    for item in scopes:
        strings.setdefault(item.file, len(strings))
        if item.function is not None:
            strings.setdefault(item.function, len(strings))
    if len(strings) >= NO_STRING:
        raise LineTableError("too many names for the line table")
    body = b"".join(struct.pack("<IHH", row.address - base, row.scope, row.line)
                    for row in table_rows)
    body += b"".join(struct.pack("<HHHH", strings[item.file],
                                 NO_STRING if item.function is None else strings[item.function],
                                 item.caller, item.call_line)
                     for item in scopes)
    names = b""
    string_entries = b""
    for text in strings:
        encoded = text.encode()
        string_entries += struct.pack("<II", len(names), len(encoded))
        names += encoded
    scopes_offset = HEADER_SIZE + len(table_rows) * ROW_SIZE
    strings_offset = scopes_offset + len(scopes) * SCOPE_SIZE
    names_offset = strings_offset + len(string_entries)
    header = struct.pack("<QIIIIII", base, len(table_rows), len(scopes), len(strings),
                         scopes_offset, strings_offset, names_offset)
    return header + body + string_entries + names


_BYTE_TEXT = [str(b) for b in range(256)]


def section_asm(section: str, data: bytes) -> str:
    """Assembly that puts ``data`` in the read-only section ``section``."""
    lines = [f'    .section {section}, "a", @progbits', "    .p2align 3"]
    text = _BYTE_TEXT.__getitem__
    for start in range(0, len(data), 32):
        lines.append("    .byte " + ",".join(map(text, data[start:start + 32])))
    return "\n".join(lines) + "\n"


def table_asm(rows: list[Row], inlines: Sequence[Inline] = ()) -> str:
    """Assembly for the section ``.pythos_lines`` holding the table."""
    return section_asm(SECTION, table_bytes(rows, inlines))


Position = tuple[str | None, str, int]


def lookup(table: bytes, address: int) -> list[Position] | None:
    """The positions of ``address`` in a table made by ``table_bytes``,
    outermost first: (function, file, line), where the function is None
    for the real function and the name of an inlined one after it; None
    where the table has no line.  The way kernel/debug/linetable.py reads
    the table (for tests and tools)."""
    base, count, _scope_count, _string_count, scopes_offset, strings_offset, names_offset = \
        struct.unpack_from("<QIIIIII", table)
    low, high = 0, count
    while low < high:
        middle = (low + high) // 2
        offset, = struct.unpack_from("<I", table, HEADER_SIZE + middle * ROW_SIZE)
        if base + offset <= address:
            low = middle + 1
        else:
            high = middle
    if low == 0:
        return None
    _, current, line = struct.unpack_from("<IHH", table, HEADER_SIZE + (low - 1) * ROW_SIZE)
    if current == NO_SCOPE:
        return None

    def string(index: int) -> str:
        name_offset, name_length = struct.unpack_from("<II", table, strings_offset + index * 8)
        start = names_offset + name_offset
        return table[start:start + name_length].decode()

    positions: list[Position] = []
    while current != NO_SCOPE:
        file, function, caller, call_line = struct.unpack_from(
            "<HHHH", table, scopes_offset + current * SCOPE_SIZE)
        positions.append((None if function == NO_STRING else string(function), string(file),
                          line))
        current, line = caller, call_line
    return positions[::-1]
