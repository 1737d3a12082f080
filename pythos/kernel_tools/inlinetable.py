"""The calls that inlining removed, by code address, for the kernel's line table.

At -O2 LLVM inlines most small functions, so one machine frame (one
return address on the stack) can stand for a chain of Python calls:
``kmain`` called ``apply_options``, which called ``crashtest.run``, and so
on, all in ``kmain``'s code.  The line table (``pythos/kernel_tools/linetable.py``)
gives only the innermost line of such an address.  The DWARF records the
rest: inside the subprogram of ``kmain``, each inlined call is a
``DW_TAG_inlined_subroutine`` entry with

- ``DW_AT_abstract_origin``: the function that was inlined;
- ``DW_AT_low_pc``/``DW_AT_high_pc`` or ``DW_AT_ranges``: the code
  addresses that came from it;
- ``DW_AT_call_file``/``DW_AT_call_line``: where the call was, in the
  caller (the function one level out).

and calls inlined into inlined code are its children.  ``from_elf`` reads
``.debug_info`` (with ``.debug_abbrev``, ``.debug_str``, ``.debug_ranges``
and the file names of ``.debug_line``) and flattens the tree into one
entry per address range, with its nesting depth: 0 for a call inlined
directly into a real function, 1 for a call inside that, and so on.

An address's chain is then found depth by depth: the entry of depth 0
whose range holds it, then that of depth 1, until there is none.  The
line table (``pythos/kernel_tools/linetable.py``) joins these chains to
its rows, as the scopes the kernel's backtrace walks.

An inlined function is named as the DWARF names it, and as gdb shows it:
``run``, or ``Struct.method``, without the module (its file is on the
same line of the report).
"""

from __future__ import annotations

import struct
from collections.abc import Sequence
from dataclasses import dataclass

from pythos.kernel_tools.linetable import (
    LineTableError,
    cstring,
    elf_section,
    sleb,
    uleb,
    unit_files,
)

__all__ = ["Inline", "chain", "from_elf"]

# Tags, attributes and forms (DWARF 4, sections 7.5.3 to 7.5.5).
DW_TAG_compile_unit = 0x11
DW_TAG_subprogram = 0x2E
DW_TAG_inlined_subroutine = 0x1D
DW_AT_name = 0x03
DW_AT_stmt_list = 0x10
DW_AT_low_pc = 0x11
DW_AT_high_pc = 0x12
DW_AT_abstract_origin = 0x31
DW_AT_specification = 0x47
DW_AT_ranges = 0x55
DW_AT_call_file = 0x58
DW_AT_call_line = 0x59
DW_FORM_addr = 0x01
DW_FORM_strp = 0x0E
DW_FORM_string = 0x08
DW_FORM_indirect = 0x16
DW_FORM_implicit_const = 0x21
REFERENCE_FORMS = {0x11, 0x12, 0x13, 0x14, 0x15}   # ref1, ref2, ref4, ref8, ref_udata
WANTED = {DW_AT_name, DW_AT_stmt_list, DW_AT_low_pc, DW_AT_high_pc, DW_AT_abstract_origin,
          DW_AT_specification, DW_AT_ranges, DW_AT_call_file, DW_AT_call_line}
FIXED_SIZES = {0x05: 2, 0x06: 4, 0x07: 8, 0x0B: 1, 0x0C: 1, 0x0E: 4, 0x11: 1, 0x12: 2,
               0x13: 4, 0x14: 8, 0x17: 4, 0x19: 0, 0x20: 8, 0x21: 0}


@dataclass(frozen=True)
class Inline:
    """One address range of an inlined call."""

    start: int
    end: int
    function: str
    file: str
    line: int
    depth: int


@dataclass
class _Entry:
    tag: int
    attributes: dict[int, tuple[int, int | str]]   # attribute: (form, value)


