"""`make bench`: Pythos-compiled programs against the same C built with gcc -O2,
heap-heavy Python against CPython and mypyc, and the compiler's own speed.

    python3 -m bench [--runs N] [--quick] [--no-cpython] [--no-heap] [--keep DIR]
                     [--only NAME]
    python3 bench/run.py ...          (the same)

What it does (see bench/README.md):

1. For each program in bench/programs/ (and its twin in bench/c/): compile it
   with `python3 -m pythos compile` (-O2) and with `gcc -O2`, run both once
   and check that their outputs are identical, then time each `--runs` times
   (interleaved) and keep the best.  The ratio pythos/gcc is the result; the
   target is <= 1.10 (<= 1.05 for the array loops of issue 11).
2. Correctness at a small size: the same programs with their size constant
   shrunk, run under CPython, compiled, and as C: three identical outputs.
3. Heap-heavy Python (bench/heap/, run by heapbench.py): each program under
   CPython, compiled by mypyc, and compiled by Pythos, with the ratios; a
   program Pythos does not compile yet shows the compiler's first diagnostic.
   Then the micro-benchmarks (bench/micro/, run by micro.py): the cost of one
   operation (making and dropping a small object) in a compiled Linux program.
4. Compiler speed: a generated ~1,000-line program (bench/gen.py), a minimal
   program (the fixed cost: reading the runtime's signatures and linking its
   precompiled code), the tests/programs corpus and the object corpus
   (tests/objects/programs, the programs that compile), at -O0 and -O2, as
   seconds per 1,000 lines; and the kernel build (`pythos build`) with the
   runtime cache warm and cold (the kernel still compiles the runtime with
   itself, so the two should agree; see pythos/rtcache.py).

Exit status 1 if any output differs or anything fails to build; 0 otherwise
(ratios over target are reported, not failed, unless --strict).
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
PROGRAMS = BENCH / "programs"
CSRC = BENCH / "c"
CORPUS = ROOT / "tests" / "programs"
OBJECT_CORPUS = ROOT / "tests" / "objects" / "programs"

if __package__ in (None, ""):  # run as `python3 bench/run.py`
    sys.path.insert(0, str(ROOT))
from bench import heapbench, micro  # noqa: E402
from bench.gen import generate  # noqa: E402
from bench.table import table  # noqa: E402

RATIO_TARGET = 1.10
ARRAY_TARGET = 1.05  # issue 11: array loops of integers, once provable checks are gone
STAGES = ("parse", "runtime", "check", "ir", "lower", "link", "optimize", "codegen")


@dataclass
class Bench:
    name: str
    what: str
    size_const: str  # the `# bench: size` constant
    small: int  # its value for the CPython cross-check
    target: float = RATIO_TARGET  # the pythos / gcc ratio to reach


BENCHES = [
    Bench("hash_mix", "xorshift64* -> FNV-1a + fmix64, histogram", "ITERS", 20_000),
    Bench("crc32", "table-driven CRC-32 over 64 MiB, 4 passes", "SIZE", 20_000),
    Bench("freelist", "first-fit sorted free list, coalescing", "OPS", 4_000),
    Bench("inet_csum", "RFC 1071 checksum of 1500-byte packets", "SIZE", 2_001),
    # array loops of integers (issue 11): the cost of bounds checks
    Bench("sieve", "sieve of Eratosthenes over Array[u8, 1 Mi]", "N", 2_048, ARRAY_TARGET),
    Bench("quicksort", "Hoare quicksort of Array[i64, 3 M]", "N", 5_000, ARRAY_TARGET),
    Bench("prefix_sum", "prefix sums and range queries, Array[u64]", "ROUNDS", 2, ARRAY_TARGET),
    Bench("matmul", "256 x 256 i64 matrix product, i-k-j order", "M", 12, ARRAY_TARGET),
    Bench("list_isort", "insertion sort + prefix sums of list[int] 24 k", "N", 300, ARRAY_TARGET),
]


@dataclass
class Result:
    bench: Bench
    compile_s: float = 0.0
    pythos_s: float = 0.0
    gcc_s: float = 0.0
    same_output: bool = False
    small_check: str = "-"
    errors: list[str] = field(default_factory=list)

    @property
    def ratio(self) -> float:
        return self.pythos_s / self.gcc_s if self.gcc_s else float("inf")


class BenchError(Exception):
    pass


def env() -> dict[str, str]:
    e = dict(os.environ)
    e["PYTHONPATH"] = str(ROOT) + (os.pathsep + e["PYTHONPATH"] if e.get("PYTHONPATH") else "")
    return e


def run(cmd: list[str], cwd: Path | None = None,
        timeout: float = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=cwd, env=env(), capture_output=True, text=True,
                          timeout=timeout)


def must(cmd: list[str], what: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    p = run(cmd, cwd)
    if p.returncode != 0:
        raise BenchError(f"{what} failed (exit {p.returncode}): {' '.join(map(str, cmd))}\n"
                         f"{p.stderr.strip()[-2000:]}")
    return p


def pythos_compile(src: Path, out: Path, opt: int = 2, emit: str | None = None,
                   cwd: Path | None = None) -> tuple[float, float, dict[str, float]]:
    """Compile with the CLI; returns (wall seconds, CPU seconds of the compiler
    process, per-stage seconds from --time)."""
    cmd = [sys.executable, "-m", "pythos", "compile", str(src), "-o", str(out), f"-O{opt}",
           "--time"]
    if emit:
        cmd += ["--emit", emit]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    p = must(cmd, f"pythos compile -O{opt} {src.name}", cwd)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    stages: dict[str, float] = {}
    for line in p.stderr.splitlines():
        m = re.match(r"\s*(\w+):\s*([\d.]+) ms", line)
        if m:
            stages[m.group(1)] = float(m.group(2)) / 1000
    return wall, cpu, stages


def gcc_compile(src: Path, out: Path, defines: dict[str, int] | None = None) -> None:
    cmd = ["gcc", "-O2", "-o", str(out), str(src)]
    cmd += [f"-D{k}={v}" for k, v in (defines or {}).items()]
    must(cmd, f"gcc {src.name}")


def timed_run(exe: Path, wall: bool) -> tuple[float, str]:
    """Run once; returns (seconds, stdout).  CPU time (user+sys of the child)
    unless `wall`: it is less disturbed by other load on the machine."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    p = subprocess.run([str(exe)], capture_output=True, text=True, timeout=600)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if p.returncode != 0:
        raise BenchError(f"{exe.name} exited with {p.returncode}: {p.stderr.strip()[-1000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return (elapsed if wall else cpu), p.stdout


def first_diff(a: str, b: str) -> str:
    for i, (x, y) in enumerate(zip(a.splitlines(), b.splitlines(), strict=False)):
        if x != y:
            return f"line {i + 1}: {x!r} != {y!r}"
    return f"lengths differ ({len(a)} vs {len(b)} chars)"


def shrink(src: Path, const: str, value: int, out: Path) -> None:
    text = src.read_text()
    new, n = re.subn(rf"^({const}: Final(?:\[\w+\])? = )[^#\n]*", rf"\g<1>{value}  ", text,
                     count=1, flags=re.M)
    if n != 1:
        raise BenchError(f"{src.name}: no '{const}: Final = ...' line to shrink")
    out.write_text(new)


def bench_program(b: Bench, work: Path, runs: int, wall: bool, cpython: bool,
                  keep: bool) -> Result:
    r = Result(b)
    src = PROGRAMS / f"{b.name}.py"
    csrc = CSRC / f"{b.name}.c"
    pexe, cexe = work / f"{b.name}.pythos", work / f"{b.name}.gcc"
    try:
        r.compile_s = pythos_compile(src, pexe)[0]
        gcc_compile(csrc, cexe)
        if keep:  # the intermediate forms, for looking at what the compiler emits
            pythos_compile(src, work / f"{b.name}.ll", emit="llvm")
            pythos_compile(src, work / f"{b.name}.s", emit="asm")
            must(["gcc", "-O2", "-S", "-o", str(work / f"{b.name}.gcc.s"), str(csrc)], "gcc -S")
        _, pout = timed_run(pexe, wall)  # also a warm-up
        _, cout = timed_run(cexe, wall)
        r.same_output = pout == cout
        if not r.same_output:
            r.errors.append(f"{b.name}: pythos and gcc outputs differ: {first_diff(pout, cout)}")
        pt, ct = [], []
        for _ in range(runs):
            pt.append(timed_run(pexe, wall)[0])
            ct.append(timed_run(cexe, wall)[0])
        r.pythos_s, r.gcc_s = min(pt), min(ct)
        if cpython:
            r.small_check = small_check(b, work)
            if r.small_check != "same":
                r.errors.append(f"{b.name} at {b.size_const}={b.small}: {r.small_check}")
    except (BenchError, subprocess.TimeoutExpired) as e:
        r.errors.append(f"{b.name}: {e}")
    return r


def small_check(b: Bench, work: Path) -> str:
    """CPython, compiled Pythos and C at a small size: all three must agree."""
    d = work / "small"
    d.mkdir(exist_ok=True)
    src = d / f"{b.name}.py"
    shrink(PROGRAMS / f"{b.name}.py", b.size_const, b.small, src)
    pythos_compile(src, d / b.name)
    gcc_compile(CSRC / f"{b.name}.c", d / f"{b.name}.gcc", {b.size_const: b.small})
    cpy = must([sys.executable, str(src)], f"CPython {src.name}").stdout
    _, pout = timed_run(d / b.name, True)
    _, cout = timed_run(d / f"{b.name}.gcc", True)
    if cpy != pout:
        return f"CPython and compiled differ: {first_diff(cpy, pout)}"
    if cpy != cout:
        return f"CPython and C differ: {first_diff(cpy, cout)}"
    return "same"


# ----- compiler speed ------------------------------------------------------------------
@dataclass
class Speed:
    label: str
    files: int
    lines: int
    wall: dict[int, float] = field(default_factory=dict)  # opt -> total CLI wall seconds
    cpu: dict[int, float] = field(default_factory=dict)  # opt -> total CLI CPU seconds
    stages: dict[int, dict[str, float]] = field(default_factory=dict)  # opt -> stage sums
    worst: dict[int, tuple[float, str]] = field(default_factory=dict)  # opt -> slowest wall
    fixed: bool = False  # the fixed-cost row: per-line figures mean nothing

    def compile_s(self, opt: int) -> float:
        """Seconds inside the compiler (parse..codegen, no start-up or link)."""
        return sum(self.stages[opt].values())


def source_lines(path: Path) -> int:
    """Lines of a program: the entry file and the sibling modules it imports."""
    seen: set[Path] = set()
    todo = [path]
    total = 0
    while todo:
        p = todo.pop()
        if p in seen or not p.exists():
            continue
        seen.add(p)
        text = p.read_text()
        total += len(text.splitlines())
        for m in re.finditer(r"^\s*(?:from\s+(\w+)\s+import|import\s+(\w+))", text, re.M):
            todo.append(p.parent / f"{m.group(1) or m.group(2)}.py")
    return total


def measure_speed(label: str, files: list[Path], work: Path, opts: tuple[int, ...],
                  errors: list[str], fixed: bool = False) -> Speed:
    """Compile each file at each level; a file that fails to compile is
    reported and left out of the totals."""
    timings: dict[Path, dict[int, tuple[float, float, dict[str, float]]]] = {}
    for opt in opts:
        for f in files:
            if opt != opts[0] and f not in timings:
                continue
            try:
                timings.setdefault(f, {})[opt] = pythos_compile(f, work / "speed.o", opt,
                                                                emit="obj", cwd=f.parent)
            except BenchError as e:
                timings.pop(f, None)
                errors.append(f"{label}: {e}")
    good = [f for f in files if f in timings]
    sp = Speed(label, len(good), sum(source_lines(f) for f in good), fixed=fixed)
    for opt in opts:
        sp.wall[opt], sp.cpu[opt] = 0.0, 0.0
        sp.stages[opt], sp.worst[opt] = {st: 0.0 for st in STAGES}, (0.0, "")
        for f in good:
            w, c, st = timings[f][opt]
            sp.wall[opt] += w
            sp.cpu[opt] += c
            for k, v in st.items():
                sp.stages[opt][k] = sp.stages[opt].get(k, 0.0) + v
            if w > sp.worst[opt][0]:
                sp.worst[opt] = (w, f.name)
    return sp


def compiler_speed(work: Path, quick: bool) -> tuple[list[Speed], list[str]]:
    errors: list[str] = []
    opts = (0, 2)
    gen = work / "generated_1k.py"
    gen.write_text(generate())
    hello = work / "hello.py"
    hello.write_text('def main() -> None:\n    print("hello")\n\n\n'
                     'if __name__ == "__main__":\n    main()\n')
    rows = []
    try:
        # the generated program must also be a correct one
        pythos_compile(gen, work / "generated_1k", 2)
        want = must([sys.executable, str(gen)], "CPython generated_1k.py").stdout
        got = must([str(work / "generated_1k")], "generated_1k").stdout
        if want != got:
            errors.append(f"generated_1k: CPython and compiled differ: {first_diff(want, got)}")
        rows.append(measure_speed("minimal program (fixed cost)", [hello], work, opts, errors,
                                  fixed=True))
        rows.append(measure_speed("generated program (bench/gen.py)", [gen], work, opts,
                                  errors))
        if not quick:
            corpus = sorted(p for p in CORPUS.glob("*.py")
                            if not p.name.startswith(("lib_", "_")))
            rows.append(measure_speed("tests/programs corpus", corpus, work, opts, errors))
            rows.append(measure_speed("tests/objects corpus (compiling)", object_corpus(),
                                      work, opts, errors))
    except (BenchError, subprocess.TimeoutExpired) as e:
        errors.append(f"compiler speed: {e}")
    return rows, errors


def object_corpus() -> list[Path]:
    """The object corpus's programs that compile today: those not listed
    in its expected_failures.txt."""
    listed = OBJECT_CORPUS.parent / "expected_failures.txt"
    failing = {line.split()[0] for line in listed.read_text().splitlines()
               if line.strip() and not line.startswith("#")}
    return sorted(p for p in OBJECT_CORPUS.glob("*.py") if p.stem not in failing)


def kernel_build_speed(work: Path) -> list[list[str]]:
    """`pythos build` in a fresh process, with the runtime cache as it is
    (warm after the first build) and with an empty one (cold)."""
    kernel_lines = sum(len(p.read_text().splitlines()) for p in (ROOT / "kernel").rglob("*.py"))
    rows = []
    cold = work / "rtcache-cold"
    for label, env in (("warm", {}), ("cold", {"PYTHOS_RTCACHE": str(cold)})):
        shutil.rmtree(cold, ignore_errors=True)
        if label == "warm":  # fill the cache first, as any earlier build would
            subprocess.run([sys.executable, "-m", "pythos", "build", "-o",
                            str(work / "kernel-warmup" / "kernel.elf")], cwd=ROOT,
                           capture_output=True, timeout=900)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        built = subprocess.run([sys.executable, "-m", "pythos", "build", "-o",
                                str(work / f"kernel-{label}" / "kernel.elf")], cwd=ROOT,
                               capture_output=True, text=True, timeout=900,
                               env={**os.environ, **env})
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if built.returncode != 0:
            raise BenchError(f"the kernel does not build: {built.stderr.strip()[-400:]}")
        cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
        rows.append([f"kernel, -O2 -g, runtime cache {label}", str(kernel_lines),
                     f"{wall:.2f}", f"{cpu:.2f}", f"{cpu / kernel_lines * 1000:.2f}"])
    return rows


# ----- report --------------------------------------------------------------------------
def report_programs(results: list[Result], runs: int, wall: bool) -> str:
    rows = []
    for r in results:
        ok = not r.errors and r.same_output
        status = ("ok" if r.ratio <= r.bench.target else "over") if ok else "FAIL"
        rows.append([r.bench.name, f"{r.pythos_s:.3f}" if r.pythos_s else "-",
                     f"{r.gcc_s:.3f}" if r.gcc_s else "-",
                     f"{r.ratio:.2f}" if r.pythos_s and r.gcc_s else "-",
                     f"<= {r.bench.target:.2f}", status, "same" if r.same_output else "DIFF",
                     r.small_check, f"{r.compile_s:.2f}"])
    kind = "wall" if wall else "CPU (user+sys)"
    return (f"Run time: best of {runs}, {kind} seconds; ratio = pythos / gcc\n\n"
            + table(["program", "pythos s", "gcc -O2 s", "ratio", "target", "ok/over",
                     "output", "small (CPython)", "compile -O2 s"], rows, {1, 2, 3, 8}))


def report_speed(rows: list[Speed], wall: bool) -> str:
    out = []
    for sp in rows:
        if not sp.files:
            continue
        cells = [sp.label, str(sp.files), str(sp.lines)]
        for opt in (0, 2):
            s = sp.compile_s(opt)
            cells += [f"{s:.2f}", "-" if sp.fixed else f"{s / sp.lines * 1000:.2f}"]
        for opt in (0, 2):
            cells.append(f"{sp.wall[opt] / sp.files:.2f} ({sp.cpu[opt] / sp.files:.2f})")
        cells.append(f"{sp.worst[2][0]:.2f} {sp.worst[2][1]}" if sp.files > 1 else "")
        out.append(cells)
    text = ("Compiler speed.  'compile s': time inside the compiler (parse..codegen, from\n"
            "--time, summed over the files); 's/kloc': the same per 1,000 source lines;\n"
            "'CLI s/prog': `python3 -m pythos compile` per program, start-up and link\n"
            "included, wall (CPU).\n\n"
            + table(["input", "files", "lines", "-O0 compile s", "-O0 s/kloc", "-O2 compile s",
                     "-O2 s/kloc", "-O0 CLI s/prog", "-O2 CLI s/prog", "slowest -O2 CLI"],
                    out, set(range(1, 9))))
    gen = [sp for sp in rows if sp.label.startswith("generated") and sp.files]
    if gen:
        sp = gen[0]
        t = sp.wall[2] if wall else sp.cpu[2]
        verdict = "ok" if t < 1.0 else "over"
        text += (f"\n\nTarget: a whole program compiled in well under a second: "
                 f"the {sp.lines}-line program at -O2 takes {t:.2f} s "
                 f"({'wall' if wall else 'CPU'}, CLI) -> {verdict}")
    stage_rows = []
    for sp in rows:
        for opt in (0, 2):
            if not sp.files:
                continue
            st = sp.stages[opt]
            stage_rows.append([sp.label, f"-O{opt}",
                               *(f"{st.get(s, 0) * 1000:.0f}" for s in STAGES)])
    text += "\n\nWhere the compiler's time goes (ms, summed over the files):\n\n"
    text += table(["input", "opt", *STAGES], stage_rows, set(range(2, 2 + len(STAGES))))
    return text


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python3 -m bench",
                                 description=" ".join(__doc__.split("\n\n")[0].split()))
    ap.add_argument("--runs", type=int, default=3, help="timed runs of each binary (best kept)")
    ap.add_argument("--quick", action="store_true",
                    help="skip compiling the tests/programs corpus (the slowest part) and "
                         "time each heap program once")
    ap.add_argument("--no-cpython", action="store_true",
                    help="skip the small-size CPython/compiled/C cross-check")
    ap.add_argument("--no-speed", action="store_true", help="skip the compiler-speed tables")
    ap.add_argument("--wall", action="store_true", help="time wall clock instead of CPU time")
    ap.add_argument("--only", action="append", metavar="NAME",
                    help="benchmark only this program (repeatable)")
    ap.add_argument("--keep", type=Path, metavar="DIR",
                    help="build in DIR and keep binaries, .ll and .s (pythos and gcc)")
    ap.add_argument("--strict", action="store_true",
                    help="exit 1 if a ratio is over target or a heap program's goal is not met")
    ap.add_argument("--no-kernel", action="store_true",
                    help="skip the kernel build/boot/instruction-count table")
    ap.add_argument("--no-heap", action="store_true",
                    help="skip the heap-heavy Python programs (CPython, mypyc, Pythos)")
    args = ap.parse_args(argv)
    if shutil.which("gcc") is None:
        print("bench: gcc is needed", file=sys.stderr)
        return 1
    benches = [b for b in BENCHES if not args.only or b.name in args.only]
    heap_programs = [] if args.no_heap else [
        h for h in heapbench.HEAP_PROGRAMS if not args.only or h.name in args.only]
    micros = [] if args.no_heap else [
        m for m in micro.MICROS if not args.only or m.name in args.only]
    known = ([b.name for b in BENCHES] + [h.name for h in heapbench.HEAP_PROGRAMS]
             + [m.name for m in micro.MICROS])
    if args.only and set(args.only) - set(known):
        print(f"bench: unknown program; known: {', '.join(known)}", file=sys.stderr)
        return 1
    start = time.perf_counter()
    tmp = None
    if args.keep:
        work = args.keep.resolve()
        work.mkdir(parents=True, exist_ok=True)
    else:
        tmp = tempfile.TemporaryDirectory(prefix="pythos-bench-")
        work = Path(tmp.name)
    results: list[Result] = []
    heap_results: list[heapbench.HeapResult] = []
    try:
        for b in benches:
            print(f"bench: {b.name} ({b.what}) ...", file=sys.stderr, flush=True)
            results.append(bench_program(b, work, args.runs, args.wall, not args.no_cpython,
                                         args.keep is not None))
        errors = [e for r in results for e in r.errors]
        if results:
            print(report_programs(results, args.runs, args.wall))
        heap_runs = 1 if args.quick else args.runs
        for h in heap_programs:
            print(f"bench: {h.name} ({h.what}) under CPython, mypyc, pythos ...",
                  file=sys.stderr, flush=True)
            heap_results.append(heapbench.bench_heap_program(h, work / "heap", heap_runs,
                                                             args.wall))
        errors += [e for r in heap_results for e in r.errors]
        if heap_results:
            print()
            print(heapbench.report_heap(heap_results, heap_runs, args.wall))
        if micros:
            print("bench: micro-benchmarks ...", file=sys.stderr, flush=True)
            micro_text, micro_errors = micro.report(work, max(heap_runs, 3), micros)
            errors += micro_errors
            print()
            print(micro_text)
        if not args.no_speed:
            print("bench: compiler speed ...", file=sys.stderr, flush=True)
            rows, speed_errors = compiler_speed(work, args.quick)
            errors += speed_errors
            if rows:
                print()
                print(report_speed(rows, args.wall))
            if not args.quick and not args.no_kernel and not args.only:
                print("bench: kernel build speed ...", file=sys.stderr, flush=True)
                try:
                    kernel_rows = kernel_build_speed(work)
                except (BenchError, subprocess.TimeoutExpired) as e:
                    errors.append(f"kernel build speed: {e}")
                else:
                    print("\nKernel build (`python3 -m pythos build`: the kernel, the runtime "
                          "and the user programs),\nfresh process; s/kloc is CPU per 1,000 "
                          "kernel lines.\n")
                    print(table(["build", "kernel lines", "wall s", "CPU s", "CPU s/kloc"],
                                kernel_rows, {1, 2, 3, 4}))
        if not args.no_kernel and not args.only:
            from bench.kernel import report as kernel_report
            print("bench: kernel build and boot ...", file=sys.stderr, flush=True)
            print()
            print(kernel_report(args.quick))
    finally:
        if tmp is not None:
            tmp.cleanup()
    print(f"\n(bench took {time.perf_counter() - start:.0f} s"
          + (f"; artefacts in {work})" if args.keep else ")"))
    for e in errors:
        print(f"bench: error: {e}", file=sys.stderr)
    over = [r.bench.name for r in results if r.ratio > r.bench.target]
    over += [r.program.name for r in heap_results if not r.goal_met()]
    if errors:
        return 1
    return 1 if args.strict and over else 0


if __name__ == "__main__":
    sys.exit(main())
