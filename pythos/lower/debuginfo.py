"""Debug information: DWARF metadata for the lowered IR module.

With `-g` (and by default for kernel builds) the lowering asks this module
for LLVM debug metadata, and LLVM turns it into DWARF sections in the
object file.  A debugger then reads Python files and lines, functions,
variables and types from the binary:

- one compile unit (`DICompileUnit`) per Python module, naming its source
  file and the producer "Pythos", and asking for no `.debug_pubnames` /
  `.debug_pubtypes` name tables (gdb indexes the DWARF itself; they only
  cost build time);
- one `DISubprogram` per defined function, attached to the LLVM function.
  It is named as the Python source names it (`scaled`, `Point.area`),
  without the qualified symbol name as linkage name: gdb prefers a linkage
  name when it has one, and then `break scaled` and `print COUNTER` would
  not find the function or global;
- a `DILocation` (line, column, function) on every instruction: each IR
  op carries the position of the innermost statement or expression it
  was built for, and the lowering gives that to the instructions it makes;
- a `DILocalVariable` per local and parameter, bound to its stack slot by
  a call to `llvm.dbg.declare` in the entry block;
- a `DIGlobalVariableExpression` per module-level variable;
- types: sized integers and bool as base types, `@struct` classes as
  structure types with a member per field (offsets follow
  `types.layout`), `Array[T, N]` as array types, `Ptr[T]` as pointers,
  and `str`/`bytes` as a structure of data pointer and length.

Paths are recorded relative to the project root when the file lies inside
it (`kernel/kmain.py`), with the root as the compile directory, so that
`break kernel/kmain.py:40` works from the root of a checkout.

The DWARF version is 4: the gdb and binutils of Debian 12 read it fully.
The language is recorded as DW_LANG_Python; gdb has no Python expression
parser for compiled code and falls back to its "minimal" language, whose
C-like syntax handles `print p.field`, `print a[3]` and `print *ptr`.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from llvmlite import ir

from .. import types as T
from ..ir.ops import Position
from ..parse import PACKAGE_ROOT, Module
from ..symbols import FuncSym, GlobalSym, Local
from ..types import BOOL, BYTES, NONE, STR, ArrayType, IntType, PtrType, StructType

__all__ = ["DWARF_VERSION", "PRODUCER", "DebugInfo", "fast_instruction_metadata",
           "source_path"]

PRODUCER = "Pythos"
DWARF_VERSION = 4
I32 = ir.IntType(32)
PTR = ir.PointerType()


def source_path(path: str) -> tuple[str, str]:
    """(file name, directory) as the debug information records a source file.

    Files inside the project are named relative to its root, which is the
    directory; other files by their absolute path's name and directory.
    """
    resolved = Path(path).resolve()
    try:
        return str(resolved.relative_to(PACKAGE_ROOT)), str(PACKAGE_ROOT)
    except ValueError:
        return resolved.name, str(resolved.parent)


METADATA = ir.MetaDataType()


class Node(ir.DIValue):
    """A metadata node made and printed cheaply.

    ``ir.DIValue`` registers each node's name in the module's name scope,
    which checks it against every name used so far, and prints its
    operands by testing each one's type again for every node.  A kernel
    build makes about 13,000 nodes, and those two costs were a third of
    what debug information added to the lowering.  A node's name is its
    index in the module's metadata list, which no other node can have
    (llvmlite names its own nodes the same way), so the scope is skipped;
    its reference (`!N`) is made once, with the name; and since a node
    never changes, its text is made once, by one test of each operand's
    type (`operand_text`), exactly as llvmlite spells it.
    """

    def __init__(self, module: ir.Module, distinct: bool, kind: str,
                 operands: tuple[tuple[str, object], ...]) -> None:
        # NamedValue.__init__ is left out on purpose (see above).
        self.parent = module
        self.type = METADATA
        self._name = name = str(len(module.metadata))
        self._reference = "!" + name
        self.is_distinct = distinct
        self.kind = kind
        self.operands = operands
        module.metadata.append(self)

    def get_reference(self) -> str:
        return self._reference

    def descr(self, buf: list[str]) -> None:
        text = ", ".join([f"{key}: {operand_text(value)}" for key, value in self.operands])
        buf += ("distinct !" if self.is_distinct else "!", self.kind, "(", text, ")\n")

    def __str__(self) -> str:
        # The module prints each node once, as `!N = ...`: straight from
        # `descr`, without llvmlite's cache and checks in between.
        buf = [self._reference, " = "]
        self.descr(buf)
        buf[-1] = ")"
        return "".join(buf)


class Location(Node):
    """A `DILocation`, the most common node by far (one per line and
    column that an instruction comes from), made and printed without a
    loop."""

    def __init__(self, module: ir.Module, line: int, column: int, scope: ir.DIValue) -> None:
        self.parent = module
        self.type = METADATA
        self._name = name = str(len(module.metadata))
        self._reference = "!" + name
        self.is_distinct = False
        self.kind = "DILocation"
        self.line = line
        self.column = column
        self.scope = scope
        module.metadata.append(self)

    @property
    def operands(self) -> tuple[tuple[str, object], ...]:  # type: ignore[override]
        return (("line", self.line), ("column", self.column), ("scope", self.scope))

    def __str__(self) -> str:
        return (f"{self._reference} = !DILocation(line: {self.line}, column: {self.column}, "
                f"scope: {self.scope.get_reference()})")


def operand_text(value: object) -> str:
    """A node's operand as llvmlite's `DIValue.descr` prints it."""
    if type(value) is int:
        return str(value)
    if isinstance(value, ir.NamedValue):       # another node, a function
        return value.get_reference()
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, ir.DIToken):
        return str(value.value)
    if isinstance(value, str):
        return '"' + _escape(value) + '"'
    if isinstance(value, int):
        return str(value)
    if isinstance(value, ir.Constant):
        return str(value)
    raise TypeError(f"invalid operand type for debug info: {value!r}")


def _escape(text: str) -> str:
    """A string operand's text: printable ASCII as it is, but for `"` and
    `\\`, and every other byte of its UTF-8 as `\\xx` (hex), as llvmlite escapes it."""
    if text.isascii() and text.isprintable() and '"' not in text and "\\" not in text:
        return text
    return "".join(chr(byte) if 32 <= byte < 127 and byte not in (34, 92) else f"\\{byte:02x}"
                   for byte in text.encode())


def _stringify_metadata(self: ir.Instruction, leading_comma: bool = False) -> str:
    """`Instruction._stringify_metadata` for the common case, with the same
    text: an instruction whose only attachment is its location."""
    metadata = self.metadata
    if not metadata:
        return ""
    if len(metadata) == 1:
        location = metadata.get("dbg")
        if location is not None:
            return (", !dbg " if leading_comma else "!dbg ") + location.get_reference()
    return _LLVMLITE_STRINGIFY_METADATA(self, leading_comma)


_LLVMLITE_STRINGIFY_METADATA = ir.Instruction._stringify_metadata


@contextmanager
def fast_instruction_metadata() -> Iterator[None]:
    """Print instructions' `!dbg` attachments without llvmlite's general
    loop and format string, while the module is printed.  A kernel has
    about 29,000 instructions, nearly all with one attachment, its
    location; llvmlite builds a list, formats and joins it for each.  The
    text is the same (tests/debug/test_build_cost.py compares it); the
    method is llvmlite's again afterwards."""
    had_own = "_stringify_metadata" in ir.Instruction.__dict__
    saved = ir.Instruction.__dict__.get("_stringify_metadata")
    ir.Instruction._stringify_metadata = _stringify_metadata  # type: ignore[method-assign]
    try:
        yield
    finally:
        if had_own:
            ir.Instruction._stringify_metadata = saved  # type: ignore[method-assign]
        else:
            del ir.Instruction._stringify_metadata


