"""The IR as text: what `pythos compile P.py --dump=ir` prints.

    def __main__.scaled(x: u8, k: u8) -> u8
        var x: u8
        var k: u8
        var ifexp: u8  # merges into L3
    L0:  # body
        # 5: return x * k + 1 if k else x
        r0 = ne k, 0
        if r0 goto L1 else goto L2
    L1:  # ifexp.then
        r1 = mul x, k :: u8
        r2 = add r1, 1 :: u8
        ifexp = r2
        goto L3
    L2:  # ifexp.else
        ifexp = x
        goto L3
    L3:  # ifexp.end
        return ifexp

Temporaries (op results) are numbered `r0`, `r1`, ... in order.
Registers print by name; a hidden one (the builder's own) has a `.N`
suffix when its name repeats, and a merge register names its join block.
Blocks are `L0`, `L1`, ..., with the label the builder gave them as a
comment.  Before the first op of each source line, the line itself is
shown as a comment, so the text reads as an annotated listing.  An op's
type is printed (`:: u8`) where the operands do not make it evident.
"""

from __future__ import annotations

from ..types import BOOL, NONE, STR, PtrType
from . import ops as O
from .ops import FuncIR, ModuleIR, Op, Value


def format_module(module: ModuleIR, skip_runtime: bool = True) -> str:
    out = []
    for g in module.globals:
        if skip_runtime and g.sym.module.name.startswith("pythos.rt"):
            continue
        out.append(f"global {g.sym.module.name}.{g.sym.name}: {g.sym.type} = {g.init!r}")
    if out:
        out.append("")
    for fn in module.functions:
        if skip_runtime and fn.sym.module.name.startswith("pythos.rt"):
            continue
        out.append(format_function(fn))
    return "\n".join(out)


class Namer:
    def __init__(self, fn: FuncIR) -> None:
        self.names: dict[int, str] = {}
        used: dict[str, int] = {}
        for reg in ([fn.sret] if fn.sret else []) + fn.registers:
            base = reg.name
            count = used.get(base, 0)
            used[base] = count + 1
            self.names[id(reg)] = base if count == 0 else f"{base}.{count}"
        self.blocks = {id(b): f"L{i}" for i, b in enumerate(fn.blocks)}
        temps = 0
        for block in fn.blocks:
            for op in block.ops:
                if op.type is not NONE:
                    self.names[id(op)] = f"r{temps}"
                    temps += 1

    def __call__(self, v: Value) -> str:
        if isinstance(v, O.Integer):
            if v.type is BOOL:
                return "True" if v.value else "False"
            if isinstance(v.type, PtrType):
                return f"{v.type}({v.value:#x})"
            return str(v.value)
        if isinstance(v, O.StrConst):
            return repr(v.data.decode("utf-8")) if v.type is STR else repr(v.data)
        if isinstance(v, O.TupleConst):
            items = [str(s) if isinstance(s, int) else self(s) if isinstance(s, Value)
                     else "()" for s in v.slots]
            return f"const({', '.join(items)}{',' if len(items) == 1 else ''})"
        return self.names.get(id(v), f"<{type(v).__name__}?>")


