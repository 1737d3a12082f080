"""The checker's object model (issue 11): correct programs type-check, the
types it gives are the ones mypy gives, and compiling stops with one clean
diagnostic until the typed IR lowers objects.

The programs in tests/compiler/objects/ are ordinary typed Python: each
runs under CPython and passes `mypy --strict`.  The wrong programs are in
tests/errors/ (cls_*, opt_*, cont_*, call_*, dc_*, irq_*).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, env, pythos

OBJECTS = ROOT / "tests" / "compiler" / "objects"
PROGRAMS = sorted(OBJECTS.glob("*.py"))


def typed(name: str) -> list[str]:
    """The `--dump=typed` lines of a program, stripped."""
    result = pythos("compile", "--dump=typed", f"tests/compiler/objects/{name}.py")
    assert result.returncode == 0, result.stderr
    return [line.strip() for line in result.stdout.splitlines()]


def section(lines: list[str], header: str) -> list[str]:
    """The lines of one function or class in the dump."""
    start = lines.index(header)
    end = next((i for i in range(start + 1, len(lines))
                if lines[i].startswith(("def ", "class "))), len(lines))
    return lines[start:end]


@pytest.mark.parametrize("path", PROGRAMS, ids=[p.stem for p in PROGRAMS])
def test_object_program_type_checks(path: Path) -> None:
    result = pythos("check", str(path.relative_to(ROOT)))
    assert result.returncode == 0, result.stderr
    assert result.stderr == "" and result.stdout == ""


@pytest.mark.parametrize("path", PROGRAMS, ids=[p.stem for p in PROGRAMS])
def test_compiling_stops_once_before_lowering(path: Path, tmp_path: Path) -> None:
    """A program either compiles and prints what CPython prints, or stops
    with one diagnostic, at the first use of an object not lowered yet, and
    no traceback: the lowering never sees a type it does not know."""
    result = pythos("exec", "-O0", "--leak-check", str(path.relative_to(ROOT)))
    assert "Traceback" not in result.stderr and "internal" not in result.stderr
    if result.returncode == 0:
        cpython = subprocess.run([sys.executable, str(path)], cwd=ROOT, env=env(),
                                 capture_output=True, text=True, timeout=300)
        assert result.stdout == cpython.stdout
        return
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if ": error: " in line]
    assert len(errors) == 1, result.stderr
    assert "are not compiled yet (issue 11)" in errors[0]


def test_stop_is_at_the_first_construct_not_lowered(tmp_path: Path) -> None:
    """Every construct of tests/compiler/objects/containers.py compiles now
    (the parametrized test above runs it against CPython); a program that
    uses something still missing stops at the first such construct, here
    a closure over a comprehension's variable (a `for` over a generator
    expression and a generator of bytes before it compile), with one
    diagnostic."""
    prog = tmp_path / "prog.py"
    prog.write_text("from typing import Callable\n\n\ndef main() -> None:\n"
                    "    xs = sorted({3, 1}, key=lambda x: -x)\n"
                    "    for y in (x * 2 for x in xs):\n        print(y)\n"
                    "    print(b'-'.join(p for p in [b'a', b'b']))\n"
                    "    fs: list[Callable[[], int]] = [lambda: i for i in range(3)]\n"
                    "    print([f() for f in fs])\n")
    result = pythos("compile", "-O0", str(prog), "-o", "/dev/null")
    errors = [line for line in result.stderr.splitlines() if ": error: " in line]
    assert errors == [f"{prog}:9:44: error: closures over comprehension variables ('i') are "
                      f"not compiled yet (issue 11): the program type-checks, but the compiler "
                      f"does not lower them to code yet"], result.stderr


def test_stop_names_what_is_not_lowered(tmp_path: Path) -> None:
    program = tmp_path / "words.py"
    program.write_text("from typing import Callable\n\n\ndef main() -> None:\n"
                       "    fs: list[Callable[[], int]] = [lambda: i for i in range(3)]\n"
                       "    print([f() for f in fs])\n")
    result = subprocess.run([sys.executable, "-m", "pythos", "compile", str(program), "-o",
                             str(tmp_path / "out")], cwd=tmp_path, env=env(),
                            capture_output=True, text=True, timeout=300)
    assert "words.py:5:44: error: closures over comprehension variables ('i') are not " \
           "compiled yet (issue 11)" in result.stderr


def test_programs_without_objects_still_compile(tmp_path: Path) -> None:
    program = tmp_path / "plain.py"
    program.write_text("from pythos.lang import u8\n\n\ndef main() -> None:\n"
                       "    x = u8(250)\n    print(x + 10, 'text' == 'text')\n")
    result = subprocess.run([sys.executable, "-m", "pythos", "exec", str(program)],
                            cwd=tmp_path, env=env(), capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "4 True\n"


def test_classes_fields_vtables_and_isinstance() -> None:
    lines = typed("shapes")
    rect = section(lines, "class Rect(Shape)")
    # Inherited fields first, then the class's own, in declaration order.
    assert rect[1:5] == ["field name: str", "field scale: i64", "field width: i64",
                         "field height: i64"]
    # Each method keeps the slot its base gave it; static methods have none.
    assert "vtable [area, describe, doubled]" in rect
    assert "constant CORNERS = 4" in rect
    total = section(lines, "def total(shapes: list[Shape]) -> int")
    assert "local s: Shape (value)" in total
    assert "s.area() : i64  [method]" in total
    # isinstance(s, Circle) narrows s inside the if.
    assert total.index("s.radius : i64") < total.index("s : Circle")
    main = section(lines, "def main() -> None")
    assert "[Rect(2, 3), Square(4), Circle(1)] : list[Shape]" in main
    assert "Rect(2, 3) : Rect  [new]" in main
    assert "Shape.unit() : i64  [func]" in main


def test_optional_narrowing() -> None:
    lines = typed("optional")
    length = section(lines, "def length(head: Node | None) -> int")
    assert "local node: Node | None (value)" in length
    # In `while node is not None:` node is a Node, its .next may be None.
    body = length[length.index("17: node = node.next"):]
    assert body[1:4] == ["node : Node | None", "node.next : Node | None", "node : Node"]
    main = section(lines, "def main() -> None")
    assert "found.value if found is not None else 0 : i64" in main
    second = section(lines, "def second(head: Optional[Node]) -> int")
    assert "nxt.value : i64" in second


def test_container_types() -> None:
    main = section(typed("containers"), "def main() -> None")
    for expected in [
        "local data: list[u8] (value)",
        "data[0] + data[1] : u8",  # sized integers stay sized inside containers
        "xs[1:3] : list[i64]",
        "d.items() : dict_items[tuple[str, i64]]  [objmethod]",
        "local pair: tuple[i64, str] (value)",
        "pair[1] : str",
        "list(zip(xs, squares)) : list[tuple[i64, i64]]  [builtin]",
        "local table: dict[str, i64] (value)",
        "local seen: set[str] (value)",
        "local text: str (value)",
        "local n: i64 (value)",
        "local name: str (value)",
    ]:
        assert expected in main, expected


def test_function_values() -> None:
    lines = typed("callables")
    main = section(lines, "def main() -> None")
    assert "local add: Callable[[i64], i64] (value)" in main
    assert "local step: Callable[[], i64] (value)" in main
    assert "local ops: list[Callable[[i64], i64]] (value)" in main
    maker = section(lines, "def make_counter(start: int) -> Callable[[], int]")
    assert "local step: Callable[[], i64] (value)" in maker
    step = section(lines, "def step() -> int")
    assert "count : i64" in step  # the captured variable, assigned through nonlocal


def test_dataclasses_and_special_methods() -> None:
    lines = typed("records")
    assert "class Version  [dataclass, frozen, order]" in lines
    version = section(lines, "class Version  [dataclass, frozen, order]")
    assert version[1:3] == ["field major: i64", "field minor: i64"]
    main = section(lines, "def main() -> None")
    assert "v1 < v2 : bool" in main
    assert "local b: Bag (value)" in main
    assert "b[0] : i64" in main
    assert "t.celsius : i64  [setter]" in main  # a property with a setter
    assert "t.celsius : i64  [property]" in main


def test_programs_run_under_cpython() -> None:
    for path in PROGRAMS:
        result = subprocess.run([sys.executable, str(path)], cwd=ROOT, env=env(),
                                capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, (path.name, result.stderr)


def test_programs_pass_mypy_strict() -> None:
    result = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental",
                             *[str(p.relative_to(ROOT)) for p in PROGRAMS]],
                            cwd=ROOT, env=env(), capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout
    assert re.search(r"Success: no issues found in \d+ source files", result.stdout)


def check_source(tmp_path: Path, source: str, freestanding: bool = False) -> str | None:
    """Type-check a program in this process; the error message, or None."""
    from pythos.diagnostics import CompileError
    from pythos.driver import compile_file
    from pythos.target import get_target
    path = tmp_path / "prog.py"
    path.write_text(source)
    try:
        compile_file(path, get_target("freestanding" if freestanding else "linux"),
                     stop_after="check")
    except CompileError as e:
        return e.message
    return None


NODE = """
class Node:
    def __init__(self, value: int) -> None:
        self.value = value
        self.next: Node | None = None
