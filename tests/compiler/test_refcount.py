"""The count-placement pass (pythos/ir/passes/refcount.py), on the IR.

Each test compiles a small program to the IR (what `--dump=ir` prints)
and checks where the pass put `inc_ref`/`dec_ref`.  A second, semantic
check runs every function's IR through a small interpreter of counts
along every path (`balance`): each owned reference must be released
exactly once, whatever branch is taken.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pythos.driver import compile_file
from pythos.ir import ops as O
from pythos.ir.ops import FuncIR
from pythos.ir.pprint import format_function
from pythos.target import get_target

HEADER = '''
class Node:
    def __init__(self, value: int, next: "Node | None") -> None:
        self.value = value
        self.next = next

'''


def ir_of(tmp_path: Path, body: str) -> dict[str, FuncIR]:
    path = tmp_path / "prog.py"
    path.write_text(HEADER + body)
    result = compile_file(path, get_target("linux"), 0, stop_after="ir")
    assert result.ir is not None
    return {f.sym.name: f for f in result.ir.functions if f.sym.module.name == "__main__"}


def text(fn: FuncIR) -> list[str]:
    return [line.strip() for line in format_function(fn).splitlines()
            if not line.strip().startswith("#")]


def counts(fn: FuncIR) -> list[str]:
    return [line for line in text(fn) if "inc_ref" in line or "dec_ref" in line]


def test_a_new_object_is_released_once(tmp_path: Path) -> None:
    fns = ir_of(tmp_path, "def main() -> None:\n    n = Node(1, None)\n    print(n.value)\n")
    assert counts(fns["main"]) == ["dec_ref n"]


def test_a_moved_value_is_not_counted(tmp_path: Path) -> None:
    """`b = a` at a's last use moves the reference: no update at all."""
    fns = ir_of(tmp_path, "def main() -> None:\n    a = Node(1, None)\n    b = a\n"
                          "    print(b.value)\n")
    assert counts(fns["main"]) == ["dec_ref b"]


def test_a_copy_that_stays_alive_is_incremented(tmp_path: Path) -> None:
    fns = ir_of(tmp_path, "def main() -> None:\n    a = Node(1, None)\n    b = a\n"
                          "    print(a.value, b.value)\n")
    assert counts(fns["main"]) == ["inc_ref a", "dec_ref a", "dec_ref b"]


def test_a_borrowed_parameter_is_incremented_when_returned(tmp_path: Path) -> None:
    fns = ir_of(tmp_path, "def same(n: Node) -> Node:\n    return n\n\n\n"
                          "def main() -> None:\n    print(same(Node(1, None)).value)\n")
    assert counts(fns["same"]) == ["inc_ref n"]
    # main drops both the argument and the result.
    assert sorted(counts(fns["main"])) == ["dec_ref r0", "dec_ref r1"]


# A function that writes `Node.next` after construction: with it in the
# program, reads of the field are owned (passes/stablefields.py).
CUT = "def cut(n: Node) -> None:\n    n.next = None\n\n\n"


def test_an_assigned_parameter_takes_a_reference_on_entry(tmp_path: Path) -> None:
    fns = ir_of(tmp_path, CUT + "def last(n: Node) -> int:\n    while n.next is not None:\n"
                          "        n = n.next\n    return n.value\n\n\n"
                          "def main() -> None:\n    print(last(Node(1, Node(2, None))))\n")
    lines = counts(fns["last"])
    assert lines[0] == "inc_ref n"
    balance(fns["last"])


def test_a_walk_over_fields_never_written_again_is_borrowed(tmp_path: Path) -> None:
    """`n = n.next` where no code writes `next` after `__init__`: the
    parameter, the variable and the loads hold no reference."""
    fns = ir_of(tmp_path, "def last(n: Node) -> int:\n    while n.next is not None:\n"
                          "        n = n.next\n    return n.value\n\n\n"
                          "def keep(n: Node) -> Node | None:\n    m = n.next\n    return m\n\n\n"
                          "def main() -> None:\n    a = Node(1, Node(2, None))\n"
                          "    print(last(a), keep(a) is None)\n")
    assert counts(fns["last"]) == []
    assert any(line.endswith("= n.next borrowed :: Node | None") for line in text(fns["last"]))
    # A borrowed value returned gets a reference of its own.
    assert counts(fns["keep"]) == ["xinc_ref m"]
    balance(fns["last"])
    balance(fns["keep"])


def test_a_constructor_takes_over_a_new_argument(tmp_path: Path) -> None:
    """`Node(1, Node(2, None))`: the inner node moves into the field (no
    update in main or in `__init__`); a variable used again is
    incremented for the call, as for a store."""
    fns = ir_of(tmp_path, "def main() -> None:\n    a = Node(1, Node(2, None))\n"
                          "    b = Node(3, a)\n    print(a.value, b.value)\n")
    assert fns["__init__"].sym.steals == (2,)
    assert counts(fns["__init__"]) == []
    assert counts(fns["main"]) == ["inc_ref a", "dec_ref a", "dec_ref b"]
    balance(fns["main"])
    balance(fns["__init__"])


