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

# A program that imports a helper the optimised runtime keeps private.
HELPER = '''from pythos.lang import u32
from pythos.rt.obj.strconv import digit_value


def main() -> None:
    words = ["a", "b"]
    print(digit_value(u32(55)), digit_value(u32(122)), digit_value(u32(33)), words)


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
        "bitcode": False, "private": [], "internal": None}))
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
        {"modules": {}, "bitcode": False, "private": [], "internal": None}))
    assert rtcache.load_entry(entry) is None             # no object


def test_a_split_entry_missing_a_part_is_never_used(tmp_path: Path) -> None:
    """Above -O0 an entry has five parts (the bitcode, the optimised
    object, the inlinable bodies, the copyable bodies and their index):
    without any one of them it is not used."""
    entry = tmp_path / "entry"
    entry.mkdir()
    (entry / rtcache.MANIFEST).write_text(json.dumps(
        {"modules": {}, "bitcode": True, "private": [], "internal": ["f"]}))
    parts = [rtcache.BITCODE, rtcache.SPLIT_OBJECT, rtcache.INLINE, rtcache.LIBRARY,
             rtcache.LIBRARY_INDEX]
    for missing in parts:
        for part in parts:
            (entry / part).unlink(missing_ok=True)
            if part != missing:
                (entry / part).write_bytes(b"BC")
        assert rtcache.load_entry(entry) is None
    for part in parts:
        (entry / part).write_bytes(b"BC")
    whole = rtcache.load_entry(entry)
    assert whole is not None and whole.internal == {"f"}
    assert whole.split_object == entry / rtcache.SPLIT_OBJECT


def test_racing_writers_both_get_the_whole_entry(cache: Path, tmp_path: Path) -> None:
    """Two writers of one key: the second finds the first's entry in place
    and uses it; no temporary directory is left behind."""
    from pythos.parse import load_program
    program = tmp_path / "plain.py"
    program.write_text(PLAIN)
    loaded = load_program(program, implicit=[])
    one = rtcache.store_entry(cache, "k", rtcache.Built(b"\x7fELF one", loaded, set()))
    two = rtcache.store_entry(cache, "k", rtcache.Built(b"\x7fELF two", loaded, set()))
    assert one == two
    assert two.path.read_bytes() == b"\x7fELF one"
    assert [p.name for p in cache.iterdir()] == ["k"]
    # The same for an entry of three parts: all of them from one writer.
    from pythos.rtsplit import Library
    first = rtcache.store_entry(cache, "s", rtcache.Built(b"BC one", loaded, set(), b"O one",
                                                          b"I one", {"f"}, Library("one", {})))
    second = rtcache.store_entry(cache, "s", rtcache.Built(b"BC two", loaded, set(), b"O two",
                                                           b"I two", {"g"}, Library("two", {})))
    assert first == second and second.internal == {"f"}
    assert second.split_object is not None and second.inline is not None
    assert second.library is not None
    assert (second.path.read_bytes(), second.split_object.read_bytes(),
            second.inline.read_bytes(), second.library.read_text()) == (
                b"BC one", b"O one", b"I one", "one")
    assert sorted(p.name for p in cache.iterdir()) == ["k", "s"]


@pytest.mark.parametrize("opt", [0, 2])
def test_concurrent_compilers_share_one_entry(cache: Path, tmp_path: Path, opt: int) -> None:
    """Two processes compile at once into an empty cache: both programs
    work, and the cache holds whole entries only (above -O0, entries of
    the runtime optimised once, the largest to write)."""
    program = tmp_path / "objects.py"
    program.write_text(OBJECTS)
    env = {**os.environ, rtcache.CACHE_ENV: str(cache), "PYTHONPATH": str(ROOT),
           rtcache.SPLIT_ENV: "1" if opt else ""}
    procs = [subprocess.Popen([sys.executable, "-m", "pythos", "compile", str(program),
                               f"-O{opt}", "-o", str(tmp_path / f"p{i}")], env=env,
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


@pytest.mark.parametrize("opt,split", [(0, False), (2, False), (2, True)])
def test_cached_runtime_gives_the_same_program(cache: Path, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch,
                                               opt: int, split: bool) -> None:
    """With the cache and without it (the runtime compiled into the
    program), the program prints the same; -O0 links machine code, above
    it the runtime optimised once is joined, its small bodies inlined and
    the bodies the program calls copied, or (with PYTHOS_RTSPLIT=0) the
    runtime's bitcode is optimised with the program."""
    monkeypatch.setenv(rtcache.SPLIT_ENV, "" if split else "0")
    program = tmp_path / "objects.py"
    program.write_text(OBJECTS)
    cached = run(program, tmp_path, opt)
    (entry,) = [e for e in entries(cache)
                if "pythos.rt.obj.list" in json.loads((e / rtcache.MANIFEST).read_text())
                ["modules"]]
    assert (entry / (rtcache.BITCODE if opt else rtcache.OBJECT)).is_file()
    assert (entry / rtcache.SPLIT_OBJECT).is_file() == split
    joined = compile_file(program, get_target("linux"), opt).runtime_object
    assert joined == (entry / rtcache.SPLIT_OBJECT if split
                      else None if opt else entry / rtcache.OBJECT)
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


def test_a_program_naming_a_private_helper_gets_the_whole_bitcode(
        cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A program may name a runtime function that the optimised runtime
    keeps private (here by importing it): it is compiled with the
    runtime's whole bitcode instead, and still works."""
    monkeypatch.delenv(rtcache.SPLIT_ENV, raising=False)
    program = tmp_path / "objects.py"
    program.write_text(OBJECTS)
    assert compile_file(program, get_target("linux"), 2).runtime_object is not None
    (entry,) = [e for e in entries(cache)
                if "pythos.rt.obj.list" in json.loads((e / rtcache.MANIFEST).read_text())
                ["modules"]]
    internal = json.loads((entry / rtcache.MANIFEST).read_text())["internal"]
    assert "pythos.rt.obj.strconv.digit_value" in internal
    program.write_text(HELPER)
    result = compile_file(program, get_target("linux"), 2)
    assert result.runtime_object is None
    # (What CPython prints for it.)
    assert run(program, tmp_path, 2) == "7 35 99 ['a', 'b']\n"


def test_covers_sees_every_reference_but_declarations() -> None:
    from pythos.rtsplit import covers
    text = ('declare void @"a.helper"(i64)\n@g = external global i64\n'
            'define void @main() {\n  call void @"a.helper"(i64 1)\n  ret void\n}\n')
    assert not covers(text, frozenset({"a.helper"}))
    assert covers(text, frozenset({"g"}))
    assert covers(text.replace('call void @"a.helper"(i64 1)', "call void @other()"),
                  frozenset({"a.helper"}))


# A program whose calls the IR builder names by building the name
# (`f"str_{name}"`, `"list_" + method`) or through a module the driver
# swaps in (`import gc`): none of them falls back on the whole bitcode.
BUILT_NAMES = '''import gc


