"""The heap-heavy benchmark programs (bench/heap/) and the harness that runs
them under CPython, mypyc and Pythos (bench/heapbench.py).

No timings are tested (the machines are too noisy): only that the programs
are what the benchmark claims (plain `mypy --strict` Python whose CPython
output is the checked-in expected output) and that the harness's decisions
are right: which build it imported, what the Pythos column says for a
program the compiler rejects or accepts, and that a wrong output fails.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from bench import heapbench
from bench.heapbench import HeapBenchError, HeapProgram, HeapResult, Timing

ROOT = Path(__file__).resolve().parents[2]
PROGRAMS = heapbench.HEAP_PROGRAMS


def test_every_program_is_listed_once_with_its_expected_output() -> None:
    on_disk = {p.stem for p in heapbench.HEAP.glob("*.py")}
    listed = [p.name for p in PROGRAMS]
    assert sorted(listed) == sorted(on_disk)
    assert len(set(listed)) == len(listed)
    assert len(PROGRAMS) >= 5
    for p in PROGRAMS:
        assert p.expected.is_file(), f"{p.name}: no {p.expected}"


def test_cpython_prints_the_expected_output() -> None:
    # all at once: each takes about a second
    procs = {p.name: subprocess.Popen([sys.executable, str(p.source)], cwd=ROOT,
                                      env=heapbench.env(), stdout=subprocess.PIPE,
                                      stderr=subprocess.PIPE, text=True)
             for p in PROGRAMS}
    for p in PROGRAMS:
        out, err = procs[p.name].communicate(timeout=120)
        assert procs[p.name].returncode == 0, err
        assert out == p.expected.read_text(), f"{p.name}: output differs from {p.expected}"
        assert out.splitlines()[-1].startswith("checksum "), p.name


def test_programs_pass_mypy_strict() -> None:
    result = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental",
                             "bench/heap"], cwd=ROOT, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("program", PROGRAMS, ids=lambda p: p.name)
def test_programs_are_plain_python(program: HeapProgram) -> None:
    """Ordinary Python: no pythos.lang, no floats, and nothing the compiler
    leaves out yet (exceptions, generators and coroutines compile since issue 12);
    a docstring saying what it exercises, a main() and the usual
    `if __name__ == "__main__"`."""
    tree = ast.parse(program.source.read_text())
    doc = ast.get_docstring(tree)
    assert doc and "Exercises:" in doc, f"{program.name}: say what it exercises"
    assert ("Allocation-heavy" in doc) == program.alloc_heavy
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            modules = [node.module or ""] if isinstance(node, ast.ImportFrom) else \
                [a.name for a in node.names]
            assert all(m in ("__future__", "typing") for m in modules), modules
        assert not (isinstance(node, ast.Constant) and isinstance(node.value, float))
        assert not isinstance(node, ast.Div), "no true division: no floats"
    names = {n.name for n in tree.body if isinstance(n, ast.FunctionDef)}
    assert "main" in names
    assert isinstance(tree.body[-1], ast.If)


# ----- the harness ---------------------------------------------------------------------
def test_first_diagnostic_drops_the_directory_and_skips_context_lines() -> None:
    stderr = ("/tmp/x/prog.py: in function 'main':\n"
              "/tmp/x/prog.py:2:8: error: unknown type 'dict'\n"
              "    d: dict[str, int] = {}\n"
              "       ^\n"
              "/tmp/x/prog.py:3:1: error: a second one\n")
    assert heapbench.first_diagnostic(stderr) == "prog.py:2:8: error: unknown type 'dict'"
    assert heapbench.first_diagnostic("Traceback (most recent call last):\n  ...\n") is None


def write_program(tmp: Path, name: str, body: str, expected: str) -> HeapProgram:
    (tmp / f"{name}.py").write_text(body)
    (tmp / "expected").mkdir(exist_ok=True)
    (tmp / "expected" / f"{name}.txt").write_text(expected)
    return HeapProgram(name, "a test program", False, directory=tmp)


# Pythos compiles this one today
INTS = '''\
def main() -> None:
    total = 0
    for i in range(1000):
        total += i * i
    print(f"checksum {total}")


if __name__ == "__main__":
    main()
'''

# and will never compile this one: the annotation is wrong
WRONG = '''\
def main() -> None:
    x: int = 1
    y: str = x
    print(y)


if __name__ == "__main__":
    main()
'''


def test_a_program_pythos_compiles_is_run_and_checked_everywhere(tmp_path: Path) -> None:
    prog = write_program(tmp_path, "sumsq", INTS, f"checksum {sum(i * i for i in range(1000))}\n")
    r = heapbench.bench_heap_program(prog, tmp_path / "work", runs=1)
    assert r.errors == []
    for t in (r.cpython, r.mypyc, r.pythos):
        assert t.output == prog.expected.read_text()
        assert len(t.times) == 1
    assert r.pythos.note == ""
    # mypyc's build really is the extension: only it is left importable
    assert list((tmp_path / "work" / "sumsq" / "mypyc").glob("sumsq.*.so"))
    assert not (tmp_path / "work" / "sumsq" / "mypyc" / "sumsq.py").exists()


def test_a_program_pythos_rejects_shows_the_first_diagnostic(tmp_path: Path) -> None:
    prog = write_program(tmp_path, "wrong", WRONG, "1\n")
    r = heapbench.bench_heap_program(prog, tmp_path / "work", runs=1, mypyc=False)
    assert r.errors == []  # not compiling yet is what the table reports, not a failure
    assert r.pythos.note.startswith("does not compile: wrong.py:3:14: error: ")
    assert not r.pythos.ran and r.pythos.seconds == 0.0
    assert r.cpython.output == "1\n"
    assert r.goal_met() is None


def test_an_output_other_than_the_expected_one_is_an_error(tmp_path: Path) -> None:
    prog = write_program(tmp_path, "sumsq", INTS, "checksum 0\n")
    r = heapbench.bench_heap_program(prog, tmp_path / "work", runs=0, mypyc=False)
    assert any("CPython output differs" in e for e in r.errors), r.errors
    assert any("pythos output differs" in e for e in r.errors), r.errors


def test_the_driver_refuses_a_source_module_as_the_mypyc_build(tmp_path: Path) -> None:
    (tmp_path / "plain.py").write_text("def main() -> None:\n    print('ran')\n")
    with pytest.raises(HeapBenchError, match="not the mypyc build"):
        heapbench.timed([sys.executable, "-c", heapbench.DRIVER, "plain", "mypyc"],
                        tmp_path, wall=False)
    _, out = heapbench.timed([sys.executable, "-c", heapbench.DRIVER, "plain", "cpython"],
                             tmp_path, wall=False)
    assert out == "ran\n"


@pytest.mark.parametrize(("alloc_heavy", "cpython", "mypyc", "pythos", "met"), [
    (False, 1.0, 0.2, 0.0, None),   # Pythos has no time yet
    (False, 1.0, 0.2, 0.19, True),  # faster than mypyc is enough
    (False, 1.0, 0.2, 0.2, False),  # as fast is not
    (True, 1.0, 0.2, 0.1, False),   # allocation-heavy: 10x CPython is not 20x
    (True, 1.0, 0.2, 0.05, True),
    (True, 1.0, 0.04, 0.045, False),  # 22x CPython, but slower than mypyc
])
def test_goal(alloc_heavy: bool, cpython: float, mypyc: float, pythos: float,
              met: bool | None) -> None:
    r = HeapResult(HeapProgram("p", "", alloc_heavy), cpython=Timing(cpython),
                   mypyc=Timing(mypyc), pythos=Timing(pythos))
    assert r.goal_met() is met


# CPython stops at its recursion limit; compiled, the stack is deep enough
DEEP = '''\
def depth(n: int) -> int:
    if n == 0:
        return 0
    return 1 + depth(n - 1)


def main() -> None:
    print(f"checksum {depth(100_000)}")


if __name__ == "__main__":
    main()
'''


def test_a_failing_run_is_an_error_and_the_others_are_still_timed(tmp_path: Path) -> None:
    prog = write_program(tmp_path, "deep", DEEP, "checksum 100000\n")
    r = heapbench.bench_heap_program(prog, tmp_path / "work", runs=1, mypyc=False)
    assert len(r.errors) == 1 and "RecursionError" in r.errors[0], r.errors
    assert r.cpython.note == "failed" and not r.cpython.times
    assert r.pythos.output == "checksum 100000\n" and len(r.pythos.times) == 1


def test_the_table_shows_the_diagnostic_where_pythos_has_no_time() -> None:
    rejected = HeapResult(HeapProgram("wordfreq", "", True), cpython=Timing(0.8),
                          mypyc=Timing(0.2),
                          pythos=Timing(note="does not compile: wordfreq.py:22:1: error: x"))
    compiled = HeapResult(HeapProgram("richards", "", False), cpython=Timing(0.8),
                          mypyc=Timing(0.2), pythos=Timing(0.1, output=""))
    text = heapbench.report_heap([rejected, compiled], runs=3, wall=False)
    rows = {line.split("|")[1].strip(): [c.strip() for c in line.split("|")[2:-1]]
            for line in text.splitlines() if line.startswith("| ")}
    assert rows["wordfreq"] == ["0.800", "0.200", "4.0x", "-", "-", "-",
                                "faster than mypyc, 20x CPython", "-", "same",
                                "does not compile: wordfreq.py:22:1: error: x"]
    assert rows["richards"] == ["0.800", "0.200", "4.0x", "0.100", "8.0x", "0.50",
                                "faster than mypyc", "met", "same", "compiled"]


def test_a_fast_wrong_answer_does_not_meet_the_goal() -> None:
    r = HeapResult(HeapProgram("p", "", False), expected="checksum 1\n", cpython=Timing(1.0),
                   mypyc=Timing(0.2), pythos=Timing(0.01, output="checksum 2\n"))
    assert r.goal_met() is False
    r.pythos.output = "checksum 1\n"
    assert r.goal_met() is True


def test_a_compiler_crash_is_an_error_and_cpython_is_still_timed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # a stand-in for a compiler that dies with a traceback instead of a diagnostic
    def crash(src: Path, exe: Path) -> tuple[float, str | None]:
        raise HeapBenchError("pythos compile sumsq.py failed without a diagnostic")
    monkeypatch.setattr(heapbench, "build_pythos", crash)
    prog = write_program(tmp_path, "sumsq", INTS, f"checksum {sum(i * i for i in range(1000))}\n")
    r = heapbench.bench_heap_program(prog, tmp_path / "work", runs=1, mypyc=False)
    assert len(r.errors) == 1 and "without a diagnostic" in r.errors[0]
    assert r.pythos.note == "compiler crashed"
    assert len(r.cpython.times) == 1


def test_a_program_mypyc_cannot_build_is_compared_with_cpython_only(tmp_path: Path) -> None:
    prog = write_program(tmp_path, "sumsq", INTS, f"checksum {sum(i * i for i in range(1000))}\n")
    prog.no_mypyc = "mypyc: 'async generators are unimplemented'"
    r = heapbench.bench_heap_program(prog, tmp_path / "work", runs=1)
    assert r.errors == []  # a known gap of mypyc is not a failure of the bench
    assert r.mypyc.note == prog.no_mypyc and not r.mypyc.ran
    assert not (tmp_path / "work" / "sumsq" / "mypyc").exists()
    text = heapbench.report_heap([r], runs=1, wall=False)
    row = [c.strip() for c in text.splitlines()[-1 if "Wall" not in text else -3].split("|")]
    assert "faster than CPython (mypyc: 'async generators are unimplemented')" in row
