"""Long output lines folded at spaces to fit the screen.

The VGA console is 80 columns, and a line longer than that continues at
the start of the next row, wherever the cut falls, mid-word included
(``lspci``'s device names, ``mem``'s summary).  ``wrap`` folds a line
the way a person would: at the last space that fits, with the rest
indented, so that the continuation rows read as part of the line above::

    00:03.0 Ethernet controller: Intel Corporation 82540EM Gigabit Ethernet
            Controller [8086:100e] (rev 03)

A word too long for a row on its own is cut where the row ends.  The
serial console gets the same rows: a terminal is 80 columns wide unless
someone made it wider, and a folded line is still easy to read there.
"""

from typing import Final

from kernel.shell.output import Output

SCREEN_COLUMNS: Final = 80


def wrap(text: str, width: int = SCREEN_COLUMNS, indent: int = 4) -> list[str]:
    """``text`` as rows of at most ``width`` characters, folded at
    spaces, the rows after the first indented by ``indent`` spaces."""
    rows: list[str] = []
    rest = text
    prefix = ""
    while len(prefix) + len(rest) > width:
        room = width - len(prefix)
        cut = rest.rfind(" ", 0, room + 1)
        if cut <= 0:
            rows.append(prefix + rest[:room])
            rest = rest[room:]
        else:
            rows.append(prefix + rest[:cut].rstrip(" "))
            rest = rest[cut:].lstrip(" ")
        prefix = " " * indent
    rows.append(prefix + rest)
    return rows


def wrapped_line(out: Output, text: str, indent: int = 4) -> None:
    """Write ``text`` to ``out`` folded to the screen's width."""
    for row in wrap(text, SCREEN_COLUMNS, indent):
        out.line(row)
