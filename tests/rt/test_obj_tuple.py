"""Tuples (pythos/rt/obj/tuple.py), compiled, against CPython's own tuple.

`obj/tuple_ops.py` reads two tuples, index queries, slices and probe
values from standard input and prints reprs, hashes (CPython 3.11's
exact algorithm, so `hash((1, 2))` agrees), comparisons, concatenation,
indexing, slicing and `in`; `expected` computes the same text with
CPython's tuples.  Hypothesis chooses the inputs; the program is compiled
once per optimisation level.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.compiler.conftest import compile_program

HERE = Path(__file__).parent / "obj"


@pytest.fixture(scope="module", params=[0, 2])
def tuple_ops(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    exe = tmp_path_factory.mktemp("tuple_ops") / f"tuple_ops.O{request.param}"
    built = compile_program(HERE / "tuple_ops.py", exe, request.param)
    assert built.returncode == 0, built.stderr.decode()
    return exe


def s8(b: int) -> int:
    return b - 256 if b >= 128 else b


def encode(mode: int, first: list[int], second: list[int], indexes: list[int],
           slices: list[tuple[int, int, int, int]], probes: list[int],
           repeats: list[int]) -> bytes:
    out = bytes([mode, len(first), *first, len(second), *second, len(indexes), *indexes,
                 len(slices)])
    for s in slices:
        out += bytes(s)
    return out + bytes([len(probes), *probes, len(repeats), *repeats])


def expected(mode: int, first_b: list[int], second_b: list[int], indexes: list[int],
             slices: list[tuple[int, int, int, int]], probes: list[int],
             repeats: list[int]) -> str:
    def value(b: int) -> int:
        return s8(b) * (2**55 + 1) if mode == 0 else s8(b)

    first = tuple(value(b) for b in first_b)
    second = tuple(b if mode == 2 else value(b) for b in second_b)
    lines = [repr(first), repr(second), f"{hash(first)} {hash(second)}",
             " ".join(str(x) for x in (first == second, first < second, first <= second,
                                       second < first, second <= first, True)),
             repr(first + second), "True True"]
    for i in indexes:
        try:
            lines.append(repr(first[s8(i)]))
        except IndexError as e:
            lines.append(f"E1 {e}")
    for a, b, c, flags in slices:
        part = slice(s8(a) if flags & 1 else None, s8(b) if flags & 2 else None,
                     s8(c) if flags & 4 else None)
        try:
            got = first[part]
        except ValueError as e:
            lines.append(f"E3 {e}")
            continue
        lines.append(repr(got))
        lines.append(str(got is first))
    for p in probes:
        v = value(p)
        try:
            found = str(first.index(v, 1))
        except ValueError as e:
            found = f"E3 {e}"
        lines.append(f"{v in first} {v in second} {len(first)} {first.count(v)} "
                     f"{second.count(v)} {found}")
    for t in repeats:
        repeated = first * s8(t)
        lines += [repr(repeated), str(repeated is first)]
    lines.append(f"True {tuple(first) is first}")
    mixed = ((1, 2), True, -5, True)
    lines += [f"{hash((1, 2))} {hash(())} {hash(mixed)}", repr(mixed), repr((1,)), repr(())]
    lines.append("live 0")
    return "\n".join(lines) + "\n"


byte = st.one_of(st.integers(-10, 10).map(lambda i: i & 0xFF), st.integers(0, 255))
items = st.lists(byte, max_size=12)
slice_spec = st.tuples(byte, byte, byte, st.integers(0, 7))


@pytest.mark.parametrize("mode", [0, 1, 2], ids=["int", "objects", "int-and-u8"])
@settings(max_examples=50, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(first=items, second=items, indexes=st.lists(byte, max_size=6),
       slices=st.lists(slice_spec, max_size=6), probes=st.lists(byte, max_size=6),
       repeats=st.lists(st.integers(-2, 4).map(lambda i: i & 0xFF), max_size=3))
def test_tuples_match_cpython(tuple_ops: Path, mode: int, first: list[int], second: list[int],
                              indexes: list[int], slices: list[tuple[int, int, int, int]],
                              probes: list[int], repeats: list[int]) -> None:
    args = (mode, first, second, indexes, slices, probes, repeats)
    run = subprocess.run([str(tuple_ops)], input=encode(*args), capture_output=True, timeout=60)
    assert run.returncode == 0, run.stderr.decode()
    assert run.stdout.decode() == expected(*args)


def test_equal_prefixes_and_hash_of_a_pair(tuple_ops: Path) -> None:
    """The cases random inputs rarely hit together: one tuple a prefix of
    the other, a whole-tuple slice that is the tuple itself, negative
    steps, and CPython's hash((1, 2))."""
    args = (0, [1, 2, 3], [1, 2, 3, 4], [3, 253, 252],
            [(0, 0, 0, 0), (0, 0, 255, 4), (2, 0, 254, 7), (0, 0, 0, 4)], [2, 9, 1],
            [0, 1, 2, 255])
    run = subprocess.run([str(tuple_ops)], input=encode(*args), capture_output=True, timeout=60)
    text = run.stdout.decode()
    assert text == expected(*args)
    assert f"{hash((1, 2))} {hash(())}" in text
