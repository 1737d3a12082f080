"""The bounds pass (pythos/ir/passes/bounds.py): a provable index check is
gone from the IR, an unprovable one stays, and programs whose loops it
rewrites still print what CPython prints and still panic where CPython
raises IndexError, at -O0 and -O2."""

from __future__ import annotations

from pathlib import Path

import pytest

from pythos.driver import compile_file
from pythos.ir import ops as O
from pythos.ir.build import SCAN_STRIDE
from pythos.ir.passes.bounds import remove_bounds_checks
from pythos.target import get_target

from .conftest import PROGRAMS, run_compiled, run_cpython

HEADER = """\
from typing import Final
from pythos.lang import i8, i64, u8, u64, Array

N: Final = 16
A = Array[i64, N]()
"""


def function(tmp_path: Path, body: str, name: str = "f") -> O.FuncIR:
    """The IR of function `name` in a program made of HEADER and `body`."""
    path = tmp_path / "prog.py"
    path.write_text(HEADER + body + "\n\ndef main() -> None:\n    pass\n")
    result = compile_file(path, get_target("linux"), stop_after="ir")
    assert result.ir is not None
    (fn,) = [f for f in result.ir.functions if f.name.endswith(f".{name}")]
    return fn


def checks(fn: O.FuncIR) -> int:
    """The index checks left: calls of panic_index."""
    return sum(1 for b in fn.blocks for op in b.ops
               if isinstance(op, O.Call) and op.fn.name == "panic_index")


def fixups(fn: O.FuncIR) -> int:
    """The paths left that try an index as a negative one."""
    return sum(1 for b in fn.blocks
               if b.label == "check.negative" and isinstance(b.terminator, O.Branch))


def test_range_len_loop_has_no_check(tmp_path: Path) -> None:
    fn = function(tmp_path, """
def f(a: Array[i64, 16]) -> i64:
    s = i64(0)
    for i in range(len(a)):
        s += a[i]
    return s
""")
    assert (checks(fn), fixups(fn)) == (0, 0)


def test_range_constant_within_length(tmp_path: Path) -> None:
    fn = function(tmp_path, """
def f() -> i64:
    s = i64(0)
    for i in range(3, N):
        s += A[i]
    for i in range(N - 1, -1, -1):
        s += A[i]
    for i in range(0, N, 5):
        s += A[i]
    return s
""")
    assert (checks(fn), fixups(fn)) == (0, 0)


def test_constant_past_the_end_keeps_the_check(tmp_path: Path) -> None:
    fn = function(tmp_path, """
def f() -> i64:
    s = i64(0)
    for i in range(N + 1):
        s += A[i]
    return s
""")
    assert checks(fn) == 1
    assert fixups(fn) == 0  # but i >= 0 is still proven


def test_constant_indexes(tmp_path: Path) -> None:
    fn = function(tmp_path, """
def f() -> i64:
    return A[0] + A[15] + A[-1] + A[-16]
""")
    assert (checks(fn), fixups(fn)) == (0, 0)
    fn = function(tmp_path, """
def f() -> i64:
    return A[16] + A[-17]
""")
    assert checks(fn) == 2  # they panic at run time, as CPython raises


def test_runtime_bound_is_guarded(tmp_path: Path) -> None:
    """`range(n)` with n known only at run time, possibly larger than the
    array: one copy of the loop runs without checks behind a guard on n,
    the other keeps its check (and its message and line)."""
    fn = function(tmp_path, """
def f(n: int) -> i64:
    s = i64(0)
    for i in range(n):
        s += A[i]
    return s
""")
    assert checks(fn) == 1
    guards = [op for b in fn.blocks for op in b.ops
              if isinstance(op, O.Compare) and isinstance(op.rhs, O.Integer)
              and op.rhs.value == 16 and op.op == "sle"]
    assert len(guards) == 1
    call = next(op for b in fn.blocks for op in b.ops
                if isinstance(op, O.Call) and op.fn.name == "panic_index")
    assert call.pos is not None and call.pos.line == HEADER.count("\n") + 5


