"""The precompiled runtime cache (pythos/rtcache.py, docs/compiler.md).

A program is compiled against a runtime built once per key and kept on
disk.  These tests check what makes that safe: a change to a runtime
source gives a new entry (a stale one is never used), an entry is never
seen half-written, two compilers filling the cache at once both get a
whole entry, and a program compiled with the cache behaves as one
compiled with the runtime inside it.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from pythos import rtcache
from pythos.driver import compile_file
from pythos.kernel_tools.build import link_linux
from pythos.parse import PACKAGE_ROOT
from pythos.target import get_target

ROOT = Path(__file__).resolve().parents[2]
PLAIN = '''def main() -> None:
    print("sum", 2 + 3)


if __name__ == "__main__":
    main()
'''
OBJECTS = '''class Box:
    def __init__(self, items: list[str]) -> None:
        self.items = items


def main() -> None:
    box = Box(["b", "a"])
    box.items.sort()
    counts: dict[str, int] = {}
    for word in ["to", "be", "or", "not", "to", "be"]:
        counts[word] = counts.get(word, 0) + 1
    print(box.items, counts, len(counts))


if __name__ == "__main__":
    main()
'''


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "rtcache"
    monkeypatch.setenv(rtcache.CACHE_ENV, str(root))
    return root


def entries(root: Path) -> list[Path]:
    return sorted(p for p in root.iterdir() if not p.name.startswith("."))


def run(source: Path, tmp: Path, opt: int = 0,
        aliases: dict[str, Path] | None = None) -> str:
    result = compile_file(source, get_target("linux"), opt, aliases=aliases)
    obj, exe = tmp / f"{source.stem}.o", tmp / source.stem
    obj.write_bytes(result.obj)
    link_linux([obj], exe)
    return subprocess.run([str(exe)], capture_output=True, text=True, timeout=60,
                          check=True).stdout


def test_entry_is_reused_and_rebuilt_when_a_runtime_source_changes(
        cache: Path, tmp_path: Path) -> None:
    program = tmp_path / "plain.py"
    program.write_text(PLAIN)
    # A copy of the memory runtime stands in for the real one, so that the
    # test can edit "a runtime source" without touching the tree.
    mem = tmp_path / "mem.py"
    mem.write_text((PACKAGE_ROOT / "pythos" / "rt" / "mem.py").read_text())
    aliases = {"pythos.rt.mem": mem}
    assert run(program, tmp_path, aliases=aliases) == "sum 5\n"
    first = entries(cache)
    assert len(first) == 1
    manifest = json.loads((first[0] / rtcache.MANIFEST).read_text())
    assert manifest["modules"]["pythos.rt.mem"][0] == str(mem)
    stamp = (first[0] / rtcache.OBJECT).stat().st_mtime_ns

    assert run(program, tmp_path, aliases=aliases) == "sum 5\n"
    assert entries(cache) == first    # the same entry, not rebuilt
    assert (first[0] / rtcache.OBJECT).stat().st_mtime_ns == stamp

    mem.write_text(mem.read_text() + "\n# changed\n")
    assert run(program, tmp_path, aliases=aliases) == "sum 5\n"
    assert len(entries(cache)) == 2   # a new key for the new source


def test_an_entry_whose_sources_changed_is_not_used(tmp_path: Path) -> None:
    """Even with the same key, the manifest's digests must still match."""
    module = tmp_path / "m.py"
    module.write_text("x = 1\n")
    entry = tmp_path / "entry"
    entry.mkdir()
    (entry / rtcache.OBJECT).write_bytes(b"\x7fELF")
    (entry / rtcache.MANIFEST).write_text(json.dumps({
        "modules": {"m": [str(module), rtcache.file_digest(module)]},
        "bitcode": False, "private": []}))
    assert rtcache.load_entry(entry) is not None
    module.write_text("x = 2\n")
    assert rtcache.load_entry(entry) is None


def test_a_half_written_entry_is_never_used(tmp_path: Path) -> None:
    entry = tmp_path / "entry"
    entry.mkdir()
    assert rtcache.load_entry(entry) is None             # no manifest
    (entry / rtcache.MANIFEST).write_text('{"modules": {')
    assert rtcache.load_entry(entry) is None             # a torn manifest
    (entry / rtcache.MANIFEST).write_text(json.dumps(
        {"modules": {}, "bitcode": False, "private": []}))
    assert rtcache.load_entry(entry) is None             # no object


