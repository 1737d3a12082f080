"""``args_line``: a Python user program reads its argument line.

The same ``user/echo.py`` runs in three places and must print the same
words: under CPython (``sys.argv``), compiled for Linux (the argument
vector on the initial stack) and on Pythos (what ``spawn`` passed in RDI
and RSI; tests/qemu/test_user_args.py).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from pythos import syscalls
from pythos.lang import Array, addr_of, u8

REPO = Path(__file__).resolve().parents[2]
ECHO = REPO / "user" / "echo.py"
ENV = {**os.environ, "PYTHONPATH": str(REPO)}
LONG = "x" * 300


def line_of(capacity: int) -> tuple[int, bytes]:
    buffer = Array[u8, 512]()
    length = syscalls.args_line(addr_of(buffer), capacity)
    return length, bytes(int(buffer[i]) for i in range(max(length, 0)))


def test_under_cpython_the_line_is_the_arguments_after_the_name(monkeypatch) -> None:
    monkeypatch.setattr(sys, "argv", ["prog", "a", "bb", "c c"])
    assert line_of(512) == (8, b"a bb c c")
    assert line_of(8) == (8, b"a bb c c")
    assert line_of(7)[0] == -syscalls.E2BIG
    monkeypatch.setattr(sys, "argv", ["prog"])
    assert line_of(0) == (0, b"")


@pytest.fixture(scope="module")
def linux_echo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    exe = tmp_path_factory.mktemp("echo") / "echo"
    subprocess.run([sys.executable, "-m", "pythos", "compile", str(ECHO), "-o", str(exe)],
                   cwd=REPO, env=ENV, check=True, timeout=120)
    return exe


@pytest.mark.parametrize("args", [[], ["hello"], ["a", "b"], ["two  spaces", "é", ""],
                                  [LONG[:255]], [LONG[:128], LONG[:127]], [LONG], ["a", LONG]])
def test_echo_prints_the_same_under_cpython_and_on_linux(linux_echo: Path, args) -> None:
    host = subprocess.run([sys.executable, str(ECHO), *args], env=ENV, capture_output=True,
                          timeout=60)
    compiled = subprocess.run([str(linux_echo), *args], capture_output=True, timeout=60)
    assert (compiled.returncode, compiled.stdout) == (host.returncode, host.stdout)
    joined = " ".join(args)
    if len(joined.encode()) <= 256:
        assert host.returncode == 0
        assert host.stdout == (" ".join(joined.split()) + "\n").encode()
    else:
        assert host.returncode == 1
        assert host.stdout == b"echo: the argument line is longer than 256 bytes\n"