def test_reassigned_loop_variable_keeps_the_check(tmp_path: Path) -> None:
    fn = function(tmp_path, """
def f() -> i64:
    s = i64(0)
    for i in range(N):
        i = i * 2
        s += A[i]
    return s
""")
    assert checks(fn) == 1
    assert fixups(fn) == 0  # i * 2 is in [0, 30]: not negative, but maybe too big


def test_reassigned_after_the_use(tmp_path: Path) -> None:
    """An assignment later in the body does not reach the index (the loop
    variable is bound again at the start of the next iteration)."""
    fn = function(tmp_path, """
def f() -> i64:
    s = i64(0)
    for i in range(N):
        s += A[i]
        i = 100
        s += i
    return s
""")
    assert checks(fn) == 0


def test_assignment_on_one_path_keeps_the_check(tmp_path: Path) -> None:
    fn = function(tmp_path, """
def f() -> i64:
    s = i64(0)
    for i in range(N):
        if s > 3:
            i = -100
        s += A[i]
    return s
""")
    assert checks(fn) == 1


def test_computed_indexes(tmp_path: Path) -> None:
    """`i + 1` and `2 * i` are proven when their interval fits, and kept
    when it does not."""
    fn = function(tmp_path, """
def f() -> i64:
    s = i64(0)
    for i in range(N - 1):
        s += A[i + 1]
    for i in range(N // 2):
        s += A[2 * i + 1]
    return s
""")
    assert checks(fn) == 0
    fn = function(tmp_path, """
def f() -> i64:
    s = i64(0)
    for i in range(N):
        s += A[i + 1]
    return s
""")
    assert checks(fn) == 1
    fn = function(tmp_path, """
def f() -> i64:
    s = i64(0)
    for i in range(N):
        s += A[2 * i]
    return s
""")
    assert checks(fn) == 1


def test_offset_indexes_are_guarded(tmp_path: Path) -> None:
    """`a[i + 1]` and `a[i - 1]` in a loop with runtime bounds: the guard
    covers the window of the loop variable where both are valid."""
    fn = function(tmp_path, """
def f(a: int, b: int) -> i64:
    s = i64(0)
    for i in range(a, b, 2):
        s += A[i + 1] - A[i - 1]
    return s
""")
    inbounds = [b for b in fn.blocks if b.label == "range.inbounds"]
    assert len(inbounds) == 1
    assert checks(fn) == 2  # both in the checked copy only
    guards = sorted((op.op, op.rhs.value) for b in fn.blocks for op in b.ops
                    if isinstance(op, O.Compare) and isinstance(op.lhs, O.Register)
                    and op.lhs.name in ("range.start", "range.stop"))
    # start in [1, 15), stop in [0, 15]
    assert guards == [("sge", 0), ("sge", 1), ("sle", 15), ("slt", 15)]


def test_wrapping_arithmetic_is_not_trusted(tmp_path: Path) -> None:
    """`i + 250` in u8 wraps: the interval would lie, so nothing is proven
    from it (here it stays in range anyway only by wrapping)."""
    fn = function(tmp_path, """
def f() -> i64:
    s = i64(0)
    for i in range(u8(0), u8(6)):
        s += A[i + u8(250)]
    return s
""")
    assert checks(fn) == 1


def test_negative_step_with_runtime_bounds(tmp_path: Path) -> None:
    fn = function(tmp_path, """
def f(a: int, b: int, c: int) -> i64:
    s = i64(0)
    for i in range(a, b, c):
        s += A[i]
    return s
""")
    # The checked copy keeps the check and the fix-up for negative indexes.
    assert (checks(fn), fixups(fn)) == (1, 1)


def test_nested_loops(tmp_path: Path) -> None:
    fn = function(tmp_path, """
def f() -> i64:
    s = i64(0)
    for i in range(N):
        for j in range(i, N):
            s += A[i] * A[j]
    return s
""")
    assert checks(fn) == 0