"""

# (program body of main(), None if it must check, else part of the error)
NARROWING = {
    "assignment narrows": ("n: Node | None = Node(1)\n    print(n.value)", None),
    "reassignment widens": ("n: Node | None = Node(1)\n    n = n.next\n    print(n.value)",
                            "may be None"),
    "early continue": ("for n in [Node(1), None]:\n        if n is None:\n            continue\n"
                       "        print(n.value)", None),
    "break keeps it open": ("n: Node | None = Node(1)\n    while n is not None:\n"
                            "        if n.value > 3:\n            break\n        n = n.next\n"
                            "    print(n.value)", "may be None"),
    "and narrows its right side": ("n = Node(1).next\n    print(n is not None and n.value > 0)",
                                   None),
    "or narrows its right side": ("n = Node(1).next\n    print(n is None or n.value > 0)",
                                  None),
    "not swaps": ("n = Node(1).next\n    if not n:\n        return\n    print(n.value)", None),
    "attribute paths": ("h = Node(1)\n    if h.next is not None:\n        print(h.next.value)",
                        None),
    "attribute path forgotten": ("h = Node(1)\n    if h.next is not None:\n"
                                 "        h.next = None\n        print(h.next.value)",
                                 "is None here"),
    "loop top forgets": ("n: Node | None = Node(1)\n    assert n is not None\n"
                         "    for i in range(3):\n        print(n.value)\n        n = n.next",
                         "may be None"),
    "is None of a narrowed value": ("n: int | None = 5\n    print(-n if n is not None else 0)",
                                    None),
    "comprehension condition": ("ns = [Node(1).next]\n    print([n.value for n in ns "
                                "if n is not None])", None),
}


@pytest.mark.parametrize("name", sorted(NARROWING))
def test_narrowing(name: str, tmp_path: Path) -> None:
    body, expected = NARROWING[name]
    error = check_source(tmp_path, NODE + f"\n\ndef main() -> None:\n    {body}\n")
    if expected is None:
        assert error is None, error
    else:
        assert error is not None and expected in error, error


def test_interrupt_rule_follows_methods_and_reports_a_shortest_path(tmp_path: Path) -> None:
    source = """
