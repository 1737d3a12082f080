"""The object core (pythos/rt/obj/object.py), compiled, on its own.

Releasing a million-node chain must free every node without recursion:
the program runs with a 256 KiB stack, where one frame per node would
overflow at once."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.compiler.conftest import compile_program

CHAIN = Path(__file__).parent / "obj" / "release_chain.py"


@pytest.mark.parametrize("opt", [0, 2])
def test_release_of_a_long_chain_does_not_recurse(tmp_path: Path, opt: int) -> None:
    exe = tmp_path / f"release_chain.O{opt}"
    built = compile_program(CHAIN, exe, opt)
    assert built.returncode == 0, built.stderr.decode()
    run = subprocess.run(["bash", "-c", f"ulimit -s 256 && exec {exe}"],
                         capture_output=True, timeout=120)
    assert run.returncode == 0, run.stderr.decode()
    assert run.stdout.decode().split("\n") == [
        "1000000", "1 0", "0 1000000", "3", ""]


@pytest.mark.parametrize("opt", [0, 2])
def test_items_print_and_hash_as_cpython_does(tmp_path: Path, opt: int) -> None:
    exe = tmp_path / f"items.O{opt}"
    built = compile_program(Path(__file__).parent / "obj" / "items_text.py", exe, opt)
    assert built.returncode == 0, built.stderr.decode()
    run = subprocess.run([str(exe)], capture_output=True, timeout=60)
    big = 1 << 62
    assert run.stdout.decode() == (
        f"{2**64 - 1} {-2**63} 0 True -5 200\n"
        f"{hash(-1) == -2} {hash(big)} {hash(-big)}\n")


@pytest.mark.parametrize("opt", [0, 2])
def test_core_str_objects_and_errors(tmp_path: Path, opt: int) -> None:
    exe = tmp_path / f"str_core.O{opt}"
    built = compile_program(Path(__file__).parent / "obj" / "str_core.py", exe, opt)
    assert built.returncode == 0, built.stderr.decode()
    run = subprocess.run([str(exe)], capture_output=True, timeout=60)
    assert run.returncode == 0, run.stderr.decode()
    word = "héllo €"
    assert run.stdout.decode() == (
        "list index out of range 23 23 0\n"
        f"{word} {len(word)} {len(word.encode())} 0\n"
        f"{word}-42 {len(word) + 3} {len(word.encode()) + 3} 0\n"
        "list index out of range 23 23 0\n"
        "0 0\n")