def test_tested_condition_proves(tmp_path: Path) -> None:
    fn = function(tmp_path, """
def f(k: int) -> i64:
    if k >= 0:
        if k < N:
            return A[k]
    return A[k]
""")
    assert checks(fn) == 1  # only the second


def test_tested_variable_assigned_later_keeps_the_check(tmp_path: Path) -> None:
    fn = function(tmp_path, """
def f(k: int) -> i64:
    if k >= 0:
        if k < N:
            k = k + 100
            return A[k]
    return 0
""")
    assert checks(fn) == 1


def test_unsigned_value_read_as_signed(tmp_path: Path) -> None:
    """u8(200) is -56 as an i8: nothing about i8(x) follows from x."""
    fn = function(tmp_path, """
def f(x: u8) -> i64:
    if x < 8:
        return A[i8(x)]
    return A[i8(x)]
""")
    assert checks(fn) == 1


def test_unsigned_index_has_no_fixup(tmp_path: Path) -> None:
    fn = function(tmp_path, """
def f(k: u64) -> i64:
    return A[k]
""")
    assert (checks(fn), fixups(fn)) == (1, 0)


def test_pass_reports_nothing_for_a_function_without_checks(tmp_path: Path) -> None:
    fn = function(tmp_path, """
def f(k: u64) -> u64:
    return k + 1
""")
    assert remove_bounds_checks(fn) == 0


def list_checks(fn: O.FuncIR) -> tuple[int, int]:
    """The checks of list items left (each calls `list_get` or `list_set`
    on its failing path), and those of them that still try the index as
    a negative one."""
    calls = sum(1 for b in fn.blocks for op in b.ops
                if isinstance(op, O.Call) and op.fn.name.rsplit(".", 1)[-1]
                in ("list_get", "list_set"))
    negative = sum(1 for b in fn.blocks
                   if b.label == "item.negative" and isinstance(b.terminator, O.Branch))
    return calls, negative


INSERTION_SORT = """
def f(a: list[int]) -> None:
    for i in range(1, len(a)):
        x = a[i]
        j = {start}
        while j >= 0 and a[j] > x:{extra}
            a[j + 1] = a[j]
            j -= 1
        a[j + 1] = x
"""


def test_list_relations_prove_insertion_sort(tmp_path: Path) -> None:
    """`a[i]` from `range(1, len(a))`, `a[j]` after `j >= 0` and the
    check in the loop's condition, `a[j + 1]` from `j < i < len(a)`:
    every check of the insertion sort goes."""
    fn = function(tmp_path, INSERTION_SORT.format(start="i - 1", extra=""))
    assert list_checks(fn) == (0, 0)


def test_list_index_one_past_the_end_keeps_its_check(tmp_path: Path) -> None:
    """With `j = i`, `a[j + 1]` reaches `len(a)`: the last write keeps its
    check (the one in the loop is still proven, from `a[j]`'s); `j + 1`
    cannot be negative, so it loses the negative-index path."""
    fn = function(tmp_path, INSERTION_SORT.format(start="i", extra=""))
    assert list_checks(fn) == (2, 0)


def test_list_changed_in_the_loop_keeps_the_checks(tmp_path: Path) -> None:
    """A call that may shorten the list forgets its length: every check
    stays (`a[i]` too: `range`'s stop is the length before the pops)."""
    fn = function(tmp_path, INSERTION_SORT.format(
        start="i - 1", extra="\n            if j == 2:\n                a.pop()"))
    assert list_checks(fn)[0] == 5
    fn = function(tmp_path, INSERTION_SORT.format(
        start="i - 1", extra="\n            a = [j, j, j]"))
    assert list_checks(fn)[0] >= 2


