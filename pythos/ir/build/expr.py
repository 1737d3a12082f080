"""Building expressions (a mixin of `build.FunctionBuilder`).

Each `expr_X` method appends the ops that compute one kind of expression
to the current block and returns the value.  A struct or array value is a
reference to its storage; a "fresh" one (a constructor, a call returning a
struct) is built in a hidden owner register tied to its syntax node.

Integer operators follow Python: `//` and `%` round toward negative
infinity, shifts by at least the width give CPython's masked answer, and
division by zero or a negative shift count panics.  Each check is an
explicit branch to a cold block, which LLVM removes again whenever it can
prove the check unnecessary (a constant divisor, say).
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ... import types as T
from ...check.fmtspec import FormatSpec
from ...diagnostics import CompileError
from ...symbols import FuncSym, GlobalSym, Local
from ...types import BOOL, BYTES, I64, STR, IntType, PtrType, StructType
from ..ops import (
    BasicBlock,
    Branch,
    Call,
    Cast,
    Compare,
    ElementAddr,
    FieldAddr,
    FuncIR,
    GlobalAddr,
    IndexCheck,
    Integer,
    IntOp,
    IntOverflow,
    IntPow,
    KeepAlive,
    Load,
    Op,
    Position,
    Register,
    Select,
    SlicePart,
    StrConst,
    Unreachable,
    Value,
)

if TYPE_CHECKING:
    from ...parse import Module

I32 = T.INTS["i32"]
U32 = T.INTS["u32"]
# The objects whose text print() and f-strings compute before writing.
TEXTS = (T.ClassType, T.DictType, T.SetType, T.ListType, T.TupleType, T.VarTupleType)
COMPARISONS = {ast.Eq: "eq", ast.NotEq: "ne", ast.Lt: "lt", ast.LtE: "le", ast.Gt: "gt",
               ast.GtE: "ge"}


ERR_ZERO_DIVISION = 5  # ZeroDivisionError (pythos/rt/obj/object.py)
ERR_OVERFLOW = 6  # OverflowError
ERR_INDEX = 1  # IndexError (ERR_INDEX in rt/obj/object.py)
OVERFLOW_SYMBOLS = {"add": "+", "sub": "-", "mul": "*", "pow": "**", "shl": "<<", "floordiv": "//",
                    "neg": "unary -"}

class ExprBuilder:
    """Expression building; mixed into `build.FunctionBuilder`, which
    provides the state and block helpers declared here."""

    fn: FuncSym
    module: Module
    pos: Position | None
    evaluated: dict[int, Value]
    registers: dict[Local, Register]
    temps: dict[int, Register]
    strings: dict[tuple[bytes, bool], StrConst]
    index_checks: list[IndexCheck]
    block: BasicBlock
    ir: FuncIR
    object_runtime: dict[str, FuncSym]
    texts: dict[int, Value]

    if TYPE_CHECKING:
        def add(self, op: Op) -> Any: ...
        def kept(self, v: Value, name: str) -> Value: ...
        def raise_lazy(self, node: ast.AST, kind: int, message: str) -> None: ...
        @property
        def checks_errors(self) -> bool: ...
        def new_block(self, label: str) -> BasicBlock: ...
        def scan_exit(self) -> BasicBlock | None: ...
        def activate(self, block: BasicBlock) -> None: ...
        def goto(self, block: BasicBlock) -> None: ...
        def branch(self, cond: Value, true: BasicBlock, false: BasicBlock,
                   likely: bool | None = None) -> None: ...
        def check(self, ok: Value, fail: Callable[[], None]) -> None: ...
        def hidden(self, name: str, t: T.Type, kind: str = "value") -> Register: ...
        def merge(self, name: str, t: T.Type, join: BasicBlock) -> Register: ...
        def assign(self, dest: Register, src: Value) -> None: ...
        def rt(self, name: str) -> FuncSym: ...
        # Function values (build/funcs.py)
        def read_variable(self, node: ast.Name, sym: Local) -> Value: ...
        def function_value(self, node: ast.expr, fn: FuncSym) -> Value: ...
        def method_value(self, node: ast.Attribute) -> Value | None: ...
        def stop_value(self, node: ast.Attribute) -> Value | None: ...  # coroutines.py
        # Objects (build/objects.py)
        def not_yet(self, node: ast.AST, what: str) -> CompileError: ...
        def check_representable(self, node: ast.AST, t: T.Type) -> None: ...
        def narrowed(self, node: ast.expr, v: Value) -> Value: ...
        def optional_text(self, v: Value, t: T.Type, use_str: bool) -> Value: ...
        def current_node(self) -> ast.AST: ...
        def call_method(self, node: ast.AST, fn: FuncSym, args: list[Value]) -> Value: ...
        def load_field(self, node: ast.Attribute) -> Value: ...
        def object_truth(self, node: ast.AST, v: Value, t: T.Type) -> Value: ...
        def object_getitem(self, node: ast.Subscript) -> Value: ...
        def instance_text(self, node: ast.AST, v: Value, t: T.Type, use_str: bool) -> Value: ...
        def list_text(self, node: ast.AST, v: Value, t: T.Type) -> Value: ...
        def list_binop(self, node: ast.BinOp) -> Value: ...
        def object_contains(self, node: ast.Compare, op: ast.cmpop, left: ast.expr,
                            right: ast.expr, a: Value, c: Value) -> Value: ...
        def identity(self, op: ast.cmpop, a: Value, c: Value) -> Value: ...
        def object_word_equal(self, eq: bool, a: Value, c: Value) -> Value: ...
        def object_compare(self, node: ast.Compare, op: ast.cmpop, a: Value, c: Value,
                           lt: T.Type, rt: T.Type) -> Value: ...
        def str_subscript(self, node: ast.Subscript) -> Value: ...
        def set_binop(self, node: ast.AST, op: ast.operator, a: Value, c: Value,
                      t: T.Type) -> Value: ...
        def map_text(self, node: ast.AST, v: Value, t: T.Type) -> Value: ...
        def str_truth(self, v: Value) -> Value: ...
        def str_binop(self, node: ast.BinOp) -> Value: ...
        def str_arith(self, node: ast.AST, op: ast.operator, left: Value,
                      right: Value) -> Value: ...
        def str_contains(self, op: ast.cmpop, a: Value, c: Value) -> Value: ...
        def str_order(self, op: ast.cmpop, a: Value, c: Value) -> Value: ...
        def str_call(self, node: ast.AST, name: str, args: list[Value],
                     result: T.Type | None = None, can_fail: bool = False) -> Value: ...

    # ----- constants ----------------------------------------------------------------
    def constant(self, value: Any, t: T.Type) -> Value:
        if t is BOOL:
            return Integer(int(bool(value)), BOOL)
        if t in (STR, BYTES):
            return self.string(value.encode("utf-8") if isinstance(value, str) else value, t)
        if isinstance(t, (IntType, PtrType)):
            return Integer(int(value), t)
        raise CompileError(f"internal: constant of type {t}")

    def string(self, data: bytes, t: T.Type) -> StrConst:
        """The program's one constant for these bytes as a str or bytes."""
        key = (data, t is STR)
        const = self.strings.get(key)
        if const is None:
            const = self.strings[key] = StrConst(data, t)
        return const

    # ----- memory helpers ---------------------------------------------------------
    def load_mem(self, addr: Value, t: T.Type) -> Value:
        """The value at `addr`; for a struct or array, `addr` itself (the
        reference)."""
        if t.is_aggregate:
            return addr
        return self.add(Load(addr, t))

    def temp(self, node: ast.AST, t: T.Type) -> Register:
        """The storage of the fresh aggregate that `node` builds."""
        key = id(node)
        reg = self.temps.get(key)
        if reg is None:
            reg = self.temps[key] = self.hidden("tmp", t, "owner")
        return reg

    def extend64(self, v: Value, t: IntType) -> Value:
        if t.bits == 64:
            return v
        return self.add(Cast("sext" if t.signed else "zext", v, I64))

    def int_op(self, op: str, a: Value, b: Value) -> Value:
        return self.add(IntOp(op, a, b))  # type: ignore[no-any-return]

    def not_(self, v: Value) -> Value:
        return self.int_op("xor", v, Integer(1 if v.type is BOOL else -1, v.type))

    # ----- expressions ------------------------------------------------------------------
    def expr(self, node: ast.expr) -> Value:
        pre = self.evaluated.get(id(node))
        if pre is not None:
            return pre
        t: T.Type = node.ty  # type: ignore[attr-defined]
        const = getattr(node, "const", None)
        if const is not None and not t.is_aggregate:
            return self.constant(const, t)
        method = getattr(self, "expr_" + type(node).__name__)
        line = getattr(node, "lineno", None)
        if line is None:
            return self.narrowed(node, method(node))
        # Ops carry the position of the expression they compute.
        saved = self.pos
        self.pos = Position(self.module, line, node.col_offset + 1)
        try:
            # An `int | None` narrowed to `int` is read out of its box.
            return self.narrowed(node, method(node))
        finally:
            self.pos = saved

    def expr_Constant(self, node: ast.Constant) -> Value:
        t: T.Type = node.ty  # type: ignore[attr-defined]
        if node.value is None:
            return Integer(0, t)  # None: the address 0
        raise CompileError(f"internal: constant {node.value!r} of type {t}")

    def expr_JoinedStr(self, node: ast.JoinedStr) -> Value:
        """An f-string as a value: its pieces are written exactly as print()
        writes them (same format specs, same code), into a str the output
        is captured in (pythos/rt/obj/capture.py).  Every value is computed
        before the capture starts, so an f-string inside one, evaluated
        first, never nests captures."""
        self.evaluate_text_args([node])
        rt = self.object_runtime
        if all(self.joinable(part) for part in node.values):
            # Every field a str or a plain integer: the pieces joined into
            # a str allocated once (capture.py, `fstring_join`).
            for part in node.values:
                piece = self.fstring_piece(part)
                if piece is not None:
                    self.add(Call(rt["fstring_piece"], [piece]))
            text = self.add(Call(rt["fstring_join"], []))
        else:
            self.add(Call(rt["capture_begin"], []))
            self.write_text(node)
            text = self.add(Call(rt["capture_end"], []))
        return self.add(Cast("object", text, STR))  # type: ignore[no-any-return]

    def joinable(self, part: ast.expr) -> bool:
        """Whether a piece of an f-string is a str as it stands: a literal
        part, or a field without a format spec whose value is a str, an
        object whose text `evaluate_text_args` made, or an integer (made
        a str by `fstring_piece`)."""
        if isinstance(part, ast.Constant):
            return True
        assert isinstance(part, ast.FormattedValue)
        if getattr(part, "spec", FormatSpec()) != FormatSpec():
            return False
        value = part.value
        t = value.ty  # type: ignore[attr-defined]
        if getattr(value, "call", None) == ("builtin", "chr"):
            return False
        return (id(value) in self.texts or t is STR
                or (isinstance(t, IntType) and t is not BOOL))

    def fstring_piece(self, part: ast.expr) -> Value | None:
        """A joinable piece of an f-string as a str (None for an empty
        literal part)."""
        if isinstance(part, ast.Constant):
            text = str(part.value)
            return self.string(text.encode(), STR) if text else None
        assert isinstance(part, ast.FormattedValue)
        value = part.value
        if id(value) in self.texts:
            return self.texts[id(value)]
        t = value.ty  # type: ignore[attr-defined]
        v = self.expr(value)
        if t is STR:
            return v
        assert isinstance(t, IntType)
        return self.str_call(part, "str_from_i64" if t.signed else "str_from_u64",
                             [self.extend64(v, t)], STR)

    def expr_Name(self, node: ast.Name) -> Value:
        sym = node.sym  # type: ignore[attr-defined]
        if isinstance(sym, Local):
            return self.read_variable(node, sym)  # a register, or a cell (funcs.py)
        if isinstance(sym, FuncSym):
            return self.function_value(node, sym)
        if isinstance(sym, GlobalSym):
            # At its declared type: `narrowed` unboxes or tests a narrowed one.
            return self.load_mem(self.add(GlobalAddr(sym)), sym.type)  # type: ignore
        raise CompileError(f"internal: cannot load {node.id}")

    def address(self, node: ast.expr) -> Value:
        """The address of an assignable expression (for stores, augmented
        assignment and addr_of)."""
        if isinstance(node, ast.Name):
            sym = node.sym  # type: ignore[attr-defined]
            if isinstance(sym, Local):
                reg = self.registers[sym]
                # An owner's or a reference's value is an address; a scalar
                # local has none (the checker refuses `addr_of` of one).
                if reg.kind == "value":
                    raise CompileError(f"internal: no address for local {sym.name}")
                return reg
            if isinstance(sym, GlobalSym):
                return self.add(GlobalAddr(sym))  # type: ignore[no-any-return]
        if isinstance(node, ast.Attribute):
            kind = node.field  # type: ignore[attr-defined]
            if kind[0] == "global":
                return self.add(GlobalAddr(kind[1]))  # type: ignore[no-any-return]
            st: StructType = kind[1]
            return self.add(FieldAddr(self.expr(node.value), st,  # type: ignore
                                      node.attr))
        if isinstance(node, ast.Subscript):
            return self.element_address(node)
        raise CompileError(f"internal: no address for {ast.unparse(node)}")

    def expr_Attribute(self, node: ast.Attribute) -> Value:
        if hasattr(node, "type_name"):  # type(x).__name__ (check/calls.py)
            return self.type_name(node)  # type: ignore[attr-defined, no-any-return]
        stop = self.stop_value(node)  # `e.value` of a StopIteration (coroutines.py)
        if stop is not None:
            return stop
        kind = getattr(node, "field", None)
        call = getattr(node, "call", None)
        if call is not None and call[0] == "property":
            return self.call_method(node, call[1], [self.expr(node.value)])
        bound = self.method_value(node)  # obj.method as a value (funcs.py)
        if bound is not None:
            return bound
        if kind is not None and kind[0] == "object":
            return self.load_field(node)
        sym = getattr(node, "sym", None)
        if isinstance(sym, FuncSym):  # module.function as a value
            return self.function_value(node, sym)
        if kind is None:  # p.addr
            return self.add(Cast("ptrtoint", self.expr(node.value),  # type: ignore
                                 node.ty))  # type: ignore[attr-defined]
        declared = kind[1].type if kind[0] == "global" else node.ty  # type: ignore[attr-defined]
        return self.load_mem(self.address(node), declared)

    def element_address(self, node: ast.Subscript, keep: list[Value] | None = None) -> Value:
        """The checked address of `a[i]`; for bytes, `keep` gets the bytes
        value, which the caller keeps alive past its load (KeepAlive)."""
        kind = node.sub  # type: ignore[attr-defined]
        base_t = node.value.ty  # type: ignore[attr-defined]
        base = self.expr(node.value)
        if keep is not None:
            keep.append(base)
        index = self.expr(node.slice)
        it: IntType = node.slice.ty  # type: ignore[attr-defined]
        i64 = self.extend64(index, it)
        if kind == "ptr":
            return self.add(  # type: ignore[no-any-return]
                ElementAddr(base, i64, base_t.target, None, inbounds=False))
        length: Value
        if kind == "array":
            length = Integer(base_t.length, I64)
            data = base
            element = base_t.element
        else:  # bytes
            length = self.add(SlicePart(base, 1))
            data = self.add(SlicePart(base, 0))
            element = T.U8
        def fail() -> None:
            if kind == "bytes" and self.checks_errors and not self.fn.in_interrupt:
                # A program with exceptions: CPython's IndexError, which
                # `except` can catch (the kernel's bytes still panic).
                self.raise_lazy(node, ERR_INDEX, "index out of range")
                return
            self.call_rt("panic_index", [i64, length, *self.location(node)],
                         noreturn=True)
        checking = self.block
        leave = self.scan_exit() if it.signed else None
        if leave is not None:
            # At the top of a scan loop's test: an index outside [0, len)
            # leaves for the copy of the loop with the whole check.
            passed = self.new_block("check.ok")
            self.branch(self.add(Compare("ult", i64, length)), passed, leave, likely=True)
            exit_branch = checking.ops[-1]
            assert isinstance(exit_branch, Branch)
            self.index_checks.append(IndexCheck(i64, length, exit_branch, None, leave))
            return self.element_at(passed, data, i64, element, base_t, kind)
        failed = self.new_block("check.fail")
        element_index: Value = i64
        negative: Branch | None = None
        if not it.signed:
            passed = self.new_block("check.ok")
            self.branch(self.add(Compare("ult", i64, length)), passed, failed, likely=True)
        else:
            # Python's negative indexes count from the end.  The common
            # case, an index in [0, length), takes one comparison; only
            # one that fails it is tried as a negative index (so the hot
            # path has no fix-up arithmetic).
            direct = self.new_block("check.ok")
            from_end = self.new_block("check.negative")
            passed = self.new_block("check.index")
            fixed = self.merge("index", I64, passed)
            self.branch(self.add(Compare("ult", i64, length)), direct, from_end, likely=True)
            self.activate(direct)
            self.assign(fixed, i64)
            self.goto(passed)
            self.activate(from_end)
            wrapped = self.int_op("add", i64, length)
            self.assign(fixed, wrapped)
            self.branch(self.add(Compare("ult", wrapped, length)), passed, failed, likely=True)
            negative = from_end.ops[-1]  # type: ignore[assignment]
            element_index = fixed
        branch = checking.ops[-1]
        assert isinstance(branch, Branch)
        self.activate(failed)
        fail()
        # Recorded for the bounds pass (pythos/ir/passes/bounds.py).
        self.index_checks.append(IndexCheck(i64, length, branch, negative, failed))
        return self.element_at(passed, data, element_index, element, base_t, kind)

    def element_at(self, passed: BasicBlock, data: Value, index: Value, element: T.Type,
                   base_t: T.Type, kind: str) -> Value:
        """The address of an element whose index passed its check, in the
        block `passed`, which becomes the active one."""
        self.activate(passed)
        return self.add(ElementAddr(data, index, element,  # type: ignore[no-any-return]
                                    base_t if kind == "array" else None, inbounds=True))

    def expr_Subscript(self, node: ast.Subscript) -> Value:
        if node.value.ty is STR:  # type: ignore[attr-defined]
            return self.str_subscript(node)
        if T.is_object(node.value.ty):  # type: ignore[attr-defined]
            return self.object_getitem(node)
        if node.value.ty is BYTES and isinstance(node.slice, ast.Slice):  # type: ignore
            return self.bytes_slice(node)  # type: ignore[attr-defined]  # bytes.py
        if node.value.ty is BYTES:  # type: ignore[attr-defined]
            # The bytes value owns the data the load reads: kept alive past it.
            keep: list[Value] = []
            item = self.load_mem(self.element_address(node, keep), node.ty)  # type: ignore
            self.add(KeepAlive(keep[0]))
            return item
        return self.load_mem(self.element_address(node), node.ty)  # type: ignore[attr-defined]

    # ----- operators -----------------------------------------------------------------
    def truth(self, node: ast.expr) -> Value:
        if isinstance(node, ast.BoolOp) and getattr(node, "truth_only", False):
            return self.truth_boolop(node)
        return self.truth_value(self.expr(node), node.ty, node)  # type: ignore[attr-defined]

    def truth_value(self, v: Value, t: T.Type, node: ast.AST | None = None) -> Value:
        if t is BOOL:
            return v
        if t is STR:
            return self.str_truth(v)
        if t is BYTES:
            return self.bytes_truth(v)  # type: ignore[attr-defined]  # bytes.py
        if T.is_object(t):
            return self.object_truth(node or self.current_node(), v, t)
        return self.add(Compare("ne", v, Integer(0, t)))  # type: ignore[no-any-return]

    def expr_UnaryOp(self, node: ast.UnaryOp) -> Value:
        if isinstance(node.op, ast.Not):
            return self.not_(self.truth(node.operand))
        v = self.expr(node.operand)
        if isinstance(node.op, ast.USub):
            return self.negated(node, v)
        if isinstance(node.op, ast.Invert):
            return self.not_(v)
        return v

    def negated(self, node: ast.AST, v: Value) -> Value:
        """`-v`: an OverflowError (or panic) for the most negative plain
        int, which has no positive counterpart; a sized integer wraps."""
        zero = Integer(0, v.type)
        if self.overflow_checked(v.type) and not getattr(node, "masked", False):
            self.check_overflow(node, "neg", self.add(IntOverflow("sub", zero, v)))
            return self.add(IntOp("sub", zero, v, ("nsw",)))  # type: ignore[no-any-return]
        return self.int_op("sub", zero, v)

    def absolute(self, node: ast.Call, v: Value) -> Value:
        """`abs(v)`: v itself when it is unsigned or not negative, else `-v`
        (built only on that path, so only a negative v can overflow)."""
        t = v.type
        assert isinstance(t, IntType)
        if not t.signed:
            return v
        negative = self.new_block("abs.negative")
        done = self.new_block("abs.done")
        result = self.merge("abs", t, done)
        self.assign(result, v)
        self.branch(self.add(Compare("slt", v, Integer(0, t))), negative, done)
        self.activate(negative)
        self.assign(result, self.negated(node, v))
        self.goto(done)
        self.activate(done)
        return result

    def percent_once(self, node: ast.BinOp) -> Value:
        """A `%` format whose fields read an argument more than once (a
        mapping, a `*` width): each argument evaluated once, in order,
        then the f-string it became (check/strformat.py)."""
        keys = []
        for a in node.percent_once:  # type: ignore[attr-defined]
            if id(a) not in self.evaluated:
                self.evaluated[id(a)] = self.kept(self.expr(a), "percent.arg")
                keys.append(id(a))
        try:
            return self.expr_JoinedStr(node.fstring)  # type: ignore[attr-defined]
        finally:
            for k in keys:
                del self.evaluated[k]

    def expr_BinOp(self, node: ast.BinOp) -> Value:
        t = node.ty  # type: ignore[attr-defined]
        if hasattr(node, "binop_method"):
            from .operators import instance_binop
            return instance_binop(self, node)  # __add__ and friends
        if hasattr(node, "percent_once"):  # `"%(key)s" % d`, `"%*d" % (w, n)`
            return self.percent_once(node)
        if hasattr(node, "fstring"):  # `"%d" % n`, made an f-string (check/strformat.py)
            return self.expr_JoinedStr(node.fstring)  # type: ignore[attr-defined]
        if t is STR:
            return self.str_binop(node)
        if t is BYTES:
            return self.bytes_binop(node)  # type: ignore[attr-defined]  # bytes.py
        if isinstance(t, T.SetType):
            return self.set_binop(node, node.op, self.expr(node.left), self.expr(node.right), t)
        if T.is_object(t):
            return self.list_binop(node)
        if isinstance(t, PtrType):
            base = self.expr(node.left)
            offset = self.extend64(self.expr(node.right), node.right.ty)  # type: ignore
            if isinstance(node.op, ast.Sub):
                offset = self.int_op("sub", Integer(0, I64), offset)
            return self.add(  # type: ignore[no-any-return]
                ElementAddr(base, offset, t.target, None, inbounds=False))
        if isinstance(node.op, ast.BitAnd) and self.overflow_checked(t):
            for mask, operand in ((node.right, node.left), (node.left, node.right)):
                if isinstance(mask, ast.Constant) and type(mask.value) is int and \
                        0 <= mask.value < 1 << 63:
                    mark_masked(operand)
        return self.binop(node, node.op, self.expr(node.left), self.expr(node.right), t,
                          node.right)

    def binop(self, node: ast.AST, op: ast.operator, a: Value, b: Value,
              t: IntType, right: ast.expr) -> Value:
        if t is STR:
            return self.str_arith(node, op, a, b)
        if t is BYTES:
            return self.bytes_arith(node, op, a, b)  # type: ignore[attr-defined]  # bytes.py
        simple = {ast.Add: "add", ast.Sub: "sub", ast.Mult: "mul", ast.BitAnd: "and",
                  ast.BitOr: "or", ast.BitXor: "xor"}.get(type(op))
        if simple in ("add", "sub", "mul") and self.overflow_checked(t) and \
                not getattr(node, "masked", False):
            self.check_overflow(node, simple, self.add(IntOverflow(simple, a, b)))
            return self.add(IntOp(simple, a, b, ("nsw",)))  # type: ignore[no-any-return]
        if simple is not None:
            return self.int_op(simple, a, b)
        if isinstance(op, (ast.FloorDiv, ast.Mod)):
            return self.divmod(node, isinstance(op, ast.FloorDiv), a, b, t)
        if isinstance(op, (ast.LShift, ast.RShift)):
            return self.shift(node, isinstance(op, ast.LShift), a, b, t,
                              right.ty)  # type: ignore[attr-defined]
        if isinstance(op, ast.Pow):
            if t.signed:
                self.check(self.add(Compare("sge", b, Integer(0, b.type))),
                           lambda: self.panic_message(node, "negative exponent"))
            if self.overflow_checked(t):
                self.check_overflow(node, "pow", self.add(IntOverflow("pow", a, b)))
            return self.add(IntPow(a, b))  # type: ignore[no-any-return]
        raise CompileError(f"internal: operator {type(op).__name__}")

    def overflow_checked(self, t: T.Type) -> bool:
        """Whether arithmetic at `t` raises OverflowError instead of
        wrapping: a plain `int` (types.I64 is `checked`), outside the
        runtime, whose code is written in the wrapping dialect."""
        return isinstance(t, IntType) and t.checked and \
            not self.fn.module.name.startswith("pythos.rt")

    def raise_or_panic(self, node: ast.AST, kind: int, message: str,
                       panic_text: str | None = None) -> Callable[[], None]:
        """The failure path of a `check`: raise the exception `kind` where
        this function can raise, else (an interrupt handler, a program
        without exceptions) panic, with `panic_text` if given."""
        if self.checks_errors and not self.fn.in_interrupt:
            return lambda: self.raise_lazy(node, kind, message)
        return lambda: self.panic_message(node, panic_text or message)

    def check_overflow(self, node: ast.AST, op: str, overflowed: Value) -> None:
        """Go on if `overflowed` is false; else raise OverflowError (or, where
        nothing can raise, panic) with the operator in the message."""
        message = f"int result of {OVERFLOW_SYMBOLS[op]} does not fit in 64 bits"
        self.check(self.not_(overflowed), self.raise_or_panic(node, ERR_OVERFLOW, message))

    def divmod(self, node: ast.AST, floor_div: bool, a: Value, d: Value,
               t: IntType) -> Value:
        zero = Integer(0, t)
        if not (isinstance(d, Integer) and d.value != 0):  # a constant: nothing to test
            # CPython's ZeroDivisionError
            message = "integer division or modulo by zero" if floor_div else \
                "integer modulo by zero"
            self.check(self.add(Compare("ne", d, zero)), self.raise_or_panic(
                node, ERR_ZERO_DIVISION, message, "integer division or modulo by zero"))
        if not t.signed:
            return self.int_op("udiv" if floor_div else "urem", a, d)
        # x86 traps on MIN / -1, and Python's answer is the wrapped -MIN
        # (quotient) or 0 (remainder); substitute a divisor of 1 there.
        minus_one = self.add(Compare("eq", d, Integer(-1, t)))
        if floor_div and self.overflow_checked(t):  # -MIN does not fit a plain int
            self.check_overflow(node, "floordiv", self.int_op(
                "and", minus_one, self.add(Compare("eq", a, Integer(t.min, t)))))
        safe_d = self.add(Select(minus_one, Integer(1, t), d))
        q = self.int_op("sdiv", a, safe_d)
        r = self.int_op("srem", a, safe_d)
        # Round toward negative infinity: adjust when the remainder is
        # non-zero and its sign differs from the divisor's.
        adjust = self.int_op("and", self.add(Compare("ne", r, zero)),
                             self.add(Compare("ne", self.add(Compare("slt", r, zero)),
                                              self.add(Compare("slt", safe_d, zero)))))
        if floor_div:
            q = self.add(Select(adjust, self.int_op("sub", q, Integer(1, t)), q))
            return self.add(Select(minus_one, self.int_op("sub", zero, a), q))  # type: ignore
        r = self.add(Select(adjust, self.int_op("add", r, safe_d), r))
        return self.add(Select(minus_one, zero, r))  # type: ignore[no-any-return]

    def shift(self, node: ast.AST, left: bool, a: Value, count: Value,
              t: IntType, count_t: IntType) -> Value:
        if count_t.signed:
            self.check(self.add(Compare("sge", count, Integer(0, count_t))),
                       lambda: self.panic_message(node, "negative shift count"))
        c64 = self.add(Cast("zext", count, I64)) if count_t.bits < 64 else count
        big = self.add(Compare("uge", c64, Integer(t.bits, I64)))
        c = self.add(Cast("trunc", c64, t)) if t.bits < 64 else c64
        zero = Integer(0, t)
        c = self.add(Select(big, zero, c))
        if left:
            shifted = self.int_op("shl", a, c)
            if self.overflow_checked(t) and not getattr(node, "masked", False):
                # Bits shifted out, or into the sign: shifting back differs.
                lost = self.add(Compare("ne", self.int_op("ashr", shifted, c), a))
                self.check_overflow(node, "shl", self.add(Select(
                    big, self.add(Compare("ne", a, zero)), lost)))
            return self.add(Select(big, zero, shifted))  # type: ignore
        if t.signed:
            return self.add(Select(big, self.int_op("ashr", a, Integer(t.bits - 1, t)),  # type: ignore
                                   self.int_op("ashr", a, c)))
        return self.add(Select(big, zero, self.int_op("lshr", a, c)))  # type: ignore

    def truth_boolop(self, node: ast.BoolOp) -> Value:
        """`and`/`or` used only as a condition: its operands may have
        different types, since only their truth is used."""
        return self.short_circuit(node, "cond", BOOL, self.truth, lambda cond: cond)

    def expr_BoolOp(self, node: ast.BoolOp) -> Value:
        """`a or b` is a if a is true, else b (and `and` the reverse), with
        b evaluated only when needed."""
        t = node.ty  # type: ignore[attr-defined]
        # An operand that may be None is tested as itself (None is false),
        # and an `int | None` unboxed only on the edge where it becomes an
        # int result.
        return self.short_circuit(node, "bool", t, self.expr, lambda value: self.truth_value(
            value, value.type if isinstance(value.type, T.OptionalType) else t))

    def short_circuit(self, node: ast.BoolOp, label: str, t: T.Type,
                      operand: Callable[[ast.expr], Value],
                      truth: Callable[[Value], Value]) -> Value:
        """The chain of an `or` (an `and`): each operand in turn becomes the
        result, and the chain ends at the first one whose truth is true
        (false).  `operand` evaluates an operand; `truth` tests its value,
        and runs only where the chain may go on."""
        end = self.new_block(f"{label}.end")
        result = self.merge(label, t, end)
        counted = T.is_object(t) or (t is STR and self.ir.count_str) or any(
            T.is_object(getattr(v, "ty", None)) for v in node.values)
        for i, v in enumerate(node.values):
            value = operand(v)
            if not counted or i == len(node.values) - 1:
                self.assign(result, value)
            if i == len(node.values) - 1:
                self.goto(end)
                break
            nxt = self.new_block(f"{label}.next")
            cond = truth(value)
            done = end
            if counted:
                # An object becomes the result only on the edge that ends the
                # chain, so that the result holds no reference on the edge
                # that goes on (where the count pass could not drop it).
                done = self.new_block(f"{label}.take")
            if isinstance(node.op, ast.Or):
                self.branch(cond, done, nxt)
            else:
                self.branch(cond, nxt, done)
            if counted:
                self.activate(done)
                self.assign(result, value)
                self.goto(end)
            self.activate(nxt)
        self.activate(end)
        return result

    def view_contains(self, node: ast.Compare, op: ast.cmpop, left: ast.expr, a: Value,
                      view: ast.Call, d: ast.expr, name: str) -> Value:
        """`x in d.keys()` is `x in d`; `x in d.values()` compares x with
        each value in order (CPython's linear search), here over a list of
        the values made for the test."""
        if name == "keys":
            return self.object_contains(node, op, left, d, a, self.expr(d))
        lt = T.ListType(view.ty.element)  # type: ignore[attr-defined]
        lst = self.list_of(node, view, lt)  # type: ignore[attr-defined]
        holder = ast.copy_location(ast.Name("values", ast.Load()), view)
        holder.ty = lt  # type: ignore[attr-defined]
        self.__dict__.setdefault("view_nodes", []).append(holder)  # outlives the build
        return self.object_contains(node, op, left, holder, a, lst)

    def expr_Compare(self, node: ast.Compare) -> Value:
        operands = [node.left, *node.comparators]
        types = node.operand_types  # type: ignore[attr-defined]
        # A link between two untyped constants was decided by the checker;
        # its operands, constants without side effects, are evaluated only
        # if a neighbouring link compares them with a typed value.
        folded: dict[int, bool] = node.folded  # type: ignore[attr-defined]
        values: dict[int, Value] = {}

        def operand(k: int) -> Value:
            if k not in values:
                values[k] = self.expr(operands[k])
            return values[k]

        def link(i: int) -> Value:
            if i in folded:
                return Integer(int(folded[i]), BOOL)
            op = node.ops[i]
            if isinstance(op, (ast.Is, ast.IsNot)):
                return self.identity(op, operand(i), operand(i + 1))
            if isinstance(op, (ast.In, ast.NotIn)) \
                    and operands[i + 1].ty is STR:  # type: ignore[attr-defined]
                return self.str_contains(op, operand(i), operand(i + 1))
            if isinstance(op, (ast.In, ast.NotIn)) \
                    and operands[i + 1].ty is BYTES:  # type: ignore[attr-defined]
                return self.bytes_contains(  # type: ignore[attr-defined]  # bytes.py
                    node, op, operand(i), operand(i + 1))
            if isinstance(op, (ast.In, ast.NotIn)):
                view = dict_view(operands[i + 1])
                if view is not None:
                    return self.view_contains(node, op, operands[i], operand(i),
                                              operands[i + 1], *view)  # type: ignore[arg-type]
                return self.object_contains(node, op, operands[i], operands[i + 1],
                                            operand(i), operand(i + 1))
            lt = operands[i].ty  # type: ignore[attr-defined]
            rt = operands[i + 1].ty  # type: ignore[attr-defined]
            if T.OBJECT in (lt, rt) and isinstance(op, (ast.Eq, ast.NotEq)):
                # Either side is any value: both as object words, compared
                # by the run-time kind of the left (optional.py).
                return self.object_word_equal(isinstance(op, ast.Eq), operand(i),
                                              operand(i + 1))
            if (T.is_object(lt) or T.is_object(rt)) and lt is not T.STR:
                return self.object_compare(node, op, operand(i), operand(i + 1), lt, rt)
            return self.compare(op, operand(i), operand(i + 1), types[i])

        if len(node.ops) == 1:
            return link(0)
        # a < b < c: each link only if the ones before it held.
        end = self.new_block("cmp.end")
        result = self.merge("cmp", BOOL, end)
        for i in range(len(node.ops)):
            value = link(i)
            self.assign(result, value)
            if i == len(node.ops) - 1:
                self.goto(end)
            else:
                nxt = self.new_block("cmp.next")
                self.branch(value, nxt, end)
                self.activate(nxt)
        self.activate(end)
        return result

    def compare(self, op: ast.cmpop, a: Value, c: Value, t: T.Type) -> Value:
        name = COMPARISONS[type(op)]
        if t is STR and name not in ("eq", "ne"):
            return self.str_order(op, a, c)
        if t is BYTES and name not in ("eq", "ne"):
            return self.bytes_order(name, a, c)  # type: ignore[attr-defined]  # bytes.py
        if t in (STR, BYTES):
            eq = self.str_equal(a, c) if t is STR else self.call_rt("bytes_eq", [a, c])
            return eq if name == "eq" else self.not_(eq)
        if name not in ("eq", "ne"):
            name = ("s" if isinstance(t, IntType) and t.signed else "u") + name
        return self.add(Compare(name, a, c))  # type: ignore[no-any-return]

    def str_equal(self, a: Value, c: Value) -> Value:
        """`a == c` for two str: the same object is equal at once, inline,
        and only two objects are compared by their bytes (docs/objects.md,
        "Constant one-character strs").  A literal is one static object
        per program, and every one-character ASCII str is one of the
        runtime's static ones, so most equal strs a program compares are
        the same object."""
        end = self.new_block("streq.end")
        result = self.merge("streq", BOOL, end)
        same = self.add(Compare("eq", a, c))
        self.assign(result, same)
        differ = self.new_block("streq.bytes")
        self.branch(same, end, differ)
        self.activate(differ)
        self.assign(result, self.call_rt("str_eq", [a, c]))
        self.goto(end)
        self.activate(end)
        return result

    def expr_IfExp(self, node: ast.IfExp) -> Value:
        t = node.ty  # type: ignore[attr-defined]
        cond = self.truth(node.test)
        then = self.new_block("ifexp.then")
        other = self.new_block("ifexp.else")
        end = self.new_block("ifexp.end")
        result = self.merge("ifexp", t, end)
        self.branch(cond, then, other)
        self.activate(then)
        self.assign(result, self.expr(node.body))
        self.goto(end)
        self.activate(other)
        self.assign(result, self.expr(node.orelse))
        self.goto(end)
        self.activate(end)
        return result

    # ----- calls -------------------------------------------------------------------
    def expr_Call(self, node: ast.Call) -> Value:
        from .calls import build_call
        return build_call(self, node)  # type: ignore[arg-type]

    def call_function(self, node: ast.Call, fn: FuncSym, args: list[Value]) -> Value:
        self.check_representable(node, fn.result)
        if fn.result.is_aggregate:
            return self.add(Call(fn, args, sret=self.temp(node, fn.result)))  # type: ignore
        return self.add(Call(fn, args))  # type: ignore[no-any-return]

    def call_rt(self, name: str, args: list[Value], noreturn: bool = False) -> Value:
        """Call a runtime function; `noreturn` ends the block after it."""
        call = self.add(Call(self.rt(name), args))
        if noreturn:
            self.add(Unreachable())
        return call  # type: ignore[no-any-return]

    # ----- output --------------------------------------------------------------------
    def location(self, node: ast.AST) -> list[Value]:
        """The file and line a panic reports.  Files of the project are
        named relative to its root, so that a kernel reports the same
        `kernel/x.py:12` wherever it was built from."""
        from .exceptions import shown_path
        shown = shown_path(self.fn.module.path)
        return [self.string(shown.encode(), STR), Integer(getattr(node, "lineno", 0), I32)]

    def panic_begin(self, node: ast.AST) -> None:
        self.call_rt("panic_begin", self.location(node))

    def panic_end(self) -> None:
        self.call_rt("panic_end", [], noreturn=True)

    def panic_message(self, node: ast.AST, message: str) -> None:
        self.call_rt("panic_msg", [self.string(message.encode(), STR), *self.location(node)],
                     noreturn=True)

    def write_const_str(self, text: str) -> None:
        if text:
            self.call_rt("write_str", [self.string(text.encode(), STR)])

    def evaluate_text_args(self, nodes: list[ast.expr]) -> None:
        """Evaluate every value that print() or a panic will write, in
        order, before writing anything: CPython evaluates all arguments
        before print starts, which is visible when an argument prints.
        Then it converts each argument to text, so an object's text is
        taken after every argument is evaluated (`print(d, d.pop(k))`
        shows d without k); an f-string formats each field as soon as it
        is evaluated, as CPython's f-strings do."""
        later: list[ast.expr] = []
        for node in nodes:
            parts = [p.value for p in node.values if isinstance(p, ast.FormattedValue)] \
                if isinstance(node, ast.JoinedStr) else [node]
            for part in parts:
                if getattr(part, "call", None) == ("builtin", "chr"):
                    chr_call = part
                    part = part.args[0]  # type: ignore[attr-defined]
                    if getattr(part, "const", None) is None:
                        self.evaluated[id(part)] = self.expr(part)
                    self.check_chr(chr_call)  # type: ignore[arg-type]
                    continue
                if getattr(part, "const", None) is None:
                    self.evaluated[id(part)] = self.expr(part)
                if isinstance(node, ast.JoinedStr):
                    self.text_now(part)
                else:
                    later.append(part)
        for part in later:
            self.text_now(part)

    def text_now(self, part: ast.expr) -> None:
        """The text of an evaluated object that print() or an f-string
        writes, computed now, before anything is written or captured."""
        pt = getattr(part, "ty", None)
        value = self.evaluated.get(id(part))
        if (T.is_object(pt) and not isinstance(pt, TEXTS)) or pt in (T.NONE_VALUE, T.OBJECT):
            # A value that may be None: its text through its kind.
            self.texts[id(part)] = self.optional_text(
                value or Integer(0, T.NONE_VALUE), pt or T.OBJECT, use_str=True)
        elif isinstance(pt, (T.DictType, T.SetType)):
            assert value is not None
            self.texts[id(part)] = self.map_text(part, value, pt)
        elif isinstance(pt, (T.ListType, T.TupleType, T.VarTupleType)):
            assert value is not None
            self.texts[id(part)] = self.list_text(part, value, pt)
        elif isinstance(pt, T.ClassType):
            assert value is not None
            self.texts[id(part)] = self.instance_text(part, value, pt, use_str=True)

    def write_text(self, node: ast.expr) -> None:
        """Write a str argument that may be an f-string."""
        if isinstance(node, ast.JoinedStr):
            for part in node.values:
                if isinstance(part, ast.Constant):
                    self.write_const_str(str(part.value))
                else:
                    assert isinstance(part, ast.FormattedValue)
                    # (An object's field has no spec: the checker allows none.)
                    self.write_value(part.value, getattr(part, "spec", FormatSpec()))
        else:
            self.write_value(node, FormatSpec())

    def write_value(self, node: ast.expr, spec: FormatSpec) -> None:
        call = getattr(node, "call", None)
        if call == ("builtin", "chr"):
            assert isinstance(node, ast.Call)
            v = self.chr_code(node)
            # A one-character string: the padding is known now.
            shown = 0 if spec.precision == 0 else 1
            pad = max(spec.width - shown, 0)
            left = pad if spec.align == ">" else pad // 2 if spec.align == "^" else 0
            fill = Integer(ord(spec.fill), U32)
            if left:
                self.call_rt("write_fill", [fill, Integer(left, I64)])
            if shown:
                self.call_rt("write_char", [v, *self.location(node)])
            else:  # `{chr(x):.0}` writes nothing, but chr() still checks x
                self.check(self.add(Compare("ule", v, Integer(0x10FFFF, I64))),
                           lambda: self.panic_message(node, "chr() arg not in range(0x110000)"))
            if pad - left:
                self.call_rt("write_fill", [fill, Integer(pad - left, I64)])
            return
        t = node.ty  # type: ignore[attr-defined]
        v = self.expr(node)
        if t is BYTES:
            self.call_rt("write_bytes_repr", [v])  # print's text of bytes is its repr
            return
        plain = spec == FormatSpec()
        if id(node) in self.texts and not isinstance(t, TEXTS):
            # A value that may be None (evaluate_text_args made its text).
            t = STR
            v = self.texts[id(node)]
        if isinstance(t, TEXTS):
            if not plain:
                raise self.not_yet(node, "format specs of objects")
            self.call_rt("write_str", [self.texts[id(node)]])
            return
        if t is STR and spec.precision >= 0:
            # `{s:.3}`: its first characters, as s[:3] gives them.
            v = self.str_call(node, "str_slice", [  # type: ignore[attr-defined]
                v, Integer(0, I64), Integer(spec.precision, I64), Integer(1, I64),
                Integer(0, BOOL), Integer(1, BOOL)], STR, True)
        if t is STR:
            if plain:
                self.call_rt("write_str", [v])
            else:
                align = spec.align or "<"
                self.call_rt("write_str_spec", [v, Integer(ord(spec.fill), U32),
                                                Integer(ord(align), T.U8),
                                                Integer(spec.width, I64)])
            return
        if t is BOOL and not spec.given:
            self.call_rt("write_bool", [v])
            return
        if t is BOOL:
            v, t = self.add(Cast("zext", v, I64)), I64
        assert isinstance(t, IntType)
        v = self.extend64(v, t)
        if plain:
            self.call_rt("write_i64" if t.signed else "write_u64", [v])
            return
        fields: list[Value] = [
            Integer(ord(spec.fill), U32), Integer(ord(spec.align or ">"), T.U8),
            Integer(ord(spec.sign), T.U8), Integer(int(spec.alt), BOOL),
            Integer(spec.width, I64),
            Integer(ord(spec.grouping) if spec.grouping else 0, T.U8),
            Integer(ord(spec.type or "d"), T.U8)]
        if t.signed:
            self.call_rt("write_i64_spec", [v, *fields])
        else:
            self.call_rt("write_int", [v, Integer(0, BOOL), *fields])

    def chr_code(self, node: ast.Call) -> Value:
        """The code point of `chr(x)` as an i64; -1 if it is out of range."""
        v = self.expr(node.args[0])
        at: IntType = node.args[0].ty  # type: ignore[attr-defined]
        v = self.extend64(v, at)
        if not at.signed and at.bits == 64:
            # u64 values past i64's range are out of range for chr too.
            big = self.add(Compare("ugt", v, Integer(0x10FFFF, I64)))
            v = self.add(Select(big, Integer(-1, I64), v))
        return v

    def check_chr(self, node: ast.Call) -> None:
        """CPython raises for chr() of a value out of range before print()
        writes anything, so the check comes before the first byte too."""
        v = self.chr_code(node)
        self.check(self.add(Compare("ule", v, Integer(0x10FFFF, I64))),
                   lambda: self.panic_message(node, "chr() arg not in range(0x110000)"))


