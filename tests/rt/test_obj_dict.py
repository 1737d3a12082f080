"""dict (pythos/rt/obj/dict.py), compiled, against CPython's own dict.

tests/rt/obj/dict_ops.py is an op interpreter: it reads a script of
operations and prints what it sees.  `expected` runs the same script on a
CPython dict and prints what CPython prints; Hypothesis makes the scripts,
for dict[int, int], dict[str, int] and dict[int, str].  The interpreter is
compiled once per optimisation level, so each example only runs it."""

from __future__ import annotations

import struct
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.compiler.conftest import compile_program

PROGRAM = Path(__file__).parent / "obj" / "dict_ops.py"

INT_MODE, STR_MODE, STR_VALUE_MODE = 0, 1, 2
OPS = 20

Op = tuple[int, Any, int]


@pytest.fixture(scope="module", params=[0, 2])
def interpreter(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    exe = tmp_path_factory.mktemp("dict") / f"dict_ops.O{request.param}"
    built = compile_program(PROGRAM, exe, request.param)
    assert built.returncode == 0, built.stderr.decode()
    return exe


def encode(mode: int, ops: list[Op]) -> bytes:
    out = bytearray([mode])
    for op, key, value in ops:
        out.append(op)
        if mode == STR_MODE:
            raw = key.encode()
            out.append(len(raw))
            out += raw
        else:
            out += struct.pack("<q", key)
        out += struct.pack("<q", value)
    return bytes(out)


def run(exe: Path, mode: int, ops: list[Op]) -> str:
    done = subprocess.run([str(exe)], input=encode(mode, ops), capture_output=True, timeout=60)
    assert done.returncode == 0, done.stderr.decode()
    return done.stdout.decode()


def table_size(d: dict[Any, Any]) -> int:
    """The slots in a CPython 3.11 dict's index, from its size in bytes:
    GC header, dict object, keys object header, index, and two thirds as
    many entries (16 bytes each when every key is a str, else 24)."""
    nbytes = sys.getsizeof(d)
    if nbytes == sys.getsizeof({}):
        return 0  # the shared empty table
    for log2 in range(3, 40):
        size = 1 << log2
        width = 1 if log2 < 8 else 2 if log2 < 16 else 4 if log2 < 32 else 8
        for entry in (16, 24):
            if 16 + 48 + 32 + size * width + (2 * size // 3) * entry == nbytes:
                return size
    raise AssertionError(f"no table size gives {nbytes} bytes")


def expected(mode: int, ops: list[Op]) -> str:
    """What CPython prints for the script (the interpreter's ops, on a
    real dict)."""
    lines: list[str] = []

    def value_of(v: int) -> Any:
        return str(v) if mode == STR_VALUE_MODE else v

    def items_of(it: Iterator[Any], keys_only: bool) -> None:
        try:
            for item in it:
                lines.append(repr(item) if keys_only else f"item {item[0]!r} {item[1]!r}")
        except RuntimeError as e:
            lines.append(f"RuntimeError: {e}")

    d: dict[Any, Any] = {}
    for op, key, v in ops:
        value = value_of(v)
        try:
            if op == 0:
                d[key] = value
            elif op == 1:
                lines.append(repr(d[key]))
            elif op == 2:
                del d[key]
            elif op == 3:
                lines.append(str(key in d))
            elif op == 4:
                lines.append(repr(d.pop(key)))
            elif op == 5:
                lines.append(repr(d.pop(key, value)))
            elif op == 6:
                k2, v2 = d.popitem()
                lines.append(f"{k2!r} {v2!r}")
            elif op == 7:
                lines.append(repr(d.setdefault(key, value)))
            elif op == 8:
                lines.append(repr(d.get(key, value)))
            elif op == 9:
                lines.append(repr(d.get(key)))
            elif op == 10:
                lines.append(str(len(d)))
            elif op == 11:
                lines.append(repr(d))
            elif op == 12:
                items_of(iter(d), True)
                items_of(iter(d.items()), False)
            elif op == 13:
                c = d.copy()
                lines.append(repr(c))
                lines.append(str(table_size(c)))
                lines.append(f"{c == d} {d == c}")
                c[key] = value
                lines.append(str(c == d))
            elif op == 14:
                d.clear()
            elif op == 15:
                o = {key: value, key: value_of(v + 1)}  # noqa: F602 (a repeated key, on purpose)
                lines.append(repr(o))
                lines.append(str(o == d))
                d.update(o)
                d.update(d)
            elif op == 18:
                lines.append(str(table_size(d)))
            elif op == 19:
                # The object keys (str) or values (str) a collector would visit.
                lines.append(str(0 if mode == INT_MODE else len(d)))
            elif op in (16, 17):
                it = iter(d)
                first = next(it, None) if d else None
                if not d:
                    lines.append("empty")
                    continue
                lines.append(repr(first))
                if op == 16:
                    d[key] = value
                else:
                    del d[first]
                    d[first] = value
                items_of(it, True)
        except KeyError as e:
            lines.append(f"KeyError: {e}")
    return "\n".join(lines) + ("\n" if lines else "") + "0\n"


small_ints = st.integers(-4, 12)
edge_ints = st.sampled_from([-1, -2, 2**61 - 1, 2**61, -(2**61), 2**62, -(2**63), 2**63 - 1, 8, 16])
int_keys = st.one_of(small_ints, small_ints, small_ints, edge_ints)
str_keys = st.text(alphabet="abcé€ ", max_size=3)
values = st.integers(-1000, 1000)
# Sets and deletes dominate, so that tables fill, empty and compact.
op_codes = st.one_of(st.sampled_from([0, 0, 0, 2, 2, 4, 7]), st.integers(0, OPS - 1))


def scripts(keys: st.SearchStrategy[Any]) -> st.SearchStrategy[list[Op]]:
    return st.lists(st.tuples(op_codes, keys, values), max_size=120)


SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(ops=scripts(int_keys))
def test_int_keys_behave_as_cpython_dict(interpreter: Path, ops: list[Op]) -> None:
    assert run(interpreter, INT_MODE, ops) == expected(INT_MODE, ops)


@SETTINGS
@given(ops=scripts(str_keys))
def test_str_keys_behave_as_cpython_dict(interpreter: Path, ops: list[Op]) -> None:
    assert run(interpreter, STR_MODE, ops) == expected(STR_MODE, ops)


@SETTINGS
@given(ops=scripts(int_keys))
def test_str_values_behave_as_cpython_dict(interpreter: Path, ops: list[Op]) -> None:
    assert run(interpreter, STR_VALUE_MODE, ops) == expected(STR_VALUE_MODE, ops)


def test_order_after_deletion_reinsertion_and_compaction(interpreter: Path) -> None:
    """Thousands of inserts and deletes (the table grows and compacts many
    times); a deleted key re-inserted goes to the end."""
    ops: list[Op] = []
    for i in range(3000):
        ops.append((0, i % 700, i))
        if i % 3 == 0:
            ops.append((2, (i * 7) % 700, 0))
        if i % 500 == 0:
            ops.append((11, 0, 0))
    ops += [(2, 5, 0), (0, 5, 1), (0, 1, 1), (11, 0, 0), (6, 0, 0), (6, 0, 0), (11, 0, 0),
            (12, 0, 0), (10, 0, 0)]
    got = run(interpreter, INT_MODE, ops)
    assert got == expected(INT_MODE, ops)


def test_error_messages_are_cpythons(interpreter: Path) -> None:
    ops: list[Op] = [(1, 7, 0), (6, 0, 0), (0, 1, 1), (0, 2, 2), (16, 3, 3), (17, 0, 9)]
    got = run(interpreter, INT_MODE, ops)
    assert got == expected(INT_MODE, ops)
    assert got.splitlines()[:2] == ["KeyError: 7", "KeyError: 'popitem(): dictionary is empty'"]
    assert "RuntimeError: dictionary changed size during iteration" in got
    assert "RuntimeError: dictionary keys changed during iteration" in got
    strs = run(interpreter, STR_MODE, [(2, "x", 0), (11, "", 0)])
    assert strs == "KeyError: 'x'\n{}\n0\n"