def test_list_relation_with_unknown_start_keeps_the_check(tmp_path: Path) -> None:
    """`j` starting from a parameter is related to nothing: the loop
    condition's `a[j]` and the body's `a[j + 1]` keep their checks (with
    no negative path: `j >= 0`); the body's `a[j]` is proven by the
    condition's."""
    fn = function(tmp_path, """
def f(a: list[int], j: int) -> None:
    while j >= 0 and a[j] > 0:
        a[j + 1] = a[j]
        j -= 1
""")
    assert list_checks(fn) == (2, 0)


def test_relation_proves_array_index(tmp_path: Path) -> None:
    """The relations serve arrays too: `j` below `i`, and `i` checked
    against the array's 16 elements, put `j + 1` in range."""
    fn = function(tmp_path, """
def f(i: int) -> i64:
    s = A[i]
    j = i - 1
    while j >= 0:
        s += A[j + 1]
        j -= 1
    return s
""")
    assert checks(fn) == 1  # A[i] itself


def scan_exits(fn: O.FuncIR) -> int:
    """The checks that leave the first copy of a scan loop for the second
    (no negative-index path: the other edge goes to the second copy's head)."""
    return sum(1 for c in fn.index_checks
               if c.negative is None and c.branch.false.label == "scan.checked")


SCAN = """
def f(i: int, x: i64) -> int:
    while {test}:
        i += 1
    return i
"""


def test_scan_loop_leaves_for_the_checked_copy(tmp_path: Path) -> None:
    """`while A[i] < x: i += 1`: the first copy's check is one compare
    that leaves the loop; the second copy keeps the negative-index path
    and the panic (one of each in the function)."""
    fn = function(tmp_path, SCAN.format(test="A[i] < x"))
    assert (scan_exits(fn), checks(fn), fixups(fn)) == (1, 1, 1)
    fn = function(tmp_path, SCAN.format(test="A[i] < A[i + 1]"))
    assert scan_exits(fn) == 1  # only the first index is at the top of the test
    fn = function(tmp_path, """
def f(j: int, x: i64) -> int:
    while A[j] > x:
        j -= 1
    return j
""")
    assert (scan_exits(fn), checks(fn), fixups(fn)) == (1, 1, 1)


def test_scan_loop_built_once(tmp_path: Path) -> None:
    """Something done before the index in the test (a call, an
    assignment) would be done twice by starting the test over: such a
    loop has one copy, as has a loop with an inner loop, or an unsigned
    index, which has no negative path to avoid."""
    for test in ("i < g(i) and A[i] < x", "A[g(i)] < x"):
        fn = function(tmp_path, "def g(k: int) -> int:\n    return k + 1\n"
                      + SCAN.format(test=test))
        assert scan_exits(fn) == 0, test
    fn = function(tmp_path, """
def f(i: int, x: i64) -> int:
    while A[i] < x:
        for k in range(2):
            i += k
    return i
""")
    assert scan_exits(fn) == 0
    fn = function(tmp_path, """
def f(i: u64, x: i64) -> u64:
    while A[i] < x:
        i += 1
    return i
""")
    assert (scan_exits(fn), checks(fn), fixups(fn)) == (0, 1, 0)


def stride_turns(fn: O.FuncIR) -> int:
    """The turns of scan loops built to run SCAN_STRIDE at a time."""
    return sum(1 for b in fn.blocks if b.label == "stride.turn")


def test_scan_loop_runs_turns_per_check(tmp_path: Path) -> None:
    """A scan whose body only steps its index gets SCAN_STRIDE (4) more
    copies of its turn, behind one test of the index for all of them; the
    relations stage removes every copy's check, so the function keeps only the
    checked scan's one check and negative-index path, as without them.
    Offsets and steps other than 1 move the test's bounds."""
    for test, step in (("A[i] < x", "i += 1"), ("A[i] > x", "i -= 1"),
                       ("x < A[i + 3]", "i += 1"), ("A[i - 1] != x", "i -= 2")):
        fn = function(tmp_path, f"""
def f(i: int, x: i64) -> int:
    while {test}:
        {step}
    return i
""")
        assert (stride_turns(fn), checks(fn), fixups(fn)) == (SCAN_STRIDE, 1, 1), (test, step)


