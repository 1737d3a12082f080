"""Values that may be None in the IR (pythos/ir/build/optional.py): an
integer is boxed where it goes into an `int | None` place and unboxed
where the checker narrowed one to `int`; every box is released exactly
once on every path (the count pass's `balance` check)."""

from __future__ import annotations

from pathlib import Path

from .test_refcount import balance, ir_of, text

PROGRAM = '''
def parse(s: str) -> int | None:
    if s.isdigit():
        return int(s)
    return None


def bump(x: int | None) -> int:
    if x is None:
        return 0
    return x + 1


def main() -> None:
    n = parse("7")
    print(bump(n), bump(41), n is None)
'''


def calls(lines: list[str], name: str) -> int:
    return sum(f".{name}(" in line for line in lines)


def test_an_int_into_an_optional_place_is_boxed(tmp_path: Path) -> None:
    fns = ir_of(tmp_path, PROGRAM)
    # `return int(s)`: the int is boxed on its way out.
    assert calls(text(fns["parse"]), "opt_box") == 1
    # `bump(41)`: the argument is boxed for the `int | None` parameter.
    assert calls(text(fns["main"]), "opt_box") == 1


def test_a_narrowed_optional_is_unboxed(tmp_path: Path) -> None:
    fns = ir_of(tmp_path, PROGRAM)
    lines = text(fns["bump"])
    assert calls(lines, "opt_unbox") == 1
    assert calls(lines, "opt_box") == 0


def test_boxes_balance_on_every_path(tmp_path: Path) -> None:
    for fn in ir_of(tmp_path, PROGRAM).values():
        balance(fn)
