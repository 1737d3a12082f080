"""Kernel benchmarks: build time, boot time, and exact instruction counts.

The build is measured with debug information (the default) and without
(`--no-debug`), at -O2 and -O0, with the size the loaded kernel takes in
memory and the size of the ELF64 image that carries the DWARF for gdb
(docs/debugging.md).  The share debug information adds is given in CPU
time (user + system, of the build and the tools it runs), which other work
on a shared machine disturbs far less than wall time; the wall times are
shown too.

Wall-clock numbers (a clean kernel build, boot to the banner) are noisy on
a shared machine, so they are reported as they are, best of a few runs.
The instruction counts are exact: QEMU runs with `-icount shift=0,sleep=off`,
under which the guest's `rdtsc` returns the number of instructions retired
since reset, identical on every run.  With `bench=irq` on its command line the
kernel prints `bench: <name> <instructions>` lines: the `rdtsc` reading
taken at the first line of `kmain` (instructions from reset, firmware and
boot loader included) and the cost of one timer and one keyboard
interrupt, entry to exit.  User programs measure the same way: a `getpid`
round trip (user/bench_getpid.s), a context switch between two
processes that `yield` to each other (user/bench_switch.s), and a parent's
`spawn` of `true` to its `wait` returning (user/bench_spawn.s).
"""

from __future__ import annotations

import argparse
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import shellbench
from pythos.kernel_tools.initrd import initrd_path
from pythos.kernel_tools.qemu import QemuSession

ROOT = Path(__file__).resolve().parent.parent
# Builds with and without debug information for the share of build time.
DEBUG_RUNS = 3
BANNER = re.compile(r"Pythos \d+\.\d+\.\d+")


def clean_build(out_dir: Path, opt: int = 2, extra: tuple[str, ...] = ()) -> tuple[float, Path]:
    """Build the kernel from nothing in a fresh process; (seconds, image)."""
    seconds, _, image = timed_build(out_dir, opt, extra)
    return seconds, image


def timed_build(out_dir: Path, opt: int = 2,
                extra: tuple[str, ...] = ()) -> tuple[float, float, Path]:
    """A clean build in a fresh process: (wall seconds, CPU seconds, image)."""
    image = out_dir / "kernel.elf"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    built = subprocess.run([sys.executable, "-m", "pythos", "build", f"-O{opt}", "-o",
                            str(image), *extra], cwd=ROOT, capture_output=True, text=True,
                           timeout=600)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if built.returncode != 0:
        raise SystemExit(f"bench: the kernel does not build:\n{built.stderr}")
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return wall, cpu, image


def loaded_bytes(image: Path) -> int:
    """What a loader puts in memory: the sum of the PT_LOAD segments' sizes."""
    listing = subprocess.run(["readelf", "-lW", str(image)], capture_output=True, text=True,
                             check=True, timeout=60).stdout
    return sum(int(fields[5], 16) for fields in map(str.split, listing.splitlines())
               if fields and fields[0] == "LOAD")


def line_table_bytes(elf64: Path) -> int:
    """The size of the line table linked into the kernel (0 without debug information)."""
    listing = subprocess.run(["nm", str(elf64)], capture_output=True, text=True, check=True,
                             timeout=60).stdout
    symbols = {fields[2]: int(fields[0], 16) for fields in map(str.split, listing.splitlines())
               if len(fields) == 3}
    return symbols.get("__line_table_end", 0) - symbols.get("__line_table", 0)


def debug_share(tmp: Path, opt: int, runs: int = DEBUG_RUNS) -> tuple[list[str], Path, Path]:
    """Build time with and without debug information at ``opt``, alternating
    ``runs`` builds of each, so that a burst of load on the shared machine
    stretches both sides alike: a table row, and the last images of each."""
    walls: dict[bool, list[float]] = {True: [], False: []}
    cpus: dict[bool, list[float]] = {True: [], False: []}
    images: dict[bool, Path] = {}
    for _ in range(runs):
        for debug in (True, False):
            out = tmp / f"O{opt}-{'debug' if debug else 'plain'}"
            wall, cpu, images[debug] = timed_build(out, opt, () if debug else ("--no-debug",))
            walls[debug].append(wall)
            cpus[debug].append(cpu)
    wall_with, wall_without = (statistics.median(walls[debug]) for debug in (True, False))
    cpu_with, cpu_without = (statistics.median(cpus[debug]) for debug in (True, False))
    row = [f"debug information's share of a clean build, -O{opt} (median of {runs})",
           f"{(cpu_with / cpu_without - 1) * 100:+.0f}% CPU: {cpu_with:.2f} / "
           f"{cpu_without:.2f} s (wall {wall_with:.2f} / {wall_without:.2f} s, "
           f"{(wall_with / wall_without - 1) * 100:+.0f}%)"]
    return row, images[True], images[False]