class DebugInfo:
    """The debug metadata of one LLVM module, built as the lowering asks."""

    def __init__(self, module: ir.Module, optimized: bool) -> None:
        self.module = module
        self.optimized = optimized
        self.files: dict[str, ir.DIValue] = {}
        self.units: dict[str, ir.DIValue] = {}
        self.types: dict[object, ir.DIValue] = {}
        self.signatures: dict[tuple[int, ...], ir.DIValue] = {}
        self.declare: ir.Function | None = None
        self.declared_structs: dict[str, ir.DIValue] = {}
        self.building: set[int] = set()
        self.subprogram: ir.DIValue | None = None
        self.locations: dict[tuple[int, int], ir.DIValue] = {}
        self.globals: dict[str, list[ir.DIValue]] = {}
        self.empty_expression = self.add("DIExpression", {})
        # llvmlite has no operand syntax for DW_OP_deref (see `DerefExpression`).
        self.deref_expression = DerefExpression(module)
        module.add_named_metadata("llvm.module.flags",
                                  [ir.Constant(I32, 7), "Dwarf Version",
                                   ir.Constant(I32, DWARF_VERSION)])
        module.add_named_metadata("llvm.module.flags",
                                  [ir.Constant(I32, 2), "Debug Info Version",
                                   ir.Constant(I32, 3)])

    def add(self, kind: str, operands: dict[str, object], distinct: bool = False) -> ir.DIValue:
        """A new metadata node.  llvmlite's `add_debug_info` would look for
        an equal node first, hashing the operands and everything they refer
        to, which doubled the kernel's lowering time; the nodes that repeat
        (files, types, locations) are cached here by cheaper keys instead."""
        return Node(self.module, distinct, kind, tuple(operands.items()))

    # ----- files and units -----------------------------------------------------------
    def file(self, module: Module) -> ir.DIValue:
        di = self.files.get(module.path)
        if di is None:
            name, directory = source_path(module.path)
            di = self.add("DIFile", {"filename": name, "directory": directory})
            self.files[module.path] = di
        return di

    def unit(self, module: Module) -> ir.DIValue:
        cu = self.units.get(module.path)
        if cu is None:
            cu = self.add("DICompileUnit", {
                "language": ir.DIToken("DW_LANG_Python"),
                "file": self.file(module),
                "producer": PRODUCER,
                "isOptimized": self.optimized,
                "runtimeVersion": 0,
                "emissionKind": ir.DIToken("FullDebug"),
                "nameTableKind": ir.DIToken("None"),
            }, distinct=True)
            self.units[module.path] = cu
            self.module.add_named_metadata("llvm.dbg.cu", cu)
        return cu

    # ----- functions ------------------------------------------------------------------
    def begin_function(self, fn: FuncSym, function: ir.Function) -> ir.DIValue:
        """Make `fn`'s subprogram, attach it to `function`, and make it the
        scope of the locations that follow."""
        assert fn.node is not None
        file = self.file(fn.module)
        types = [None if fn.result is NONE else self.type(fn.result)]
        types += [self.type(p.type) for p in fn.params]
        # Functions of one signature share its node (types are made once).
        key = tuple(id(t) for t in types)
        signature = self.signatures.get(key)
        if signature is None:
            signature = self.add("DISubroutineType", {"types": self.module.add_metadata(types)})
            self.signatures[key] = signature
        flags = "DISPFlagDefinition"
        if self.optimized:
            flags += " | DISPFlagOptimized"
        if function.linkage == "internal":
            flags += " | DISPFlagLocalToUnit"
        name = f"{fn.struct.name}.{fn.name}" if fn.struct else fn.name
        # The prologue (parameters stored to their slots) belongs to the
        # `def` line, so a breakpoint on the first body line lands after
        # it, with the parameters readable.
        line = fn.node.lineno
        sp = self.add("DISubprogram", {
            "name": name,
            "scope": file,
            "file": file,
            "line": line,
            "type": signature,
            "scopeLine": line,
            "spFlags": ir.DIToken(flags),
            "unit": self.unit(fn.module),
        }, distinct=True)
        function.set_metadata("dbg", sp)
        self.subprogram = sp
        self.locations = {}
        return sp

    def end_function(self) -> None:
        self.subprogram = None
        self.locations = {}

    def location(self, node: ast.AST) -> ir.DIValue | None:
        """The location of `node` in the current function (None outside one,
        or for a node the parser made up without a line)."""
        line = getattr(node, "lineno", None)
        if self.subprogram is None or line is None:
            return None
        return self.location_at_line(line, getattr(node, "col_offset", 0) + 1)

    def location_at(self, pos: Position | None) -> ir.DIValue | None:
        """The location of an IR op's source position in the current
        function (None for an op without one).  Called for every op."""
        if pos is None or self.subprogram is None:
            return None
        key = (pos.line, pos.column)
        loc = self.locations.get(key)
        if loc is None:
            loc = Location(self.module, pos.line, pos.column, self.subprogram)
            self.locations[key] = loc
        return loc

    def location_at_line(self, line: int, column: int) -> ir.DIValue:
        key = (line, column)
        loc = self.locations.get(key)
        if loc is None:
            assert self.subprogram is not None
            loc = Location(self.module, line, column, self.subprogram)
            self.locations[key] = loc
        return loc

    def declare_local(self, builder: ir.IRBuilder, fn: FuncSym, var: Local, slot: ir.Value,
                      node: ast.AST, arg_number: int) -> None:
        """Describe a local (or parameter `arg_number`, counting from 1) and
        bind it to its stack `slot` with `llvm.dbg.declare` at `builder`."""
        assert self.subprogram is not None
        fields: dict[str, object] = {
            "name": var.name,
            "scope": self.subprogram,
            "file": self.file(fn.module),
            "line": getattr(node, "lineno", 0),
            "type": self.type(var.type),
        }
        if arg_number:
            fields["arg"] = arg_number
        variable = self.add("DILocalVariable", fields)
        # A "ref" local's slot holds the address of the aggregate it names.
        expression = self.deref_expression if var.kind == "ref" else self.empty_expression
        saved = builder.debug_metadata
        builder.debug_metadata = self.location(node)
        # The builder's own insertion, which attaches the location.
        builder._insert(Declare(builder.block, self.dbg_declare(), slot, variable,
                                expression))
        builder.debug_metadata = saved

    def dbg_declare(self) -> ir.Function:
        if self.declare is None:
            existing = self.module.globals.get("llvm.dbg.declare")
            if isinstance(existing, ir.Function):
                self.declare = existing
            else:
                md = ir.MetaDataType()
                self.declare = ir.Function(self.module,
                                           ir.FunctionType(ir.VoidType(), [md, md, md]),
                                           "llvm.dbg.declare")
        return self.declare

    def global_variable(self, g: GlobalSym, gv: ir.GlobalVariable) -> None:
        variable = self.add("DIGlobalVariable", {
            "name": g.name,
            "scope": self.unit(g.module),
            "file": self.file(g.module),
            "line": getattr(g.node, "lineno", 0),
            "type": self.type(g.type),
            "isLocal": gv.linkage == "internal",
            "isDefinition": True,
        }, distinct=True)
        expression = self.add("DIGlobalVariableExpression",
                              {"var": variable, "expr": self.empty_expression})
        gv.set_metadata("dbg", expression)
        self.globals.setdefault(g.module.path, []).append(expression)

    def finish(self) -> None:
        """List each unit's global variables in it (LLVM only emits the
        globals a unit lists).  The module is printed as text only after
        lowering, so the distinct unit node can still be extended here."""
        for path, expressions in self.globals.items():
            cu = self.units.get(path)
            if cu is not None and expressions:
                cu.operands = tuple(cu.operands) + (
                    ("globals", self.module.add_metadata(expressions)),)

    # ----- types --------------------------------------------------------------------
    def type(self, t: T.Type) -> ir.DIValue | None:
        key: object = id(t) if isinstance(t, StructType) else t
        di = self.types.get(key)
        if di is None:
            di = self._make_type(t)
            self.types[key] = di
        return di

    def _make_type(self, t: T.Type) -> ir.DIValue | None:
        if isinstance(t, IntType):
            return self.add("DIBasicType", {
                "name": t.name, "size": t.bits,
                "encoding": ir.DIToken("DW_ATE_signed" if t.signed else "DW_ATE_unsigned")})
        if t is BOOL:
            return self.add("DIBasicType", {"name": "bool", "size": 8,
                                            "encoding": ir.DIToken("DW_ATE_boolean")})
        if t is NONE:
            return None
        if isinstance(t, PtrType):
            target = t.target
            if isinstance(target, StructType) and id(target) in self.building:
                base = self.forward_declaration(target)
            else:
                base = self.type(target)
            fields: dict[str, object] = {"tag": ir.DIToken("DW_TAG_pointer_type"), "size": 64}
            if base is not None:
                fields["baseType"] = base
            return self.add("DIDerivedType", fields)
        if t is STR:
            # The address of a str object (pythos/rt/obj/object.py, StrObject).
            obj = self.structure("StrObject", [
                ("refcnt", self.type(T.I64), 64, 0), ("type", self.type(T.U64), 64, 64),
                ("length", self.type(T.I64), 64, 128), ("nbytes", self.type(T.I64), 64, 192),
                ("hash", self.type(T.U64), 64, 256)], 320)
            return self.add("DIDerivedType", {"tag": ir.DIToken("DW_TAG_pointer_type"),
                                              "size": 64, "baseType": obj})
        if T.is_object(t):
            # A reference: the address of an object, which starts with its
            # header (pythos/rt/obj/object.py, ObjHeader).  Named after its
            # Python type, so that gdb shows `Node | None` and `p *node`
            # shows the count and the TypeInfo's address.
            return self.add("DIDerivedType", {"tag": ir.DIToken("DW_TAG_pointer_type"),
                                              "name": str(t), "size": 64,
                                              "baseType": self.object_header()})
        if t is BYTES:
            byte = self.type(T.U8)
            data = self.add("DIDerivedType", {"tag": ir.DIToken("DW_TAG_pointer_type"),
                                              "size": 64, "baseType": byte})
            return self.structure(str(t), [("data", data, 64, 0),
                                           ("length", self.type(T.I64), 64, 64),
                                           ("owner", self.type(T.U64), 64, 128)], 192)
        if isinstance(t, ArrayType):
            subrange = self.add("DISubrange", {"count": t.length})
            return self.add("DICompositeType", {
                "tag": ir.DIToken("DW_TAG_array_type"),
                "baseType": self.type(t.element),
                "size": T.sizeof(t) * 8,
                "elements": self.module.add_metadata([subrange])})
        if isinstance(t, StructType):
            self.building.add(id(t))
            members = []
            offset = 0
            for name, ft in t.fields.items():
                size, align = T.layout(ft)
                if t.packed:
                    align = 1
                offset = (offset + align - 1) // align * align
                members.append((name, self.type(ft), size * 8, offset * 8))
                offset += size
            self.building.discard(id(t))
            return self.structure(t.name, members, T.sizeof(t) * 8)
        if T.is_object(t):
            # A global holding an object (check/modinit.py): its address.
            return self.add("DIBasicType", {"name": str(t), "size": 64,
                                            "encoding": ir.DIToken("DW_ATE_address")})
        raise TypeError(f"no debug type for {t}")

    def object_header(self) -> ir.DIValue:
        """The header every object starts with, described once."""
        header = self.types.get("ObjHeader")
        if header is None:
            header = self.structure("ObjHeader", [
                ("refcnt", self.type(T.I64), 64, 0), ("type", self.type(T.U64), 64, 64)], 128)
            self.types["ObjHeader"] = header
        return header

    def structure(self, name: str, members: list[tuple[str, object, int, int]],
                  size: int) -> ir.DIValue:
        elements = [self.add("DIDerivedType", {
            "tag": ir.DIToken("DW_TAG_member"), "name": field_name, "baseType": base,
            "size": field_size, "offset": field_offset})
            for field_name, base, field_size, field_offset in members]
        return self.add("DICompositeType", {
            "tag": ir.DIToken("DW_TAG_structure_type"), "name": name, "size": size,
            "elements": self.module.add_metadata(elements)})

    def forward_declaration(self, t: StructType) -> ir.DIValue:
        """A declaration of a struct still being described (a struct that
        points to itself); the debugger finds the full type by name."""
        di = self.declared_structs.get(t.qualname)
        if di is None:
            di = self.add("DICompositeType", {
                "tag": ir.DIToken("DW_TAG_structure_type"), "name": t.name,
                "flags": ir.DIToken("DIFlagFwdDecl")})
            self.declared_structs[t.qualname] = di
        return di