def main() -> None:
    words = ["apple", "banana", "cherry"]
    starts = [w for w in words if w.startswith("b") or w.endswith("y")]
    small = {1, 2}
    print(starts, small.issubset({1, 2, 3}), b"a,b".split(b","), b"abc".find(b"c"))
    words.clear()
    print(words, gc.collect() >= 0)


if __name__ == "__main__":
    main()
'''


def test_names_the_builder_builds_stay_external(cache: Path, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(rtcache.SPLIT_ENV, raising=False)
    program = tmp_path / "built.py"
    program.write_text(BUILT_NAMES)
    (entry_obj,) = {compile_file(program, get_target("linux"), 2).runtime_object}
    assert entry_obj is not None and entry_obj.name == rtcache.SPLIT_OBJECT
    want = subprocess.run([sys.executable, str(program)], capture_output=True, text=True,
                          timeout=60, check=True).stdout
    assert run(program, tmp_path, 2) == want


def test_alias_sources_are_the_drivers_aliases() -> None:
    """rtsplit reads the modules the driver swaps in for the names they
    use: its list must cover every one of them."""
    from pythos import rtsplit
    from pythos.driver import target_aliases
    listed = {f for pattern in rtsplit._ALIAS_SOURCES for f in PACKAGE_ROOT.glob(pattern)}
    for name in ("linux", "user"):
        for module, path in target_aliases(get_target(name)).items():
            if module != "pythos.rt.platform":
                assert path in listed, path


COPY_IR = '''declare dso_local i64 @rt.big(i64)
declare dso_local i64 @rt.other(i64)
@table = global ptr @rt.big
define i64 @main() {
  %a = call i64 @rt.big(i64 1)
  %b = call i64 @rt.other(i64 %a)
  store ptr @rt.big, ptr @table
  ret i64 %b
}
'''


def test_private_copies_rename_calls_only() -> None:
    """A program's calls of a runtime function go to its private copy;
    the function's address stays the runtime's, and the copy calls the
    runtime for what is not copied."""
    from pythos import rtsplit
    text = ('''define dso_local i64 @rt.big(i64 %x) {
  %y = call i64 @rt.leaf(i64 %x)
  %z = call i64 @rt.shared(i64 %y)
  %w = call i64 @rt.shared(i64 %z)
  ret i64 %w
}
define dso_local i64 @rt.leaf(i64 %x) {
  ret i64 %x
}
define dso_local i64 @rt.shared(i64 %x) {
  ret i64 %x
}
define dso_local i64 @rt.other(i64 %x) {
  ret i64 %x
}
''')
    lib = rtsplit.library(text, {"rt.big", "rt.leaf", "rt.shared", "rt.other"}, {})
    chosen = rtsplit.choose(COPY_IR, lib.index)
    assert chosen == {"rt.big", "rt.other", "rt.leaf", "rt.shared"}
    program, copies = rtsplit.copies(COPY_IR, lib, {"rt.big", "rt.leaf"})
    assert 'call i64 @"rt.big$in"(i64 1)' in program
    assert "call i64 @rt.other(i64 %a)" in program
    assert "store ptr @rt.big, ptr @table" in program
    assert "@table = global ptr @rt.big" in program
    assert 'call i64 @"rt.leaf$in"(i64 %x)' in copies
    assert "call i64 @rt.shared(i64 %y)" in copies
    import llvmlite.binding as llvm
    mod = llvm.parse_assembly(program)
    rtcache.link_copies(mod, copies, {"rt.big", "rt.leaf"})
    mod.verify()
    assert mod.get_function("rt.big$in").linkage == llvm.Linkage.internal
    assert mod.get_function("rt.big").is_declaration


def test_callees_called_from_many_places_are_not_copied() -> None:
    from pythos import rtsplit
    calls = "".join(f"  %c{i} = call i64 @rt.hot(i64 %x)\n" for i in range(rtsplit.COPY_SITES + 1))
    text = (f"define dso_local i64 @rt.top(i64 %x) {{\n{calls}  ret i64 %x\n}}\n"
            "define dso_local i64 @rt.hot(i64 %x) {\n  ret i64 %x\n}\n")
    lib = rtsplit.library(text, {"rt.top", "rt.hot"}, {})
    ir = "define i64 @main() {\n  %a = call i64 @rt.top(i64 1)\n  ret i64 %a\n}\n"
    assert rtsplit.choose(ir, lib.index) == {"rt.top"}


def test_copied_bodies_are_taken_before_code_generation(cache: Path, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """Code generation rewrites the runtime's module in place (CodeGenPrepare
    sinks addresses into `inttoptr` of offsets, `%sunkaddr`): bodies taken
    after it and optimised again with a program were miscompiled (a list's
    items read as absent in tests/objects/programs/list_builtins.py)."""
    monkeypatch.delenv(rtcache.SPLIT_ENV, raising=False)
    program = tmp_path / "objects.py"
    program.write_text(OBJECTS)
    assert compile_file(program, get_target("linux"), 2).runtime_object is not None
    for entry in entries(cache):
        for part in (rtcache.LIBRARY, rtcache.INLINE):
            if (entry / part).is_file():
                data = (entry / part).read_bytes()
                assert b"sunkaddr" not in data, part
