"""The micro-benchmarks (bench/micro.py): each program has the line the
harness replaces, prints the same under CPython and compiled, and its
loop-alone twin computes the same thing (so that the difference in time
is the operation's)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bench import micro
from tests.compiler.conftest import ROOT, env


def test_every_micro_has_its_pair_line() -> None:
    for m in micro.MICROS:
        lines = [line for line in m.source.read_text().splitlines()
                 if line.rstrip().endswith("# pair")]
        assert len(lines) == 1 and m.operation in lines[0], m.name


def test_the_row_is_measured_and_the_outputs_agree(tmp_path: Path) -> None:
    small = tmp_path / "src"
    small.mkdir()
    m = micro.MICROS[0]
    text = m.source.read_text().replace("PAIRS: Final = 40000000", "PAIRS: Final = 1000")
    (small / m.source.name).write_text(text)
    shrunk = micro.Micro(m.name, m.what, m.operation, m.baseline, directory=small)
    row = micro.measure(shrunk, tmp_path / "work", 1)
    assert row[0] == m.name and row[2] == "1,000"
    cpython = subprocess.run([sys.executable, str(small / m.source.name)], cwd=ROOT, env=env(),
                             capture_output=True, text=True, timeout=60)
    compiled = subprocess.run([str(tmp_path / "work" / m.name)], capture_output=True,
                              text=True, timeout=60)
    assert cpython.stdout == compiled.stdout == "checksum 499500\n"
