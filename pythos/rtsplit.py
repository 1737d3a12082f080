"""The optimised runtime, split once into machine code and inlinable bodies.

Above -O0 a program is compiled against a runtime that was optimised once,
on its own, when its cache entry was made (pythos/rtcache.py,
docs/compiler.md "The precompiled runtime"):

1. The runtime's module keeps external only its API, the functions and
   globals a program's code can name (what the IR builder calls, what is
   exported); every other symbol is made internal, as it is when the
   runtime is compiled into a program, and the whole -O2 pipeline runs
   over the module.  So private helpers inline into their callers, and a
   private global that only the runtime stores (the collector's hook) is
   known to the optimiser, as before.
2. What is still internal afterwards but named by a body a program may
   inline is *promoted*: given a name no program symbol can have and
   made external, so that the program's copy of that body can refer to it.
   The module is then turned into machine code, the entry's object.
3. The inlinable bodies (the small functions and those the runtime marks
   for inlining) go into a second module as `available_externally`
   definitions, everything they refer to as declarations: a program's
   optimiser may inline them, never compiles them.
4. Every body goes into a library from which each program takes private
   copies of the bodies it calls ("Private copies" below).

A program may name a symbol the runtime optimised as private (its own
import of a runtime module's helper, say); `covers` tells the driver so,
and that program is compiled with the runtime's whole bitcode instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import llvmlite.binding as llvm

from .emit import Emitter

# A body this small (LLVM instructions, after optimisation) is offered to
# every program's inliner; larger ones only when the runtime marks them.
INLINE_SIZE = 40
# A name no program or runtime symbol has (`$` is not in Python names).
PROMOTED = "$rt"
_REF = re.compile(r'@("(?:[^"\\]|\\.)*"|[-a-zA-Z$._][-a-zA-Z$._0-9]*)')
_HINTS = ("alwaysinline", "inlinehint")


@dataclass
class Split:
    """The runtime's machine code and the module of inlinable bodies."""

    object_code: bytes
    inline_bitcode: bytes
    # Runtime symbols made internal before optimisation: a program whose
    # code names one of them cannot use this split.
    internal: set[str]
    inlined: list[str]
    # Every body a program may take a private copy of (`copies`).
    library: Library


def referenced(text: str) -> set[str]:
    """The symbols the definitions in LLVM IR `text` refer to (declarations
    themselves are not references)."""
    names: set[str] = set()
    for line in text.splitlines():
        if line.startswith("declare ") or " = external " in line:
            continue
        for name in _REF.findall(line):
            names.add(name[1:-1] if name.startswith('"') else name)
    return names


def covers(program_ir: str, internal: frozenset[str]) -> bool:
    """Whether a program whose LLVM IR is `program_ir` names none of the
    runtime's symbols that were optimised as private."""
    return referenced(program_ir).isdisjoint(internal)


def _local(value: llvm.ValueRef) -> bool:
    return value.linkage in (llvm.Linkage.internal, llvm.Linkage.private)


def split(bitcode: bytes, private: set[str], emitter: Emitter) -> Split:
    """Optimise the runtime's simplified `bitcode` with the symbols named in
    `private` made internal, and split it into an object and a module of
    inlinable bodies."""
    mod = llvm.parse_bitcode(bitcode)
    count = 0
    # Which runtime functions and globals refer to each symbol.
    users: dict[str, set[str]] = {}
    for value in [*mod.functions, *mod.global_variables]:
        if not value.name:  # named, so that a body may refer to it by name
            value.name = f"pythos.rt.anon{count}"
            count += 1
        if not value.is_declaration:
            for name in referenced(str(value)) - {value.name}:
                users.setdefault(name, set()).add(value.name)
    internal: set[str] = set()
    for value in [*mod.functions, *mod.global_variables]:
        if value.is_declaration or value.name not in private or _local(value) \
                or not _helper(value, users.get(value.name, set())):
            continue
        value.linkage = llvm.Linkage.internal
        internal.add(value.name)
    emitter.optimize(mod)
    # The bodies offered for inlining, the constants whose values may be
    # folded, and what they refer to.
    inline = []
    # Every body a program may take a private copy of (`choose`).
    copyable = []
    for fn in mod.functions:
        if fn.is_declaration or fn.name.startswith("llvm."):
            continue
        attrs = set(b" ".join(fn.attributes).decode().replace('"', "").split())
        if "noinline" in attrs or "optnone" in attrs:
            continue
        copyable.append(fn)
        if attrs & set(_HINTS) or _size(fn) <= INLINE_SIZE:
            inline.append(fn)
    needed = {fn.name for fn in copyable}
    for fn in copyable:
        needed |= referenced(str(fn))
    # Promote what is local and needed: external, under a name of its own.
    for value in [*mod.functions, *mod.global_variables]:
        if not value.is_declaration and _local(value) and value.name in needed:
            value.name = value.name + PROMOTED
            value.linkage = llvm.Linkage.external
    inline_names = {fn.name for fn in inline}
    # (The text first: code generation rewrites the module in place, with
    # passes such as CodeGenPrepare whose output is for the code generator
    # only.)
    text = str(mod)
    object_code = emitter.object_code(mod)
    inl = llvm.parse_assembly(inline_module(text, inline_names))
    inl.verify()
    # (Promoted or external now: a local function no body refers to is
    # not needed, and none can call it.)
    names = {fn.name for fn in copyable if not _local(fn)}
    return Split(object_code, inl.as_bitcode(), internal, sorted(inline_names),
                 library(text, names, {fn.name: _size(fn) for fn in copyable}))


