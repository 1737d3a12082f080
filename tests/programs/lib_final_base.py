"""Constants that lib_final_reexport imports and hands on: untyped ints
(each first used in a different place by mod_final_reexported), a str
and a u8."""
from typing import Final

from pythos.lang import u8

WIDTH: Final = 80
DEPTH: Final = 3
ROWS: Final = 25
COLS: Final = 40
STEP: Final = 7
SPAN: Final = 9
TITLE: Final = "pythos"
MASK: Final = u8(0x0F)