def test_scan_loop_not_strided(tmp_path: Path) -> None:
    """Other bodies, a test that calls, a wrapping index (`i64`), a loop
    with `else`, and a step too long for SCAN_STRIDE turns in 16 items
    keep the scan as it was."""
    for test, body in (("A[i] < x", "i += 1\n        print(i)"), ("A[i] < x", "i = i + 1"),
                       ("A[i] < g(x)", "i += 1"), ("A[i] < x", "i += 6"),
                       ("A[i] < x", "i += 1\n    else:\n        i = 0")):
        fn = function(tmp_path, f"""
def g(x: i64) -> i64:
    return x


def f(i: int, x: i64) -> int:
    while {test}:
        {body}
    return i
""")
        assert stride_turns(fn) == 0, (test, body)
    fn = function(tmp_path, SCAN.format(test="A[i] < x").replace("int", "i64"))
    assert stride_turns(fn) == 0


PARTITION = """
def f(lo: {t}, hi: {t}, pivot: i64) -> {t}:
    i = lo
    j = hi
    while i <= j:
        while A[i] < pivot:
            i += 1
        while A[j] > pivot:
            j -= 1
        if i <= j:
            t = A[i]
            A[i] = A[j]
            A[j] = t
            {step}
            j -= 1
    return i
"""


def test_rising_index_is_guarded(tmp_path: Path) -> None:
    """Hoare's partition: `i` only counts up in the loop, so the loop is
    built twice behind `i >= 0`.  The second copy keeps every check, 6
    with a negative-index path each (2 scans, each with a copy that leaves
    for a checked one, and the swap's 4 accesses).  In the first, the
    checked scan of `A[i]` has no negative path, that of `A[j]` keeps its
    own (`j` may go below 0), and the swap's 4 go: `0 <= i <= j` and both
    indexes below 16 after their scans."""
    fn = function(tmp_path, PARTITION.format(t="int", step="i += 1"))
    assert (checks(fn), fixups(fn)) == (6 + 2, 6 + 1)


def test_index_not_only_rising_is_not_guarded(tmp_path: Path) -> None:
    """`i = i + 1` (any assignment but `i += c`, c >= 0), `i += -1`, and a
    wrapping `i64`, which `+= 1` may take below 0, get no guard."""
    for t, step in (("int", "i = i + 1"), ("int", "i += -1"), ("i64", "i += 1")):
        fn = function(tmp_path, PARTITION.format(t=t, step=step))
        assert (checks(fn), fixups(fn)) == (6, 6), (t, step)


PROGRAMS_HERE = ["arr_bounds_loops", "arr_bounds_panic_loop", "arr_bounds_panic_step",
                 "arr_sieve", "arr_quicksort", "arr_scan_loops", "arr_scan_panic_up",
                 "arr_scan_panic_down", "arr_scan_panic_start", "arr_rising_loops",
                 "arr_rising_panic", "arr_scan_strides", "arr_scan_stride_panic",
                 "arr_scan_stride_panic_down", "arr_scan_strides_random"]


@pytest.mark.parametrize("opt", [0, 2])
@pytest.mark.parametrize("name", PROGRAMS_HERE)
def test_programs_at_both_levels(name: str, opt: int, tmp_path: Path) -> None:
    path = PROGRAMS / f"{name}.py"
    expected = run_cpython(path)
    actual = run_compiled(path, tmp_path, opt)
    assert actual.stdout == expected.stdout
    assert (actual.returncode == 0) == (expected.returncode == 0)
    if expected.returncode != 0:
        # The same index, reported at the line CPython raised at.
        raised = expected.stderr.decode().splitlines()[-1]
        index = raised.split()[2]
        line = [ln for ln in expected.stderr.decode().splitlines()
                if f'"{path}"' in ln or path.name in ln][-1]
        assert f"panic: index {index} out of range" in actual.stderr.decode()
        assert f":{line.split('line ')[1].split(',')[0]}: panic" in actual.stderr.decode()