def format_function(fn: FuncIR) -> str:
    sym = fn.sym
    name = Namer(fn)
    params = ", ".join(f"{name(r)}: {r.type}" for r in fn.params)
    lines = [f"def {sym.qualname}({params}) -> {sym.result}"]
    if fn.sret is not None:
        lines.append(f"    result storage {name(fn.sret)}: {fn.sret.type}")
    for reg in fn.registers:
        kind = "" if reg.kind == "value" else f" ({reg.kind})"
        kind += " borrowed" if reg.borrowed else ""
        hidden = "" if reg.local is not None else "  # hidden"
        if reg.join is not None and id(reg.join) in name.blocks:
            hidden = f"  # merges into {name.blocks[id(reg.join)]}"
        lines.append(f"    var {name(reg)}: {reg.type}{kind}{hidden}")
    if fn.generator is not None:
        # A resume function: its registers but the three parameters live in
        # the frame; what each state holds a reference to (passes/generators.py).
        gen = fn.generator
        outside = ", ".join(map(name, fn.params))
        lines.append(f"    frame of {gen.type}: every register but {outside}")
        for k, regs in enumerate(gen.live):
            held = ", ".join(name(r) for r in regs) or "nothing"
            # A state inside try or with is closed when the frame is dropped.
            closed = "; closed on drop" if k < len(gen.guarded) and gen.guarded[k] \
                and gen.finalize is not None else ""
            lines.append(f"    state {k} holds {held}{closed}")
    source = sym.module.source.splitlines()
    last_line = None
    for block in fn.blocks:
        lines.append(f"{name.blocks[id(block)]}:  # {block.label}")
        for op in block.ops:
            if op.pos is not None and op.pos.line != last_line:
                last_line = op.pos.line
                text = source[last_line - 1].strip() if last_line <= len(source) else ""
                lines.append(f"    # {last_line}: {text}")
            lines.append("    " + format_op(op, name))
    return "\n".join(lines) + "\n"


def format_op(op: Op, n: Namer) -> str:
    text = describe(op, n)
    if op.type is NONE:
        return text
    return f"{n(op)} = {text}"