# Where the compiler names runtime functions and globals: the IR builder
# and its passes, the lowering, the checker.
_NAMING_SOURCES = ("pythos/ir", "pythos/lower", "pythos/check", "pythos/driver.py")
_QUOTED = re.compile(r"""["']([A-Za-z_][A-Za-z_0-9]*)["']""")
# A name built from another: `f"str_{name}"`, `f"bytes_{stem}_data"`,
# `"list_" + method`.
_BUILT = re.compile(r"""\bf(["'])([A-Za-z_][A-Za-z_0-9]*)\{[^{}"']*\}([A-Za-z_0-9]*)\1""")
_JOINED = re.compile(r"""(["'])([A-Za-z_][A-Za-z_0-9]*)\1 *\+ *[A-Za-z_(]""")
# The modules the driver swaps in for a program's imports
# (`driver.target_aliases`): compiled with the program, they name runtime
# functions as Python code does (`from pythos.rt.obj.gc import gc_collect`).
_ALIAS_SOURCES = ("pythos/rt/obj/gc_module.py", "pythos/rt/obj/traceback_module.py",
                  "pythos/rt/*_syscalls.py")
_IDENTIFIER = re.compile(r"\b[A-Za-z_][A-Za-z_0-9]*\b")


def compiler_names(root: Path) -> set[str]:
    """Every identifier the compiler's sources quote: the names under which
    the IR builder looks up the runtime functions and globals it calls
    (`scopes[DICT_RT]["dict_new"]`), and more.  A runtime symbol of such a
    name stays external; one the compiler names in another way (built with
    an f-string, say) makes the program that uses it fall back on the
    whole bitcode (`covers`), which is slower to compile but as correct."""
    names: set[str] = set()
    built: set[tuple[str, str]] = set()
    for top in _NAMING_SOURCES:
        path = root / top
        for f in [path] if path.is_file() else sorted(path.rglob("*.py")):
            text = f.read_text()
            names |= set(_QUOTED.findall(text))
            built |= {(m.group(2), m.group(3)) for m in _BUILT.finditer(text)}
            built |= {(m.group(2), "") for m in _JOINED.finditer(text)}
    for pattern in _ALIAS_SOURCES:
        for f in sorted(root.glob(pattern)):
            names |= set(_IDENTIFIER.findall(f.read_text()))
    # A name built from a quoted one (`f"str_{name}"` with `name` from a
    # table of method names: "startswith" gives str_startswith).
    return names | {prefix + name + suffix for prefix, suffix in built for name in names}


def _helper(value: llvm.ValueRef, users: set[str]) -> bool:
    """Whether `value`, private to the runtime, is made internal while the
    runtime is optimised: a function or a variable (not a constant) that
    the runtime's own code uses.  One that only programs use gains nothing
    from being private here, and a constant's value is folded either way."""
    return bool(users) and (value.is_function or not _is_constant(value))


def _is_constant(value: llvm.ValueRef) -> bool:
    return value.is_global and " constant " in str(value).split("\n", 1)[0]


def _size(fn: llvm.ValueRef) -> int:
    return sum(1 for block in fn.blocks for _ in block.instructions)


_DEFINE_HEAD = re.compile(r"define ((?:(?:internal|private|external|linkonce_odr|weak_odr|"
                          r"linkonce|weak|available_externally|hidden|protected|default|"
                          r"dso_local) )*)")
_ATTACHMENT = re.compile(r" ![a-z_.]+ ![0-9]+")
_GLOBAL_DEF = re.compile(r'^(@(?:"(?:[^"\\]|\\.)*"|[-a-zA-Z$._0-9]+)) = ((?:[a-z_]+ )*?)'
                         r'(global|constant) (.*)$')


