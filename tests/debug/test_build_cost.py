"""What makes debug information cheaper to build (docs/debugging.md, "Build
time"): metadata nodes printed by our own code exactly as llvmlite would
print them, the collector paused and resumed around the whole compilation
and skipped at exit, the IR patched in one pass over the module's body
only, no unused name tables."""

from __future__ import annotations

import gc
import subprocess
import sys
import traceback
from pathlib import Path

import pytest
from llvmlite import ir

from pythos.driver import compile_file
from pythos.gcpause import paused_gc
from pythos.lower.debuginfo import Location, Node, fast_instruction_metadata
from pythos.target import get_target

from .conftest import PROGRAM, compile_debug


def test_nodes_print_as_llvmlite_prints_them() -> None:
    ours, theirs = ir.Module(), ir.Module()
    for module, make in ((ours, Node), (theirs, None)):
        def node(kind: str, operands: dict[str, object], distinct: bool = False,
                 module: ir.Module = module, make: type[Node] | None = make) -> ir.DIValue:
            if make is not None:
                return make(module, distinct, kind, tuple(operands.items()))
            return ir.DIValue(module, distinct, kind, tuple(operands.items()),
                              name=str(len(module.metadata)))
        file = node("DIFile", {"filename": 'a "quoted"\\name.py', "directory": "/x"})
        unit = node("DICompileUnit", {"language": ir.DIToken("DW_LANG_Python"), "file": file,
                                      "isOptimized": True, "runtimeVersion": 0,
                                      "nameTableKind": ir.DIToken("None")}, distinct=True)
        types = module.add_metadata([None])
        sp = node("DISubprogram", {"name": "f", "scope": file, "line": 3, "type": types,
                                   "unit": unit, "isLocal": False,
                                   "size": ir.Constant(ir.IntType(32), 7)}, distinct=True)
        if make is not None:
            Location(module, 12, 5, sp)
        else:
            node("DILocation", {"line": 12, "column": 5, "scope": sp})
    assert [str(n) for n in ours.metadata] == [str(n) for n in theirs.metadata]
    assert len({n.name for n in ours.metadata}) == len(ours.metadata)


def test_the_collector_is_paused_and_resumed() -> None:
    assert gc.isenabled()
    with paused_gc():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with paused_gc():
            pass
        assert not gc.isenabled()    # left as it was found
    finally:
        gc.enable()
    with pytest.raises(ValueError), paused_gc():
        raise ValueError
    assert gc.isenabled()


def test_no_name_tables(tmp_path: Path) -> None:
    """gdb indexes the DWARF itself; .debug_pubnames and .debug_pubtypes
    only cost build time and space."""
    program = compile_debug(PROGRAM, tmp_path / "program")
    sections = subprocess.run(["readelf", "-S", "-W", str(program)], capture_output=True,
                              text=True, check=True, timeout=30).stdout
    assert ".debug_info" in sections
    assert ".debug_pubnames" not in sections and ".debug_pubtypes" not in sections


def test_no_collection_while_compiling() -> None:
    """The whole pipeline runs with the collector paused, not only the
    lowering: every stage's objects live until the compilation ends."""
    collections: list[int] = []

    def count(phase: str, info: dict[str, int]) -> None:
        # Only those from inside the compilation (the collector may run as
        # soon as it is resumed, on the way out).
        if phase == "start" and any(frame.name == "run_pipeline"
                                    for frame in traceback.extract_stack()):
            collections.append(info["generation"])

    gc.callbacks.append(count)
    try:
        compile_file(PROGRAM, get_target("linux"), 0, debug=True)
    finally:
        gc.callbacks.remove(count)
    assert collections == []
    assert gc.isenabled()


def test_the_last_collection_is_skipped() -> None:
    """`python -m pythos` runs without the collector, and freezes what it
    holds before it exits, so that the interpreter's collection at exit has
    nothing to walk."""
    probe = ("import gc, runpy, sys; sys.argv = ['pythos', '--help']\n"
             "try:\n    runpy.run_module('pythos', run_name='__main__')\n"
             "except SystemExit:\n"
             "    print(not gc.isenabled() and gc.get_freeze_count() > 0)")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            timeout=120, check=True)
    assert result.stdout.strip().splitlines()[-1] == "True"


@pytest.mark.parametrize("value", [
    None, True, False, 0, -7, 2**40, "plain.py", 'a "quoted" \\name', "tab\there", "naïve ✓",
    "", ir.DIToken("DW_TAG_member"), ir.Constant(ir.IntType(32), 7)])
def test_operands_print_as_llvmlite_prints_them(value: object) -> None:
    ours, theirs = ir.Module(), ir.Module()
    mine = Node(ours, False, "DIBasicType", (("x", value), ("y", 1)))
    llvmlites = ir.DIValue(theirs, False, "DIBasicType", (("x", value), ("y", 1)), name="0")
    assert str(mine) == str(llvmlites)
    assert mine.get_reference() == llvmlites.get_reference() == "!0"


def test_instruction_metadata_prints_as_llvmlite_prints_it() -> None:
    """`fast_instruction_metadata` prints a module's instructions exactly
    as llvmlite does (one `!dbg`, none, several attachments), and puts
    llvmlite's own method back afterwards."""
    module = ir.Module()
    function = ir.Function(module, ir.FunctionType(ir.IntType(64), [ir.IntType(64)]), "f")
    builder = ir.IRBuilder(function.append_basic_block("entry"))
    file = Node(module, False, "DIFile", (("filename", "f.py"), ("directory", "/")))
    location = Location(module, 3, 9, file)
    builder.debug_metadata = location
    doubled = builder.add(function.args[0], function.args[0])
    builder.debug_metadata = None
    tripled = builder.add(doubled, function.args[0])
    tripled.set_metadata("dbg", location)
    tripled.set_metadata("note", module.add_metadata([ir.Constant(ir.IntType(32), 1)]))
    builder.ret(tripled)
    before = ir.Instruction._stringify_metadata
    expected = str(module)
    for instruction in function.blocks[0].instructions:
        instruction._clear_string_cache()
    with fast_instruction_metadata():
        assert ir.Instruction._stringify_metadata is not before
        text = str(module)
    assert text == expected
    assert ", !dbg !1\n" in text and "!dbg !1, !note !2" in text
    assert ir.Instruction._stringify_metadata is before
