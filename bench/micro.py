"""Micro-benchmarks of Linux programs: what one operation costs in
cycles (bench/README.md, "Allocation and release of a small object").

Performance counters are not available everywhere (not in this project's
virtual machines), and a Linux program has no clock of its own to read,
so the harness times whole processes: each program runs with the
operation and with the operation's line replaced by its `# pair` line's
baseline (the loop alone), best CPU time of `runs` each, interleaved.
The difference over the count is the operation's cost in nanoseconds,
and in cycles at the processor's clock as /proc/cpuinfo gives it (a
figure that turbo and power saving make approximate, unlike the kernel's
exact instruction counts).
"""

from __future__ import annotations

import re
import resource
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from bench.table import table

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent


@dataclass
class Micro:
    name: str
    what: str
    operation: str  # the text that is replaced to measure the loop alone
    baseline: str
    count_name: str = "PAIRS"
    directory: Path = BENCH / "micro"

    @property
    def source(self) -> Path:
        return self.directory / f"{self.name}.py"


MICROS = [Micro("alloc_pair", "make and drop a small instance (`Small(i).value`)",
                "Small(i).value", "i"),
          Micro("try_nothing", "a call in a `try` that raises nothing, against the bare call",
                "guarded(i, d)", "step(i, d)"),
          Micro("gen_resume", "resume a suspended generator (`next(it)`)", "next(it)", "1",
                "RESUMES"),
          Micro("int_checked", "two checked int operations (`acc * 31 + i`), against i64's",
                "acc * 31 + i", "int(i64(acc) * i64(31) + i64(i))"),
          Micro("coro_resume", "resume a suspended coroutine awaiting a future "
                "(`c.send(None)`)", "c.send(None)", "pass", "RESUMES"),
          Micro("call_value", "call a function the compiler cannot inline (`f(i)`)", "f(i)",
                "i & 7", "CALLS")]


def cpu_mhz() -> float | None:
    """The processor's clock, as the kernel reports it."""
    try:
        text = Path("/proc/cpuinfo").read_text()
    except OSError:
        return None
    found = re.findall(r"^cpu MHz\s*:\s*([\d.]+)", text, re.M)
    return float(found[0]) if found else None


def cpu_seconds(exe: Path) -> tuple[float, str]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    p = subprocess.run([str(exe)], capture_output=True, text=True, timeout=300)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if p.returncode != 0:
        raise RuntimeError(f"{exe.name} exited with {p.returncode}: {p.stderr[-500:]}")
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), p.stdout


def build(src: Path, exe: Path) -> None:
    p = subprocess.run([sys.executable, "-m", "pythos", "compile", str(src), "-o", str(exe)],
                       cwd=ROOT, capture_output=True, text=True, timeout=600)
    if p.returncode != 0:
        raise RuntimeError(f"pythos compile {src.name} failed:\n{p.stderr[-1500:]}")


def measure(m: Micro, work: Path, runs: int) -> list[str]:
    """One table row: the program's cost per operation."""
    work.mkdir(parents=True, exist_ok=True)
    text = m.source.read_text()
    line = next(line for line in text.splitlines() if line.rstrip().endswith("# pair"))
    if m.operation not in line:
        raise RuntimeError(f"{m.source.name}: the '# pair' line has no {m.operation!r}")
    loop = work / f"{m.name}_loop.py"
    loop.write_text(text.replace(line, line.replace(m.operation, m.baseline)))
    count = int(re.search(rf"^{m.count_name}: Final = (\d+)", text, re.M)[1])  # type: ignore
    exes = {"op": work / m.name, "loop": work / f"{m.name}_loop"}
    build(m.source, exes["op"])
    build(loop, exes["loop"])
    best = {k: float("inf") for k in exes}
    outputs = {}
    for _ in range(runs):
        for k, exe in exes.items():
            seconds, outputs[k] = cpu_seconds(exe)
            best[k] = min(best[k], seconds)
    if outputs["op"] != outputs["loop"]:
        raise RuntimeError(f"{m.name}: the loop alone computes something else")
    ns = max(best["op"] - best["loop"], 0.0) / count * 1e9
    mhz = cpu_mhz()
    cycles = f"{ns * mhz / 1000:.1f}" if mhz else "-"
    return [m.name, m.what, f"{count:,}", f"{best['op']:.3f}", f"{best['loop']:.3f}",
            f"{ns:.2f}", cycles]


def report(work: Path, runs: int, micros: list[Micro] | None = None
           ) -> tuple[str, list[str]]:
    """The table of `micros` (all of them by default), and any errors."""
    rows, errors = [], []
    for m in MICROS if micros is None else micros:
        try:
            rows.append(measure(m, work / "micro" / m.name, runs))
        except (RuntimeError, subprocess.TimeoutExpired) as e:
            errors.append(str(e))
    mhz = cpu_mhz()
    clock = f"{mhz:.0f} MHz" if mhz else "unknown"
    text = (f"Micro-benchmarks (bench/micro/), Linux programs: best CPU time of {runs}, "
            f"with and without the operation;\ncycles at the clock /proc/cpuinfo gives "
            f"({clock}).\n\n"
            + table(["program", "operation", "count", "with s", "loop alone s", "ns per op",
                     "cycles per op"], rows, {2, 3, 4, 5, 6}))
    return text, errors


if __name__ == "__main__":
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        out, errs = report(Path(tmp), 5)
    print(out)
    for e in errs:
        print(f"error: {e}", file=sys.stderr)
