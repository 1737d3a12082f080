"""Generators (issue 12): the frame and resume function in the IR, the
differential programs at -O0 too (tests/compiler/test_programs.py runs them
at -O2), and what the builder refuses about generator expressions."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import PROGRAMS, function_dump, pythos, run_compiled, run_cpython

GENERATOR_PROGRAMS = sorted(PROGRAMS.glob("obj_gen_*.py"))

COUNTDOWN = '''\
from collections.abc import Iterator


def countdown(n: int, label: str) -> Iterator[str]:
    while n > 0:
        yield f"{label} {n}"
        n -= 1


def main() -> None:
    for s in countdown(2, "t"):
        print(s)


if __name__ == "__main__":
    main()
'''


def test_ir_shows_the_frame_and_the_resume_switch(tmp_path: Path) -> None:
    source = tmp_path / "countdown.py"
    source.write_text(COUNTDOWN)
    result = pythos("compile", "--dump=ir", str(source))
    assert result.returncode == 0, result.stderr
    resume = function_dump(result.stdout, "def __main__.countdown.resume(")
    assert resume[0] == "def __main__.countdown.resume(frame: u64, sent: u64, out: u64) -> u64"
    assert "frame of Generator[str, None, None]: every register but frame, sent, out" in resume
    # label is live at the start and across the yield: the frame holds it
    # in both states, and its clear releases it when a generator is dropped.
    assert "state 0 holds label" in resume and "state 1 holds label" in resume
    assert "resume 0: L1, 1: L13" in resume
    assert "yield r5, state 1, resume at L13" in resume
    # The parameter is "used" at the start (a KeepAlive, which the bounds
    # pass must not drop), so one the body never read would die there.
    assert "keep_alive label" in resume
    assert "finish" in resume
    # The loop's end releases label before the body finishes.
    assert resume.index("dec_ref label") < resume.index("finish")
    creation = function_dump(result.stdout, "def __main__.countdown(")
    assert creation[-3:] == ["inc_ref label",
                             "r0 = new generator __main__.countdown__resume(n, label)",
                             "return r0"]


@pytest.mark.parametrize("path", GENERATOR_PROGRAMS, ids=[p.stem for p in GENERATOR_PROGRAMS])
def test_generator_program_at_o0(path: Path, tmp_path: Path) -> None:
    expected = run_cpython(path)
    actual = run_compiled(path, tmp_path, opt=0)
    assert actual.stdout == expected.stdout
    assert actual.returncode == expected.returncode, actual.stderr.decode()
    if expected.returncode != 0:
        # An uncaught error: CPython's last line of the report.
        assert actual.stderr.decode().splitlines()[-1] == \
            expected.stderr.decode().splitlines()[-1]


def test_generator_expression_reading_a_rebound_variable_is_refused(tmp_path: Path) -> None:
    """CPython reads `scale` when the generator runs (10 here); the frame
    would hold the value it had when the generator was made (2)."""
    source = tmp_path / "rebound.py"
    source.write_text("def main() -> None:\n"
                      "    scale = 2\n"
                      "    scaled = (x * scale for x in [1, 2])\n"
                      "    scale = 10\n"
                      "    print(list(scaled))\n\n\n"
                      "main()\n")
    result = pythos("exec", str(source))
    assert result.returncode == 1
    assert "rebound.py:3:19: error: generator expressions that read 'scale', a variable " \
           "assigned more than once" in result.stderr
    assert "Traceback" not in result.stderr


def test_generator_expression_in_a_loop_reading_the_loop_variable_is_refused(
        tmp_path: Path) -> None:
    source = tmp_path / "late.py"
    """Each generator would see the last k under CPython; consumed at once
    (by list(), sum(), ...) a generator expression makes no generator, and
    reads k in its loop."""
    source.write_text("from collections.abc import Iterator\n\n\n"
                      "def main() -> None:\n"
                      "    gens: list[Iterator[int]] = []\n"
                      "    for k in range(3):\n"
                      "        print(list(x + k for x in [1, 2]))\n"
                      "        gens.append(x + k for x in [1, 2])\n"
                      "    print([list(g) for g in gens])\n\n\n"
                      "main()\n")
    result = pythos("exec", str(source))
    assert result.returncode == 1
    assert "late.py:8:25: error: generator expressions that read 'k'" in result.stderr


LINES = '''\
from collections.abc import Iterator


def lines(name: str) -> Iterator[str]:
    try:
        yield name
    finally:
        print("closed", name)


def main() -> None:
    for line in lines("a"):
        print(line)


if __name__ == "__main__":
    main()
'''


def test_a_resume_takes_a_thrown_error_and_a_guarded_state_closes_on_drop(
        tmp_path: Path) -> None:
    source = tmp_path / "lines.py"
    source.write_text(LINES)
    result = pythos("compile", "--dump=ir", "-O0", str(source))
    assert result.returncode == 0, result.stderr
    resume = function_dump(result.stdout, "def __main__.lines.resume(")
    # Only the yield inside the try needs a close when the frame is dropped.
    assert "state 0 holds name" in resume
    assert "state 1 holds name; closed on drop" in resume
    # Each place a resume starts tests for a pending error (a throw): the
    # start of the body, at the def line, and the block after the yield,
    # whose failure goes to the finally block's error path.
    start = resume.index("L1:  # start")
    assert resume[start + 1] == "r0 = call pythos.rt.obj.report.obj_failed()"
    after = resume.index("L9:  # yield1.resume")
    assert resume[after + 2] == "r3 = call pythos.rt.obj.report.obj_failed()"
    assert "error.line = 6" in resume and "goto L7" in resume
    assert resume[resume.index("L7:  # finally.error") + 2].endswith("exc_save()")
    # The countdown generator has no try: nothing to close on drop.
    source.write_text(COUNTDOWN)
    plain = pythos("compile", "--dump=ir", str(source))
    assert "closed on drop" not in plain.stdout