def debug_rows(tmp: Path, quick: bool = False) -> list[list[str]]:
    """Build time and image sizes with and without debug information."""
    rows = []
    share, image, plain = debug_share(tmp, 2)
    rows.append(share)
    if not quick:
        rows.append(debug_share(tmp, 0)[0])
    elf64 = image.with_name("kernel64.elf")
    plain64 = plain.with_name("kernel64.elf")
    loaded, loaded_plain = loaded_bytes(image), loaded_bytes(plain)
    rows += [
        ["loaded kernel (PT_LOAD), with / without debug",
         f"{loaded:,} / {loaded_plain:,} bytes (+{loaded - loaded_plain:,})"],
        ["line table in it (whole pages: it ends .rodata)",
         f"{line_table_bytes(elf64):,} bytes"],
        ["kernel64.elf for gdb, with / without debug",
         f"{elf64.stat().st_size:,} / {plain64.stat().st_size:,} bytes"],
    ]
    return rows


def boot_to_banner(image: Path, runs: int = 3) -> float:
    """Best wall time from starting QEMU to the banner on serial."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        with QemuSession(image, memory="128M", timeout=30.0) as vm:
            vm.wait_for_serial("Pythos ", timeout=30.0)
            best = min(best, time.perf_counter() - start)
    return best


def instruction_counts(image: Path, cmdline: str = "", initrd: Path | None = None
                       ) -> dict[str, int]:
    """Boot under -icount and collect the kernel's exact counts."""
    counts: dict[str, int] = {}
    with QemuSession(image, memory="128M", icount=True, cmdline=cmdline, initrd=initrd,
                     timeout=60.0) as vm:
        try:
            vm.wait_for_serial("boot complete", timeout=60.0)
        except Exception:  # noqa: BLE001 - report what was printed
            pass
        text = vm.serial_text
    for name, value in re.findall(r"^bench: (.+?) (\d+)$", text, re.M):
        counts[name] = int(value)
    return counts


HEAPS = ("bump", "list", "fixed", "buddy")
HEAP_COLUMNS = [("heap alloc+free pair", "instructions per alloc+free"),
                ("heap utilisation permille", "used / heap size at end"),
                ("heap overhead bytes at end", "overhead bytes at end"),
                ("heap free regions at end", "free regions at end"),
                ("heap failed allocations", "failed"),
                # The object allocator (pythos/rt/alloc.py, kernel/mm/objbench.py).
                ("objects alloc+free pair", "object alloc+free"),
                ("objects alloc+free pair, mixed sizes", "object alloc+free, mixed sizes"),
                ("objects efficiency permille", "object efficiency (peak live / footprint)"),
                ("objects heap efficiency permille", "heap efficiency at the object peak"),
                # binary_trees' work, compiled (kernel/mm/objcost.py).
                ("op trees efficiency permille", "binary trees: object efficiency"),
                ("op trees heap efficiency permille", "binary trees: heap efficiency")]
# Compiled object code in the kernel (kernel/mm/objcost.py): what each
# operation costs, and issue 11's goal for it where it sets one.
OP_ROWS = [("op small object alloc+free", "make and drop a small instance (`Small(i).value`)",
            "<= 60"),
           ("op tracked object alloc+free", "the same, of a class the collector tracks", ""),
           ("op refcount increment+decrement", "take and drop a reference (`held = box.item`)",
            "inline"),
           ("op list.append", "`items.append(i)`, list[int], amortised over 4096", ""),
           ("op dict lookup, short str key", "`table[key]`, dict[str, int] of 8, key 'serial'",
            "")]


def peak_text(counts: dict[str, int]) -> str:
    peak = counts.get("objects peak bytes")
    return "?" if peak is None else f"{peak:,} bytes"