def _abbreviations(data: bytes, at: int) -> dict[int, tuple[int, bool, list[tuple[int, int, int]]]]:
    """code: (tag, has children, [(attribute, form, implicit value)])."""
    table: dict[int, tuple[int, bool, list[tuple[int, int, int]]]] = {}
    while True:
        code, at = uleb(data, at)
        if code == 0:
            return table
        tag, at = uleb(data, at)
        children = data[at] != 0
        at += 1
        specs: list[tuple[int, int, int]] = []
        while True:
            attribute, at = uleb(data, at)
            form, at = uleb(data, at)
            if attribute == 0 and form == 0:
                break
            implicit = 0
            if form == DW_FORM_implicit_const:
                implicit, at = sleb(data, at)
            specs.append((attribute, form, implicit))
        table[code] = (tag, children, specs)


def _value(data: bytes, at: int, form: int, address_size: int, version: int,
           strings: bytes) -> tuple[int | str, int]:
    """An attribute's value (references left relative to the unit) and where the next starts."""
    if form == DW_FORM_indirect:
        form, at = uleb(data, at)
    if form == DW_FORM_addr:
        return int.from_bytes(data[at:at + address_size], "little"), at + address_size
    if form == DW_FORM_strp:
        offset, = struct.unpack_from("<I", data, at)
        return cstring(strings, offset)[0], at + 4
    if form == DW_FORM_string:
        return cstring(data, at)
    if form in FIXED_SIZES:
        size = FIXED_SIZES[form]
        return int.from_bytes(data[at:at + size], "little"), at + size
    if form in (0x0F, 0x15):           # udata, ref_udata
        return uleb(data, at)
    if form == 0x0D:                   # sdata
        return sleb(data, at)
    if form == 0x10:                   # ref_addr
        size = address_size if version == 2 else 4
        return int.from_bytes(data[at:at + size], "little"), at + size
    if form in (0x09, 0x18):           # block, exprloc
        length, at = uleb(data, at)
        return 0, at + length
    if form in (0x03, 0x04, 0x0A):     # block2, block4, block1
        size = {0x03: 2, 0x04: 4, 0x0A: 1}[form]
        return 0, at + size + int.from_bytes(data[at:at + size], "little")
    raise LineTableError(f"DWARF attribute form {form:#x} is not supported")


def _ranges(entry: _Entry, ranges: bytes, unit_base: int) -> list[tuple[int, int]]:
    """The [start, end) ranges of an entry's code."""
    attributes = entry.attributes
    if DW_AT_low_pc in attributes and DW_AT_high_pc in attributes:
        low = int(attributes[DW_AT_low_pc][1])
        form, high = attributes[DW_AT_high_pc]
        high = int(high)
        return [(low, high if form == DW_FORM_addr else low + high)]
    if DW_AT_ranges not in attributes:
        return []
    at = int(attributes[DW_AT_ranges][1])
    base = unit_base
    result: list[tuple[int, int]] = []
    while True:
        start, end = struct.unpack_from("<QQ", ranges, at)
        at += 16
        if start == 0 and end == 0:
            return result
        if start == 0xFFFFFFFFFFFFFFFF:
            base = end
        elif start < end:
            result.append((base + start, base + end))


