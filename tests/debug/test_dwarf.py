"""The compiler's DWARF output (pythos/lower/debuginfo.py): valid, from Pythos,
and describing functions, lines, variables and types."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import PROGRAM, compile_debug, marked_line


def dwarf_info(binary: Path) -> str:
    return subprocess.run(["readelf", "--debug-dump=info", str(binary)], capture_output=True,
                          text=True, check=True, timeout=60).stdout


@pytest.fixture(scope="module")
def program(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return compile_debug(PROGRAM, tmp_path_factory.mktemp("dwarf") / "program")


def test_llvm_dwarfdump_verifies(program: Path) -> None:
    if shutil.which("llvm-dwarfdump") is None:
        pytest.skip("llvm-dwarfdump is not installed (Debian: apt-get install llvm)")
    result = subprocess.run(["llvm-dwarfdump", "--verify", str(program)], capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No errors." in result.stdout


def test_compile_units_name_pythos_and_the_source_files(program: Path) -> None:
    info = dwarf_info(program)
    assert re.search(r"DW_AT_producer\s*:.*Pythos", info)
    assert re.search(r"DW_AT_language\s*:.*Python", info)
    names = re.findall(r"DW_TAG_compile_unit.*?DW_AT_name\s*:(?: \(.*?\):)? (\S+)", info,
                       flags=re.S)
    assert "tests/debug/program.py" in names
    assert "pythos/rt/core.py" in names


def test_functions_variables_and_types_are_described(program: Path) -> None:
    info = dwarf_info(program)
    # Each DIE as one text block, to look at its attributes together.
    dies = re.split(r"\n(?= <\d+><[0-9a-f]+>:)", info)

    def die(tag: str, name: str) -> str:
        for text in dies:
            if f"({tag})" in text and re.search(rf"DW_AT_name\s*:.*?: {re.escape(name)}\n",
                                                text + "\n"):
                return text
        raise AssertionError(f"no {tag} named {name}")

    scaled = die("DW_TAG_subprogram", "scaled")
    assert re.search(r"DW_AT_decl_line\s*: " + str(marked_line(PROGRAM, "product") - 1), scaled)
    die("DW_TAG_formal_parameter", "factor")
    die("DW_TAG_variable", "product")
    die("DW_TAG_variable", "COUNTER")
    assert re.search(r"DW_AT_encoding\s*: 5\s+\(signed\)", die("DW_TAG_base_type", "i64"))
    assert re.search(r"DW_AT_encoding\s*: 7\s+\(unsigned\)", die("DW_TAG_base_type", "u16"))
    assert re.search(r"DW_AT_byte_size\s*: 40", die("DW_TAG_structure_type", "Shape"))
    for member, offset in [("corner", 0), ("tags", 16), ("next", 24), ("sides", 32)]:
        assert re.search(rf"DW_AT_data_member_location: {offset}\b",
                         die("DW_TAG_member", member)), member
    assert "(DW_TAG_array_type)" in info
    assert "(DW_TAG_pointer_type)" in info


def test_every_statement_line_is_in_the_line_table(program: Path) -> None:
    lines = subprocess.run(["objdump", "--dwarf=decodedline", str(program)],
                           capture_output=True, text=True, check=True, timeout=60).stdout
    covered = {int(m.group(1)) for m in re.finditer(r"^program\.py\s+(\d+)\s", lines, re.M)}
    for marker in ("product", "result", "describe", "main"):
        assert marked_line(PROGRAM, marker) in covered, marker


def test_no_debug_information_without_g(tmp_path: Path) -> None:
    plain = compile_debug(PROGRAM, tmp_path / "plain", debug=False)
    sections = subprocess.run(["readelf", "-S", str(plain)], capture_output=True, text=True,
                              check=True, timeout=60).stdout
    assert ".debug_info" not in sections


def test_optimised_debug_build_is_valid(tmp_path: Path) -> None:
    optimised = compile_debug(PROGRAM, tmp_path / "program", opt=2)
    assert subprocess.run([str(optimised)], capture_output=True, text=True,
                          timeout=60).stdout == "76\n"
    if shutil.which("llvm-dwarfdump") is not None:
        result = subprocess.run(["llvm-dwarfdump", "--verify", str(optimised)],
                                capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stdout
