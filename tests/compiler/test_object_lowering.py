"""Lowering classes (issue 11): layouts and class ids, the leak check, the
object runtime compiled in only when needed, and the clean stop at what
is not lowered yet."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from pythos.driver import compile_file
from pythos.ir.layout import class_layouts
from pythos.target import get_target
from pythos.types import I64, STR, ClassType, OptionalType

from .conftest import ROOT, env


def pythos(tmp_path: Path, source: str, *flags: str) -> subprocess.CompletedProcess[str]:
    program = tmp_path / "prog.py"
    program.write_text(source)
    return subprocess.run([sys.executable, "-m", "pythos", "exec", *flags, str(program)],
                          cwd=tmp_path, env=env(), capture_output=True, text=True, timeout=300)


def test_layout_puts_base_fields_first_and_numbers_classes_in_pre_order() -> None:
    a = ClassType("A", "m.A", own_fields={"x": I64, "name": STR})
    b = ClassType("B", "m.B", base=a, own_fields={"next": OptionalType(a)})
    c = ClassType("C", "m.C", base=b)
    d = ClassType("D", "m.D", base=a)
    e = ClassType("E", "m.E")
    lays = {lay.cls.name: lay for lay in class_layouts([a, b, c, d, e])}
    assert lays["A"].offsets == {"x": 16, "name": 24}
    assert lays["B"].offsets == {"x": 16, "name": 24, "next": 32}
    assert (lays["A"].size, lays["B"].size, lays["C"].size) == (32, 40, 40)
    assert not lays["A"].tracked and lays["B"].tracked and lays["C"].tracked
    ids = {name: (lay.class_id, lay.class_last) for name, lay in lays.items()}
    assert ids == {"A": (1, 4), "B": (2, 3), "C": (3, 3), "D": (4, 4), "E": (5, 5)}


CYCLE = '''
class Node:
    def __init__(self) -> None:
        self.other: Node | None = None


def main() -> None:
    a = Node()
    b = Node()
    a.other = b
    b.other = a
    print("made a cycle")
'''


LEAK = '''
from pythos.rt.obj.object import str_from_ascii


class Node:
    def __init__(self) -> None:
        self.other: Node | None = None


def main() -> None:
    n = Node()
    lost = str_from_ascii(b"never freed")
    print("made", n.other is None, lost != 0)
'''


def test_leak_check_reports_live_objects_and_fails(tmp_path: Path) -> None:
    result = pythos(tmp_path, LEAK, "--leak-check")
    assert result.stdout == "made True True\n"
    assert result.returncode == 1
    assert "leak check: 1 object(s) still live after main returned" in result.stderr


def test_without_the_leak_check_the_same_program_succeeds(tmp_path: Path) -> None:
    result = pythos(tmp_path, LEAK)
    assert result.returncode == 0 and result.stdout == "made True True\n"


def test_a_cycle_is_collected_before_the_leak_check(tmp_path: Path) -> None:
    result = pythos(tmp_path, CYCLE, "--leak-check")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "made a cycle\n"


def test_a_broken_cycle_is_freed(tmp_path: Path) -> None:
    result = pythos(tmp_path, CYCLE.replace('    print("made', '    a.other = None\n'
                                                               '    print("made'),
                    "--leak-check")
    assert result.returncode == 0, result.stderr


def test_the_object_runtime_is_compiled_in_only_for_objects(tmp_path: Path) -> None:
    plain = tmp_path / "plain.py"
    plain.write_text("def main() -> None:\n    print(1)\n")
    objects = tmp_path / "objects.py"
    objects.write_text(CYCLE)
    linux = get_target("linux")
    assert "pythos.rt.obj.object" not in compile_file(plain, linux, 0, stop_after="ir") \
        .program.modules
    assert "pythos.rt.obj.object" in compile_file(objects, linux, 0, stop_after="ir") \
        .program.modules


@pytest.mark.parametrize("source, message", [
    ("def main() -> None:\n    k = 1\n    g = (x + k for x in [1])\n    k = 2\n"
     "    print(list(g))\n",
     "prog.py:3:14: error: generator expressions that read 'k', a variable assigned more "
     "than once"),
])
def test_what_is_not_lowered_stops_cleanly(tmp_path: Path, source: str, message: str) -> None:
    result = pythos(tmp_path, source)
    assert result.returncode == 1
    assert message in result.stderr, result.stderr
    assert "internal" not in result.stderr and "Traceback" not in result.stderr


def test_instances_without_repr_print_their_address(tmp_path: Path) -> None:
    """object.__repr__'s text, `<module.Name object at 0x...>`, with the
    instance's own address (which no two runs need share with CPython's),
    directly, in containers and in a dataclass's repr; a subclass's
    `__repr__` is found at run time."""
    source = ("from dataclasses import dataclass\n\n\nclass P:\n    pass\n\n\n"
              "class R(P):\n    def __repr__(self) -> str:\n        return 'R!'\n\n\n"
              "@dataclass\nclass D:\n    p: P\n\n\n"
              "def main() -> None:\n    p = P()\n    q: P = R()\n"
              "    print(p, [p], (p, 1), {'k': p}, str(p), f'{p!r}')\n"
              "    print(q, [q, p], D(p), D(q))\n")
    result = pythos(tmp_path, source)
    assert result.returncode == 0, result.stderr
    first, second = result.stdout.splitlines()
    addr = re.search(r"<__main__\.P object at (0x[0-9a-f]+)>", first)
    assert addr is not None, first
    p = f"<__main__.P object at {addr.group(1)}>"
    assert first == f"{p} [{p}] ({p}, 1) {{'k': {p}}} {p} {p}"
    assert second == f"R! [R!, {p}] D(p={p}) D(p=R!)"


def test_object_programs_compile_at_every_level(tmp_path: Path) -> None:
    """The count updates are inline: at -O2 the linked-list walk of
    obj_linked_list calls nothing but obj_release (on its cold path)."""
    path = ROOT / "tests" / "programs" / "obj_linked_list.py"
    result = compile_file(path, get_target("linux"), 2, emit="llvm")
    define = next(line for line in result.optimized_ir.splitlines()
                  if line.startswith("define") and "LinkedList.total" in line)
    total = result.optimized_ir.split(define)[1].split("\n}\n")[0]
    # An intrinsic (the int sum's overflow test) is no call, and the
    # OverflowError path (obj_raise, tb_add: cold, never taken) is not the walk.
    calls = [line for line in total.splitlines() if " call " in line
             and "@llvm." not in line and "obj_raise" not in line and "tb_add" not in line]
    assert all("obj_release" in line for line in calls), calls


KERNEL = '''
from pythos.rt.obj.runtime import init_all


class Banner:
    def __init__(self) -> None:
        self.shown = 0


def heap_init() -> None:
    pass


def show_banner() -> None:
    b = Banner()
    b.shown += 1


def early() -> None:
    show_banner()


def kmain() -> None:
    heap_init()
    EARLY
    init_all()
    LATE
'''


def check_kernel(tmp_path: Path, early: str, late: str) -> str:
    from pythos.diagnostics import CompileError
    path = tmp_path / "kernel.py"
    path.write_text(KERNEL.replace("EARLY", early).replace("LATE", late))
    try:
        compile_file(path, get_target("freestanding"), 0, stop_after="check")
    except CompileError as e:
        return e.render()
    return ""


def test_kernel_may_allocate_after_the_object_runtime_starts(tmp_path: Path) -> None:
    assert check_kernel(tmp_path, "pass", "early()") == ""


def test_kernel_allocation_before_the_runtime_starts_is_an_error_with_its_path(
        tmp_path: Path) -> None:
    message = check_kernel(tmp_path, "early()", "pass")
    assert "kmain -> early -> show_banner -> Banner() allocates before the object runtime " \
           "starts" in message
    assert "kernel.py:15:9: error: kmain -> early" in message


def test_kernel_that_uses_objects_must_start_the_runtime(tmp_path: Path) -> None:
    from pythos.diagnostics import CompileError
    path = tmp_path / "kernel.py"
    path.write_text(KERNEL.replace("    init_all()\n", "").replace("EARLY", "pass")
                    .replace("LATE", "early()"))
    with pytest.raises(CompileError, match="kmain must start the object runtime"):
        compile_file(path, get_target("freestanding"), 0, stop_after="check")