def _body(line: str, lines: Iterator[str]) -> list[str]:
    """A function's lines in LLVM's text, from its `define` line to the
    closing brace, taken from `lines`."""
    body = [line]
    if not line.rstrip().endswith("}"):
        for more in lines:
            body.append(more)
            if more == "}":
                break
    return body


def _name_of(token: str) -> str:
    return token[2:-1] if token.startswith('@"') else token[1:]


def inline_module(text: str, inline: set[str]) -> str:
    """From the optimised runtime's IR `text`: the functions named in
    `inline` as available_externally definitions, the constants as
    available_externally too (their values may be folded), every other
    function and global declared, and no module-level assembly."""
    out: list[str] = []
    lines = iter(text.split("\n"))
    for line in lines:
        if line.startswith("module asm "):
            continue
        if line.startswith("define "):
            body = _body(line, lines)
            name = _REF.search(line[line.index("@"):])
            assert name is not None
            fn = _name_of(name.group(0))
            local = re.match(r"define (internal|private) ", line) is not None
            head = _DEFINE_HEAD.sub("", line, count=1)
            if fn in inline:
                out.append("define available_externally dso_local " + head)
                out.extend(body[1:])
            elif not local:
                out.append("declare dso_local " + _ATTACHMENT.sub("", head.rstrip(" {")))
            continue
        m = _GLOBAL_DEF.match(line)
        if m is not None:
            symbol, words, kind, rest = m.groups()
            linkage_words = words.split()
            local = "internal" in linkage_words or "private" in linkage_words
            if local:
                # Never referred to from an offered body: not needed here.
                continue
            keep = [w for w in linkage_words if w in ("unnamed_addr", "local_unnamed_addr",
                                                      "thread_local", "hidden")]
            if kind == "constant":
                out.append(f"{symbol} = available_externally "
                           f"{' '.join(['dso_local', *keep, kind])} {rest}")
            else:
                out.append(f"{symbol} = external {' '.join(['dso_local', *keep, 'global'])} "
                           f"{_type_of(rest)}")
            continue
        out.append(line)
    return "\n".join(out)


def _type_of(rest: str) -> str:
    """The type at the start of a global's `type initialiser, ...` text."""
    depth = 0
    for i, ch in enumerate(rest):
        if ch in "[{<(":
            depth += 1
        elif ch in "]}>)":
            depth -= 1
        elif ch == " " and depth == 0:
            return rest[:i]
    return rest


# ----- Private copies ---------------------------------------------------------------------
#
# An available_externally body is never local to the program's module, so
# LLVM's inliner gives it no bonus for the last call of a local function,
# and a body over INLINE_SIZE instructions is not offered at all: a
# program compiled that way ran up to 16% more instructions than with the
# runtime's whole bitcode (docs/compiler.md).  So the program also gets
# *private copies* of the optimised bodies it calls: internal functions
# under a name of their own (NAME$in), which its calls are renamed to.
# The inliner treats them as it treats the runtime's functions in the
# whole-bitcode build (a copy called once is inlined whatever its size,
# and a copy's constant arguments fold), and a copy that is not inlined
# is compiled into the program.  Only code is copied: a copy refers to
# every global and to every other function under the runtime's own
# names, so that state is never duplicated, and only calls are renamed,
# so that a function's address (the TypeInfo tables hold some) is always
# the runtime's.  The callees of a copy are copied in turn, up to
# COPY_DEPTH calls from the program, when the program and its copies
# call them from COPY_SITES places or fewer.

COPY = "$in"
COPY_DEPTH = 3
COPY_SITES = 4
_CALLEE = re.compile(r'@("(?:[^"\\]|\\.)*"|[-a-zA-Z$._][-a-zA-Z$._0-9]*)\(')
_GROUP = re.compile(r" #[0-9]+(?= |$)")


@dataclass
class Library:
    """The optimised runtime's copyable bodies: `text`, each one renamed
    NAME$in, one after the other; `index` says where each is
    (`bodies`: name -> [start, end, symbols it refers to, size, calls by
    callee]), declares every runtime symbol (`decls`), and holds the
    module's type definitions (`head`), attribute groups and metadata
    (`tail`)."""

    text: str
    index: dict[str, Any]


def _token(name: str) -> str:
    escaped = name.replace("\\", "\\5C").replace('"', "\\22")
    return f'@"{escaped}"'