def dict_view(node: ast.expr) -> tuple[ast.expr, str] | None:
    """(the dict, "keys" or "values") when `node` is `d.keys()` or
    `d.values()` of a dict (a membership test's right side)."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
            and not node.args and not node.keywords and node.func.attr in ("keys", "values") \
            and isinstance(getattr(node.func.value, "ty", None), T.DictType):
        return node.func.value, node.func.attr
    return None


# The operators whose result's low 64 bits depend only on the low 64 bits
# of their operands (for `<<`, of its left operand).
LOW_BITS_OPS = (ast.Add, ast.Sub, ast.Mult, ast.BitAnd, ast.BitOr, ast.BitXor)


def mark_masked(node: ast.expr) -> None:
    """`node` is the operand of `& MASK`, MASK a constant from 0 below
    2**63: only the low 63 bits of its value matter, and those are the
    same whether a plain int's `+`, `-`, `*`, `<<` or unary `-` inside it
    grows (CPython) or wraps at 64 bits.  Mark those operations `masked`,
    so that they wrap instead of checking for overflow: the masked result
    is then exactly CPython's, where the check would have raised
    OverflowError (docs/language.md, "Integers")."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, LOW_BITS_OPS):
        node.masked = True  # type: ignore[attr-defined]
        mark_masked(node.left)
        mark_masked(node.right)
    elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.LShift):
        node.masked = True  # type: ignore[attr-defined]
        mark_masked(node.left)  # the count is used whole
    elif isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.Invert)):
        node.masked = True  # type: ignore[attr-defined]
        mark_masked(node.operand)