class Declare(ir.Instruction):
    """`call void @llvm.dbg.declare(metadata ptr %slot, metadata !variable,
    metadata !expression)`, made and printed directly.  llvmlite's call
    instruction checks and converts every argument of every call, and
    that was a third of what describing the kernel's 1,500 locals cost;
    these three arguments are right by construction.  The text is the one
    llvmlite prints for the call."""

    def __init__(self, block: ir.Block, declare: ir.Function, slot: ir.Value,
                 variable: ir.DIValue, expression: ir.DIValue) -> None:
        super().__init__(block, ir.VoidType(), "call", [declare, slot, variable, expression])

    def descr(self, buf: list[str]) -> None:
        declare, slot, variable, expression = self.operands
        buf.append(f"call void {declare.get_reference()}(metadata {slot.type} "
                   f"{slot.get_reference()}, metadata {variable.get_reference()}, "
                   f"metadata {expression.get_reference()})"
                   f"{self._stringify_metadata(leading_comma=True)}\n")


class DerefExpression(ir.DIValue):
    """`!DIExpression(DW_OP_deref)`, which llvmlite cannot spell."""

    def __init__(self, module: ir.Module) -> None:
        super().__init__(module, False, "DIExpression", (), str(len(module.metadata)))

    def descr(self, buf: list[str]) -> None:
        buf += ["!DIExpression(DW_OP_deref)\n"]