def test_field_load_is_owned_and_the_old_value_dies_before_the_assignment(
        tmp_path: Path) -> None:
    fns = ir_of(tmp_path, CUT + "def walk(head: Node | None) -> int:\n    s = 0\n"
                          "    node = head\n"
                          "    while node is not None:\n        s += node.value\n"
                          "        node = node.next\n    return s\n\n\n"
                          "def main() -> None:\n    print(walk(Node(1, None)))\n")
    lines = text(fns["walk"])
    assert "xinc_ref head" in lines
    load = next(i for i, line in enumerate(lines) if line.endswith("= node.next :: Node | None"))
    assert lines[load + 1] == "xdec_ref node"
    # The loop's exit edge drops the variable.
    assert any(line.endswith(".drop") for line in format_function(fns["walk"]).split())
    balance(fns["walk"])


def test_return_from_inside_a_loop_and_break_release_everything(tmp_path: Path) -> None:
    fns = ir_of(tmp_path, '''
def find(head: Node | None, value: int) -> int:
    keep = Node(0, None)
    node = head
    while node is not None:
        if node.value == value:
            return keep.value + 1
        if node.value > 100:
            break
        node = node.next
    return keep.value


def main() -> None:
    print(find(Node(1, Node(2, None)), 2))
''')
    balance(fns["find"])


def balance(fn: FuncIR) -> None:
    """Follow the references each value holds through `fn`, block by
    block; fail if a path ends with an owned reference not released,
    releases or hands on one it does not hold, or if two paths reach a
    block holding different references (after the pass, what a block
    holds on entry must not depend on the path taken to it)."""
    assigned = {id(op.dest) for b in fn.blocks for op in b.ops if isinstance(op, O.Assign)}

    def run(block: O.BasicBlock, held: dict[int, int]) -> dict[int, int]:
        held = dict(held)
        for k, op in enumerate(block.ops):
            after = block.ops[k + 1] if k + 1 < len(block.ops) else None
            if isinstance(op, O.Assign) and op.dest.borrowed:
                continue  # a borrowed variable holds no reference (stablefields.py)
            if isinstance(op, O.Cast) and isinstance(after, O.IncRef) and after.src is op:
                # A slot a runtime function lends (`list_item`, `tuple_item`)
                # becomes an object by a cast and holds a reference only
                # from the increment that follows it (`from_slot`).
                continue
            if isinstance(op, O.IncRef):
                held[id(op.src)] = held.get(id(op.src), 0) + 1
            elif isinstance(op, O.DecRef):
                assert held.get(id(op.src), 0) > 0, f"releases what it does not hold: {op}"
                held[id(op.src)] -= 1
            else:
                for v in O.consumes(op, fn.count_str):
                    if isinstance(v, (O.Op, O.Register)):
                        assert held.get(id(v), 0) > 0, f"consumes what it does not hold: {op}"
                        held[id(v)] -= 1
                if isinstance(op, O.Assign) and O.holds_reference(op.dest.type, fn.count_str):
                    assert held.get(id(op.dest), 0) == 0, "overwrites a held reference"
                    held[id(op.dest)] = 1
                elif O.holds_reference(op.type, fn.count_str) and not (
                        isinstance(op, (O.GlobalGet, O.GetAttr)) and op.borrowed):
                    held[id(op)] = 1  # (a borrowed global's or field's value is not held)
        return {k: v for k, v in held.items() if v}

    start: dict[int, int] = {}
    for p in fn.params:
        if O.holds_reference(p.type, fn.count_str) and id(p) not in assigned:
            start[id(p)] = 0  # borrowed
    # A stolen parameter arrives with the caller's reference (steals.py).
    stolen = {id(fn.params[i]): 1 for i in fn.sym.steals}
    entry_state: dict[int, dict[int, int]] = {id(fn.blocks[0]): stolen}
    work = [fn.blocks[0]]
    while work:
        block = work.pop()
        out = run(block, entry_state[id(block)])
        if isinstance(block.terminator, O.Return):
            assert not out, f"{fn.name}: references left at return: {out}"
        for nxt in O.successors(block):
            seen = entry_state.get(id(nxt))
            if seen is None:
                entry_state[id(nxt)] = out
                work.append(nxt)
            else:
                assert seen == out, f"{fn.name}: paths reach {nxt.label} holding different " \
                                    f"references"


@pytest.mark.parametrize("name", ["obj_linked_list", "obj_inheritance",
                                  "obj_optional_tree", "obj_aliasing", "obj_special_methods",
                                  "obj_dataclasses", "obj_fstring_values",
                                  "obj_str_fields", "obj_text", "obj_funcs_values",
                                  "obj_funcs_closures", "obj_funcs_keys", "obj_funcs_callbacks",
                                  "obj_funcs_cycles", "obj_funcs_unpack_owned"])
def test_every_path_of_the_object_programs_balances(name: str) -> None:
    path = Path(__file__).resolve().parents[1] / "programs" / f"{name}.py"
    result = compile_file(path, get_target("linux"), 0, stop_after="ir")
    assert result.ir is not None
    for fn in result.ir.functions:
        if fn.sym.module.name == "__main__":
            balance(fn)
