"""Heap-heavy Python programs under CPython, compiled by mypyc, and compiled
by Pythos (issue 11; bench/README.md, "Heap-heavy Python").

The programs in bench/heap/ are ordinary `mypy --strict` Python 3.11:
classes, lists, dicts, sets, tuples and strings, no `pythos.lang`.  Each
`main()` prints lines that end in a checksum; bench/heap/expected/NAME.txt
holds what CPython prints, and every implementation must print exactly that.

For each program:

1. CPython: the module is imported from a copy of its source and `main()`
   called, by the same small driver that runs the mypyc build, so both pay
   the same interpreter start-up.
2. mypyc: `python -m mypyc NAME.py` builds an extension module next to a
   copy of the source; the copy is then removed, and the driver checks that
   what it imported is the extension, not the source.
3. Pythos: `python -m pythos compile`.  A program the compiler rejects is
   not an error of the benchmark: its row shows the first line of the
   diagnostic, and fills in by itself once the compiler accepts the program.
   A compiler crash (no diagnostic) is an error.

Each implementation runs once to check its output, then `runs` times,
interleaved; the best CPU time is kept.
"""

from __future__ import annotations

import os
import re
import resource
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench.table import table

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
HEAP = BENCH / "heap"

# Issue 11's goals: faster than mypyc on every program, and at least this
# many times faster than CPython on the allocation-heavy ones.
ALLOC_SPEEDUP_GOAL = 20.0


@dataclass
class HeapProgram:
    name: str
    what: str
    alloc_heavy: bool  # most of its time goes to creating and dropping objects
    directory: Path = HEAP
    # Why mypyc cannot build it, if it cannot (then only CPython is compared).
    no_mypyc: str = ""

    @property
    def source(self) -> Path:
        return self.directory / f"{self.name}.py"

    @property
    def expected(self) -> Path:
        """What CPython prints: the output every implementation must match."""
        return self.directory / "expected" / f"{self.name}.txt"


HEAP_PROGRAMS = [
    HeapProgram("binary_trees", "complete binary trees of Node objects, built and dropped", True),
    HeapProgram("richards", "Richards' task scheduler: classes, virtual calls", False),
    HeapProgram("wordfreq", "word counts of generated text in a dict[str, int]", True),
    HeapProgram("calc", "tokenize, parse, evaluate and print expressions", True),
    HeapProgram("graph_search", "BFS over tuple-keyed dict/set, Dijkstra with a heap", True),
    HeapProgram("fannkuch", "pancake flips over all permutations: list slicing", False),
    HeapProgram("exceptions", "records validated with exceptions raised and caught in a loop",
                False),
    HeapProgram("gen_pipeline", "10 M items through four generator stages (issue 12)", False),
    HeapProgram("coroutines", "1,000 coroutines round-robin through 10 M awaits (issue 12)",
                False),
    HeapProgram("async_gen", "async for over 1 M items of an async generator (issue 12)",
                False, no_mypyc="mypyc: 'async generators are unimplemented'"),
]

# Imports the module named by argv[1] and calls its main(); argv[2] says
# which build ("cpython" or "mypyc") must have been imported.
DRIVER = """\
import importlib, importlib.machinery, sys
name, kind = sys.argv[1], sys.argv[2]
module = importlib.import_module(name)
native = str(module.__file__).endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES))
if native != (kind == "mypyc"):
    sys.exit(f"{name}: imported {module.__file__}, which is not the {kind} build")
module.main()
"""

DIAGNOSTIC = re.compile(r"^(?P<path>\S[^:]*):(?P<line>\d+):(?P<col>\d+): error: (?P<msg>.*)$")


class HeapBenchError(Exception):
    pass


@dataclass
class Timing:
    """One implementation of one program: its best time, or why it has none."""

    seconds: float = 0.0
    output: str | None = None  # of the checking run
    note: str = ""  # e.g. the diagnostic of a program Pythos rejects
    times: list[float] = field(default_factory=list)

    @property
    def ran(self) -> bool:
        return self.output is not None


@dataclass
class HeapResult:
    program: HeapProgram
    expected: str = ""
    cpython: Timing = field(default_factory=Timing)
    mypyc: Timing = field(default_factory=Timing)
    pythos: Timing = field(default_factory=Timing)
    mypyc_build_s: float = 0.0
    pythos_compile_s: float = 0.0
    errors: list[str] = field(default_factory=list)

    def speedup(self, t: Timing) -> float | None:
        """How many times faster than CPython."""
        if not (t.seconds and self.cpython.seconds):
            return None
        return self.cpython.seconds / t.seconds

    def goal_met(self) -> bool | None:
        """Issue 11's goal for this program; None while Pythos has no time."""
        if not (self.pythos.seconds and self.mypyc.seconds):
            return None
        if self.pythos.output is not None and self.pythos.output != self.expected:
            return False  # fast and wrong does not count
        if self.pythos.seconds >= self.mypyc.seconds:
            return False
        speedup = self.speedup(self.pythos)
        return not self.program.alloc_heavy or (speedup or 0) >= ALLOC_SPEEDUP_GOAL


