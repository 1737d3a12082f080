"""Rewrite expected_failures.txt from what the compiler does today.

    PYTHONPATH=$PWD python -m tests.objects.update_expected

compiles every program in tests/objects/programs at -O0 and lists those
that do not compile, each with its first diagnostic (without the path), so
that the list matches the compiler.  Review the difference with `git diff`
before committing it: a program that leaves the list must match CPython
(tests/objects/test_corpus.py checks), and one that joins it is a
regression unless its diagnostic is a construct not lowered yet.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from .test_corpus import CASES, HERE, NOT_LOWERED, ROOT, env, first_error

HEADER = """\
# Programs of tests/objects/programs that do not compile yet, one per line,
# with the first line of the compiler's diagnostic (-O0) as a comment.
# Their comparison with CPython is an expected failure (strict): a program
# that starts working fails the suite until its line is removed here.
# Diagnostics other than "... are not compiled yet" are the checker's
# (see README.md).  Regenerate with
#     PYTHONPATH=$PWD python -m tests.objects.update_expected
"""


def main() -> int:
    lines = [HEADER]
    with tempfile.TemporaryDirectory() as tmp:
        for path in CASES:
            r = subprocess.run([sys.executable, "-m", "pythos", "compile", "-O0", str(path),
                                "-o", str(Path(tmp) / path.stem)], cwd=ROOT, env=env(),
                               capture_output=True, text=True, errors="replace", timeout=300)
            if r.returncode != 0:
                diagnostic = first_error(r.stderr)
                # "lists are not compiled yet (issue 11): the program
                # type-checks, but ..." says all it needs to by the colon.
                if NOT_LOWERED in diagnostic:
                    diagnostic = diagnostic[:diagnostic.index(NOT_LOWERED) + len(NOT_LOWERED)]
                lines.append(f"{path.stem}  # {diagnostic}\n")
    (HERE / "expected_failures.txt").write_text("".join(lines), encoding="utf-8")
    print(f"{len(lines) - 1} of {len(CASES)} programs do not compile yet")
    return 0


if __name__ == "__main__":
    sys.exit(main())