def library(text: str, names: set[str], sizes: dict[str, int]) -> Library:
    """The bodies of the functions in `names` from the optimised runtime's
    IR `text`, and their index."""
    head: list[str] = []
    tail: list[str] = []
    decls: dict[str, str] = {}
    bodies: dict[str, list[Any]] = {}
    chunks: list[str] = []
    offset = 0
    lines = iter(text.split("\n"))
    for line in lines:
        if line.startswith(("target ", "%")):
            head.append(line)
        elif line.startswith(("attributes #", "!")):
            tail.append(line)
        elif line.startswith("declare "):
            found = _REF.search(line)
            assert found is not None
            decls[_name_of(found.group(0))] = line
        elif line.startswith("define "):
            body = _body(line, lines)
            found = _REF.search(line[line.index("@"):])
            assert found is not None
            token = found.group(0)
            fn = _name_of(token)
            rest = _DEFINE_HEAD.sub("", line, count=1)
            decls[fn] = "declare dso_local " + _ATTACHMENT.sub("", rest.rstrip(" {"))
            if fn in names:
                renamed = rest.replace(token + "(", _token(fn + COPY) + "(", 1)
                chunk = "\n".join(["define dso_local " + renamed, *body[1:]]) + "\n"
                refs = sorted(referenced(chunk) - {fn + COPY})
                bodies[fn] = [offset, offset + len(chunk), refs, sizes.get(fn, 0),
                              call_sites(chunk)]
                chunks.append(chunk)
                offset += len(chunk)
        else:
            m = _GLOBAL_DEF.match(line)
            if m is not None:
                symbol, words, _, rest = m.groups()
                keep = [w for w in words.split() if w in ("unnamed_addr", "local_unnamed_addr",
                                                          "thread_local")]
                decls[_name_of(symbol)] = (f"{symbol} = external "
                                           f"{' '.join(['dso_local', *keep, 'global'])} "
                                           f"{_type_of(rest)}")
            elif line.startswith("@") and " = external " in line:
                decls[_name_of(line.split(" = ", 1)[0])] = line
    return Library("".join(chunks), {"head": "\n".join(head), "tail": "\n".join(tail),
                                     "decls": decls, "bodies": bodies})


def call_sites(ir: str) -> dict[str, int]:
    """How many calls of each function the function bodies in `ir` make."""
    counts: dict[str, int] = {}
    for line in ir.split("\n"):
        if line.startswith("  "):
            for token in _CALLEE.findall(line):
                name = token[1:-1] if token.startswith('"') else token
                counts[name] = counts.get(name, 0) + 1
    return counts


def choose(program_ir: str, index: dict[str, Any]) -> set[str]:
    """The runtime functions a program whose LLVM IR is `program_ir` gets
    private copies of: every one it calls, and their callees in turn (to
    COPY_DEPTH) that it and the copies call from COPY_SITES places or
    fewer."""
    bodies = index["bodies"]
    counts = call_sites(program_ir)
    chosen: set[str] = set()
    new = {name for name in counts if name in bodies}
    for _ in range(COPY_DEPTH):
        chosen |= new
        for name in new:
            for callee, n in bodies[name][4].items():
                counts[callee] = counts.get(callee, 0) + n
        new = {callee for name in new for callee in bodies[name][4]
               if callee in bodies and callee not in chosen and counts[callee] <= COPY_SITES}
    return chosen | new


def copies(program_ir: str, library: Library, chosen: set[str]) -> tuple[str, str]:
    """The program's IR with its calls of the functions in `chosen` made
    calls of their private copies (NAME$in), and the module of those
    copies, to be linked into the program's and made internal there."""
    bodies, decls = library.index["bodies"], library.index["decls"]

    def swap(m: re.Match[str]) -> str:
        name = _name_of(m.group(0)[:-1])
        return _token(name + COPY) + "(" if name in chosen else m.group(0)

    out = [_CALLEE.sub(swap, line) if line.startswith("  ") else line
           for line in program_ir.split("\n")]
    for name in sorted(chosen & set(call_sites(program_ir))):
        line = _GROUP.sub("", decls[name])  # (the runtime's attribute groups)
        found = _REF.search(line)
        assert found is not None
        out.append(line[:found.start()] + _token(name + COPY) + line[found.end():])
    parts = [library.index["head"]]
    refs: set[str] = set()
    for name in sorted(chosen):
        start, end, body_refs = bodies[name][:3]
        parts.append(_CALLEE.sub(swap, library.text[start:end]))
        refs |= set(body_refs)
    parts += [decls[ref] for ref in sorted(refs) if ref in decls]
    parts.append(library.index["tail"])
    return "\n".join(out), "\n".join(parts) + "\n"
