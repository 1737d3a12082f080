"""Constants for mod_final_across_modules.py."""
from typing import Final
from pythos.lang import u8
GRAY: Final = u8(7)
WIDTH: Final = 4
