"""The IR stage (pythos/ir): the verifier, the printer, `--dump=ir`, and
the semantics the builder must keep.

The verifier runs on every compilation (pythos/driver.py), so every
program test also checks that the builder makes well-formed IR; the tests
here give it malformed IR on purpose and check that it says what is wrong.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from pythos.driver import compile_file
from pythos.ir import ops as O
from pythos.ir.ops import BasicBlock, FuncIR, Register
from pythos.ir.pprint import format_function
from pythos.ir.verify import IRError, verify_function
from pythos.parse import Module
from pythos.symbols import FuncSym, Param
from pythos.target import get_target
from pythos.types import BOOL, I64, NONE, U8, U64

from .conftest import ROOT, env, run_compiled, run_cpython

MODULE = Module("demo", "demo.py", "", ast.parse(""))


def function(params: list[tuple[str, object]], result: object = NONE) -> FuncIR:
    """An empty FuncIR for a function `demo.f` with these parameters."""
    sym = FuncSym("f", MODULE, None, [Param(n, t, None) for n, t in params],  # type: ignore
                  result, "demo.f")  # type: ignore[arg-type]
    regs = [Register(n, t, is_param=True) for n, t in params]  # type: ignore[arg-type]
    return FuncIR(sym, regs, list(regs))


def block(fn: FuncIR, label: str, *ops: O.Op) -> BasicBlock:
    b = BasicBlock(label)
    b.ops.extend(ops)
    fn.blocks.append(b)
    return b


def rejects(fn: FuncIR, message: str) -> None:
    with pytest.raises(IRError, match=message):
        verify_function(fn)


def test_a_well_formed_function_passes() -> None:
    fn = function([("x", U8)], U8)
    x = fn.params[0]
    add = O.IntOp("add", x, O.Integer(1, U8))
    block(fn, "body", add, O.Return(add))
    verify_function(fn)


def test_a_block_must_end_in_a_terminator() -> None:
    fn = function([("x", U8)], U8)
    block(fn, "body", O.IntOp("add", fn.params[0], O.Integer(1, U8)))
    rejects(fn, "block body: does not end in a terminator")


def test_a_terminator_must_be_last() -> None:
    fn = function([])
    block(fn, "body", O.Return(), O.Return())
    rejects(fn, "a terminator before the end of the block")


def test_every_block_must_be_reachable() -> None:
    fn = function([])
    block(fn, "body", O.Return())
    block(fn, "orphan", O.Return())
    rejects(fn, "block orphan: cannot be reached from the entry")


def test_a_jump_stays_in_the_function() -> None:
    fn = function([])
    block(fn, "body", O.Goto(BasicBlock("elsewhere")))
    rejects(fn, "jumps to block elsewhere of another function")


def test_a_value_must_be_defined_before_it_is_used() -> None:
    fn = function([("x", U8)], U8)
    add = O.IntOp("add", fn.params[0], O.Integer(1, U8))
    block(fn, "body", O.Return(add))
    rejects(fn, "uses a IntOp that is not in the function")


def test_a_value_must_dominate_its_use() -> None:
    # body: if c goto left else goto right; left defines r0; right uses it.
    fn = function([("c", BOOL), ("x", U8)], U8)
    c, x = fn.params
    left, right = BasicBlock("left"), BasicBlock("right")
    block(fn, "body", O.Branch(c, left, right))
    add = O.IntOp("add", x, O.Integer(1, U8))
    left.ops += [add, O.Return(add)]
    mul = O.IntOp("mul", add, add)
    right.ops += [mul, O.Return(mul)]
    fn.blocks += [left, right]
    rejects(fn, "block right, op 0 .*uses a IntOp of block left where it is not defined")


def test_a_use_later_in_the_same_block_is_an_error() -> None:
    fn = function([("x", U8)], U8)
    first = O.IntOp("add", fn.params[0], O.Integer(1, U8))
    second = O.IntOp("add", first, O.Integer(1, U8))
    block(fn, "body", second, first, O.Return(second))
    rejects(fn, "op 0 .*where it is not defined")


def test_a_void_op_has_no_value() -> None:
    fn = function([("p", U64)])
    store = O.Store(O.Cast("inttoptr", fn.params[0], O.PtrType(U8)), O.Integer(0, U8))
    block(fn, "body", store.addr, store, O.Assign(Register("y", U8), store), O.Return())
    fn.registers.append(fn.blocks[0].ops[2].dest)  # type: ignore[attr-defined]
    rejects(fn, "uses the result of a Store, which has none")


def test_registers_belong_to_the_function() -> None:
    fn = function([])
    stranger = Register("stranger", U8)
    block(fn, "body", O.Assign(stranger, O.Integer(1, U8)), O.Return())
    rejects(fn, "register stranger is not one of the function's")


def test_branch_conditions_are_bools() -> None:
    fn = function([("x", U8)])
    done = BasicBlock("done")
    block(fn, "body", O.Branch(fn.params[0], done, done))
    done.ops.append(O.Return())
    fn.blocks.append(done)
    rejects(fn, "branch condition has type u8, not bool")


def test_arithmetic_operands_have_one_width() -> None:
    fn = function([("x", U8), ("y", I64)], U8)
    add = O.IntOp("add", fn.params[0], fn.params[1])
    block(fn, "body", add, O.Return(add))
    rejects(fn, "add of u8 and i64")


def test_a_return_gives_the_function_result() -> None:
    fn = function([("x", I64)], U8)
    block(fn, "body", O.Return(fn.params[0]))
    rejects(fn, "returns i64 from a function returning u8")


def test_a_cast_changes_the_width_the_right_way() -> None:
    fn = function([("x", U8)], I64)
    cast = O.Cast("trunc", fn.params[0], I64)
    block(fn, "body", cast, O.Return(cast))
    rejects(fn, "trunc from 8 to 64 bits")


def test_calls_pass_what_the_callee_takes() -> None:
    callee = function([("a", U8)], U8).sym
    fn = function([], U8)
    call = O.Call(callee, [])
    block(fn, "body", call, O.Return(call))
    rejects(fn, "calls f with 0 arguments; it takes 1")


def test_a_merge_register_is_assigned_on_every_edge_into_its_join() -> None:
    fn = function([("c", BOOL)], BOOL)
    c = fn.params[0]
    join = BasicBlock("join")
    merged = Register("m", BOOL, join=join)
    fn.registers.append(merged)
    other = BasicBlock("other")
    block(fn, "body", O.Assign(merged, O.Integer(1, BOOL)), O.Branch(c, join, other))
    other.ops.append(O.Goto(join))  # forgets to assign m
    join.ops.append(O.Return(merged))
    fn.blocks += [other, join]
    rejects(fn, "merge register m must be assigned exactly once in each block")
    other.ops.insert(0, O.Assign(merged, O.Integer(0, BOOL)))
    verify_function(fn)


def build_ir(tmp_path: Path, source: str) -> O.ModuleIR:
    path = tmp_path / "prog.py"
    path.write_text(source)
    result = compile_file(path, get_target("linux"), stop_after="ir")
    assert result.ir is not None
    return result.ir


CLAMP = '''\
from pythos.lang import u8


def clamp(x: u8, limit: u8) -> u8:
    if x > limit or x == 0:
        return limit
    return x // 2


def main() -> None:
    print(clamp(u8(7), u8(5)))
'''

CLAMP_IR = '''\
def __main__.clamp(x: u8, limit: u8) -> u8
    var x: u8
    var limit: u8
    var cond: bool  # merges into L1
L0:  # body
    # 5: if x > limit or x == 0:
    r0 = ugt x, limit
    cond = r0
    if r0 goto L1 else goto L2
L1:  # cond.end
    if cond goto L3 else goto L4
L2:  # cond.next
    r1 = eq x, 0
    cond = r1
    goto L1
L3:  # if.then
    # 6: return limit
    return limit
L4:  # if.else
    goto L5
L5:  # if.end
    # 7: return x // 2
    r2 = udiv x, 2 :: u8
    return r2
'''


def test_the_printed_ir_of_a_small_function(tmp_path: Path) -> None:
    module = build_ir(tmp_path, CLAMP)
    fn = next(f for f in module.functions if f.sym.name == "clamp")
    text = format_function(fn).replace(str(tmp_path / "prog.py"), "PROG")
    assert text == CLAMP_IR


def test_dump_ir_from_the_command_line(tmp_path: Path) -> None:
    path = tmp_path / "prog.py"
    path.write_text(CLAMP)
    result = subprocess.run([sys.executable, "-m", "pythos", "compile", str(path),
                             "--dump=ir"], cwd=ROOT, env=env(), capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "def __main__.clamp(x: u8, limit: u8) -> u8" in result.stdout
    assert "def __main__.main() -> None" in result.stdout
    assert "pythos.rt.core.write_u64" not in result.stdout.split("def ")[0]
    # The runtime's own functions are left out.
    assert "def pythos.rt" not in result.stdout


def test_dump_ir_of_a_wrong_program_is_a_diagnostic(tmp_path: Path) -> None:
    path = tmp_path / "bad.py"
    path.write_text("from pythos.lang import u8\n\n\ndef main() -> None:\n"
                    "    x: u8 = u8(1)\n    y = x + undefined_name\n    print(y)\n")
    result = subprocess.run([sys.executable, "-m", "pythos", "compile", str(path),
                             "--dump=ir"], cwd=ROOT, env=env(), capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 1
    assert f"{path}:6:13: error:" in result.stderr
    assert "Traceback" not in result.stderr


# A register is read where the IR uses it, so a value needed after later
# statements must be copied: a loop's bounds are evaluated once, and an
# iterated value is the one the loop started with.
SEMANTICS = '''\
from pythos.lang import i64


def main() -> None:
    n: i64 = 3
    for i in range(n):
        n = 10
        print(i, n)
    step: i64 = 2
    for j in range(0, 7, step):
        step = 5
        print(j)
    data = b"abc"
    for c in data:
        data = b"xyzzy"
        print(c)
    flag = n > 5 and step < 9
    print(flag, 7 if flag else 9)


if __name__ == "__main__":
    main()
'''


def test_reads_happen_where_the_source_reads(tmp_path: Path) -> None:
    path = tmp_path / "semantics.py"
    path.write_text(SEMANTICS)
    expected = run_cpython(path)
    assert expected.returncode == 0, expected.stderr
    assert expected.stdout.startswith(b"0 10\n1 10\n2 10\n0\n2\n4\n6\n97\n")
    for opt in (0, 2):
        actual = run_compiled(path, tmp_path, opt)
        assert actual.stdout == expected.stdout, (opt, actual.stderr)


def test_a_lowering_bug_is_reported_at_the_op_it_lowers(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from pythos.diagnostics import CompileError
    from pythos.lower.instructions import InstructionLowering

    def broken(self: object, op: O.IntOp) -> None:
        raise ValueError("no such instruction")
    monkeypatch.setattr(InstructionLowering, "op_IntOp", broken)
    path = tmp_path / "prog.py"
    path.write_text(CLAMP.replace("return x // 2", "return x + 2"))
    with pytest.raises(CompileError, match="internal compiler error: ValueError") as info:
        compile_file(path, get_target("linux"), opt_level=0)
    assert info.value.location is not None
    assert (info.value.location.line, info.value.location.col) == (7, 12)
