"""The text of a function value (pythos/rt/obj/func.py, `func_repr`).

CPython prints a function as `<function double at 0x7f...>` and a bound
method as `<bound method K.m of <__main__.K object at 0x7f...>>`: an
address no program can rely on.  Pythos prints the same text without the
address and the receiver, `<function double>` and `<bound method K.m>`
(docs/language.md, "Differences from CPython"), the same way in print,
str(), repr(), f-strings and the repr of containers.  The test pins the
compiled text, and checks that it is CPython's with exactly those parts
taken out (so the qualified names, `main.<locals>.<lambda>`, agree).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from .conftest import ROOT, env, run_compiled

PROGRAM = '''\
from collections.abc import Callable


def double(x: int) -> int:
    return x * 2


class K:
    def m(self) -> int:
        return 1

    @staticmethod
    def s(x: int) -> int:
        return x


def outer(n: int) -> Callable[[int], int]:
    def inner(x: int) -> int:
        return x + n
    return inner


TOP: Callable[[int], int] = lambda x: x


def main() -> None:
    f: Callable[[int], int] = double
    print(f)
    print(repr(f), str(f))
    print(f"{f}|{f!r}")
    g: Callable[[], int] = K().m
    print(g)
    h: Callable[[int], int] = lambda x: x + 1
    print(h)
    st: Callable[[int], int] = K.s
    fs = [f, h, outer(2), st, TOP]
    print(fs)
    print({"f": f}, (g, 1))
    print(str(g), repr(outer(3)))


if __name__ == "__main__":
    main()
'''

EXPECTED = """\
<function double>
<function double> <function double>
<function double>|<function double>
<bound method K.m>
<function main.<locals>.<lambda>>
[<function double>, <function main.<locals>.<lambda>>, <function outer.<locals>.inner>, \
<function K.s>, <function <lambda>>]
{'f': <function double>} (<bound method K.m>, 1)
<bound method K.m> <function outer.<locals>.inner>
"""


def without_addresses(text: str) -> str:
    """CPython's text of function values with the address and a bound
    method's receiver (a default object repr) taken out."""
    text = re.sub(r"(<bound method [^ >]+) of <[^<>]*>>", r"\1>", text)
    return re.sub(r" at 0x[0-9a-f]+>", ">", text)


def test_function_values_print_their_qualified_name(tmp_path: Path) -> None:
    path = tmp_path / "function_text.py"
    path.write_text(PROGRAM)
    for opt in (0, 2):
        run = run_compiled(path, tmp_path, opt)
        assert run.returncode == 0, run.stderr.decode()
        assert run.stdout.decode() == EXPECTED
    cpython = subprocess.run([sys.executable, str(path)], cwd=ROOT, env=env(),
                             capture_output=True, check=True)
    assert without_addresses(cpython.stdout.decode()) == EXPECTED
