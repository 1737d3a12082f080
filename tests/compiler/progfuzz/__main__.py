"""`python -m tests.compiler.progfuzz`: run a fuzzing campaign.

    python -m tests.compiler.progfuzz --seeds 2000 --start 100000
    python -m tests.compiler.progfuzz --seed 123456          # one program, shown
    python -m tests.compiler.progfuzz --show 123456          # print its source

Programs are checked in groups (`--group`, default 25) at every level of
`--opt` (default 0,2).  Each failing program is saved under `--out`
(default build/fuzz): `seed-N-KIND.py` as generated, and
`seed-N-KIND.reduced.py` after automatic reduction (unless `--no-reduce`),
both starting with a comment that gives the verdict.  The last line
printed is the tally: programs run, and how many failed in each way.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from pathlib import Path

from .gen import generate
from .reduce import reduce
from .run import ROOT, Failure, Stats, Verdict, check_seeds, check_source, module_source


def same_failure(verdict: Verdict) -> tuple[int, ...]:
    return (verdict.opt,) if verdict.opt is not None else (0, 2)


def signature(v: Verdict) -> str:
    """What must stay the same while reducing: the kind of failure, and for a
    rejection or crash the compiler's message (not where it points)."""
    if v.kind == "reject":
        m = re.search(r"error: (.*)", v.note)
        return "reject: " + (m.group(1) if m else "")
    if v.kind == "crash":
        m = re.search(r"internal error: (\w+)|(\w+Error)", v.note)
        return "crash: " + (m.group(0) if m else "")
    if v.kind == "invalid":
        m = re.search(r"(\w+Error)", v.note)
        return "invalid: " + (m.group(1) if m else "")
    return v.kind


def comment(text: str) -> str:
    return "".join(f"# {line}\n" if line else "#\n" for line in text.splitlines())


def save_failure(failure: Failure, out: Path, opts: tuple[int, ...], do_reduce: bool,
                 log: bool = True) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    v = failure.verdict
    if len(failure.seeds) == 1:
        stem = f"seed-{failure.seeds[0]}-{v.kind}"
        source = generate(failure.seeds[0]).source()
    else:
        stem = f"group-{failure.seeds[0]}-{v.kind}"
        source = module_source([generate(s, f"c{i}_") for i, s in enumerate(failure.seeds)])
    head = comment(f"progfuzz seeds {failure.seeds}: {v.kind}\n{v.note}")
    original = out / f"{stem}.py"
    original.write_text(head + source, encoding="utf-8")
    if not do_reduce or len(failure.seeds) != 1:
        return original
    want = signature(v)
    level = same_failure(v)

    def fails(text: str) -> bool:
        return signature(check_source(text, level)) == want

    def note(msg: str) -> None:
        if log:
            print(f"  seed {failure.seeds[0]}: {msg}", flush=True)

    small = reduce(source, fails, log=note)
    final = check_source(small, level)
    reduced = out / f"{stem}.reduced.py"
    reduced.write_text(comment(f"progfuzz seed {failure.seeds[0]}, reduced: {final.kind}\n"
                               f"{final.note}") + small, encoding="utf-8")
    return reduced


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.compiler.progfuzz",
                                 description="Random-program differential fuzzing")
    ap.add_argument("--seeds", type=int, default=200, help="how many programs")
    ap.add_argument("--start", type=int, default=0, help="the first seed")
    ap.add_argument("--seed", type=int, help="check this one seed only")
    ap.add_argument("--show", type=int, help="print the program of this seed and stop")
    ap.add_argument("--group", type=int, default=25, help="programs per compiled module")
    ap.add_argument("--opt", default="0,2", help="optimisation levels, e.g. 0,2")
    ap.add_argument("--out", type=Path, default=ROOT / "build" / "fuzz")
    ap.add_argument("--no-reduce", action="store_true", help="save failures unreduced")
    args = ap.parse_args(argv)
    if args.show is not None:
        sys.stdout.write(generate(args.show).source())
        return 0
    opts = tuple(int(o) for o in args.opt.split(","))
    seeds = [args.seed] if args.seed is not None else list(range(args.start,
                                                                  args.start + args.seeds))
    stats = Stats()
    tally: Counter[str] = Counter()
    began = time.monotonic()
    done = 0
    for i in range(0, len(seeds), args.group):
        chunk = seeds[i:i + args.group]
        failures = check_seeds(chunk, opts, stats)
        done += len(chunk)
        for f in failures:
            tally[f.verdict.kind] += len(f.seeds)
            print(f"FAIL seeds {f.seeds}: {f.verdict.kind} at -O{f.verdict.opt}\n"
                  f"{f.verdict.note}", flush=True)
            path = save_failure(f, args.out, opts, not args.no_reduce)
            print(f"  saved {path}", flush=True)
        rate = done / (time.monotonic() - began)
        print(f"{done}/{len(seeds)} programs, {sum(tally.values())} failing, "
              f"{rate:.2f} programs/s", flush=True)
    failed = sum(tally.values())
    print(f"progfuzz: {len(seeds)} programs from seed {seeds[0]}: {len(seeds) - failed} passed; "
          f"mismatches {tally['mismatch']}, crashes {tally['crash']}, "
          f"rejections {tally['reject']}, invalid {tally['invalid']}; "
          f"{time.monotonic() - began:.0f} s")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
