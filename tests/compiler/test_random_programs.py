"""Random programs, run under CPython and compiled (tests/compiler/progfuzz).

A fixed set of seeds runs on every `make test`; `make fuzz` runs new ones.
A failing seed is reproduced with
`python -m tests.compiler.progfuzz --seed N` (which also reduces it), and
its program is printed by `python -m tests.compiler.progfuzz --show N`.
The tests below also check the fuzzer itself: that its programs are valid
Python and deterministic, and that a real divergence is caught, blamed on
the right program of a group, and reduced.
"""

from __future__ import annotations

import ast
import os
from pathlib import Path

import pytest

from .progfuzz.gen import generate
from .progfuzz.reduce import reduce
from .progfuzz.run import Stats, check_seeds, check_source, run_group

# The CI set: GROUPS groups of GROUP programs, so that a failure names a
# small range of seeds.  PYTHOS_FUZZ_SEEDS=N runs more.
GROUP = 25
SEEDS = int(os.environ.get("PYTHOS_FUZZ_SEEDS", "250"))
GROUPS = [list(range(start, min(start + GROUP, SEEDS))) for start in range(0, SEEDS, GROUP)]


@pytest.mark.parametrize("seeds", GROUPS, ids=lambda s: f"seeds{s[0]}-{s[-1]}")
def test_random_programs_agree(seeds: list[int]) -> None:
    failures = check_seeds(seeds, (0, 2), Stats())
    report = "\n\n".join(
        f"seeds {f.seeds}: {f.verdict.kind}\n{f.verdict.note}\n"
        f"reproduce and reduce: python -m tests.compiler.progfuzz --seed {f.seeds[0]}"
        for f in failures)
    assert not failures, report


FOUND = sorted((Path(__file__).parent / "progfuzz" / "found").glob("*.py"))


@pytest.mark.parametrize("path", FOUND, ids=lambda p: p.stem)
def test_found_programs_agree(path: Path) -> None:
    """The reduced programs of bugs the fuzzer found (each says which)."""
    v = check_source(path.read_text(encoding="utf-8"), (0, 2))
    assert v.passed, f"{path.name}: {v.kind}\n{v.note}"


def test_generator_is_deterministic_and_parses() -> None:
    for seed in range(30):
        a = generate(seed).source()
        assert a == generate(seed).source()
        ast.parse(a)
        # The prefix renames top-level names and nothing else.
        b = generate(seed, "c7_")
        ast.parse(b.source())
        assert b.entry == "c7_main"


# A program that leaves the documented subset: `x` is a plain int under
# CPython, so 200 * 200 * 200 * 200 * 200 * 200 * 200 * 200 * 200 is exact
# there and wraps compiled.  It stands in for a compiler bug.
DIVERGENT = '''\
from pythos.lang import u8


def noise(a: u8) -> u8:
    print("noise", a)
    return a + 1


def main() -> None:
    y = noise(u8(3))
    print(y, noise(y))
    x = 200
    for i in range(3):
        print(i, noise(u8(i)))
    z = x * x * x * x * x * x * x * x * x
    print("big", z)
    print("after")


if __name__ == "__main__":
    main()
'''


def test_many_programs_parse() -> None:
    """Every program is valid Python 3.11.  Seed 500382 once repeated an
    expression with a double-quoted string inside an f-string's field."""
    for seed in [500382, *range(1000, 1400)]:
        try:
            ast.parse(generate(seed).source())
        except SyntaxError as e:
            raise AssertionError(f"seed {seed}: {e}") from e


def test_a_program_that_does_not_parse_is_kept_whole() -> None:
    text = 'def main() -> None:\n    print(f"{"x"}")\n'
    assert reduce(text, lambda t: True) == text


def test_a_divergence_is_reported() -> None:
    v = check_source(DIVERGENT, (0,))
    assert v.kind == "mismatch", v
    assert "big" in v.note


def test_a_divergence_is_reduced() -> None:
    def fails(text: str) -> bool:
        return check_source(text, (0,)).kind == "mismatch"

    small = reduce(DIVERGENT, fails, max_tests=60)
    assert fails(small)
    assert "noise" not in small and "after" not in small
    assert "x * x" in small
    def statements(text: str) -> int:
        return sum(1 for line in text.splitlines() if line.strip())

    assert statements(small) < statements(DIVERGENT) // 2


def test_a_failing_program_is_found_in_its_group(monkeypatch: pytest.MonkeyPatch) -> None:
    """Break one program of a group on purpose: check_seeds must blame that
    program's seed alone and still check the others."""
    from .progfuzz import run

    real = run.generate
    broken_seed = 3

    def generate_with_bug(seed: int, prefix: str = "") -> object:
        program = real(seed, prefix)
        if seed == broken_seed:
            # A plain int leaving the 64-bit range: exact under CPython,
            # wrapped compiled, like a miscompiled operator would be.
            program.defs = program.defs.replace(
                f"def {prefix}main() -> None:\n",
                f"def {prefix}main() -> None:\n    big = 3 ** 39\n    print(big * big)\n", 1)
        return program

    monkeypatch.setattr(run, "generate", generate_with_bug)
    failures = check_seeds(list(range(6)), (0,), Stats())
    assert [f.seeds for f in failures] == [[broken_seed]], failures
    assert failures[0].verdict.kind == "mismatch"


def test_a_panic_on_both_sides_passes_and_the_rest_still_runs() -> None:
    panicking = [s for s in range(200) if generate(s).panics]
    assert panicking, "no seed below 200 ends in a panic"
    seed = panicking[0]
    stats = Stats()
    programs = [generate(s, f"c{i}_") for i, s in enumerate([seed, seed + 1])]
    v = run_group(programs, (0,), stats)
    assert v.passed and v.panicked == 0, v
    assert not check_seeds([seed, seed + 1], (0,), stats)