def env() -> dict[str, str]:
    e = dict(os.environ)
    e["PYTHONPATH"] = str(ROOT) + (os.pathsep + e["PYTHONPATH"] if e.get("PYTHONPATH") else "")
    e["PYTHONHASHSEED"] = "0"  # the same dict and set layouts on every run
    # CPython's runs after the first load the cached bytecode, as an
    # installed program would, instead of compiling the source every time.
    e.pop("PYTHONDONTWRITEBYTECODE", None)
    return e


def first_diagnostic(stderr: str) -> str | None:
    """The first `file:line:col: error: message` line of the compiler's
    output, with the file's directory dropped; None if there is none (the
    compiler crashed instead of reporting)."""
    for line in stderr.splitlines():
        m = DIAGNOSTIC.match(line)
        if m:
            return f"{Path(m['path']).name}:{m['line']}:{m['col']}: error: {m['msg']}"
    return None


def timed(cmd: list[str], cwd: Path, wall: bool, timeout: float = 600) -> tuple[float, str]:
    """Run once; returns (CPU seconds of the child, or wall seconds, stdout).
    `cmd` is an executable, or the driver with its two arguments."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    p = subprocess.run(cmd, cwd=cwd, env=env(), capture_output=True, text=True,
                       timeout=timeout)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if p.returncode != 0:
        what = Path(cmd[0]).name if len(cmd) == 1 else f"{cmd[-2]} under {cmd[-1]}"
        raise HeapBenchError(f"{what} exited with {p.returncode}: "
                             f"{p.stderr.strip()[-1500:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return (elapsed if wall else cpu), p.stdout


def build_mypyc(src: Path, where: Path) -> float:
    """Compiles src with mypyc into `where`; returns the build's wall time.
    Only the extension module is left importable there."""
    where.mkdir(parents=True, exist_ok=True)
    copy = where / src.name
    shutil.copyfile(src, copy)
    start = time.perf_counter()
    p = subprocess.run([sys.executable, "-m", "mypyc", src.name], cwd=where, env=env(),
                       capture_output=True, text=True, timeout=600)
    seconds = time.perf_counter() - start
    copy.unlink()
    if p.returncode != 0:
        hint = ""
        if "Python.h" in p.stdout + p.stderr:
            hint = " (the Python headers are missing: install python3-dev, see tools/setup.sh)"
        raise HeapBenchError(f"mypyc {src.name} failed{hint}:\n"
                             f"{(p.stdout + p.stderr).strip()[-1500:]}")
    return seconds


def build_pythos(src: Path, exe: Path) -> tuple[float, str | None]:
    """Compiles src with Pythos.  Returns (wall seconds, None) when it
    compiled, or (seconds, diagnostic) when the compiler rejected it."""
    start = time.perf_counter()
    p = subprocess.run([sys.executable, "-m", "pythos", "compile", str(src), "-o", str(exe)],
                       cwd=ROOT, env=env(), capture_output=True, text=True, timeout=600)
    seconds = time.perf_counter() - start
    if p.returncode == 0:
        return seconds, None
    diagnostic = first_diagnostic(p.stderr)
    if diagnostic is None:
        raise HeapBenchError(f"pythos compile {src.name} failed without a diagnostic "
                             f"(exit {p.returncode}):\n{p.stderr.strip()[-1500:]}")
    return seconds, diagnostic


def check_output(r: HeapResult, label: str, t: Timing) -> None:
    if t.output is not None and t.output != r.expected:
        r.errors.append(f"{r.program.name}: {label} output differs from "
                        f"expected/{r.program.expected.name}: "
                        f"{first_diff(r.expected, t.output)}")


def first_diff(want: str, got: str) -> str:
    for i, (x, y) in enumerate(zip(want.splitlines(), got.splitlines(), strict=False)):
        if x != y:
            return f"line {i + 1}: expected {x!r}, got {y!r}"
    return f"expected {len(want.splitlines())} lines, got {len(got.splitlines())}"


def bench_heap_program(prog: HeapProgram, work: Path, runs: int, wall: bool = False,
                       mypyc: bool = True) -> HeapResult:
    """Builds and times one program under each implementation."""
    r = HeapResult(prog)
    d = work / prog.name
    try:
        r.expected = prog.expected.read_text()
        (d / "cpython").mkdir(parents=True, exist_ok=True)
        shutil.copyfile(prog.source, d / "cpython" / prog.source.name)
        runners: list[tuple[Timing, list[str], Path]] = [
            (r.cpython, [sys.executable, "-c", DRIVER, prog.name, "cpython"], d / "cpython")]
        # A build that fails is an error, but the other implementations are
        # still measured.
        if mypyc and prog.no_mypyc:
            r.mypyc.note = prog.no_mypyc
        elif mypyc:
            try:
                r.mypyc_build_s = build_mypyc(prog.source, d / "mypyc")
                runners.append((r.mypyc, [sys.executable, "-c", DRIVER, prog.name, "mypyc"],
                                d / "mypyc"))
            except (HeapBenchError, subprocess.TimeoutExpired) as e:
                r.errors.append(f"{prog.name}: {e}")
                r.mypyc.note = "build failed"
        exe = d / f"{prog.name}.pythos"
        try:
            r.pythos_compile_s, diagnostic = build_pythos(prog.source, exe)
            if diagnostic is None:
                runners.append((r.pythos, [str(exe)], d))
            else:
                r.pythos.note = f"does not compile: {diagnostic}"
        except (HeapBenchError, subprocess.TimeoutExpired) as e:
            r.errors.append(f"{prog.name}: {e}")
            r.pythos.note = "compiler crashed"
        for t, cmd, cwd in list(runners):  # the checking run, also a warm-up
            try:
                _, t.output = timed(cmd, cwd, wall)
            except (HeapBenchError, subprocess.TimeoutExpired) as e:
                # the others are still measured
                r.errors.append(f"{prog.name}: {e}")
                t.note = "failed"
                runners.remove((t, cmd, cwd))
        for label, t in (("CPython", r.cpython), ("mypyc", r.mypyc), ("pythos", r.pythos)):
            check_output(r, label, t)
        for _ in range(runs):
            for t, cmd, cwd in runners:
                t.times.append(timed(cmd, cwd, wall)[0])
        for t, _, _ in runners:
            t.seconds = min(t.times) if t.times else 0.0
    except (HeapBenchError, OSError, subprocess.TimeoutExpired) as e:
        r.errors.append(f"{prog.name}: {e}")
    return r


# ----- report --------------------------------------------------------------------------
def _seconds(t: Timing) -> str:
    return f"{t.seconds:.3f}" if t.seconds else "-"


def _times(x: float | None) -> str:
    return f"{x:.1f}x" if x is not None else "-"


def report_heap(results: list[HeapResult], runs: int, wall: bool) -> str:
    rows = []
    for r in results:
        p = r.pythos
        vs_mypyc = (f"{p.seconds / r.mypyc.seconds:.2f}" if p.seconds and r.mypyc.seconds
                    else "-")
        met = r.goal_met()
        goal = ("faster than mypyc" + (f", {ALLOC_SPEEDUP_GOAL:.0f}x CPython"
                                       if r.program.alloc_heavy else ""))
        if r.program.no_mypyc:
            goal = f"faster than CPython ({r.program.no_mypyc})"
            met = None if not (p.seconds and r.cpython.seconds) else \
                p.seconds < r.cpython.seconds and not r.errors
        outputs = "FAIL" if r.errors else "same"
        rows.append([r.program.name, _seconds(r.cpython), _seconds(r.mypyc),
                     _times(r.speedup(r.mypyc)), _seconds(p), _times(r.speedup(p)), vs_mypyc,
                     goal, "-" if met is None else ("met" if met else "not yet"), outputs,
                     p.note or ("compiled" if p.ran else "-")])
    kind = "wall" if wall else "CPU (user+sys)"
    builds = ""
    for label, secs in (("mypyc build (C and gcc)", [r.mypyc_build_s for r in results]),
                        ("pythos compile", [r.pythos_compile_s for r in results])):
        secs = [x for x in secs if x]
        if secs:
            builds += f"{'; ' if builds else ''}{label} {min(secs):.1f}-{max(secs):.1f} s"
    if builds:
        builds = f"\n\nWall time per program: {builds}."
    return (f"Heap-heavy Python (bench/heap/): best of {runs}, {kind} seconds; "
            "'x' = CPython s / that s;\n'pythos/mypyc' < 1 means Pythos is faster than mypyc. "
            "Outputs are checked against bench/heap/expected/.\n\n"
            + table(["program", "CPython s", "mypyc s", "mypyc x", "pythos s", "pythos x",
                     "pythos/mypyc", "goal", "goal met", "output", "pythos compile"],
                    rows, {1, 2, 3, 4, 5, 6})
            + builds)
