"""Run-time str operations, dicts and sets (issue 11): a failed one stops
the program with CPython's report, and what is not lowered yet stops
cleanly."""

from __future__ import annotations

import pytest

from .test_object_lowering import pythos


@pytest.mark.parametrize("body, line, report", [
    ('    print("before")\n    n = int("12x")\n    print(n)\n', 3,
     "ValueError: invalid literal for int() with base 10: '12x'"),
    ('    s = "héllo"\n    i = 9\n    print(s[i])\n', 4, "IndexError: string index out of range"),
    ('    print(int("zz", 16))\n', 2, "ValueError: invalid literal for int() with base 16: 'zz'"),
    ('    k = 0\n    print("abc"[::k])\n', 3, "ValueError: slice step cannot be zero"),
    ('    s = "ab"\n    print(ord(s))\n', 3,
     "TypeError: ord() expected a character, but string of length 2 found"),
    ('    n = -1\n    print(len(chr(n)))\n', 3, "ValueError: chr() arg not in range(0x110000)"),
    ('    d = {"a": 1}\n    print(d["b"])\n', 3, "KeyError: 'b'"),
    ('    d = {1: "x"}\n    del d[2]\n', 3, "KeyError: 2"),
    ('    d = {1: "x"}\n    print(d.pop(7))\n', 3, "KeyError: 7"),
    ('    s = {1}\n    s.remove(3)\n', 3, "KeyError: 3"),
    ('    d = {1: 1}\n    for k in d:\n        d[k + 1] = 0\n', 3,
     "RuntimeError: dictionary changed size during iteration"),
])
def test_a_failed_operation_reports_like_cpython(tmp_path: object, body: str, line: int,
                                                  report: str) -> None:
    source = "def main() -> None:\n" + body + ""
    for opt in ("-O0", "-O2"):
        result = pythos(tmp_path, source, opt)  # type: ignore[arg-type]
        assert result.returncode == 1, result.stderr
        lines = result.stderr.splitlines()
        # CPython's traceback: the frame of main at the line, its source, the error.
        source_line = source.splitlines()[line - 1].strip()
        assert lines[-3:] == [f'  File "prog.py", line {line}, in main', f"    {source_line}",
                              report], result.stderr
        if "before" in body:
            assert result.stdout == "before\n"


def test_keys_whose_class_defines_eq_are_hashed_by_it(tmp_path: object) -> None:
    """A frozen dataclass key hashes and compares by its fields, through
    its TypeInfo (pythos/lower/special.py), not by identity."""
    source = ("from dataclasses import dataclass\n\n\n@dataclass(frozen=True)\nclass K:\n"
              "    a: int\n\n\ndef main() -> None:\n    d = {K(1): 2}\n"
              "    print(len(d), d[K(1)], K(2) in d)\n")
    result = pythos(tmp_path, source)  # type: ignore[arg-type]
    assert result.returncode == 0, result.stderr
    assert result.stdout == "1 2 False\n"


# (split, join and format compile now: tests/programs/obj_strs_*.py.)
@pytest.mark.parametrize("call", ['len("é".encode())', 'len("é".encode("utf-8"))',
                                  '"é€".encode()[-1]'])
def test_encode_makes_utf8_bytes(tmp_path: object, call: str) -> None:
    """`s.encode()` makes a bytes object of the str's UTF-8 (a temporary
    here: indexing it keeps it alive past the load, then it is freed)."""
    result = pythos(tmp_path, f"def main() -> None:\n    print({call})\n")  # type: ignore
    assert result.returncode == 0, result.stderr
    assert result.stdout == ("172\n" if "[-1]" in call else "2\n")
