"""The object corpus (issue 11): every program in tests/objects/programs
prints the same bytes under CPython and compiled by pythos, at -O0 and at
-O2, and succeeds or fails in both worlds alike.

The programs use classes, lists, dicts, sets, tuples, run-time strings,
function values and module-level objects, which the compiler is still
learning to lower.  A program that does not compile yet is named in
expected_failures.txt and its comparison is an expected failure with
`strict=True`: the day it compiles and matches CPython, the suite fails
until its line is removed, so the list can only shrink.  See README.md.

An `err_*` program ends with a failed operation (a missing key, an index
out of range, `int("x")`): under CPython it exits with status 1 and the
exception's last line (`KeyError: 'b'`) on standard error; compiled it must
write a line ending with that text on standard error (a source position
may come first), exit with status 1, and write the same standard output
before it.

Each program is compiled once per level and run once per world; a program
whose -O0 compilation fails is not compiled again at -O2 (the object gate
and the checker come before the optimiser, so the answer is the same).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from _pytest.mark import ParameterSet

from tests import compileserver

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
PROGRAMS = HERE / "programs"
CASES = sorted(PROGRAMS.glob("*.py"))
NAMES = [p.stem for p in CASES]
TOPICS = ("class", "inherit", "optional", "list", "dict", "set", "tuple", "str", "bytes",
          "comp", "func", "init", "mem", "err", "iter", "gen", "object")
# The gate's diagnostic while a construct is checked but not lowered.
NOT_LOWERED = "are not compiled yet (issue 11)"
EXCEPTION_LINE = re.compile(r"^[A-Za-z]+Error: .*$")


def parse_expected_failures(text: str) -> dict[str, str]:
    """`name  # first diagnostic line` per line; blank lines and lines
    starting with `#` are comments."""
    entries: dict[str, str] = {}
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        name, _, comment = line.partition("#")
        name = name.strip()
        assert name not in entries, f"expected_failures.txt:{n}: {name} is listed twice"
        entries[name] = comment.strip()
    return entries


EXPECTED_FAILURES = parse_expected_failures(
    (HERE / "expected_failures.txt").read_text(encoding="utf-8"))


def env(hash_seed: str = "0") -> dict[str, str]:
    e = dict(os.environ)
    e["PYTHONPATH"] = str(ROOT) + os.pathsep + e.get("PYTHONPATH", "")
    e["PYTHONHASHSEED"] = hash_seed
    return e


@dataclass
class Run:
    returncode: int
    stdout: bytes
    stderr: bytes


@dataclass
class Build:
    exe: Path | None
    diagnostic: str      # the first `error:` line (without the path), if it failed
    stderr: str


_cpython: dict[tuple[str, str], Run] = {}
_builds: dict[tuple[str, int], Build] = {}


def run_cpython(path: Path, hash_seed: str = "0") -> Run:
    key = (path.stem, hash_seed)
    if key not in _cpython:
        r = subprocess.run([sys.executable, path.name], cwd=path.parent, env=env(hash_seed),
                           capture_output=True, timeout=120)
        _cpython[key] = Run(r.returncode, r.stdout, r.stderr)
    return _cpython[key]


def first_error(stderr: str) -> str:
    for line in stderr.splitlines():
        at = line.find(": error: ")
        if at >= 0:
            return line[at + 2:]
    return stderr.strip().splitlines()[-1] if stderr.strip() else "(no diagnostic)"


def build(path: Path, opt: int, out_dir: Path) -> Build:
    key = (path.stem, opt)
    if key in _builds:
        return _builds[key]
    if opt != 0:
        # Object gates and checker errors come before optimisation: a
        # program that fails at -O0 fails the same way at every level.
        base = build(path, 0, out_dir)
        if base.exe is None:
            _builds[key] = base
            return base
    exe = out_dir / f"{path.stem}-O{opt}"
    r = compileserver.pythos(["compile", f"-O{opt}", str(path), "-o", str(exe)], ROOT, env(),
                             text=True)
    if r.returncode == 0 and exe.exists():
        result = Build(exe, "", r.stderr)
    else:
        result = Build(None, first_error(r.stderr), r.stderr)
    _builds[key] = result
    return result


@pytest.fixture(scope="module")
def out_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("objects")


def expected_exception(path: Path, run: Run) -> str:
    """The last line of CPython's traceback for an err_ program."""
    lines = run.stderr.decode("utf-8", "replace").strip().splitlines()
    assert lines and EXCEPTION_LINE.match(lines[-1]), \
        f"{path.name}: CPython should stop with an exception line, got:\n" + "\n".join(lines)
    return lines[-1]


