"""Names imported from lib_final_base, used through this module by
mod_final_reexported (`r.WIDTH`), and in a constant initialiser here."""
from typing import Final

import lib_final_base as base
from lib_final_base import COLS, DEPTH, MASK, ROWS, SPAN, STEP, TITLE, WIDTH

HALF: Final = base.SPAN // 2
__all__ = ["COLS", "DEPTH", "HALF", "MASK", "ROWS", "SPAN", "STEP", "TITLE", "WIDTH"]
