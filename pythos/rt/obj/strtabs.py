"""str.expandtabs: tabs to spaces, by column.

CPython counts columns in code points from the start of each line (a
`\\n` or `\\r` sets the column back to 0) and replaces each tab with the
spaces up to the next multiple of `tabsize`; a `tabsize` of 0 or less
drops the tabs.  The text is UTF-8, so the column advances once per
character, not per byte, and the bytes of each character are copied as
they are.
"""

from pythos.lang import addr_of, i64, u8, u64
from pythos.rt.obj.object import StrBuilder, sb_append, sb_append_byte, sb_finish, sb_reserve
from pythos.rt.obj.str import str_data, str_nbytes
from pythos.rt.obj.utf8 import utf8_width


def str_expandtabs(s: u64, tabsize: i64) -> u64:
    """s.expandtabs(tabsize): a new str."""
    p = str_data(s)
    n = str_nbytes(s)
    sb = StrBuilder()
    sb_reserve(addr_of(sb), n)
    column = i64(0)
    i = u64(0)
    while i < n:
        c = p[i]
        if c == 9:  # '\t'
            if tabsize > 0:
                spaces = tabsize - column % tabsize
                column += spaces
                while spaces > 0:
                    sb_append_byte(addr_of(sb), u8(32))
                    spaces -= 1
            i += 1
            continue
        width = utf8_width(c)
        sb_append(addr_of(sb), p.addr + i, width, u64(1))
        column = 0 if c == 10 or c == 13 else column + 1
        i += width
    return sb_finish(addr_of(sb))
