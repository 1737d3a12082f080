"""The tests' compile server (tests/compileserver.py) gives what a new
`python -m pythos` process gives: output, diagnostics, status, and the
same executable byte for byte."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests import compileserver

ROOT = Path(__file__).resolve().parents[1]
PROGRAMS = ROOT / "tests" / "objects" / "programs"


def env(seed: str = "0") -> dict[str, str]:
    e = dict(os.environ)
    e["PYTHONPATH"] = str(ROOT)
    e["PYTHONHASHSEED"] = seed
    e.pop(compileserver.SWITCH, None)
    return e


def fresh(argv: list[str], cwd: Path,
          environ: dict[str, str]) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "pythos", *argv], cwd=cwd, env=environ,
                          capture_output=True, timeout=300)


@pytest.mark.parametrize("opt", ["-O0", "-O2"])
def test_a_served_compile_equals_a_new_process(opt: str, tmp_path: Path) -> None:
    for name in ("dict_inverse", "class_len_bool"):
        program = PROGRAMS / f"{name}.py"
        a = fresh(["compile", opt, str(program), "-o", str(tmp_path / "a")], ROOT, env())
        b = compileserver.pythos(["compile", opt, str(program), "-o", str(tmp_path / "b")],
                                 ROOT, env())
        assert compileserver.server_for(env()) is not None, "served, not run as a process"
        assert (a.returncode, a.stdout, a.stderr) == (b.returncode, b.stdout, b.stderr)
        assert a.returncode == 0
        assert (tmp_path / "a").read_bytes() == (tmp_path / "b").read_bytes()


def test_diagnostics_status_and_directory_come_back(tmp_path: Path) -> None:
    (tmp_path / "bad.py").write_text("def main() -> None:\n    x: int = 'a'\n")
    a = fresh(["compile", "bad.py"], tmp_path, env())
    b = compileserver.pythos(["compile", "bad.py"], tmp_path, env(), text=True)
    assert a.returncode == b.returncode == 1
    assert b.stderr == a.stderr.decode()
    assert "bad.py:2:14: error:" in b.stderr, b.stderr


def test_environment_reaches_the_command(tmp_path: Path) -> None:
    """The command sees the request's environment, not the server's."""
    (tmp_path / "hello.py").write_text('def main() -> None:\n    print("hi")\n')
    e = env()
    e["PYTHOS_RTCACHE"] = str(tmp_path / "cache")
    r = compileserver.pythos(["compile", "-O0", "hello.py", "-o", "hello"], tmp_path, e)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "cache").is_dir(), "the runtime cache went where the request said"


def test_another_hash_seed_gets_a_server_of_its_own(tmp_path: Path) -> None:
    (tmp_path / "hello.py").write_text('def main() -> None:\n    print("hi")\n')
    assert compileserver.server_for(env("7")) is not compileserver.server_for(env())
    r = compileserver.pythos(["exec", "hello.py"], tmp_path, env("7"), text=True)
    assert (r.returncode, r.stdout) == (0, "hi\n")


@pytest.mark.parametrize("served", [True, False])
def test_a_command_past_its_timeout_is_killed_with_what_it_started(
        served: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if not served:
        monkeypatch.setenv(compileserver.SWITCH, "off")
    # `pythos exec` compiles into a directory of its own and runs the
    # program from there: a name of its own finds it.
    name = f"spin_{os.getpid()}_{int(served)}"
    (tmp_path / f"{name}.py").write_text(
        "def main() -> None:\n    n = 0\n    while True:\n        n += 1\n")
    with pytest.raises(subprocess.TimeoutExpired):
        compileserver.pythos(["exec", "-O0", f"{name}.py"], tmp_path, env(), timeout=20)
    # A killed process takes a moment to go (its parent was killed too).
    deadline = time.monotonic() + 10
    while True:
        left = subprocess.run(["pgrep", "-f", name], capture_output=True, text=True)
        if left.stdout == "" or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    assert left.stdout == "", f"still running: {left.stdout}"
    # The server goes on serving.
    (tmp_path / "hello.py").write_text('def main() -> None:\n    print("hi")\n')
    r = compileserver.pythos(["exec", "hello.py"], tmp_path, env(), text=True)
    assert (r.returncode, r.stdout) == (0, "hi\n")
