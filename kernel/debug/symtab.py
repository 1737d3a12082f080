"""The kernel's symbol table: which function holds a code address.

``link_kernel`` links the kernel twice and puts a table of its functions,
sorted by address, at the end of ``.rodata`` between ``__symbol_table`` and
``__symbol_table_end`` (``pythos/kernel_tools/symtab.py`` writes it and
draws its layout).  The backtrace (kernel/backtrace.py) names each frame's
function from it, and its flags say which functions are interrupt handlers,
whose frames hold an interrupt frame instead of a return address.

The table is checked once, when it is opened: a table whose header does
not fit the range it was given is treated as empty, and a name outside
the names is no name.  A panic handler must not fault on its own tables.
"""

from typing import Final

from pythos.lang import Ptr, i64, sizeof, struct, u8, u32, u64

# Table layout and flags: see pythos/kernel_tools/symtab.py.
HEADER_SIZE: Final = u64(16)
FLAG_INTERRUPT: Final = u32(1)
FLAG_ERROR_CODE: Final = u32(2)


@struct
class SymbolEntry:
    """One function in the symbol table (24 bytes, as pythos/kernel_tools/symtab.py writes it)."""

    address: u64
    size: u32
    flags: u32
    name_offset: u32
    name_length: u32


@struct
class SymbolTable:
    """The functions' addresses and names, sorted by address.  Empty: ``count`` 0."""

    entries: Ptr[SymbolEntry]
    count: u64
    names: Ptr[u8]
    names_length: u64

    def find(self, address: u64) -> i64:
        """The index of the function that contains ``address``, or -1."""
        low = u64(0)
        high = self.count
        # Entries below ``low`` start at or before ``address``; from ``high`` on, after it.
        while low < high:
            middle = low + (high - low) // 2
            if self.entries[middle].address <= address:
                low = middle + 1
            else:
                high = middle
        if low == 0:
            return i64(-1)
        entry = self.entries[low - 1]
        if address - entry.address >= u64(entry.size):
            return i64(-1)
        return i64(low - 1)

    def has_name(self, index: i64) -> bool:
        """Whether entry ``index`` exists and its name lies inside the names."""
        if index < 0 or u64(index) >= self.count:
            return False
        entry = self.entries[index]
        return u64(entry.name_offset) + u64(entry.name_length) <= self.names_length

    def flags(self, index: i64) -> u32:
        """FLAG_* of entry ``index``; 0 when there is none."""
        if index < 0 or u64(index) >= self.count:
            return u32(0)
        return self.entries[index].flags

    def name_is(self, index: i64, name: bytes) -> bool:
        """Whether entry ``index`` is the function called ``name``."""
        return self.name_starts_with(index, name) and \
            u64(self.entries[index].name_length) == u64(len(name))

    def name_starts_with(self, index: i64, prefix: bytes) -> bool:
        """Whether entry ``index`` has a name and it starts with ``prefix``."""
        if not self.has_name(index):
            return False
        entry = self.entries[index]
        if u64(entry.name_length) < u64(len(prefix)):
            return False
        name = self.names + u64(entry.name_offset)
        for i in range(len(prefix)):
            if name[i] != prefix[i]:
                return False
        return True


def open_table(start: u64, end: u64) -> SymbolTable:
    """The table in ``[start, end)``, checked; empty if it is missing or malformed.

    Safety: the range must be readable memory (the linker's
    ``__symbol_table`` range is).
    """
    table = SymbolTable()
    if end < start or end - start < HEADER_SIZE or (start & 7) != 0:
        return table
    size = end - start
    header = Ptr[u64](start)
    count = header[0]
    names_offset = header[1]
    entry_size = sizeof(SymbolEntry)
    if count > (size - HEADER_SIZE) // entry_size:
        return table
    if names_offset < HEADER_SIZE + count * entry_size or names_offset > size:
        return table
    table.entries = Ptr[SymbolEntry](start + HEADER_SIZE)
    table.count = count
    table.names = Ptr[u8](start + names_offset)
    table.names_length = size - names_offset
    return table
