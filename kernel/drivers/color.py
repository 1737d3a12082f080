"""The 16 colours of VGA text mode, as a namespace of constants.

Import it as ``Color`` (``from kernel.drivers.vga import Color``) and write
``Color.LIGHT_BLUE``.  Each text cell has an attribute byte::

    bit  7    6 5 4      3 2 1 0
         blink/bright    background   foreground
                         (0-7)        (0-15)

``vga.init`` turns blinking off, so bit 7 makes the background bright and
all 16 colours work for both.  The numbers are the CGA palette order
(bit 0 blue, bit 1 green, bit 2 red, bit 3 bright).
"""

from typing import Final

from pythos.lang import u8

BLACK: Final = u8(0)
BLUE: Final = u8(1)
GREEN: Final = u8(2)
CYAN: Final = u8(3)
RED: Final = u8(4)
MAGENTA: Final = u8(5)
BROWN: Final = u8(6)
LIGHT_GRAY: Final = u8(7)
DARK_GRAY: Final = u8(8)
LIGHT_BLUE: Final = u8(9)
LIGHT_GREEN: Final = u8(10)
LIGHT_CYAN: Final = u8(11)
LIGHT_RED: Final = u8(12)
PINK: Final = u8(13)
YELLOW: Final = u8(14)
WHITE: Final = u8(15)


def attribute(fg: u8, bg: u8) -> u8:
    """The attribute byte for ``fg`` on ``bg`` (each 0-15)."""
    return ((bg & 0x0F) << 4) | (fg & 0x0F)