from pythos.lang import InterruptFrame, Ptr, interrupt, u64

COUNT: u64 = u64(0)


class Log:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def note(self, text: str) -> None:
        self.lines.append(text)


def far() -> None:
    near()


def near() -> None:
    record(Log())


def record(log: Log) -> None:
    log.note("tick")


@interrupt
def on_timer(frame: Ptr[InterruptFrame]) -> None:
    global COUNT
    COUNT += u64(1)
    far()
    near()
"""
    error = check_source(tmp_path, source, freestanding=True)
    assert error is not None
    assert error.startswith("on_timer -> near -> Log() allocates in interrupt context"), error


def test_interrupt_handler_without_objects_is_fine(tmp_path: Path) -> None:
    source = """
from pythos.lang import InterruptFrame, Ptr, interrupt, u64

COUNT: u64 = u64(0)


def tick() -> None:
    global COUNT
    COUNT += u64(1)


@interrupt
def on_timer(frame: Ptr[InterruptFrame]) -> None:
    tick()
"""
    assert check_source(tmp_path, source, freestanding=True) is None


# What ends the program where it stands (`panic(...)`, `assert False`) is one
# rule, pythos.check.narrow.stops_the_program, used both by narrowing and by
# the check that a function returns on every path.
EXITS = {
    "panic": ('panic("no node")', None),
    "assert False": ("assert False", None),
    "a call that returns": ("print(0)", ""),
}


@pytest.mark.parametrize("name", sorted(EXITS))
def test_an_exit_ends_the_path_for_narrowing_and_for_returns(name: str, tmp_path: Path) -> None:
    import ast

    from pythos.check.narrow import stops_the_program
    stmt, expected = EXITS[name]
    assert stops_the_program(ast.parse(stmt).body[0]) is (expected is None)
    source = ("from pythos.lang import panic\n" + NODE +
              f"\n\ndef value(n: Node | None) -> int:\n    if n is not None:\n"
              f"        return n.value\n    {stmt}\n"
              f"\n\ndef first(n: Node | None) -> int:\n    if n is None:\n        {stmt}\n"
              f"    return n.value\n"
              f"\n\ndef main() -> None:\n    print(value(Node(1)) + first(Node(2)))\n")
    error = check_source(tmp_path, source)
    if expected is None:
        assert error is None, error
    else:
        assert error is not None and expected in error, error


@pytest.mark.parametrize("body, expected", [
    ("xs: list[Node | None] = [None] * 4\n    xs[0] = Node(1)\n    print(len(xs))", None),
    ("xs: list[Node | None] = 2 * [None]\n    print(len(xs))", None),
    ("xs: list[int | None] = [None] * 4\n    xs[1] = 3\n    print(xs)", None),
    ("xs: list[Node] = [None] * 4\n    print(len(xs))", "Node"),
])
def test_repeated_list_literal_takes_its_type_from_the_context(
        body: str, expected: str | None, tmp_path: Path) -> None:
    """`[None] * n` is a `list[T | None]` where one is wanted (mypy agrees)."""
    error = check_source(tmp_path, NODE + f"\n\ndef main() -> None:\n    {body}\n")
    if expected is None:
        assert error is None, error
    else:
        assert error is not None and expected in error, error
