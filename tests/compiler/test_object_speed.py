"""The object fast paths are in the generated code (docs/objects.md,
"Speed"): making an instance is the allocator's fast path inline, with no
call, and count updates are inline too; releasing an instance that holds
no objects frees it without the release loop.  What each costs is
measured by `make bench` (kernel/mm/objcost.py); these tests check the
shape of the code, which the numbers depend on."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from .conftest import ROOT, env

SOURCE = '''\
from __future__ import annotations


class Point:
    def __init__(self, x: int, y: int) -> None:
        self.x = x
        self.y = y


class Node:
    def __init__(self, left: Node | None, right: Node | None) -> None:
        self.left = left
        self.right = right


def norm(n: int) -> int:
    total = 0
    for i in range(n):
        total += Point(i, 1).x
    return total


def other(n: int) -> int:
    p = Point(n, n)
    q = Point(p.y, 2)
    return p.x + q.y


def make(depth: int) -> Node:
    if depth == 0:
        return Node(None, None)
    return Node(make(depth - 1), make(depth - 1))


def leaves(node: Node) -> int:
    left, right = node.left, node.right
    if left is None or right is None:
        return 1
    return leaves(left) + leaves(right)


def count(node: Node) -> int:
    total = 1
    for child in (node.left, node.right):
        if child is not None:
            total += count(child)
    return total


def main() -> None:
    tree = make(4)
    print(norm(10), other(3), leaves(tree), count(tree))


if __name__ == "__main__":
    main()
'''


def assembly(tmp_path: Path) -> str:
    source = tmp_path / "speed.py"
    source.write_text(SOURCE)
    out = tmp_path / "speed.s"
    result = subprocess.run([sys.executable, "-m", "pythos", "compile", str(source), "-O2",
                             "--emit", "asm", "-o", str(out)], cwd=ROOT, env=env(),
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return out.read_text()


def function(asm: str, name: str) -> str:
    """The text of one function of the assembly listing."""
    match = re.search(rf"^{re.escape(name)}:\n(.*?)^\.Lfunc_end", asm, re.M | re.S)
    assert match is not None, f"{name} is not in the assembly"
    return match.group(1)


def test_making_an_instance_is_inline(tmp_path: Path) -> None:
    asm = assembly(tmp_path)
    assert not re.search(r"\tcallq\t\S*obj_new\b", asm)
    assert "pythos.rt.obj.object.obj_new:" not in asm  # inlined everywhere
    # The allocator's fast path, where Points are made (the functions that
    # make them are inlined into main, and main may be into the start code).
    main = "__main__.main" if "\n__main__.main:" in asm else "pythos_start"
    assert "pythos.rt.alloc.free_head" in function(asm, main)
    # A tracked class (it can be in a cycle) is made inline too, linked
    # into the collector's young list there, and only a collection that
    # is due is a call.
    make = function(asm, "__main__.make")
    assert "pythos.rt.alloc.free_head" in make and "pythos.rt.obj.gc.tracked" in make, make
    assert "pythos_obj_track" not in make, make
    assert "pythos.rt.obj.gc.collect_due" in make, make


def test_count_updates_are_inline(tmp_path: Path) -> None:
    asm = assembly(tmp_path)
    # The tuple of the two fields takes a reference to each and drops its own.
    cold = {"pythos.rt.obj.object.obj_raise", "pythos.rt.obj.exc.tb_add"}
    body = function(asm, "__main__.count")
    assert re.search(r"\tincq\t\(%r\w+\)", body), body
    assert re.search(r"\tdecq\t\(%r\w+\)", body), body
    # Fields nothing writes after __init__, read from a parameter that is
    # never reassigned, are borrowed: no count update at all
    # (ir/passes/stablefields.py).
    body = function(asm, "__main__.leaves")
    assert not re.search(r"\t(inc|dec)q\t", body), body
    calls = re.findall(r"\tcallq\t(\S+)", body)
    # Only itself, and the cold OverflowError path of the int sum.
    assert set(calls) <= {"__main__.leaves", *cold}, calls


def test_releasing_a_leaf_instance_needs_no_frame(tmp_path: Path) -> None:
    """obj_release frees an instance that holds no objects at once: its
    path to the allocator's push saves no register."""
    body = function(assembly(tmp_path), "pythos.rt.obj.object.obj_release")
    head = body.split("pythos_obj_release_all")[0] if "pythos_obj_release_all" in body else body
    first = head.split("\tretq")[0]
    assert "pushq" not in first, body
