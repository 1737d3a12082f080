"""Helper for obj_modinit_import_order: imports lib_modinit_base, so that
one runs first."""
import lib_modinit_base
from lib_modinit_base import level

lib_modinit_base.TRACE.append("mid")
print("init mid, base has", len(lib_modinit_base.TRACE))
WARN = level("warn")
NAMES: list[str] = []
for key in lib_modinit_base.LEVELS:
    NAMES.append(key)
