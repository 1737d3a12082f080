"""The Pythos-against-gcc programs (bench/programs/ and their C twins in
bench/c/): every program the runner lists has both halves, its size
constant can be shrunk for the CPython cross-check, and the array loops of
issue 11 agree at that small size under CPython, compiled, and as C."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bench import run
from bench.run import BENCHES, Bench


def test_every_program_is_listed_and_has_a_c_twin() -> None:
    listed = {b.name for b in BENCHES}
    assert listed == {p.stem for p in run.PROGRAMS.glob("*.py")}
    assert listed == {p.stem for p in run.CSRC.glob("*.c")}


@pytest.mark.parametrize("bench", BENCHES, ids=lambda b: b.name)
def test_the_size_constant_shrinks_in_both_languages(bench: Bench, tmp_path: Path) -> None:
    out = tmp_path / f"{bench.name}.py"
    run.shrink(run.PROGRAMS / f"{bench.name}.py", bench.size_const, bench.small, out)
    assert re.search(rf"^{bench.size_const}: Final = {bench.small}\b", out.read_text(), re.M)
    c = (run.CSRC / f"{bench.name}.c").read_text()
    assert f"#ifndef {bench.size_const}\n" in c, "gcc -D must be able to set it"


ARRAY_LOOPS = [b for b in BENCHES if b.target == run.ARRAY_TARGET]


def test_the_array_loops_of_issue_11_are_there() -> None:
    assert {"sieve", "quicksort"} <= {b.name for b in ARRAY_LOOPS}
    assert len(ARRAY_LOOPS) >= 4


@pytest.mark.parametrize("bench", ARRAY_LOOPS, ids=lambda b: b.name)
def test_cpython_compiled_and_c_agree_at_the_small_size(bench: Bench, tmp_path: Path) -> None:
    assert run.small_check(bench, tmp_path) == "same"