def test_racing_writers_both_get_the_whole_entry(cache: Path, tmp_path: Path) -> None:
    """Two writers of one key: the second finds the first's entry in place
    and uses it; no temporary directory is left behind."""
    from pythos.parse import load_program
    program = tmp_path / "plain.py"
    program.write_text(PLAIN)
    loaded = load_program(program, implicit=[])
    one = rtcache.store_entry(cache, "k", b"\x7fELF one", loaded, set())
    two = rtcache.store_entry(cache, "k", b"\x7fELF two", loaded, set())
    assert one == two
    assert two.path.read_bytes() == b"\x7fELF one"
    assert [p.name for p in cache.iterdir()] == ["k"]


def test_concurrent_compilers_share_one_entry(cache: Path, tmp_path: Path) -> None:
    """Two processes compile at once into an empty cache: both programs
    work, and the cache holds whole entries only."""
    program = tmp_path / "objects.py"
    program.write_text(OBJECTS)
    env = {**os.environ, rtcache.CACHE_ENV: str(cache), "PYTHONPATH": str(ROOT)}
    procs = [subprocess.Popen([sys.executable, "-m", "pythos", "compile", str(program),
                               "-O0", "-o", str(tmp_path / f"p{i}")], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for i in range(2)]
    for p in procs:
        _, err = p.communicate(timeout=600)
        assert p.returncode == 0, err
    want = subprocess.run([sys.executable, str(program)], capture_output=True, text=True,
                          timeout=60, check=True).stdout
    for i in range(2):
        got = subprocess.run([str(tmp_path / f"p{i}")], capture_output=True, text=True,
                             timeout=60, check=True).stdout
        assert got == want
    for entry in entries(cache):
        assert rtcache.load_entry(entry) is not None
    assert not [p for p in cache.iterdir() if p.name.startswith(".") and p.is_dir()]


@pytest.mark.parametrize("opt", [0, 2])
def test_cached_runtime_gives_the_same_program(cache: Path, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch,
                                               opt: int) -> None:
    """With the cache and without it (the runtime compiled into the
    program), the program prints the same; -O0 links machine code, above
    it the runtime's bitcode is optimised with the program."""
    program = tmp_path / "objects.py"
    program.write_text(OBJECTS)
    cached = run(program, tmp_path, opt)
    (entry,) = [e for e in entries(cache)
                if "pythos.rt.obj.list" in json.loads((e / rtcache.MANIFEST).read_text())
                ["modules"]]
    assert (entry / (rtcache.BITCODE if opt else rtcache.OBJECT)).is_file()
    monkeypatch.setenv(rtcache.CACHE_ENV, "off")
    assert run(program, tmp_path, opt) == cached
    want = subprocess.run([sys.executable, str(program)], capture_output=True, text=True,
                          timeout=60, check=True).stdout
    assert cached == want


def test_bitcode_entry_is_simplified_once_when_cached(cache: Path, tmp_path: Path) -> None:
    """Above -O0 the entry holds the runtime with each function already
    cleaned up, so that each program's optimiser starts from smaller
    code: no local scalar is left in a stack slot (SROA has run), where
    the raw lowering keeps every local in one."""
    import llvmlite.binding as llvm

    program = tmp_path / "plain.py"
    program.write_text(PLAIN)
    assert run(program, tmp_path, 2) == "sum 5\n"
    (entry,) = entries(cache)
    text = str(llvm.parse_bitcode((entry / rtcache.BITCODE).read_bytes()))
    assert "\ndefine " in text
    scalar_slots = re.findall(r"= alloca (?:i1|i8|i16|i32|i64|ptr|double)\b", text)
    assert scalar_slots == []


def test_emitted_ir_still_holds_the_whole_program(cache: Path, tmp_path: Path) -> None:
    """`--emit llvm` and the stages that stop early see the runtime
    compiled with the program, and fill no cache."""
    program = tmp_path / "objects.py"
    program.write_text(OBJECTS)
    result = compile_file(program, get_target("linux"), 0, emit="llvm")
    # (A bool, not `in`: pytest would diff the megabyte of text on failure.)
    defined = re.search(r"\ndefine internal i64 @\"?pythos\.rt\.obj\.object\.obj_new\b",
                        result.optimized_ir) is not None
    assert defined
    assert not cache.exists() or not entries(cache)
