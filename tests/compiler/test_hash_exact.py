"""hash() of integers, bools and (nested) tuples of them is CPython's,
bit for bit: a generated program hashes random values, compiled at -O0
and -O2, and prints the same lines as CPython.  Integers near the
modulus 2**61 - 1, near the ends of i64 and -1 (whose hash is -2) are
drawn more often than chance would."""

from __future__ import annotations

import random
import subprocess
from pathlib import Path

import pytest

from .conftest import compile_program, run_cpython

EDGES = [0, 1, -1, -2, 2**61 - 2, 2**61 - 1, 2**61, -(2**61) + 1, -(2**61), 2**62,
         2**63 - 1, -(2**63), 12345678901234567]


def value(rng: random.Random, depth: int = 0) -> str:
    """A Python literal: an int, a bool, or a tuple of such."""
    roll = rng.random()
    if roll < 0.15 and depth < 2:
        return "(" + "".join(value(rng, depth + 1) + ", " for _ in range(rng.randint(0, 3))) + ")"
    if roll < 0.25:
        return rng.choice(["True", "False"])
    if roll < 0.55:
        return str(rng.choice(EDGES) + rng.randint(-2, 2))
    return str(rng.randint(-(2**63), 2**63 - 1))


def fits(text: str) -> bool:
    """An int literal must fit an i64 (Pythos's int)."""
    try:
        v = eval(text)  # noqa: S307 - our own literals
    except Exception:
        return False
    flat = [v]
    while any(isinstance(x, tuple) for x in flat):
        flat = [y for x in flat for y in (x if isinstance(x, tuple) else (x,))]
    return all(isinstance(x, bool) or -(2**63) <= x < 2**63 for x in flat)


@pytest.mark.parametrize("seed", [1, 2])
def test_hash_matches_cpython(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    literals = [t for t in (value(rng) for _ in range(160)) if fits(t)]
    body = "".join(f"    print(hash({t}))\n" for t in literals)
    source = tmp_path / f"hash_{seed}.py"
    source.write_text(f"def main() -> None:\n{body}\n\nif __name__ == \"__main__\":\n"
                      f"    main()\n")
    expected = run_cpython(source)
    assert expected.returncode == 0, expected.stderr.decode()
    for opt in (0, 2):
        exe = tmp_path / f"hash_{seed}.O{opt}"
        built = compile_program(source, exe, opt)
        assert built.returncode == 0, built.stderr.decode()
        run = subprocess.run([str(exe)], capture_output=True, timeout=60)
        assert run.returncode == 0, run.stderr.decode()
        assert run.stdout == expected.stdout
