"""The precompiled runtime: compile `pythos/rt` once, link it with every program.

The runtime (`pythos.rt.core`, `pythos.rt.mem`, the platform module and,
for a program that uses objects, the object runtime under `pythos.rt.obj`)
is some 9,000 lines that every program used to parse, check, lower,
optimise and turn into machine code again, for a program of perhaps
twenty lines: 1.3 s of a 1.4 s compile.  Its code does not depend on the
program (the runtime is generic: it reaches a program's classes only
through their `TypeInfo` descriptors), so it is compiled once into an
object file and kept in a cache.  A program is then compiled with the
runtime's functions and globals only *declared*: its check reads their
signatures but not their bodies, the IR is built and lowered for the
program's own functions alone, and the program's object is joined to the
runtime's with `ld -r`, so that callers still get one self-contained
object file.

    program.py ──check (signatures of rt)──▶ IR ──▶ LLVM ──▶ program.o ─┐
                                                                        ├─ ld -r ─▶ .o
    pythos/rt/** ──(once per key)──▶ full pipeline, symbols exported ──▶ runtime.o ─┘

The cache can never serve a stale object.  An entry is named by a SHA-256
key over everything that can change the runtime's code: the text of every
compiler and runtime source (`pythos/**/*.py`), the modules swapped in by
aliases, the target, the optimisation level, whether debug information is
asked for, the set of runtime modules (with or without objects), and the
LLVM and llvmlite versions.  Its manifest also lists every module compiled
into it with the SHA-256 of the file's text, checked on every use, so that
even a module from outside `pythos/` (an alias) cannot go stale unseen.

Several compilers may fill the cache at once (pytest workers, two shells).
An entry is a directory, written complete under a temporary name in the
cache directory and then renamed into place: a rename is atomic, so a
reader sees the whole entry or none.  When two writers race, the second
rename fails, and the loser uses the winner's entry.

The cache lives in `build/rtcache` of the source tree, or wherever
`PYTHOS_RTCACHE` points; `PYTHOS_RTCACHE=off` compiles the runtime into
every program as before (the check that both ways agree uses that).

Above -O0 an entry holds the runtime's bitcode and, unless
`PYTHOS_RTSPLIT=0` (part of the key), the runtime optimised once, as
machine code, a module of the bodies worth inlining and a library of
bodies a program copies (pythos/rtsplit.py): a program that names none
of the helpers that optimisation made private is compiled against those
and joined with the machine code, which compiles about twice as fast and
runs as fast (docs/compiler.md, "The runtime optimised once"); any other
program gets the runtime's bitcode linked into it and optimised with it.
Its entry is written and checked whole like any other.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import llvmlite
import llvmlite.binding as llvm

from .diagnostics import CompileError
from .parse import PACKAGE_ROOT, Program
from .rtsplit import COPY, Library
from .target import Target

CACHE_ENV = "PYTHOS_RTCACHE"
# Above -O0 programs are compiled against the runtime optimised once
# (pythos/rtsplit.py); set to 0 to link the runtime's whole bitcode into
# each program instead, as before (slower to compile, the same speed).
SPLIT_ENV = "PYTHOS_RTSPLIT"
# Entries beyond this many, least recently used first, are removed once
# they are a day old (a young one may be in use by another compiler).
KEEP_ENTRIES = 24
PRUNE_AGE_SECONDS = 24 * 3600
MANIFEST = "manifest.json"
OBJECT = "runtime.o"
BITCODE = "runtime.bc"
SPLIT_OBJECT = "optimised.o"
INLINE = "inline.bc"
LIBRARY = "library.ll"
LIBRARY_INDEX = "library.json"
FORMAT = 7  # bump when the entry's layout or meaning changes (6: the optimised split)


@dataclass(frozen=True)
class Runtime:
    """A usable cache entry: the object file and the modules it defines."""

    path: Path
    modules: frozenset[str]
    # LLVM bitcode (above -O0), to be linked into each program's module
    # before it is optimised, with these symbols made private there.
    bitcode: bool = False
    private: frozenset[str] = frozenset()
    # Above -O0, the runtime optimised once (pythos/rtsplit.py): its machine
    # code, its inlinable bodies, and the symbols it optimised as private,
    # which a program using it must not name.
    split_object: Path | None = None
    inline: Path | None = None
    internal: frozenset[str] = frozenset()
    library: Path | None = None


@dataclass
class Built:
    """What a build of the runtime gives, for `store_entry`."""

    code: bytes  # the object file (-O0) or the simplified bitcode
    program: Program
    private: set[str]
    split_object: bytes | None = None
    inline: bytes | None = None
    internal: set[str] | None = None
    library: Library | None = None


def cache_dir() -> Path | None:
    """Where entries live, or None when the cache is switched off."""
    setting = os.environ.get(CACHE_ENV, "")
    if setting.lower() in ("off", "0", "no"):
        return None
    return Path(setting) if setting else PACKAGE_ROOT / "build" / "rtcache"


# The digest of the compiler's sources, remembered with the size and
# modification time of each file it read, so that a process compiling many
# programs reads them once and still notices an edit.
_digest_memo: tuple[tuple[tuple[str, int, int], ...], str] | None = None


def compiler_digest() -> str:
    """SHA-256 over the text of every compiler and runtime source."""
    global _digest_memo
    files = sorted((PACKAGE_ROOT / "pythos").rglob("*.py"))
    stamp = tuple((str(f), st.st_size, st.st_mtime_ns) for f in files for st in [f.stat()])
    if _digest_memo is not None and _digest_memo[0] == stamp:
        return _digest_memo[1]
    h = hashlib.sha256()
    for f in files:
        h.update(str(f.relative_to(PACKAGE_ROOT)).encode() + b"\0")
        h.update(f.read_bytes() + b"\0")
    _digest_memo = (stamp, h.hexdigest())
    return _digest_memo[1]


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def split_wanted(opt_level: int) -> bool:
    """Whether an entry above -O0 also holds the runtime optimised once
    (the default; `PYTHOS_RTSPLIT=0` asks for the whole bitcode only)."""
    return opt_level > 0 and os.environ.get(SPLIT_ENV, "").lower() not in ("0", "off", "no")


def cache_key(target: Target, opt_level: int, debug: bool, implicit: list[str],
              aliases: dict[str, Path]) -> str:
    parts = {
        "format": FORMAT,
        "compiler": compiler_digest(),
        "target": repr(target),
        "opt": opt_level,
        "debug": debug,
        "implicit": implicit,
        "aliases": {name: [str(path), file_digest(path) if path.is_file() else ""]
                    for name, path in sorted(aliases.items())},
        "llvm": [list(llvm.llvm_version_info), llvmlite.__version__],
        "split": split_wanted(opt_level),
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()[:32]


def load_entry(entry: Path) -> Runtime | None:
    """The entry at `entry` if it is complete and every module it was
    compiled from still has the same text; else None."""
    try:
        manifest = json.loads((entry / MANIFEST).read_text())
        modules = manifest["modules"]
        for path, digest in modules.values():
            if file_digest(Path(path)) != digest:
                return None
        bitcode = bool(manifest["bitcode"])
        obj = entry / (BITCODE if bitcode else OBJECT)
        split = manifest["internal"] is not None
        for path in [obj, *([entry / SPLIT_OBJECT, entry / INLINE, entry / LIBRARY,
                             entry / LIBRARY_INDEX] if split else [])]:
            if not path.is_file():
                return None
        internal = frozenset(manifest["internal"] or ())
    except (OSError, ValueError, KeyError, TypeError):
        return None
    with contextlib.suppress(OSError):
        os.utime(entry)  # recently used: pruned last
    return Runtime(obj, frozenset(modules), bitcode, frozenset(manifest["private"]),
                   entry / SPLIT_OBJECT if split else None,
                   entry / INLINE if split else None, internal,
                   entry / LIBRARY if split else None)


def store_entry(root: Path, key: str, built: Built) -> Runtime:
    """Write an entry under a temporary name and rename it into place;
    return the entry that is in place afterwards (ours, or a racing
    writer's)."""
    root.mkdir(parents=True, exist_ok=True)
    final = root / key
    program = built.program
    modules = {name: [str(m.path), file_digest(Path(m.path))]
               for name, m in program.modules.items() if name != program.entry.name}
    staging = Path(tempfile.mkdtemp(prefix=f".{key}.", dir=root))
    try:
        bitcode = not built.code.startswith(b"\x7fELF")
        (staging / (BITCODE if bitcode else OBJECT)).write_bytes(built.code)
        if built.split_object is not None and built.inline is not None:
            (staging / SPLIT_OBJECT).write_bytes(built.split_object)
            (staging / INLINE).write_bytes(built.inline)
            assert built.library is not None
            (staging / LIBRARY).write_text(built.library.text)
            (staging / LIBRARY_INDEX).write_text(json.dumps(built.library.index))
        internal = sorted(built.internal) if built.internal is not None else None
        (staging / MANIFEST).write_text(json.dumps(
            {"modules": modules, "bitcode": bitcode, "private": sorted(built.private),
             "internal": internal}, indent=1))
        try:
            os.rename(staging, final)
        except OSError:
            # Another compiler got there first (or a stale entry is in the
            # way: it failed its check, so replace it).
            if load_entry(final) is None:
                shutil.rmtree(final, ignore_errors=True)
                with contextlib.suppress(OSError):
                    os.rename(staging, final)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    prune(root)
    entry = load_entry(final)
    if entry is None:
        raise CompileError(f"internal: the runtime cache entry {final} is unusable")
    return entry


def prune(root: Path) -> None:
    """Remove the least recently used entries beyond KEEP_ENTRIES that are
    old enough not to be in use."""
    try:
        entries = sorted((p for p in root.iterdir() if not p.name.startswith(".")),
                         key=lambda p: p.stat().st_mtime, reverse=True)
    except OSError:
        return
    now = time.time()
    for old in entries[KEEP_ENTRIES:]:
        try:
            if now - old.stat().st_mtime > PRUNE_AGE_SECONDS:
                shutil.rmtree(old, ignore_errors=True)
        except OSError:
            pass


def runtime_for(target: Target, opt_level: int, debug: bool, implicit: list[str],
                aliases: dict[str, Path],
                build: Callable[[], Built]) -> Runtime | None:
    """The precompiled runtime for these settings, built with `build` (which
    returns the object code and the program it was compiled from) when the
    cache has none; None when the cache is off."""
    root = cache_dir()
    if root is None:
        return None
    key = cache_key(target, opt_level, debug, implicit, aliases)
    entry = load_entry(root / key)
    if entry is not None:
        return entry
    # One compiler builds while the others wait for its entry, rather than
    # all of them building the same object at once.  The lock only saves
    # work: correctness comes from the atomic rename in `store_entry`.
    root.mkdir(parents=True, exist_ok=True)
    lock_path = root / f".lock.{key}"
    with open(lock_path, "a+b") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            entry = load_entry(root / key)
            if entry is not None:
                return entry
            return store_entry(root, key, build())
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def link_bitcode(mod: llvm.ModuleRef, runtime: Runtime) -> None:
    """Link the runtime's bitcode into the program's module `mod`, and make
    private again what was private when the runtime was compiled into
    each program: LLVM then deletes what the program does not use before
    it optimises, and optimises the rest as one whole, as before."""
    try:
        other = llvm.parse_bitcode(runtime.path.read_bytes())
        mod.link_in(other)
    except (OSError, RuntimeError) as e:
        raise CompileError(f"internal: could not link the runtime's bitcode "
                           f"{runtime.path}: {e}") from None
    for value in [*mod.functions, *mod.global_variables]:
        if value.name in runtime.private and not value.is_declaration:
            value.linkage = llvm.Linkage.internal


def link_inline(mod: llvm.ModuleRef, runtime: Runtime) -> None:
    """Link the optimised runtime's inlinable bodies (available_externally)
    and declarations of the rest into the program's module `mod`."""
    assert runtime.inline is not None
    try:
        mod.link_in(llvm.parse_bitcode(runtime.inline.read_bytes()))
    except (OSError, RuntimeError) as e:
        raise CompileError(f"internal: could not link the runtime's inlinable bodies "
                           f"{runtime.inline}: {e}") from None


def load_library(runtime: Runtime) -> Library:
    """The optimised runtime's copyable bodies (pythos/rtsplit.py)."""
    assert runtime.library is not None
    try:
        index = json.loads((runtime.library.parent / LIBRARY_INDEX).read_text())
        return Library(runtime.library.read_text(), index)
    except (OSError, ValueError) as e:
        raise CompileError(f"internal: could not read the runtime's bodies "
                           f"{runtime.library}: {e}") from None


def link_copies(mod: llvm.ModuleRef, copies: str, names: set[str]) -> None:
    """Link the module `copies` of the runtime bodies the program copies
    (pythos/rtsplit.py, `copies`) into the program's module `mod`, and
    make each copy private to it."""
    try:
        mod.link_in(llvm.parse_assembly(copies))
    except RuntimeError as e:
        raise CompileError(f"internal: could not link the runtime's copied bodies: "
                           f"{str(e).strip()[:2000]}") from None
    for name in names:
        mod.get_function(name + COPY).linkage = llvm.Linkage.internal


def join(program_obj: bytes, runtime_obj: Path) -> bytes:
    """One relocatable object of the program's and the runtime's code."""
    with tempfile.TemporaryDirectory(prefix="pythos-join-") as tmp:
        own, out = Path(tmp) / "program.o", Path(tmp) / "joined.o"
        own.write_bytes(program_obj)
        try:
            done = subprocess.run(["ld", "-r", "-o", str(out), str(own), str(runtime_obj)],
                                  capture_output=True, text=True, timeout=120)
        except OSError as e:
            raise CompileError(f"could not run ld to add the runtime: {e}") from None
        if done.returncode != 0:
            raise CompileError(f"ld could not add the runtime: {done.stderr.strip()}")
        return out.read_bytes()