def params(opts: tuple[int, ...]) -> list[ParameterSet]:
    cases: list[ParameterSet] = []
    for path in CASES:
        for opt in opts:
            marks = []
            if path.stem in EXPECTED_FAILURES:
                marks.append(pytest.mark.xfail(
                    strict=True, reason=f"not compiled yet: {EXPECTED_FAILURES[path.stem]}"))
            cases.append(pytest.param(path, opt, marks=marks, id=f"{path.stem}-O{opt}"))
    return cases


@pytest.mark.parametrize(("path", "opt"), params((0, 2)))
def test_compiled_output_equals_cpython(path: Path, opt: int, out_dir: Path) -> None:
    expected = run_cpython(path)
    built = build(path, opt, out_dir)
    assert built.exe is not None, f"compiling {path.name} at -O{opt} failed:\n{built.stderr}"
    r = subprocess.run([str(built.exe)], cwd=path.parent, capture_output=True, timeout=120)
    assert r.stdout.decode("utf-8", "replace") == expected.stdout.decode("utf-8", "replace")
    assert r.stdout == expected.stdout
    if path.stem.startswith("err_"):
        line = expected_exception(path, expected)
        assert r.returncode == 1, (r.returncode, r.stderr.decode("utf-8", "replace"))
        # The report may put the source position before it, but the line
        # must end with CPython's exception name and message.
        err = r.stderr.decode("utf-8", "replace")
        assert any(text.rstrip().endswith(line) for text in err.splitlines()), \
            f"expected a line ending {line!r} on standard error, got:\n{err}"
    else:
        assert r.returncode == 0, r.stderr.decode("utf-8", "replace")


@pytest.mark.parametrize("path", CASES, ids=NAMES)
def test_program_runs_under_cpython(path: Path) -> None:
    """The reference itself: an ordinary program succeeds, an err_ program
    stops with an exception and status 1, and the output does not depend
    on the hash seed (sets of str are printed sorted, never as they lie)."""
    first = run_cpython(path, "0")
    if path.stem.startswith("err_"):
        assert first.returncode == 1, first.stderr.decode()
        expected_exception(path, first)
        assert first.stdout, f"{path.name}: print something before the failure"
    else:
        assert first.returncode == 0, first.stderr.decode()
        assert first.stdout, f"{path.name} prints nothing"
    assert run_cpython(path, "12345").stdout == first.stdout


def check_params() -> list[ParameterSet]:
    cases: list[ParameterSet] = []
    for path in CASES:
        marks = []
        comment = EXPECTED_FAILURES.get(path.stem)
        if comment is not None and NOT_LOWERED not in comment:
            marks.append(pytest.mark.xfail(strict=True, reason=f"checker: {comment}"))
        cases.append(pytest.param(path, marks=marks, id=path.stem))
    return cases


@pytest.mark.parametrize("path", check_params())
def test_checker_accepts_program(path: Path, out_dir: Path) -> None:
    """Every program type-checks: it compiles, or stops only at the gate
    for constructs not lowered yet.  (The few listed with another
    diagnostic are the checker's known gaps, see README.md.)"""
    built = build(path, 0, out_dir)
    if built.exe is None:
        assert NOT_LOWERED in built.diagnostic, built.stderr


def test_programs_pass_mypy_strict() -> None:
    r = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-error-summary",
                        "--cache-dir", os.devnull, str(PROGRAMS.relative_to(ROOT))],
                       cwd=ROOT, env=env(), capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stdout + r.stderr


def test_expected_failures_name_programs() -> None:
    names = list(EXPECTED_FAILURES)
    assert not [n for n in names if n not in NAMES], "listed but no such program"
    assert names == sorted(names), "keep expected_failures.txt sorted"
    for name, comment in EXPECTED_FAILURES.items():
        assert comment.startswith("error: "), f"{name}: give the diagnostic's first line"


def test_corpus_is_large_and_covers_every_topic() -> None:
    assert len(CASES) >= 200
    for name in NAMES:
        assert name.split("_", 1)[0] in TOPICS, f"{name}: unknown topic"
    for topic in TOPICS:
        assert len([n for n in NAMES if n.startswith(topic + "_")]) >= 5, topic
