"""The heap-heavy benchmark programs (bench/heap, `make bench`) are ready
for the lowering: each gets past the checker, and so compiles or stops
only at the gate of a construct not lowered yet.

bench/ runs them against CPython and mypyc and fills in Pythos's column
the day one compiles; it treats "not compiled" as no result, not as an
error.  This test notices the other case, a benchmark the *checker*
rejects, which no amount of lowering would make compile.  Those known
today are expected failures (strict), each with the checker's message.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from _pytest.mark import ParameterSet

from .test_corpus import NOT_LOWERED, ROOT, env, first_error

HEAP = ROOT / "bench" / "heap"
PROGRAMS = sorted(HEAP.glob("*.py"))
# Constructs of the issue the checker rejects today: none (all six compile).
CHECKER_GAPS: dict[str, str] = {}


def params() -> list[ParameterSet]:
    return [pytest.param(p, id=p.stem, marks=[pytest.mark.xfail(
        strict=True, reason=CHECKER_GAPS[p.stem])] if p.stem in CHECKER_GAPS else [])
        for p in PROGRAMS]


@pytest.mark.parametrize("path", params())
def test_heap_benchmark_gets_past_the_checker(path: Path, tmp_path: Path) -> None:
    r = subprocess.run([sys.executable, "-m", "pythos", "compile", "-O0", str(path), "-o",
                        str(tmp_path / path.stem)], cwd=ROOT, env=env(), capture_output=True,
                       text=True, errors="replace", timeout=300)
    if r.returncode != 0:
        assert NOT_LOWERED in first_error(r.stderr), r.stderr


def test_gaps_name_benchmarks() -> None:
    assert len(PROGRAMS) >= 5
    assert set(CHECKER_GAPS) <= {p.stem for p in PROGRAMS}