def from_elf(elf: bytes) -> list[Inline]:
    """The inlined calls of an ELF64 image, sorted by start.

    The build runs this with the whole compiled program still in memory,
    where every object allocated costs the garbage collector a look at
    that heap; so only the entries that matter (units, subprograms,
    inlined calls) become objects, and the others are only skipped.
    """
    info = elf_section(elf, ".debug_info")
    if not info:
        return []
    abbrev = elf_section(elf, ".debug_abbrev")
    strings = elf_section(elf, ".debug_str")
    ranges = elf_section(elf, ".debug_ranges")
    lines = elf_section(elf, ".debug_line")
    wanted_tags = (DW_TAG_compile_unit, DW_TAG_subprogram, DW_TAG_inlined_subroutine)
    # Subprograms (and any entry an inlined call names as its origin):
    # their name, or the entry that has it.
    named: dict[int, _Entry] = {}
    # The inlined calls: entry, depth, the unit's files and base address.
    calls: list[tuple[_Entry, int, list[str], int]] = []
    abbreviation_tables: dict[int, dict[int, tuple[int, bool, list[tuple[int, int, int]]]]] = {}
    at = 0
    while at < len(info):
        unit_start = at
        length, version = struct.unpack_from("<IH", info, at)
        if length >= 0xFFFFFFF0:
            raise LineTableError("64-bit DWARF is not supported")
        if not 2 <= version <= 4:
            raise LineTableError(f"DWARF version {version} is not supported")
        abbrev_offset, address_size = struct.unpack_from("<IB", info, at + 6)
        end = at + 4 + length
        at += 11
        codes = abbreviation_tables.get(abbrev_offset)
        if codes is None:
            codes = abbreviation_tables[abbrev_offset] = _abbreviations(abbrev, abbrev_offset)
        files: list[str] = [""]
        base = 0
        # The inline depth of the innermost inlined call around each tree level.
        depth_at: list[int] = [-1]
        level = 0
        while at < end:
            offset = at
            code, at = uleb(info, at)
            if code == 0:
                level -= 1
                continue
            tag, children, specs = codes[code]
            outer = depth_at[level] if level < len(depth_at) else -1
            del depth_at[level + 1:]
            if tag in wanted_tags:
                attributes: dict[int, tuple[int, int | str]] = {}
                for attribute, form, implicit in specs:
                    if form == DW_FORM_implicit_const:
                        value: int | str = implicit
                    else:
                        value, at = _value(info, at, form, address_size, version, strings)
                    if attribute in WANTED:
                        if form in REFERENCE_FORMS:
                            value = unit_start + int(value)
                        attributes[attribute] = (form, value)
                entry = _Entry(tag, attributes)
                if tag == DW_TAG_compile_unit:
                    base = int(attributes.get(DW_AT_low_pc, (0, 0))[1])
                    if DW_AT_stmt_list in attributes:
                        files = unit_files(lines, int(attributes[DW_AT_stmt_list][1]))
                elif tag == DW_TAG_subprogram:
                    named[offset] = entry
                else:
                    calls.append((entry, outer + 1, files, base))
                    outer += 1
            else:
                for _attribute, form, _implicit in specs:
                    at = _skip(info, at, form, address_size, version)
            if children:
                level += 1
                depth_at.append(outer)
        at = end

    def name(offset: int) -> str:
        # Follow abstract origins and specifications to the declaration.
        for _ in range(8):
            entry = named.get(offset)
            if entry is None:
                return "?"
            if DW_AT_name in entry.attributes:
                return str(entry.attributes[DW_AT_name][1])
            link = entry.attributes.get(DW_AT_abstract_origin) or \
                entry.attributes.get(DW_AT_specification)
            if link is None:
                return "?"
            offset = int(link[1])
        return "?"

    result: list[Inline] = []
    for entry, depth, files, base in calls:
        origin = entry.attributes.get(DW_AT_abstract_origin)
        function = name(int(origin[1])) if origin else "?"
        file_index = int(entry.attributes.get(DW_AT_call_file, (0, 0))[1])
        file = files[file_index] if 0 < file_index < len(files) else "?"
        line = int(entry.attributes.get(DW_AT_call_line, (0, 0))[1])
        for start, stop in _ranges(entry, ranges, base):
            result.append(Inline(start, stop, function, file, line, depth))
    result.sort(key=lambda inline: (inline.start, inline.depth))
    return result


def _skip(data: bytes, at: int, form: int, address_size: int, version: int) -> int:
    """Where the attribute value after ``at`` ends."""
    size = FIXED_SIZES.get(form)
    if size is not None:
        return at + size
    if form == DW_FORM_addr:
        return at + address_size
    if form == DW_FORM_string:
        return data.index(b"\0", at) + 1
    return _value(data, at, form, address_size, version, b"")[1]


def chain(inlines: Sequence[Inline], address: int) -> list[Inline]:
    """The inlined calls that ``address`` lies in, outermost first: at each
    depth the first by start whose range holds it (a reference for tests)."""
    found: list[Inline] = []
    while True:
        depth = len(found)
        match = next((i for i in inlines if i.depth == depth and i.start <= address < i.end),
                     None)
        if match is None:
            return found
        found.append(match)
