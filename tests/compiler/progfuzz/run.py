"""The oracle: run a program under CPython and compiled, and compare.

A *group* of generated programs is run as one module: each program's
top-level names carry a prefix (`c3_f7`), and `main` prints a marker and
calls each program's entry in turn.  One CPython start and one compilation
per optimisation level then serve the whole group, which is what makes a
few hundred programs a minute possible.

Each side ends in one of a few *exit classes*: `ok`, `panic` (CPython: an
exception of the kinds the language documents, exit 1; compiled: exit 101),
or something that is never right (`timeout`, a signal, any other exit).  A
group passes when CPython's run is valid and, at every optimisation level,
the compiler accepts the module and the executable prints the same bytes
and ends in the same class.  Otherwise the verdict says what went wrong:

- `mismatch`: different output or exit class (a compiled crash or hang too);
- `crash`: the compiler failed with an internal error or a traceback;
- `reject`: the compiler reported an error in a valid program;
- `invalid`: CPython itself rejected the program (a generator bug).

When a group fails, `check_group` finds the programs responsible: the
prefix named in a diagnostic or traceback, or the first program whose
section of the output differs, is tried alone; failing that, the group is
split in two.  A program that panics (rightly) stops the group, so the
programs after it run again in a group of their own.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from .gen import generate
from .model import HEADER, Program

ROOT = Path(__file__).resolve().parents[3]
# The tree whose compiler and pythos.lang are tested: this one, or another
# checkout named by PROGFUZZ_COMPILER (to try a branch's compiler).
COMPILER = Path(os.environ.get("PROGFUZZ_COMPILER", ROOT)).resolve()
PANIC_EXCEPTIONS = ("PanicError", "AssertionError", "IndexError", "ZeroDivisionError",
                    "ValueError")
MARK = "### case "


def env() -> dict[str, str]:
    e = dict(os.environ)
    e["PYTHONPATH"] = str(COMPILER) + os.pathsep + e.get("PYTHONPATH", "")
    e["PYTHONHASHSEED"] = "0"
    e["PYTHONIOENCODING"] = "utf-8"
    return e


@dataclass
class Side:
    """How one run ended: exit class, standard output, a note for humans."""
    exit: str
    stdout: bytes
    note: str = ""


@dataclass
class Verdict:
    kind: str                      # pass, mismatch, crash, reject, invalid
    note: str = ""
    opt: int | None = None
    suspect: int | None = None     # index of the program that seems responsible
    panicked: int | None = None    # index of the program whose panic ended a passing run

    @property
    def passed(self) -> bool:
        return self.kind == "pass"


@dataclass
class Stats:
    runs: int = 0                  # group runs (CPython + every compilation)
    compile_seconds: float = 0.0
    run_seconds: float = 0.0
    log: list[str] = field(default_factory=list)


def module_source(programs: list[Program]) -> str:
    """One module holding every program; a single program stands alone."""
    if len(programs) == 1 and programs[0].prefix == "":
        return programs[0].source()
    body = [HEADER, ""]
    calls = []
    for i, p in enumerate(programs):
        body += ["", p.defs]
        calls += [f'    print("{MARK}{i}")', f"    {p.entry}()"]
    body += ["", "def main() -> None:", *calls, "", "",
             'if __name__ == "__main__":', "    main()", ""]
    return "\n".join(body)


def tail(data: bytes, n: int = 1500) -> str:
    text = data.decode("utf-8", "replace")
    return text if len(text) <= n else "..." + text[-n:]


def run_cpython(path: Path, timeout: float) -> Side:
    try:
        r = subprocess.run([sys.executable, path.name], cwd=path.parent, env=env(),
                           capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired as e:
        return Side("timeout", e.stdout or b"", f"CPython ran over {timeout} s")
    if r.returncode == 0:
        return Side("ok", r.stdout)
    last = r.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
    if r.returncode == 1 and last[0].split(":")[0].split(".")[-1] in PANIC_EXCEPTIONS:
        return Side("panic", r.stdout, last[0])
    return Side("invalid", r.stdout, tail(r.stderr))


def compile_program(path: Path, exe: Path, opt: int) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "pythos", "compile", str(path), "-o", str(exe),
                           f"-O{opt}"], cwd=COMPILER, env=env(), capture_output=True, timeout=600)


def run_exe(exe: Path, timeout: float) -> Side:
    try:
        r = subprocess.run([str(exe)], cwd=exe.parent, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired as e:
        return Side("timeout", e.stdout or b"", f"ran over {timeout} s")
    if r.returncode == 0:
        return Side("ok", r.stdout)
    if r.returncode == 101:
        return Side("panic", r.stdout, tail(r.stderr, 300))
    return Side(f"exit {r.returncode}", r.stdout, tail(r.stderr, 300))


def sections(out: bytes) -> list[bytes]:
    """Standard output cut at the markers: section i belongs to program i."""
    return re.split(rb"### case \d+\n", out)[1:]


def suspect_in(text: str, count: int, source: str) -> int | None:
    """The program a diagnostic or traceback points at: by prefix or line."""
    m = re.search(r"\bc(\d+)_", text)
    if m and int(m.group(1)) < count:
        return int(m.group(1))
    m = re.search(r":(\d+):\d+: error:|line (\d+)", text)
    if m:
        line = int(m.group(1) or m.group(2))
        before = "\n".join(source.splitlines()[:line])
        found = re.findall(r"\bc(\d+)_", before)
        if found and int(found[-1]) < count:
            return int(found[-1])
    return None


def first_difference(a: bytes, b: bytes, count: int) -> int | None:
    sa, sb = sections(a), sections(b)
    for i in range(min(len(sa), len(sb), count)):
        if sa[i] != sb[i]:
            return i
    n = min(len(sa), len(sb))
    return n - 1 if 0 < n <= count else None


def run_group(programs: list[Program], opts: tuple[int, ...], stats: Stats,
              timeout: float = 30.0) -> Verdict:
    return run_source(module_source(programs), len(programs), opts, stats, timeout)


def run_source(source: str, count: int, opts: tuple[int, ...], stats: Stats,
               timeout: float = 30.0) -> Verdict:
    """Run a module of `count` programs both ways and compare."""
    with tempfile.TemporaryDirectory(prefix="progfuzz-") as tmp:
        path = Path(tmp) / "prog.py"
        path.write_text(source, encoding="utf-8")
        start = time.perf_counter()
        ref = run_cpython(path, timeout * 2)
        stats.run_seconds += time.perf_counter() - start
        stats.runs += 1
        if ref.exit not in ("ok", "panic"):
            return Verdict("invalid", f"CPython: {ref.exit}: {ref.note}", None,
                           suspect_in(ref.note, count, source))
        for opt in opts:
            exe = Path(tmp) / f"prog{opt}"
            start = time.perf_counter()
            try:
                built = compile_program(path, exe, opt)
            except subprocess.TimeoutExpired:
                return Verdict("crash", "the compiler ran over 600 s", opt)
            finally:
                stats.compile_seconds += time.perf_counter() - start
            err = built.stderr.decode("utf-8", "replace")
            if built.returncode != 0 or "Traceback" in err or "internal error" in err:
                kind = "reject" if built.returncode == 1 and re.search(
                    r":\d+:\d+: error: ", err) and "Traceback" not in err else "crash"
                # The message first: the source line under it can be very long.
                message = next((line for line in err.splitlines()
                                if "error:" in line or "Error" in line), "")
                return Verdict(kind, f"-O{opt}: exit {built.returncode}: {message[:400]}\n"
                               f"{tail(err.encode())}", opt, suspect_in(err, count, source))
            start = time.perf_counter()
            got = run_exe(exe, timeout)
            stats.run_seconds += time.perf_counter() - start
            if got.stdout != ref.stdout or got.exit != ref.exit:
                note = (f"-O{opt}: CPython {ref.exit} {ref.note}\ncompiled {got.exit} {got.note}\n"
                        + diff_note(ref.stdout, got.stdout))
                suspect = first_difference(ref.stdout, got.stdout, count) if count > 1 else 0
                return Verdict("mismatch", note, opt, suspect)
        panicked = None
        if ref.exit == "panic":
            panicked = len(sections(ref.stdout)) - 1 if count > 1 else 0
        return Verdict("pass", panicked=panicked)


def diff_note(want: bytes, got: bytes) -> str:
    a = want.decode("utf-8", "replace").splitlines()
    b = got.decode("utf-8", "replace").splitlines()
    for i in range(max(len(a), len(b))):
        x = a[i] if i < len(a) else "<no line>"
        y = b[i] if i < len(b) else "<no line>"
        if x != y:
            return f"first difference at output line {i + 1}:\n  CPython:  {x!r}\n  compiled: {y!r}"
    return "outputs are equal"


@dataclass
class Failure:
    seeds: list[int]
    verdict: Verdict


def check_seeds(seeds: list[int], opts: tuple[int, ...], stats: Stats,
                timeout: float = 30.0) -> list[Failure]:
    """Check the programs of `seeds` as one group; return the failing ones."""
    if not seeds:
        return []
    if len(seeds) == 1:
        programs = [generate(seeds[0])]
    else:
        programs = [generate(s, f"c{i}_") for i, s in enumerate(seeds)]
    v = run_group(programs, opts, stats, timeout)
    stats.log.append(f"group of {len(seeds)} from seed {seeds[0]}: {v.kind}")
    if v.passed:
        if v.panicked is not None and v.panicked + 1 < len(seeds):
            return check_seeds(seeds[v.panicked + 1:], opts, stats, timeout)
        return []
    if len(seeds) == 1:
        return [Failure(seeds, v)]
    k = v.suspect
    if k is not None and 0 <= k < len(seeds):
        alone = check_seeds([seeds[k]], opts, stats, timeout)
        if alone:
            # In a mismatch, the programs before the suspect printed the same.
            rest = seeds[k + 1:] if v.kind == "mismatch" else seeds[:k] + seeds[k + 1:]
            return alone + check_seeds(rest, opts, stats, timeout)
    mid = len(seeds) // 2
    found = check_seeds(seeds[:mid], opts, stats, timeout)
    found += check_seeds(seeds[mid:], opts, stats, timeout)
    return found or [Failure(seeds, v)]


def check_source(text: str, opts: tuple[int, ...], timeout: float = 30.0) -> Verdict:
    """The verdict on one standalone program (used by the reducer)."""
    return run_source(text, 1, opts, Stats(), timeout)
