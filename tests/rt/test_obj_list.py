"""Lists (pythos/rt/obj/list.py), compiled, against CPython's own list.

`obj/list_ops.py` interprets operations read from standard input on four
list registers and prints each result and every register's repr.
`expected` runs the same operations on CPython lists and prints the same
way; Hypothesis writes random operation sequences for `list[int]`,
`list[u8]`, lists of objects (int boxes) and lists of lists (whose
items compare, sort and print through the list kind's own functions),
and the texts must match,
ending with no live objects.  The program is compiled once per
optimisation level.  Other programs check what random short sequences
rarely reach: aliasing through `*`, a list that contains itself, a
million boxes and a million nested lists freed on a small stack, and
sort stability on a large list.
"""

from __future__ import annotations

import random
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.compiler.conftest import compile_program

HERE = Path(__file__).parent / "obj"
LIMIT = 400
NOPS = 28
ERRORS = {IndexError: 1, ValueError: 3, MemoryError: 8}


@pytest.fixture(scope="module", params=[0, 2])
def list_ops(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    exe = tmp_path_factory.mktemp("list_ops") / f"list_ops.O{request.param}"
    built = compile_program(HERE / "list_ops.py", exe, request.param)
    assert built.returncode == 0, built.stderr.decode()
    return exe


def s8(b: int) -> int:
    return b - 256 if b >= 128 else b


def value_of(mode: int) -> Callable[[int], Any]:
    """What list_ops makes of a value byte (one of 12 values per mode)."""
    if mode == 0:
        return lambda b: (b % 12 - 6) * (2**60 + 1)
    if mode == 1:
        return lambda b: (b % 12 * 25) & 0xFF
    if mode == 3:
        return lambda b: [b % 12 % 6 - 3] + ([0] if b % 12 >= 6 else [])
    return lambda b: b % 12 - 6


def expected(mode: int, ops: bytes) -> str:
    """What list_ops prints for `ops`, computed with CPython's lists."""
    regs: list[list[Any]] = [[], [], [], []]
    value = value_of(mode)
    out: list[str] = []

    def bounds(a: int, b: int, c: int, d: int) -> slice:
        return slice(s8(a) if d & 4 else None, s8(b) if d & 8 else None,
                     s8(c) if d & 16 else None)

    def op(code: int, r: int, a: int, b: int, c: int, d: int) -> Any:
        lst = regs[r]
        other = regs[a & 3]
        if code == 0:
            lst.append(value(a))
        elif code == 1:
            if len(lst) + len(other) > LIMIT:
                return "skip"
            lst.extend(other)
        elif code == 2:
            lst.insert(s8(a), value(b))
        elif code == 3:
            return lst.pop(s8(a))
        elif code == 4:
            return lst.pop()
        elif code == 5:
            lst.remove(value(a))
        elif code == 6:
            start = s8(b) if d & 1 else 0
            stop = s8(c) if d & 2 else 2**63 - 1
            return lst.index(value(a), start, stop)
        elif code == 7:
            return lst.count(value(a))
        elif code == 8:
            lst.reverse()
        elif code == 9:
            lst.sort(reverse=bool(a & 1))
        elif code == 10:
            def key(x: Any) -> int:
                if a & 2:
                    lst.append(value(0))
                return int((x[0] if mode == 3 else x) % 3)
            lst.sort(key=key, reverse=bool(a & 1))
        elif code == 11:
            lst.clear()
        elif code == 12:
            regs[a & 3] = lst.copy()
        elif code == 13:
            regs[d & 3] = lst[bounds(a, b, c, d)]
        elif code == 14:
            source = regs[d & 3]
            if len(lst) + len(source) > LIMIT:
                return "skip"
            lst[bounds(a, b, c, d)] = source
        elif code == 15:
            del lst[s8(a)]
        elif code == 16:
            del lst[bounds(a, b, c, d)]
        elif code == 17:
            if len(lst) + len(other) > LIMIT:
                return "skip"
            regs[d & 3] = lst + other
        elif code == 18:
            times = s8(a) % 6 - 1
            if len(lst) * times > LIMIT:
                return "skip"
            regs[d & 3] = lst * times
        elif code == 19:
            if len(lst) + len(other) > LIMIT:
                return "skip"
            lst += other
        elif code == 20:
            times = s8(a) % 6 - 1
            if len(lst) * times > LIMIT:
                return "skip"
            lst *= times
        elif code == 21:
            return value(a) in lst
        elif code == 22:
            return " ".join(str(x) for x in (lst == other, lst < other, lst <= other,
                                             other < lst, other <= lst))
        elif code == 23:
            return lst[s8(a)]
        elif code == 24:
            lst[s8(a)] = value(b)
        elif code == 25:
            return len(lst)
        elif code == 26:
            if len(lst) + len(other) > LIMIT:
                return "skip"
            lst.extend(tuple(other))
        else:
            regs[a & 3] = lst
        return "ok"

    for pos in range(1, len(ops) - 5, 6):
        code, r, a, b, c, d = ops[pos:pos + 6]
        try:
            out.append(str(op(code % NOPS, r & 3, a, b, c, d)))
        except (IndexError, ValueError, MemoryError) as e:
            out.append(f"E{ERRORS[type(e)]} {e}")
        out.append(" | ".join(repr(lst) for lst in regs))
    out.append("live 0")
    return "\n".join(out) + "\n"


def run(exe: Path, mode: int, ops: bytes) -> str:
    result = subprocess.run([str(exe)], input=bytes([mode]) + ops, capture_output=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout.decode()


def check(exe: Path, mode: int, ops: bytes) -> None:
    assert run(exe, mode, ops) == expected(mode, bytes([mode]) + ops)


# Operations biased towards small registers and indexes near the lists'
# lengths, where the interesting boundaries are.
small = st.integers(-12, 12).map(lambda i: i & 0xFF)
byte = st.one_of(small, st.integers(0, 255))
# A quarter of the operations are appends, so that lists get long enough
# for searches to find things and slices to have room.
code = st.one_of(st.just(0), st.integers(0, NOPS - 1), st.integers(0, NOPS - 1),
                 st.integers(0, NOPS - 1))
operation = st.tuples(code, st.integers(0, 3), byte, byte, byte, st.integers(0, 255)).map(bytes)
sequences = st.lists(operation, min_size=20, max_size=100).map(b"".join)


@pytest.mark.parametrize("mode", [0, 1, 2, 3], ids=["int", "u8", "objects", "lists"])
@settings(max_examples=50, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=sequences)
def test_random_operations_match_cpython(list_ops: Path, mode: int, ops: bytes) -> None:
    check(list_ops, mode, ops)


@pytest.mark.parametrize("mode", [0, 1, 2, 3], ids=["int", "u8", "objects", "lists"])
def test_a_long_random_sequence(list_ops: Path, mode: int) -> None:
    """Thousands of operations in one run: lists that live long, grow to
    the limit and shrink again, under every operation in turn."""
    rng = random.Random(11 + mode)
    ops = bytearray()
    for _ in range(4000):
        ops += bytes([rng.choice([0, 0, 0, 2, rng.randrange(NOPS)]), rng.randrange(4),
                      rng.choice([rng.randrange(256), rng.randrange(-12, 13) & 0xFF]),
                      rng.randrange(256), rng.randrange(-8, 9) & 0xFF, rng.randrange(256)])
    check(list_ops, mode, bytes(ops))


def ops_of(*rows: tuple[int, ...]) -> bytes:
    return b"".join(bytes(row) for row in rows)


@pytest.mark.parametrize("mode", [0, 1, 2, 3])
def test_every_operation_and_error_message(list_ops: Path, mode: int) -> None:
    neg = 256 - 1
    ops = ops_of(
        (4, 0, 0, 0, 0, 0),                      # pop from empty list
        (3, 0, 0, 0, 0, 0),                      # pop(0) from empty list
        (23, 0, 0, 0, 0, 0),                     # list index out of range
        (24, 0, 0, 1, 0, 0),                     # list assignment index out of range
        (15, 0, 0, 0, 0, 0),                     # del: assignment index out of range
        *[(0, 0, v, 0, 0, 0) for v in (5, 3, 9, 3, 200, 1, 3)],
        (6, 0, 3, 2, 0, 1),                      # index with a start
        (6, 0, 3, 0, neg, 3),                    # index with start and negative stop
        (6, 0, 78, 0, 0, 0),                     # N is not in list
        (5, 0, 78, 0, 0, 0),                     # list.remove(x): x not in list
        (3, 0, 40, 0, 0, 0),                     # pop index out of range
        (3, 0, 256 - 40, 0, 0, 0),
        (2, 0, 100, 8, 0, 0),                    # insert clamps at the end
        (2, 0, 256 - 100, 6, 0, 0),              # and at the start
        (14, 0, 0, 0, 2, 0b10000 | 1),           # extended slice of the wrong size
        (16, 0, 0, 0, 256 - 2, 0b10000),         # del l[::-2]
        (13, 0, 0, 0, 0, 0b10000 | 2),           # slice step cannot be zero
        (14, 0, 1, 3, 1, 0b01100 | 1),           # l[1:3] = other (empty)
        (22, 0, 1, 0, 0, 0),
        (10, 0, 1, 0, 0, 0),                     # key sort, reverse
        (9, 0, 0, 0, 0, 0),
        # Distinct items with equal keys, more than one insertion-sorted
        # run of them, so that key sorts merge runs.
        *[(0, 0, v, 0, 0, 0) for v in range(40, 80)],
        (10, 0, 0, 0, 0, 0),
        (10, 0, 1, 0, 0, 0),
        (10, 0, 2, 0, 0, 0),                     # list modified during sort
        (18, 0, 2, 0, 0, 1),                     # repeat 0 times: []
        (20, 0, 256 - 1, 0, 0, 0),               # *= -2: cleared
    )
    check(list_ops, mode, ops)
    text = expected(mode, bytes([mode]) + ops)
    for message in ("pop from empty list", "E1 list index out of range",
                    "E1 list assignment index out of range", "is not in list",
                    "list.remove(x): x not in list", "pop index out of range",
                    "to extended slice of size", "slice step cannot be zero",
                    "list modified during sort"):
        assert message in text


@pytest.mark.parametrize("opt", [0, 2])
def test_aliasing_self_reference_and_nesting(tmp_path: Path, opt: int) -> None:
    exe = tmp_path / f"list_objects.O{opt}"
    built = compile_program(HERE / "list_objects.py", exe, opt)
    assert built.returncode == 0, built.stderr.decode()
    run_ = subprocess.run([str(exe)], capture_output=True, timeout=60)
    assert run_.returncode == 0, run_.stderr.decode()
    grid = [[0] * 3] * 3
    grid[0][1] = 5
    looped: list[Any] = [1, 2]
    looped.append(looped)
    inner: list[Any] = []
    pair = (inner, 7)
    inner.append(pair)
    nested = [[1, 2], [], [3]]
    assert run_.stdout.decode() == (
        f"{grid}\n{looped}\n{pair!r}\n{nested == [[1, 2], [], [3]]} {nested < [[1, 2], [0]]}\n"
        f"{sorted(nested)}\n"
        # small_kinds: one object item (the box) in the int | None list, the
        # list itself in the tuple (visit's argument 10), none in [True, False].
        f"{[True, False]}\n{[None, None]}\n{[1, None]}\n"
        f"{None in [1, None]} {True in [True, False]} {[None, None].index(None, 1, 9)} 11\n"
        # too_big: MemoryError (8) from *, *= and a list made with no room
        # for its capacity; no list results, the list unchanged.
        "8 8 0 2\n8 0\n"
        "live 0\n")


@pytest.mark.parametrize("opt", [0, 2])
def test_million_items_free_without_recursion(tmp_path: Path, opt: int) -> None:
    exe = tmp_path / f"list_million.O{opt}"
    built = compile_program(HERE / "list_million.py", exe, opt)
    assert built.returncode == 0, built.stderr.decode()
    run_ = subprocess.run(["bash", "-c", f"ulimit -s 256 && exec {exe}"],
                          capture_output=True, timeout=120)
    assert run_.returncode == 0, run_.stderr.decode()
    keys = [(i * 7919) % 1000 for i in range(200_000)]
    order = sorted(range(200_000), key=lambda i: keys[i])
    assert run_.stdout.decode() == (
        # Live allocations: the boxes, the list and its buffer; then the
        # lists, each with a buffer but the innermost.
        "1000002\nlive 0\n2000001\nlive 0\n"
        f"{sum(k * i for k, i in enumerate(order)) % (2**61 - 1)}\nlive 0\n")
