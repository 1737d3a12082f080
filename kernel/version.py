"""The kernel's name and version, as the boot banner shows them.

Kept equal to the ``pythos`` package version (pyproject.toml); a host test
checks that the two agree.
"""

from typing import Final

NAME: Final = "Pythos"
VERSION: Final = "0.1.0"
