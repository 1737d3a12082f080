"""Tuple displays of literals are static objects (docs/objects.md,
"Constant tuples; appends of words inline"): the IR names one constant
and makes no tuple; a display with any other item is still built; and
`append` to a list of words is the inlined `list_append_word`."""

from __future__ import annotations

from pathlib import Path

from .test_iterate import run


def ir_and_output(tmp_path: Path, source: str) -> tuple[str, str]:
    """The program's IR at -O0, and what it prints at -O2 (leak-checked)."""
    ir = run(tmp_path, source, "compile", "-O0", "--dump", "ir").stdout
    result = run(tmp_path, source, "exec", "-O2", "--leak-check")
    assert result.returncode == 0, result.stderr
    return ir, result.stdout


def test_a_display_of_literals_is_one_constant(tmp_path: Path) -> None:
    source = ("def pick(i: int) -> str:\n    return ('+', '-', '*')[i]\n\n"
              "def nested() -> tuple[tuple[int, str], tuple[str | None, bool]]:\n"
              "    return ((-1, 'a'), (None, True))\n\n"
              "def main() -> None:\n    print(pick(1), nested(), nested() is nested())\n")
    ir, out = ir_and_output(tmp_path, source)
    assert "tuple_new" not in ir and "tuple_init_item" not in ir
    assert "const('+', '-', '*')" in ir
    assert "return const(const(18446744073709551615, 'a'), const(0, 1))" in ir
    assert out == "- ((-1, 'a'), (None, True)) True\n"


def test_a_display_with_another_item_is_built(tmp_path: Path) -> None:
    source = ("def main() -> None:\n    x = 3\n    t = (x, 'a')\n"
              "    u = (b'b', 1)\n    print(t, u)\n")
    ir, out = ir_and_output(tmp_path, source)
    assert ir.count("tuple_new") == 2 and "const(" not in ir  # a name; bytes
    assert out == "(3, 'a') (b'b', 1)\n"


def test_append_of_a_word_is_inlined_where_it_can_be(tmp_path: Path) -> None:
    source = ("def main() -> None:\n    a: list[str] = []\n    b: list[int] = []\n"
              "    c: list[int | None] = []\n    d: list[bool] = []\n"
              "    a.append('x')\n    b.append(1)\n    c.append(None)\n    d.append(True)\n"
              "    print(a, b, c, d)\n")
    ir, out = ir_and_output(tmp_path, source)
    assert ir.count("list_append_word(") == 2
    assert ir.count("list_append(") == 2
    assert out == "['x'] [1] [None] [True]\n"
