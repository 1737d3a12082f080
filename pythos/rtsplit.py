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
   optimiser may inline them, never compiles them, and looks at nothing
   else of the runtime.

A program may name a symbol the runtime optimised as private (its own
import of a runtime module's helper, say); `covers` tells the driver so,
and that program is compiled with the runtime's whole bitcode instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

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
    for fn in mod.functions:
        if fn.is_declaration or fn.name.startswith("llvm."):
            continue
        attrs = set(b" ".join(fn.attributes).decode().replace('"', "").split())
        if "noinline" in attrs or "optnone" in attrs:
            continue
        if attrs & set(_HINTS) or _size(fn) <= INLINE_SIZE:
            inline.append(fn)
    needed = {fn.name for fn in inline}
    for fn in inline:
        needed |= referenced(str(fn))
    for gv in mod.global_variables:
        if not gv.is_declaration and not _local(gv) and _is_constant(gv):
            needed |= referenced(str(gv))
    # Promote what is local and needed: external, under a name of its own.
    for value in [*mod.functions, *mod.global_variables]:
        if not value.is_declaration and _local(value) and value.name in needed:
            value.name = value.name + PROMOTED
            value.linkage = llvm.Linkage.external
    inline_names = {fn.name for fn in inline}
    object_code = emitter.object_code(mod)
    inl = llvm.parse_assembly(inline_module(str(mod), inline_names))
    inl.verify()
    return Split(object_code, inl.as_bitcode(), internal, sorted(inline_names))


# Where the compiler names runtime functions and globals: the IR builder
# and its passes, the lowering, the checker.
_NAMING_SOURCES = ("pythos/ir", "pythos/lower", "pythos/check", "pythos/driver.py")
_QUOTED = re.compile(r"""["']([A-Za-z_][A-Za-z_0-9]*)["']""")


def compiler_names(root: Path) -> set[str]:
    """Every identifier the compiler's sources quote: the names under which
    the IR builder looks up the runtime functions and globals it calls
    (`scopes[DICT_RT]["dict_new"]`), and more.  A runtime symbol of such a
    name stays external; one the compiler names in another way (built with
    an f-string, say) makes the program that uses it fall back on the
    whole bitcode (`covers`), which is slower to compile but as correct."""
    names: set[str] = set()
    for top in _NAMING_SOURCES:
        path = root / top
        for f in [path] if path.is_file() else sorted(path.rglob("*.py")):
            names |= set(_QUOTED.findall(f.read_text()))
    return names


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
            body = [line]
            if not line.rstrip().endswith("}"):
                for more in lines:
                    body.append(more)
                    if more == "}":
                        break
            name = _REF.search(line[line.index("@"):])
            assert name is not None
            fn = _name_of(name.group(0))
            local = re.match(r"define (internal|private) ", line) is not None
            head = _DEFINE_HEAD.sub("", line, count=1)
            if fn in inline:
                out.append("define available_externally " + head)
                out.extend(body[1:])
            elif not local:
                out.append("declare " + _ATTACHMENT.sub("", head.rstrip(" {")))
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
                           f"{' '.join([*keep, kind])} {rest}")
            else:
                out.append(f"{symbol} = external {' '.join([*keep, 'global'])} "
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
