"""The iteration protocol (pythos/ir/build/iterate.py, issue 11): loops
unpack enumerate/zip/items without building tuples, iterator classes end
their loops with StopIteration, and a StopIteration or other error that
escapes is reported as CPython reports it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from .conftest import env


def run(tmp_path: Path, source: str, *args: str) -> subprocess.CompletedProcess[str]:
    program = tmp_path / "prog.py"
    program.write_text(source)
    return subprocess.run([sys.executable, "-m", "pythos", *args, str(program)],
                          cwd=tmp_path, env=env(), capture_output=True, text=True, timeout=300)


COUNTDOWN = """\
class Countdown:
    def __init__(self, start: int) -> None:
        self.n = start
        self.seen = [0]

    def __iter__(self) -> "Countdown":
        return self

    def __next__(self) -> int:
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.seen[self.n]


"""


def test_unpacking_targets_take_the_parts_without_a_tuple(tmp_path: Path) -> None:
    source = ("def main() -> None:\n    xs = [1, 2]\n    ys = ['a', 'b']\n"
              "    for i, (x, y) in enumerate(zip(xs, ys)):\n        print(i, x, y)\n")
    ir = run(tmp_path, source, "compile", "-O0", "--dump", "ir").stdout
    assert "list_item" in ir
    assert "tuple_new" not in ir
    whole = source.replace("for i, (x, y) in", "for i, pair in").replace("i, x, y", "i, pair")
    ir = run(tmp_path, whole, "compile", "-O0", "--dump", "ir").stdout
    assert "tuple_new" in ir  # a name that takes the whole item gets a tuple


def test_a_loop_over_a_tuple_display_makes_no_tuple(tmp_path: Path) -> None:
    source = ("def main() -> None:\n    x = 3\n"
              "    for a, b in ((x + 1, x), (x - 1, x)):\n        print(a, b)\n"
              "    for c in (x * 2, x * 3):\n        print(c)\n")
    ir = run(tmp_path, source, "compile", "-O0", "--dump", "ir").stdout
    assert "tuple_new" not in ir and "select" in ir
    result = run(tmp_path, source, "exec", "-O2", "--leak-check")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "4 3\n2 3\n6\n9\n"
    whole = source.replace("for a, b in", "for pair in").replace("print(a, b)", "print(pair)")
    ir = run(tmp_path, whole, "compile", "-O0", "--dump", "ir").stdout
    assert ir.count("tuple_new") == 1  # the item a name takes whole is a tuple, made in the body


def test_stop_iteration_ends_the_loop(tmp_path: Path) -> None:
    source = COUNTDOWN + ("def main() -> None:\n    c = Countdown(1)\n    for v in c:\n"
                          "        print(v)\n    print('after')\n")
    result = run(tmp_path, source, "exec", "-O2", "--leak-check")
    assert (result.returncode, result.stdout) == (0, "0\nafter\n"), result.stderr


def test_next_past_the_end_reports_stop_iteration(tmp_path: Path) -> None:
    source = COUNTDOWN + ("def main() -> None:\n    c = Countdown(1)\n    print(next(c))\n"
                          "    print(next(c))\n")
    result = run(tmp_path, source, "exec", "-O0")
    assert result.returncode == 1
    assert result.stdout == "0\n"
    # CPython's traceback: the call in main, then the raise in __next__.
    assert result.stderr.splitlines()[-5:] == [
        '  File "prog.py", line 19, in main', "    print(next(c))",
        '  File "prog.py", line 11, in __next__', "    raise StopIteration", "StopIteration"]


def test_another_error_in_next_is_not_the_end_of_the_loop(tmp_path: Path) -> None:
    # `seen` has one item: the second __next__ fails with IndexError, which
    # must stop the program, not end the loop quietly.
    source = COUNTDOWN + ("def main() -> None:\n    c = Countdown(2)\n    for v in c:\n"
                          "        print(v)\n    print('not reached')\n")
    result = run(tmp_path, source, "exec", "-O0")
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines()[-1] == "IndexError: list index out of range"
    assert '  File "prog.py", line 13, in __next__' in result.stderr.splitlines()


def test_a_zero_range_step_is_a_value_error(tmp_path: Path) -> None:
    source = ("def main() -> None:\n    step = len('') \n    xs = ['a']\n"
              "    for i, x in zip(range(0, 5, step), xs):\n        print(i, x)\n")
    result = run(tmp_path, source, "exec", "-O0")
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == "ValueError: range() arg 3 must not be zero"


# `each` is the entry point consumers (list(), sum(), ...) build on.  This
# test routes the list comprehension through it in a child process, so that
# the entry point is exercised as a consumer would use it: every item, as
# one value (a tuple for zip's), in the order of a for loop.
EACH_DRIVER = """\
import sys
from pythos.cli import main
from pythos.ir.build import FunctionBuilder
from pythos.ir.build.errors import checked_call
from pythos.ir.build.lists import item_kind
from pythos.ir.ops import Call, ContainerTypeInfo, Integer
from pythos.types import I64

def expr_ListComp(self, node):
    lt = node.ty
    result = self.hidden("each.result", lt)
    ti = self.add(ContainerTypeInfo(lt, item_kind(lt.element) or 0))
    raw = self.add(Call(self.list_fn("list_new"), [ti, Integer(0, I64)]))
    self.assign(result, self.as_object(raw, lt))
    def append(v):
        checked_call(self, node, self.list_fn("list_append"),
                     [result, self.to_slot(v, lt.element)])
    self.each(node.generators[0].iter, append)
    return result

FunctionBuilder.expr_ListComp = expr_ListComp
sys.exit(main(sys.argv[1:]))
"""


def test_each_runs_a_body_for_every_item(tmp_path: Path) -> None:
    source = ("def main() -> None:\n    d = {'a': 1, 'b': 2}\n"
              "    print([x for x in [3, 1, 3]], [x for x in 'abñ'], [k for k in d])\n"
              "    print([p for p in zip([1, 2, 3], (7, 8))], [kv for kv in d.items()])\n"
              "    print([e for e in enumerate(reversed('xy'))])\n\n\n"
              "if __name__ == '__main__':\n    main()\n")
    program = tmp_path / "prog.py"
    program.write_text(source)
    result = subprocess.run([sys.executable, "-c", EACH_DRIVER, "exec", "-O0", "--leak-check",
                             str(program)], cwd=tmp_path, env=env(), capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    expected = subprocess.run([sys.executable, str(program)], capture_output=True, text=True)
    assert result.stdout == expected.stdout
    assert result.stdout.startswith("[3, 1, 3] ['a', 'b', 'ñ'] ['a', 'b']\n")


NARROW = """\
from pythos.lang import u8


class Bytes:
    def __init__(self) -> None:
        self.n = u8(250)

    def __iter__(self) -> "Bytes":
        return self

    def __next__(self) -> u8:
        if self.n == 255:
            raise StopIteration
        self.n += 1
        return self.n


def main() -> None:
    print([b for b in Bytes()], next(Bytes()))
"""


def test_a_narrow_next_result_is_widened_and_narrowed_back(tmp_path: Path) -> None:
    # __next__'s result crosses the loop's head in a u64: a u8 or bool is
    # extended there, not bit-cast (which LLVM refuses between widths).
    for opt in ("-O0", "-O2"):
        result = run(tmp_path, NARROW, "exec", opt, "--leak-check")
        assert result.returncode == 0, result.stderr
        assert result.stdout == "[251, 252, 253, 254, 255] 251\n"
