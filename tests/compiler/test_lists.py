"""Lists and tuples in the IR (issue 11): their TypeInfos, the checked
runtime calls and CPython's report of a failed operation, and the
clean stop at what is not lowered yet."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import env


def run(tmp_path: Path, source: str, *args: str) -> subprocess.CompletedProcess[str]:
    program = tmp_path / "prog.py"
    program.write_text(source)
    return subprocess.run([sys.executable, "-m", "pythos", *args, str(program)],
                          cwd=tmp_path, env=env(), capture_output=True, text=True, timeout=300)


INDEX = ("def pick(xs: list[int], i: int) -> int:\n    return xs[i]\n\n\n"
         "def main() -> None:\n    xs = [1, 2, 3]\n    print(pick(xs, 1))\n"
         "    print(pick(xs, 7))\n")


def test_indexing_is_a_checked_call(tmp_path: Path) -> None:
    ir = run(tmp_path, INDEX, "compile", "-O0", "--dump", "ir").stdout
    pick = ir[ir.index("def __main__.pick"):ir.index("def __main__.main")]
    # An index out of range (either way) still raises through the runtime.
    assert "call pythos.rt.obj.list.list_get(xs, i)" in pick
    assert "call pythos.rt.obj.report.obj_failed()" in pick
    assert "[unlikely]" in pick
    assert "call pythos.rt.obj.exc.tb_add(" in pick
    # The parameter is borrowed: indexing takes no reference of its own.
    assert "inc_ref xs" not in pick and "dec_ref xs" not in pick


def test_int_items_are_read_inline(tmp_path: Path) -> None:
    """An integer item is a load from the buffer, tagged for LLVM's alias
    analysis, after one compare with the length; the runtime is called
    only on the path that raises, which never comes back."""
    ir = run(tmp_path, INDEX, "compile", "-O0", "--dump", "ir").stdout
    pick = ir[ir.index("def __main__.pick"):ir.index("def __main__.main")]
    assert pick.count(":: i64  [list header]") == 1  # the length
    assert pick.count(":: u64  [list header]") == 1  # the items pointer
    assert pick.count(":: i64  [list item]") == 1
    blocks = pick.split("\nL")
    fail = [b for b in blocks if "list_get" in b]
    assert len(fail) == 1 and "item.fail" in fail[0]
    after_ok = [b for b in blocks if "# error.ok" in b]
    assert after_ok and all(b.strip().endswith("unreachable") for b in after_ok)


def test_object_items_are_read_inline_with_their_own_reference(tmp_path: Path) -> None:
    """An object item (or None) is read as an integer item is, then counted
    (`xinc_ref`, None skipped) before the list's `keep_alive`, so a list
    released at the read cannot free the item; `[T(n)][0]` is such a list."""
    source = ("class T:\n    def __init__(self, n: int) -> None:\n        self.n = n\n\n\n"
              "def pick(xs: list[T | None]) -> T | None:\n    return xs[0]\n\n\n"
              "def lone(n: int) -> T:\n    return [T(n)][0]\n\n\n"
              "def main() -> None:\n    print(lone(2).n)\n")
    ir = run(tmp_path, source, "compile", "-O0", "--dump", "ir").stdout
    pick = ir[ir.index("def __main__.pick"):ir.index("def __main__.lone")]
    assert "list_get" in pick.split("# item.fail")[1].split("\nL")[0]  # only to raise
    lines = [line.strip() for line in pick.splitlines()]
    item = next(i for i, line in enumerate(lines) if line.endswith(":: u64  [list item]"))
    cast = lines[item + 1]
    assert cast == f"{cast.split()[0]} = object {lines[item].split()[0]} :: T | None"
    assert lines[item + 2] == f"xinc_ref {cast.split()[0]}"
    lone = ir[ir.index("def __main__.lone"):ir.index("def __main__.main")]
    order = [line.strip() for line in lone.splitlines()]
    inc = next(i for i, line in enumerate(order) if line.startswith("inc_ref"))
    keep = next(i for i, line in enumerate(order) if line.startswith("keep_alive"))
    drop = next(i for i, line in enumerate(order) if line.startswith("dec_ref")
                and i > keep)
    assert inc < keep < drop


def test_int_item_stores_are_inline(tmp_path: Path) -> None:
    source = ("def put(xs: list[int], i: int) -> None:\n    xs[i] = 5\n\n\n"
              "def main() -> None:\n    xs = [1, 2, 3]\n    put(xs, 1)\n    print(xs)\n")
    ir = run(tmp_path, source, "compile", "-O0", "--dump", "ir").stdout
    put = ir[ir.index("def __main__.put"):ir.index("def __main__.main")]
    assert "[list item]" in put and "store " in put
    assert "list_set" in put  # only on the path that raises


def test_object_item_stores_are_inline(tmp_path: Path) -> None:
    source = ("def put(xs: list[str], i: int, s: str) -> None:\n    xs[i] = s\n\n\n"
              "def main() -> None:\n    xs = ['a', 'b']\n    put(xs, 1, 'c' + xs[0])\n"
              "    print(xs)\n")
    ir = run(tmp_path, source, "compile", "-O0", "--dump", "ir").stdout
    put = ir[ir.index("def __main__.put"):ir.index("def __main__.main")]
    assert "[list item]" in put and "store " in put and "inc_ref s" in put
    assert put.count("list_set") == 1  # only on the path that raises
    result = run(tmp_path, source, "exec", "-O2", "--leak-check")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "['a', 'ca']\n"


def test_a_failed_index_reports_as_cpython(tmp_path: Path) -> None:
    result = run(tmp_path, INDEX, "exec", "-O2", "--leak-check")
    assert result.returncode == 1
    assert result.stdout == "2\n"
    lines = result.stderr.splitlines()
    # CPython's traceback: main's call, then the failing line in pick.
    assert lines[-5:] == ['  File "prog.py", line 8, in main', "    print(pick(xs, 7))",
                          '  File "prog.py", line 2, in pick', "    return xs[i]",
                          "IndexError: list index out of range"]


def test_container_typeinfos_name_the_item_kinds(tmp_path: Path) -> None:
    source = ("from pythos.lang import u8\n\n\ndef main() -> None:\n"
              "    b = [u8(1)]\n    t = (1, 'a')\n    print(b, t)\n")
    llvm = run(tmp_path, source, "compile", "-O0", "--emit", "llvm", "-o",
               str(tmp_path / "out.ll"))
    assert llvm.returncode == 0, llvm.stderr
    text = (tmp_path / "out.ll").read_text()
    assert '"list[u8].__typeinfo__"' in text
    # A tuple's slots: an i64 (kind 8) and an object (kind 10).
    assert "[2 x i32] [i32 8, i32 10]" in text


@pytest.mark.parametrize("source, message", [
    ("from pythos.lang import Array, u8\n\n\ndef main() -> None:\n    buf = Array[u8, 4]()\n\n"
     "    def first() -> int:\n        return int(buf[0])\n    print(first())\n",
     "prog.py:4:1: error: closures over struct or array variables ('buf') are not compiled yet"),
])
def test_what_is_not_lowered_stops_cleanly(tmp_path: Path, source: str, message: str) -> None:
    result = run(tmp_path, source, "exec")
    assert result.returncode == 1
    assert message in result.stderr, result.stderr
    assert "internal" not in result.stderr and "Traceback" not in result.stderr
