"""The builtins that consume an iterable (pythos/ir/build/consumers.py),
at the IR: a generator expression argument becomes loops around the
consumer's step, with no object made for it, and the consumers use the
`for` statement's own loops.  Their results are checked against CPython
by tests/programs/obj_consume_*.py; these tests check how they are built.
"""

from __future__ import annotations

from pathlib import Path

from pythos.driver import compile_file
from pythos.ir.ops import FuncIR
from pythos.ir.pprint import format_function
from pythos.target import get_target


def main_ir(tmp_path: Path, body: str) -> list[str]:
    path = tmp_path / "prog.py"
    path.write_text("def main() -> None:\n" + body)
    result = compile_file(path, get_target("linux"), 0, stop_after="ir")
    assert result.ir is not None
    fns: dict[str, FuncIR] = {f.sym.name: f for f in result.ir.functions
                              if f.sym.module.name == "__main__"}
    return [line.strip() for line in format_function(fns["main"]).splitlines()]


def calls(lines: list[str], name: str) -> int:
    return sum(1 for line in lines if f".{name}(" in line)


def test_a_generator_argument_allocates_nothing(tmp_path: Path) -> None:
    lines = main_ir(tmp_path, "    xs = [1, 2, 3]\n"
                              "    print(sum(x * x for x in xs if x > 1))\n"
                              "    print(any(x > 2 for x in xs), min(x for x in xs))\n")
    # The one list is the display; the three consumers make none.
    assert calls(lines, "list_new") == 1
    assert calls(lines, "list_item") == 3  # one for loop per consumer


def test_nested_generators_are_nested_loops(tmp_path: Path) -> None:
    lines = main_ir(tmp_path, "    xs = [1, 2]\n"
                              "    print(sum(x * y for x in xs for y in xs))\n")
    heads = [line for line in lines if line.endswith("# for.head")]
    assert len(heads) == 2


def test_any_leaves_the_loop_at_the_first_true_item(tmp_path: Path) -> None:
    lines = main_ir(tmp_path, "    xs = [1, 2]\n    print(any(x > 1 for x in xs))\n")
    decided = [i for i, line in enumerate(lines) if line.endswith("# any.decided")]
    assert len(decided) == 1
    # The block that decides sets the result and jumps past the loop.
    block = lines[decided[0] + 1:decided[0] + 4]
    assert any(line.startswith("any = True") for line in block)
    assert any(line.startswith("goto") for line in block)


def test_list_of_a_dict_view_uses_the_dicts_loop(tmp_path: Path) -> None:
    lines = main_ir(tmp_path, "    d = {'a': 1}\n    print(list(d.items()), sorted(d.values()))\n")
    assert calls(lines, "dict_next") == 2
    assert calls(lines, "tuple_new") == 1  # one pair per item, for list(d.items())
    assert calls(lines, "list_sort") == 1
