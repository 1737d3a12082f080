"""Debug information survives function values: a registering decorator
(a factory whose nested function captures a parameter in a cell) and a
top-level function used as a value (its thunk).  Their prologue and thunk
calls once had no line, which LLVM rejects ("inlinable function call in a
function with debug info must have a !dbg location") by dropping the
whole program's debug information, so nothing could be debugged."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.compiler.conftest import ROOT, env

SOURCE = '''\
from collections.abc import Callable

TABLE: dict[str, Callable[[int], int]] = {}


def register(name: str) -> Callable[[Callable[[int], int]], Callable[[int], int]]:
    def add(f: Callable[[int], int]) -> Callable[[int], int]:
        TABLE[name] = f
        return f

    return add


@register("double")
def double(x: int) -> int:
    return 2 * x


def main() -> None:
    print(TABLE["double"](21))


if __name__ == "__main__":
    main()
'''


def test_decorators_and_function_values_keep_the_debug_information(tmp_path: Path) -> None:
    source = tmp_path / "decorated.py"
    source.write_text(SOURCE)
    binary = tmp_path / "decorated"
    result = subprocess.run([sys.executable, "-m", "pythos", "compile", str(source), "-o",
                             str(binary), "-O0", "-g"], cwd=ROOT, env=env(),
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "debug info" not in result.stderr, result.stderr
    assert subprocess.run([str(binary)], capture_output=True, text=True,
                          timeout=60).stdout == "42\n"
    lines = subprocess.run(["readelf", "--debug-dump=decodedline", str(binary)],
                           capture_output=True, text=True, check=True, timeout=60).stdout
    assert "decorated.py" in lines, "the program's line table is there"


KEYED = '''\
class Device:
    def __init__(self, slot: int) -> None:
        self.slot = slot


def slot_of(device: Device) -> int:
    return device.slot


def main() -> None:
    found = sorted([Device(3), Device(1), Device(2)], key=slot_of)
    print(" ".join([str(device.slot) for device in found]), max(["ab", "c"], key=len))


if __name__ == "__main__":
    main()
'''


def test_a_key_function_keeps_the_debug_information(tmp_path: Path) -> None:
    """sorted(..., key=f) calls f through an adapter the compiler makes
    (funcs.py, key_adapter), whose calls once had no line either (lspci's
    sort of the PCI functions dropped the kernel's debug information)."""
    source = tmp_path / "keyed.py"
    source.write_text(KEYED)
    binary = tmp_path / "keyed"
    result = subprocess.run([sys.executable, "-m", "pythos", "compile", str(source), "-o",
                             str(binary), "-O0", "-g"], cwd=ROOT, env=env(),
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "debug info" not in result.stderr, result.stderr
    assert subprocess.run([str(binary)], capture_output=True, text=True,
                          timeout=60).stdout == "1 2 3 ab\n"
