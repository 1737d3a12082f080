"""A str literal carries its hash from the compiler (pythos/lower/
instructions.py, `str_hash`), the same the runtime computes for a str
built at run time (`hash_bytes`, pythos/rt/obj/utf8.py): the runtime
never writes into a literal, so without it a literal key would be hashed
again at every dict lookup.  tests/programs/obj_perf_literal_keys.py
mixes literal and built keys in dicts and sets."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from pythos.lang import Array, Ptr, addr_of, u8, u64
from pythos.lower.instructions import str_hash
from pythos.rt.obj.utf8 import hash_bytes

from .conftest import ROOT, env


def runtime_hash(data: bytes) -> int:
    buffer = Array[u8, 512]()
    for i, byte in enumerate(data):
        buffer[i] = u8(byte)
    return int(hash_bytes(Ptr[u8](addr_of(buffer).addr), u64(len(data))))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=100))
def test_the_compilers_hash_is_the_runtimes(text: str) -> None:
    data = text.encode()
    assert str_hash(data) == runtime_hash(data)


def test_never_the_not_computed_mark() -> None:
    assert all(str_hash(bytes([b])) not in (0, (1 << 64) - 1) for b in range(256))


def llvm_of(tmp_path: Path, body: str) -> Path:
    """The LLVM IR, at -O0, of a program whose main has this body."""
    source = tmp_path / "lit.py"
    source.write_text(f'def main() -> None:\n{body}\n\nif __name__ == "__main__":\n    main()\n')
    out = tmp_path / "lit.ll"
    result = subprocess.run([sys.executable, "-m", "pythos", "compile", str(source), "-O0",
                             "--emit", "llvm", "-o", str(out)], cwd=ROOT, env=env(),
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return out


def signed_hash(data: bytes) -> int:
    """The literal's hash as LLVM prints an i64."""
    h = str_hash(data)
    return h - (1 << 64) if h >= 1 << 63 else h


def test_a_literal_is_emitted_with_its_hash(tmp_path: Path) -> None:
    out = llvm_of(tmp_path, '    table = {"serial": 3}\n    print(table["serial"])\n')
    literal = [line for line in out.read_text().splitlines() if 'c"serial\\00"' in line]
    assert literal and f"i64 {signed_hash(b'serial')}," in literal[0], literal


def test_a_one_character_literal_is_the_runtimes_static_str(tmp_path: Path) -> None:
    """A one-character ASCII literal is no literal of its own but its
    entry (48 bytes each) in the runtime's table of static strs, which
    the compiler gives as data: `"+"` in the program and `text[i]` are
    one object (docs/objects.md, "Constant one-character strs ...")."""
    text = llvm_of(tmp_path, '    ops = {"+": 1, "é": 2, "ab": 3}\n'
                   '    print(ops["1+2"[1]], ops["é"], ops["ab"])\n').read_text()
    literals = [line for line in text.splitlines() if line.startswith("@.str.")]
    assert not [line for line in literals if 'c"+\\00' in line]  # no literal of its own
    assert [line for line in literals if 'c"ab\\00"' in line]  # longer and non-ASCII ones are
    assert [line for line in literals if 'c"\\C3\\A9\\00"' in line]
    table = [line for line in text.splitlines()
             if line.startswith("@pythos.rt.obj.str.ascii_chars =")]
    assert table and f"i64 {signed_hash(b'+')}, [8 x i8] c\"+\\00" in table[0], table  # static data
    assert f"@pythos.rt.obj.str.ascii_chars to i64), i64 {ord('+') * 48})" in text
