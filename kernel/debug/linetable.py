"""The kernel's line table: the Python file and line of a code address,
with the calls that inlining removed.

``link_kernel`` makes the table from the DWARF of the first link and puts
it after the symbol table, between ``__line_table`` and
``__line_table_end`` (``pythos/kernel_tools/linetable.py`` writes it and
draws its layout).  A row gives, from its address on, a line and a
*scope*: the function that code was written in, as it was reached.  A
scope names its file and, for code inlined at -O2, the inlined function
and the scope it was inlined into, with the line of that call.  Following
the callers out from a row's scope ends at the real function, the one
that has the machine frame::

    level 0          the real function     at the call into level 1
    level 1          an inlined function   at the call into level 2
    ...
    level depth - 1  the innermost one     at the row's line

The table is checked once, when it is opened: its parts must lie inside
the range, every scope's strings inside the names, and every scope's
caller at a lower index, so that a walk outwards always ends.  A table
that fails is treated as empty; a row with no scope has no line.
"""

from typing import Final

from pythos.lang import Ptr, i64, sizeof, struct, u8, u16, u32, u64

HEADER_SIZE: Final = u64(32)
NO_SCOPE: Final = u16(0xFFFF)
NO_STRING: Final = u16(0xFFFF)
# Levels followed out from a row at most: deeper chains show their
# innermost MAX_DEPTH calls.
MAX_DEPTH: Final = u64(32)


@struct
class LineRow:
    """One row (8 bytes, as pythos/kernel_tools/linetable.py writes it)."""

    offset: u32
    scope: u16
    line: u16


@struct
class Scope:
    """A function as reached at some code (8 bytes)."""

    file: u16
    function: u16     # the inlined function's name; NO_STRING: the real function
    caller: u16       # a lower index, or NO_SCOPE
    call_line: u16    # the line of the call in the caller's file


@struct
class StringRef:
    """Where a string lies in the table's names."""

    offset: u32
    length: u32


@struct
class Text:
    """A string of the table: ``length`` bytes at ``data`` (0: none)."""

    data: Ptr[u8]
    length: u64


@struct
class Position:
    """A Python file and line (``known`` False: none)."""

    known: bool
    file: Ptr[u8]
    file_length: u64
    line: u64


@struct
class LineTable:
    """Python positions by code address.  Empty: ``count`` 0."""

    base: u64
    rows: Ptr[LineRow]
    count: u64
    scopes: Ptr[Scope]
    scope_count: u64
    strings: Ptr[StringRef]
    string_count: u64
    names: Ptr[u8]
    names_length: u64

    def find(self, address: u64) -> i64:
        """The index of the row that holds ``address``, or -1 (no line there)."""
        if self.count == 0 or address < self.base:
            return i64(-1)
        offset = address - self.base
        low = u64(0)
        high = self.count
        # Rows below ``low`` start at or before ``offset``; from ``high`` on, after it.
        while low < high:
            middle = low + (high - low) // 2
            if u64(self.rows[middle].offset) <= offset:
                low = middle + 1
            else:
                high = middle
        if low == 0:
            return i64(-1)
        if u64(self.rows[low - 1].scope) >= self.scope_count:
            return i64(-1)
        return i64(low - 1)

    def depth(self, row: i64) -> u64:
        """How many levels row ``row`` (from ``find``) has: 1 without inlining."""
        levels = u64(1)
        scope = self.rows[row].scope
        while self.scopes[scope].caller != NO_SCOPE and levels < MAX_DEPTH:
            scope = self.scopes[scope].caller
            levels += 1
        return levels

    def scope_at(self, row: i64, level: u64) -> u16:
        """The scope of ``level`` (0 the outermost) of a row of ``depth`` levels."""
        scope = self.rows[row].scope
        depth = self.depth(row)
        steps = depth - 1 - level if level < depth else u64(0)
        for _ in range(steps):
            scope = self.scopes[scope].caller
        return scope

    def position(self, row: i64, level: u64) -> Position:
        """Where ``level`` of row ``row`` is: the call into the next level,
        or for the innermost the row's own line."""
        depth = self.depth(row)
        scope = self.scope_at(row, level)
        line = u64(self.rows[row].line)
        if level + 1 < depth:
            line = u64(self.scopes[self.scope_at(row, level + 1)].call_line)
        file = self.string(self.scopes[scope].file)
        return Position(True, file.data, file.length, line)

    def function(self, row: i64, level: u64) -> Text:
        """The inlined function of ``level`` of row ``row``; none for level 0."""
        return self.string(self.scopes[self.scope_at(row, level)].function)

    def string(self, index: u16) -> Text:
        """String ``index`` (checked when the table was opened); none for NO_STRING."""
        if index == NO_STRING:
            return Text()
        string = self.strings[index]
        return Text(self.names + u64(string.offset), u64(string.length))

    def has_string(self, index: u16) -> bool:
        """Whether string ``index`` lies inside the table."""
        if u64(index) >= self.string_count:
            return False
        string = self.strings[index]
        return u64(string.offset) + u64(string.length) <= self.names_length

    def scopes_are_sound(self) -> bool:
        """Whether every scope's strings exist and its caller comes before it."""
        for i in range(self.scope_count):
            scope = self.scopes[i]
            if not self.has_string(scope.file):
                return False
            if scope.function != NO_STRING and not self.has_string(scope.function):
                return False
            if scope.caller != NO_SCOPE and u64(scope.caller) >= i:
                return False
        return True


def open_line_table(start: u64, end: u64) -> LineTable:
    """The line table in ``[start, end)``, checked; empty if it is missing or malformed.

    Safety: the range must be readable memory (the linker's
    ``__line_table`` range is).
    """
    table = LineTable()
    if end < start or end - start < HEADER_SIZE or (start & 7) != 0:
        return table
    size = end - start
    words = Ptr[u32](start + 8)
    count = u64(words[0])
    scope_count = u64(words[1])
    string_count = u64(words[2])
    scopes_offset = u64(words[3])
    strings_offset = u64(words[4])
    names_offset = u64(words[5])
    if scopes_offset != HEADER_SIZE + count * sizeof(LineRow):
        return table
    if strings_offset != scopes_offset + scope_count * sizeof(Scope):
        return table
    if names_offset != strings_offset + string_count * sizeof(StringRef) or names_offset > size:
        return table
    table.base = Ptr[u64](start)[0]
    table.rows = Ptr[LineRow](start + HEADER_SIZE)
    table.scopes = Ptr[Scope](start + scopes_offset)
    table.scope_count = scope_count
    table.strings = Ptr[StringRef](start + strings_offset)
    table.string_count = string_count
    table.names = Ptr[u8](start + names_offset)
    table.names_length = size - names_offset
    if table.scopes_are_sound():
        table.count = count
    return table
