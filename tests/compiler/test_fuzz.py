"""Bad input never crashes the compiler.

Programs from the corpus are mutated at random (lines deleted, duplicated
or swapped; names, operators and literals replaced) and type-checked.  Each
mutant must either pass or get a proper diagnostic: a `file:line:col:`
error with exit status 1.  An internal compiler error or a traceback is a
bug.  The seed is fixed so that a failure can be reproduced.
"""

from __future__ import annotations

import contextlib
import io
import random
import re
from pathlib import Path

import pytest

from pythos.cli import main

from .conftest import PROGRAMS

SOURCES = sorted(p for p in PROGRAMS.glob("*.py") if not p.name.startswith("lib_"))
REPLACEMENTS = ["u8", "u64", "i32", "x", "0", "-1", "300", "True", '"s"', "b'x'", "None",
                "+", "//", "<<", "==", " and ", "(", ")", "[0]", ".addr", "print", "len",
                "Array", "Ptr[u8]", "main", "self", "1.5", "f'{x}'", "range(3)", ":", ","]


def mutate(text: str, rng: random.Random) -> str:
    lines = text.splitlines()
    # Mostly token replacements: moving whole lines mostly makes syntax
    # errors, which stop at the parser.
    kind = rng.choice([0, 1, 2] + [3] * 7)
    i = rng.randrange(len(lines))
    if kind == 0:
        del lines[i]
    elif kind == 1:
        lines.insert(i, lines[rng.randrange(len(lines))])
    elif kind == 2:
        j = rng.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
    else:
        tokens = list(re.finditer(r"[A-Za-z_][A-Za-z_0-9]*|\d+|[-+*/%<>=!&|^~]+", lines[i]))
        if tokens:
            t = rng.choice(tokens)
            lines[i] = lines[i][:t.start()] + rng.choice(REPLACEMENTS) + lines[i][t.end():]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("seed", range(8))
def test_mutants_get_diagnostics_not_crashes(seed: int, tmp_path: Path) -> None:
    rng = random.Random(seed)
    for n in range(40):
        source = rng.choice(SOURCES)
        text = source.read_text()
        for _ in range(rng.randrange(1, 4)):
            text = mutate(text, rng)
        mutant = tmp_path / f"m{n}_{source.name}"
        mutant.write_text(text)
        err = io.StringIO()
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            status = main(["check", str(mutant)])
        report = err.getvalue()
        assert status in (0, 1), f"{mutant.name} (seed {seed}):\n{report}\n{text}"
        # (Matched as a diagnostic: a mutant's source line may say "internal".)
        assert "error: internal" not in report and "Traceback" not in report, \
            f"{mutant.name} (seed {seed}):\n{report}\n{text}"
        if status == 1:
            assert re.search(r":\d+:\d+: error: ", report), report