def heap_report(tmp: Path) -> str:
    """Each heap design on the same workload (kernel/mm/heapbench.py), as a table."""
    header = ["design", *[title for _, title in HEAP_COLUMNS]]
    rows = []
    per_design: dict[str, dict[str, int]] = {}
    for heap in HEAPS:
        _, image = clean_build(tmp / f"heap-{heap}", extra=(f"--heap={heap}",))
        counts = instruction_counts(image, cmdline="bench=heap")
        per_design[heap] = counts
        row = [heap]
        for key, _ in HEAP_COLUMNS:
            value = counts.get(key)
            if value is None:
                row.append("-")
            elif key.endswith("permille"):
                row.append(f"{value / 10:.1f}%")
            else:
                row.append(f"{value:,}")
        rows.append(row)
    lines = ["Kernel heap designs (guest instructions, exact; 20000 random operations),",
             "and the object allocator on each (kernel/mm/objbench.py; efficiency on a tree",
             f"workload whose live objects peak at {peak_text(counts)})", "",
             "| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    lines += ["", op_report(per_design)]
    return "\n".join(lines)


def op_report(per_design: dict[str, dict[str, int]]) -> str:
    """Compiled object operations on each heap design (guest instructions,
    the empty timing window taken off), as a table."""
    header = ["operation (kernel/mm/objcost.py)", *HEAPS, "goal"]
    rows = []
    for key, what, goal in OP_ROWS:
        values = [per_design[heap].get(key) for heap in HEAPS]
        rows.append([what, *["-" if v is None else f"{v:,}" for v in values], goal])
    wrong = [heap for heap in HEAPS if per_design[heap].get("op checksum right") != 1]
    lines = ["Compiled object code in the kernel, guest instructions per operation (exact)", "",
             "| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    if wrong:
        lines += ["", f"WRONG: the loops' checksum differs on {', '.join(wrong)}"]
    return "\n".join(lines)


GAMES = (("snake", "snake (seed 42, 869 ticks, 50-140 ms each)"),
         ("flappy", "flappy bird (seed 7, 619 frames, 33 ms each)"))


def games_report(image: Path) -> str:
    """The games' frame costs (kernel/apps/gamebench.py, `bench=games`):
    instructions per frame, its parts, and per second at the game's rate."""
    counts = instruction_counts(image, cmdline="bench=games")
    lines = ["Games: guest instructions per frame (exact), scripted games on the VGA console",
             "", "| game | frame mean | frame max | step | render | present | cells changed "
             "| instructions per second |", "|---|--:|--:|--:|--:|--:|--:|--:|"]
    for name, title in GAMES:
        if f"{name} frame mean" not in counts:
            lines.append(f"| {title} | not reported by this kernel |")
            continue
        interval = counts.get(f"{name} interval ms") or counts.get(
            f"{name} interval at the end ms") or 1
        mean = counts[f"{name} frame mean"]
        lines.append(f"| {title} | {mean:,} | {counts[f'{name} frame max']:,} "
                     f"| {counts[f'{name} step mean']:,} | {counts[f'{name} render mean']:,} "
                     f"| {counts[f'{name} present mean']:,} "
                     f"| {counts[f'{name} cells changed mean']:,} "
                     f"| {mean * 1000 // interval:,} |")
    return "\n".join(lines)


def report(quick: bool = False) -> str:
    rows = []
    with tempfile.TemporaryDirectory(prefix="pythos-bench-") as tmp:
        seconds, image = clean_build(Path(tmp))
        rows.append(["clean kernel build (-O2)", f"{seconds:.2f} s"])
        rows += debug_rows(Path(tmp), quick)
        if not quick:
            o0, _ = clean_build(Path(tmp) / "o0", opt=0)
            rows.append(["clean kernel build (-O0)", f"{o0:.2f} s"])
        rows.append(["QEMU start to banner (best of 3)", f"{boot_to_banner(image):.3f} s"])
        counts = instruction_counts(image, cmdline="bench=irq")
        # User programs (user/bench_*.s) time system calls and switches with rdtsc.
        counts |= instruction_counts(image, cmdline="run=bench_getpid,bench_switch,bench_spawn",
                                     initrd=initrd_path(image))
        games = games_report(image)
        shell = shellbench.report(shellbench.measure(image))
    for name, value in counts.items():
        rows.append([f"{name} (guest instructions, exact)", f"{value:,}"])
    if "reset to kmain" not in counts:
        rows.append(["reset to kmain", "not reported by this kernel"])
    width = max(len(r[0]) for r in rows)
    lines = ["Kernel", "", f"| {'measure':<{width}} | value |", f"|{'-' * (width + 2)}|-------|"]
    lines += [f"| {name:<{width}} | {value} |" for name, value in rows]
    lines += ["", shell, "", games]
    with tempfile.TemporaryDirectory(prefix="pythos-bench-") as tmp:
        lines += ["", heap_report(Path(tmp))]
    return "\n".join(lines)


def debug_report(runs: int = DEBUG_RUNS) -> str:
    """Only the share debug information adds to a clean build, at -O2 and
    -O0: the rows `make bench` prints, without the rest of the bench."""
    with tempfile.TemporaryDirectory(prefix="pythos-bench-") as tmp:
        rows = [debug_share(Path(tmp), opt, runs)[0] for opt in (2, 0)]
    return "\n".join(f"| {name} | {value} |" for name, value in rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.kernel",
                                     description="The kernel's part of `make bench`.")
    parser.add_argument("--debug-share", action="store_true",
                        help="only the build time debug information adds, at -O2 and -O0")
    parser.add_argument("--runs", type=int, default=DEBUG_RUNS,
                        help="builds with and without debug information at each level, "
                             "alternating (medians are reported)")
    args = parser.parse_args(argv)
    print(debug_report(args.runs) if args.debug_share else report())
    return 0


if __name__ == "__main__":
    sys.exit(main())
