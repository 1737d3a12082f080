"""Helpers for compiler tests: run a program under CPython and compiled."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests import compileserver

ROOT = Path(__file__).resolve().parents[2]
PROGRAMS = ROOT / "tests" / "programs"


def env() -> dict[str, str]:
    e = dict(os.environ)
    e["PYTHONPATH"] = str(ROOT) + os.pathsep + e.get("PYTHONPATH", "")
    e["PYTHONHASHSEED"] = "0"
    return e


def run_cpython(path: Path, timeout: float = 60) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, path.name], cwd=path.parent, env=env(),
                          capture_output=True, timeout=timeout)


def compile_program(path: Path, out: Path, opt: int = 2) -> subprocess.CompletedProcess[bytes]:
    """Compile with the leak check: a program that uses objects exits with
    status 1, after a report on stderr, if any is still live after main."""
    return compileserver.pythos(["compile", str(path), "-o", str(out), f"-O{opt}",
                                 "--leak-check"], ROOT, env())


def run_compiled(path: Path, tmp: Path, opt: int = 2) -> subprocess.CompletedProcess[bytes]:
    exe = tmp / path.stem
    built = compile_program(path, exe, opt)
    if built.returncode != 0:
        raise AssertionError(f"compiling {path.name} failed:\n{built.stderr.decode()}")
    return subprocess.run([str(exe)], cwd=path.parent, capture_output=True, timeout=60)


def pythos(*args: str) -> subprocess.CompletedProcess[str]:
    """`python -m pythos ARGS` from the repository's root, as text."""
    return compileserver.pythos(list(args), ROOT, env(), text=True)


def function_dump(dump: str, header: str) -> list[str]:
    """The lines of one function of a `--dump ir` (from the line that
    starts with `header` to the next `def`), stripped."""
    lines = dump.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(header))
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("def ")),
               len(lines))
    return [line.strip() for line in lines[start:end] if line.strip()]
