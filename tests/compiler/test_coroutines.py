"""Coroutines (issue 12): the differential programs at -O0 too
(tests/compiler/test_programs.py runs them at -O2), the driver loop in the
IR (a status check, no exception object), and the "never awaited"
warnings, at compile time and at run time."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import PROGRAMS, function_dump, pythos, run_compiled, run_cpython

COROUTINE_PROGRAMS = sorted(PROGRAMS.glob("obj_coro_*.py"))

DRIVER = '''\
from collections.abc import Generator
from typing import Any, Coroutine


class YieldNow:
    def __await__(self) -> Generator[None, None, None]:
        yield


class Task:
    def __init__(self, coro: Coroutine[Any, Any, int]) -> None:
        self.coro = coro
        self.result = -1


async def work(n: int) -> int:
    for _ in range(n):
        await YieldNow()
    return n * 2


def step(task: Task) -> bool:
    try:
        task.coro.send(None)
    except StopIteration as e:
        task.result = e.value
        return False
    return True


def main() -> None:
    t = Task(work(3))
    while step(t):
        pass
    print(t.result)


if __name__ == "__main__":
    main()
'''


@pytest.mark.parametrize("path", COROUTINE_PROGRAMS, ids=[p.stem for p in COROUTINE_PROGRAMS])
def test_coroutine_program_at_o0(path: Path, tmp_path: Path) -> None:
    expected = run_cpython(path)
    actual = run_compiled(path, tmp_path, opt=0)
    assert actual.stdout == expected.stdout
    assert actual.returncode == expected.returncode, actual.stderr.decode()


def test_driver_loop_is_a_status_check_with_no_exception_object(tmp_path: Path) -> None:
    source = tmp_path / "driver.py"
    source.write_text(DRIVER)
    result = pythos("compile", "--dump=ir", "-O0", str(source))
    assert result.returncode == 0, result.stderr
    step = function_dump(result.stdout, "def __main__.step(")
    text = "\n".join(step)
    # One call resumes the coroutine; its answer is tested, and the end is
    # a lazy StopIteration: a kind, no message, no object.
    assert "call pythos.rt.obj.coroutine.coro_send(" in text
    assert "call pythos.rt.obj.object.obj_raise(10, 0)" in text
    # `e` is used only as `e.value`: no exception object is made for it,
    # and the value is read out of the finished frame.
    assert "exc_object" not in text
    assert "call pythos.rt.obj.coroutine.coro_result(stop.coroutine)" in text
    # And the program runs, with nothing left over.
    run = pythos("exec", "--leak-check", str(source))
    assert run.returncode == 0, run.stderr
    assert run.stdout == "6\n"


def test_e_used_otherwise_still_gets_its_object(tmp_path: Path) -> None:
    source = tmp_path / "driver.py"
    source.write_text(DRIVER.replace("task.result = e.value",
                                     "task.result = e.value\n        print(repr(e))"))
    result = pythos("compile", "--dump=ir", "-O0", str(source))
    assert result.returncode == 0, result.stderr
    step = "\n".join(function_dump(result.stdout, "def __main__.step("))
    assert "exc_object" in step


NEVER_AWAITED = '''\
async def ping(n: int) -> int:
    return n


def main() -> None:
    ping(1)
    print("after")


if __name__ == "__main__":
    main()
'''


def test_coroutine_call_as_a_statement_is_a_compile_time_warning(tmp_path: Path) -> None:
    source = tmp_path / "prog.py"
    source.write_text(NEVER_AWAITED)
    result = pythos("exec", "--leak-check", str(source))
    lines = result.stderr.splitlines()
    warning = f"{source}:6:5: warning: coroutine 'ping' is never awaited"
    # Once, though the driver checks the program twice (the second time
    # with the object runtime loaded).
    assert sum(line.startswith(warning) for line in lines) == 1, result.stderr
    assert "        ping(1)" in lines and "        ^" in lines
    # A warning does not stop the compilation, and at run time the
    # coroutine, dropped before it ran, gets CPython's RuntimeWarning.
    assert result.returncode == 0
    assert result.stdout == "after\n"
    assert "RuntimeWarning: coroutine 'ping' was never awaited" in lines
    cpython = run_cpython(source)
    assert b"RuntimeWarning: coroutine 'ping' was never awaited" in cpython.stderr


def test_started_coroutine_dropped_gives_no_warning(tmp_path: Path) -> None:
    source = tmp_path / "prog.py"
    source.write_text(DRIVER.replace("while step(t):\n        pass", "step(t)"))
    result = pythos("exec", "--leak-check", str(source))
    assert result.returncode == 0, result.stderr
    assert "never awaited" not in result.stderr


THROW_CLOSE = '''\
from collections.abc import Generator


class Tick:
    def __await__(self) -> Generator[None, None, None]:
        yield


async def worker(log: list[str]) -> int:
    try:
        await Tick()
        await Tick()
    except ValueError as e:
        log.append(f"caught {e}")
        return -1
    log.append("finished")
    return 1


def main() -> None:
    log: list[str] = []
    c = worker(log)
    c.send(None)
    try:
        c.throw(ValueError("boom"))
    except StopIteration:
        print("stopped")  # e.value is typed after a send only
    d = worker(log)
    d.send(None)
    d.close()
    print(log)


if __name__ == "__main__":
    main()
'''


def test_coroutine_throw_and_close_match_cpython(tmp_path: Path) -> None:
    source = tmp_path / "prog.py"
    source.write_text(THROW_CLOSE)
    expected = run_cpython(source)
    assert expected.stdout == b"stopped\n['caught boom']\n"
    actual = run_compiled(source, tmp_path, opt=2)
    assert actual.stdout == expected.stdout, actual.stderr.decode()
    assert actual.returncode == 0
