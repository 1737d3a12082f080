"""What makes debug information cheaper to build (docs/debugging.md, "Build
time"): metadata nodes printed by our own code exactly as llvmlite would
print them, the collector paused and resumed, no unused name tables."""

from __future__ import annotations

import gc
import subprocess
from pathlib import Path

import pytest
from llvmlite import ir

from pythos.lower.debuginfo import Node
from pythos.gcpause import paused_gc

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
        node("DISubprogram", {"name": "f", "scope": file, "line": 3, "type": types,
                              "unit": unit, "isLocal": False,
                              "size": ir.Constant(ir.IntType(32), 7)}, distinct=True)
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