def describe(op: Op, n: Namer) -> str:  # noqa: C901 - one case per op
    t = op.type
    if isinstance(op, O.Goto):
        return f"goto {n.blocks[id(op.target)]}"
    if isinstance(op, O.Branch):
        hint = "" if op.likely is None else "  [likely]" if op.likely else "  [unlikely]"
        return f"if {n(op.cond)} goto {n.blocks[id(op.true)]} " \
               f"else goto {n.blocks[id(op.false)]}{hint}"
    if isinstance(op, O.Return):
        return "return" if op.value is None else f"return {n(op.value)}"
    if isinstance(op, O.Unreachable):
        return "unreachable"
    if isinstance(op, O.ResumeSwitch):
        return "resume " + ", ".join(f"{k}: {n.blocks[id(b)]}" for k, b in enumerate(op.targets))
    if isinstance(op, O.Suspend):
        item = " (an item)" if op.status == 2 else ""
        return (f"yield {n(op.value)}{item}, state {op.index}, resume at "
                f"{n.blocks[id(op.resume)]}")
    if isinstance(op, O.GenFinish):
        return "finish" if op.value is None else f"finish {n(op.value)}"
    if isinstance(op, O.GenNew):
        return f"new generator {op.resume.link_name}({', '.join(n(a) for a in op.args)})"
    if isinstance(op, O.Assign):
        return f"{n(op.dest)} = {n(op.src)}"
    if isinstance(op, O.GlobalAddr):
        return f"addr global {op.sym.module.name}.{op.sym.name}"
    if isinstance(op, O.GlobalGet):
        borrowed = " borrowed" if op.borrowed else ""
        return f"global{borrowed} {op.sym.module.name}.{op.sym.name} :: {t}"
    if isinstance(op, O.GlobalSet):
        return f"global {op.sym.module.name}.{op.sym.name} = {n(op.value)}"
    if isinstance(op, O.FieldAddr):
        return f"addr {n(op.base)}.{op.name}"
    if isinstance(op, O.ElementAddr):
        bound = " (checked)" if op.inbounds else ""
        return f"addr {n(op.base)}[{n(op.index)}]{bound} :: {t}"
    if isinstance(op, O.StrBytes):
        return f"str_bytes {n(op.src)}"
    if isinstance(op, O.BytesOfObject):
        return f"bytes_of {n(op.src)}"
    if isinstance(op, O.SlicePart):
        return f"{('data', 'len', 'owner')[op.part]} {n(op.src)}"
    if isinstance(op, O.Load):
        alias = f"  [{op.alias}]" if op.alias else ""
        return f"load{' volatile' if op.volatile else ''} {n(op.addr)} :: {t}{alias}"
    if isinstance(op, O.Store):
        alias = f"  [{op.alias}]" if op.alias else ""
        return f"store{' volatile' if op.volatile else ''} {n(op.addr)}, {n(op.value)}{alias}"
    if isinstance(op, O.CopyMem):
        return f"copy {n(op.dest)} <- {n(op.src)} :: {op.of}"
    if isinstance(op, O.ZeroMem):
        return f"zero {n(op.dest)} :: {op.of}"
    if isinstance(op, O.IntOp):
        flags = "".join(f" {f}" for f in op.flags)
        return f"{op.op}{flags} {n(op.lhs)}, {n(op.rhs)} :: {t}"
    if isinstance(op, O.IntPow):
        return f"pow {n(op.lhs)}, {n(op.rhs)} :: {t}"
    if isinstance(op, O.IntOverflow):
        return f"overflows {op.op} {n(op.lhs)}, {n(op.rhs)}"
    if isinstance(op, O.Compare):
        return f"{op.op} {n(op.lhs)}, {n(op.rhs)}"
    if isinstance(op, O.Select):
        return f"select {n(op.cond)}, {n(op.true)}, {n(op.false)}"
    if isinstance(op, O.Cast):
        return f"{op.kind} {n(op.src)} :: {t}"
    if isinstance(op, O.Call):
        args = ", ".join(n(a) for a in op.args)
        into = f" into {n(op.sret)}" if op.sret is not None else ""
        return f"call {op.fn.qualname}({args}){into}"
    if isinstance(op, O.FuncAddr):
        return f"addr function {op.fn.qualname}"
    if isinstance(op, O.CallAddr):
        return f"call *{n(op.addr)}({', '.join(n(a) for a in op.args)})"
    if isinstance(op, O.InlineAsm):
        args = "".join(f", {n(a)}" for a in op.args)
        return f"asm {op.text!r}, {op.constraints!r}{args}"
    if isinstance(op, O.Atomic):
        args = "".join(f", {n(a)}" for a in op.args)
        return f"atomic {op.kind} {n(op.ptr)}{args}"
    if isinstance(op, O.ObjNew):
        return f"new {op.cls.qualname}"
    if isinstance(op, O.GetAttr):
        borrowed = " borrowed" if op.borrowed else ""
        return f"{n(op.obj)}.{op.name}{borrowed} :: {t}"
    if isinstance(op, O.SetAttr):
        return f"{n(op.obj)}.{op.name} = {n(op.value)}"
    if isinstance(op, O.TypeInfoAddr):
        return f"typeinfo {op.cls.qualname}"
    if isinstance(op, (O.MapTypeInfo, O.ContainerTypeInfo)):
        return f"typeinfo {op.of}"
    if isinstance(op, O.IsInstance):
        exact = " exact" if op.exact else ""
        return f"isinstance{exact} {n(op.obj)}, {op.cls.qualname}"
    if isinstance(op, O.MethodCall):
        args = ", ".join(n(a) for a in op.args)
        return f"call vtable[{op.slot}] {op.fn.qualname}({args})"
    if isinstance(op, O.StaticFunc):
        return f"function {op.code.qualname}"
    if isinstance(op, O.SlotLoad):
        return f"load {n(op.obj)}+{op.offset} :: {t}"
    if isinstance(op, O.SlotStore):
        return f"store {n(op.obj)}+{op.offset}, {n(op.value)}"
    if isinstance(op, O.CallValue):
        return f"call value {n(op.func)}({', '.join(n(a) for a in op.args)})"
    if isinstance(op, O.KeepAlive):
        return f"keep_alive {n(op.src)}"
    if isinstance(op, (O.IncRef, O.DecRef)):
        verb = "inc_ref" if isinstance(op, O.IncRef) else "dec_ref"
        x = "x" if O.may_be_none(op.src.type) else ""
        return f"{x}{verb} {n(op.src)}"
    return f"<{type(op).__name__}>"

