"""Building function values, closures and calls through them (issue 11),
a mixin of `FunctionBuilder`.

A value of a `Callable` type is the address of a function object
(pythos/rt/obj/func.py): a code address and slots.  The code takes the
object itself as a hidden first parameter (`__closure__`), so one
indirect call (`CallValue`) serves every kind of function value; what
differs is where the code comes from:

- a top-level function `f` used as a value is a static object whose code
  is a *thunk* `f.__value__(closure, args...)` that calls `f(args...)`
  directly (made once per function, `FuncValues.thunk`);
- a bound method `obj.m` is a new object with one slot, the receiver, and
  a thunk that loads it and calls the method (through the vtable where a
  subclass overrides it);
- a nested `def` or a lambda is compiled as a function of its own whose
  first parameter is the closure; each variable it reads from an
  enclosing function is a slot holding that variable's *cell*.

Cells.  A local that some nested function or lambda reads (a *cell
variable* of its function) lives in a cell object from the function's
entry on: every read is a load from the cell and every assignment a
store into it, in the defining function and in each closure alike, so
all of them see one variable, as in CPython.  A closure loads the cells
it needs from its slots once, on entry, into registers of its own.

Direct calls of a known function stay direct: only a call through a
variable, an item, an attribute or a call's result goes through a value.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ... import types as T
from ...check.modinit import MODULE_FUNCTION
from ...symbols import FuncSym, Local, Param
from ...types import NONE, OBJECT, CallableType, ClassType
from ..ops import (
    Call,
    CallValue,
    Cast,
    FuncAddr,
    FuncIR,
    Integer,
    Position,
    Register,
    Return,
    SlotLoad,
    SlotStore,
    StaticFunc,
    TupleConst,
    Value,
    holds_reference,
)

if TYPE_CHECKING:
    from ...diagnostics import CompileError
    from . import FunctionBuilder

FUNC_RT = "pythos.rt.obj.func"
FUNC_SLOTS = 40  # func.py: the first slot's offset in a FuncObject
CELL_VALUE = 16  # func.py: a CellObject's value
CLOSURE = "__closure__"


def python_qualname(fn: FuncSym) -> str:
    """CPython's `__qualname__` of a function: `f`, `Stack.push`, and for
    one defined inside a function `main.<locals>.inner` (module-level
    code, `<module>`, adds nothing)."""
    own = f"{fn.cls.name}.{fn.name}" if fn.cls is not None else fn.name
    parent = fn.parent
    if parent is None or parent.name == MODULE_FUNCTION:
        return own
    return f"{python_qualname(parent)}.<locals>.{own}"


@dataclass
class FuncValues:
    """What the function builders of one program share: the thunks made so
    far, and the functions the builders made beyond the program's own
    (thunks and lambdas), which the module gets at the end."""

    thunks: dict[tuple[int, str], FuncSym] = field(default_factory=dict)
    extra: list[FuncIR] = field(default_factory=list)
    captures: dict[int, list[Local]] = field(default_factory=dict)
    lambdas: int = 0


def prepare_closures(functions: list[FuncSym]) -> None:
    """Give every nested function its hidden first parameter, the closure
    (before any of them is declared to LLVM)."""
    for fn in functions:
        if fn.parent is not None and fn.node is not None and \
                (not fn.params or fn.params[0].name != CLOSURE):
            add_closure_param(fn)


def add_closure_param(fn: FuncSym) -> None:
    fn.params.insert(0, Param(CLOSURE, OBJECT, None))
    fn.locals = {CLOSURE: Local(CLOSURE, OBJECT, "value", is_param=True), **fn.locals}


def ancestors(fn: FuncSym | None) -> set[int]:
    """The ids of the Locals of `fn` and of every function around it."""
    out: set[int] = set()
    while fn is not None:
        out.update(id(v) for v in fn.locals.values())
        fn = fn.parent
    return out


def free_locals(nodes: list[ast.AST], outer: set[int]) -> list[Local]:
    """The Locals among `outer` that `nodes` name, at any depth, in the
    order they first appear."""
    found: dict[int, Local] = {}
    for root in nodes:
        for n in ast.walk(root):
            sym = getattr(n, "sym", None)
            if isinstance(n, ast.Name) and isinstance(sym, Local) and id(sym) in outer:
                found.setdefault(id(sym), sym)
    return list(found.values())


def nested_scopes(root: ast.AST) -> list[ast.AST]:
    """The lambdas and nested defs inside `root` (not `root` itself)."""
    return [n for n in ast.walk(root)
            if n is not root and isinstance(n, (ast.Lambda, ast.FunctionDef))]


class FuncBuilder:
    """Mixed into `FunctionBuilder`."""

    fn: FuncSym
    checker: Any
    strings: Any
    layouts: Any
    registers: dict[Local, Register]
    ir: FuncIR
    object_runtime: dict[str, FuncSym]
    funcs: FuncValues
    tuples: dict[Any, TupleConst]
    pos: Position | None

    if TYPE_CHECKING:
        def add(self, op: Any) -> Any: ...
        def string(self, data: bytes, t: T.Type) -> Any: ...
        def expr(self, node: ast.expr) -> Value: ...
        def hidden(self, name: str, t: T.Type, kind: str = "value") -> Register: ...
        def assign(self, dest: Register, src: Value) -> None: ...
        def assign_to(self, target: ast.expr, value: Value) -> None: ...
        def not_yet(self, node: ast.AST, what: str) -> CompileError: ...
        def call_method(self, node: ast.AST, fn: FuncSym, args: list[Value]) -> Value: ...
        def from_slot(self, slot: Value, t: T.Type, borrowed: bool) -> Value: ...

    # ----- cells ------------------------------------------------------------------------
    @property
    def cells(self) -> dict[Local, Register]:
        """The register holding the cell of each variable that lives in one."""
        found: dict[Local, Register] | None = self.__dict__.get("_cells")
        if found is None:
            found = self.__dict__["_cells"] = {}
        return found

    def enter_function(self) -> None:
        """On entry: load the cells the closure brings, then make a cell for
        each of this function's own variables that a closure reads (a
        parameter's value moves into its cell)."""
        fn = self.fn
        if CLOSURE in fn.locals and fn.params and fn.params[0].name == CLOSURE:
            closure = self.registers[fn.locals[CLOSURE]]
            for i, var in enumerate(self.captures_of(fn)):
                reg = self.hidden(f"{var.name}.cell", OBJECT)
                self.assign(reg, self.add(SlotLoad(closure, FUNC_SLOTS + 8 * i, OBJECT)))
                self.cells[var] = reg
        assert fn.node is not None
        own = {id(v) for v in fn.locals.values()}
        for var in free_locals(nested_scopes(fn.node), own):
            if var.name == CLOSURE or var in self.cells:
                continue
            if var.kind != "value" or var.type.is_aggregate:
                raise self.not_yet(fn.node, f"closures over struct or array variables "
                                            f"('{var.name}')")
            # A cell is one word; a bytes value is three, so a cell keeps
            # the bytes object a container would (bytes.py, `bytes_to_item`).
            holds = holds_reference(var.type, True) or var.type is T.BYTES
            raw = self.add(Call(self.func_rt("cell_new"), [Integer(int(holds), T.BOOL)]))
            reg = self.hidden(f"{var.name}.cell", OBJECT)
            self.assign(reg, self.add(Cast("object", raw, OBJECT)))
            self.cells[var] = reg
            if var.is_param:
                self.write_cell(var, self.registers[var])

    def read_variable(self, node: ast.Name, sym: Local) -> Value:
        """A local's value: its register, or a load from its cell."""
        cell = self.cells.get(sym)
        if cell is not None:
            if sym.type is T.BYTES:
                word = self.add(SlotLoad(cell, CELL_VALUE, T.U64))  # the cell's, borrowed
                return self.bytes_from_item(word, True)  # type: ignore[attr-defined,no-any-return]
            return self.add(SlotLoad(cell, CELL_VALUE, sym.type))  # type: ignore[no-any-return]
        reg = self.registers.get(sym)
        if reg is None:
            raise self.not_yet(node, f"closures over comprehension variables ('{sym.name}')")
        return reg

    def write_cell(self, sym: Local, value: Value) -> bool:
        """Assign a variable that lives in a cell; False if it does not."""
        cell = self.cells.get(sym)
        if cell is None:
            return False
        if sym.type is T.BYTES:
            item = self.bytes_to_item(value)  # type: ignore[attr-defined]  # bytes.py
            self.add(SlotStore(cell, CELL_VALUE, item, OBJECT))
            return True
        self.add(SlotStore(cell, CELL_VALUE, value, sym.type))
        return True

    def func_rt(self, name: str) -> FuncSym:
        sym = self.checker.scopes[FUNC_RT][name]
        assert isinstance(sym, FuncSym), name
        return sym

    # ----- what a closure captures ----------------------------------------------------------
    def captures_of(self, fn: FuncSym) -> list[Local]:
        """The enclosing functions' variables `fn` (a nested def or a
        lambda) needs cells of: those it reads or assigns, and those its
        own closures need, in a fixed order (creator and callee agree)."""
        known = self.funcs.captures.get(id(fn))
        if known is None:
            assert fn.node is not None
            known = free_locals([fn.node], ancestors(fn.parent))
            # A lambda's parameters that take their defaults (`i=i`): a cell
            # each, made with the function object (`expr_Lambda`).
            known += [local for local, _ in getattr(fn, "default_locals", [])]
            self.funcs.captures[id(fn)] = known
        return known

    def make_closure(self, node: ast.AST, code: FuncSym, t: T.Type) -> Value:
        """A function object for `code` (which takes the closure first) with
        the cells it captures: static when it captures nothing."""
        captured = self.captures_of(code)
        name = self.string(python_qualname(code).encode(), T.STR)
        if not captured:
            return self.add(StaticFunc(code, self.func_type(), t, name))  # type: ignore
        raw = self.add(Call(self.func_rt("func_new"),
                            [self.add(FuncAddr(code, T.U64)), Integer(len(captured), T.I64),
                             name, Integer(0, T.BOOL)]))
        obj = self.add(Cast("object", raw, t))
        for i, var in enumerate(captured):
            cell = self.cells.get(var)
            if cell is None:
                raise self.not_yet(node, f"closures over comprehension variables "
                                         f"('{var.name}')")
            self.add(SlotStore(obj, FUNC_SLOTS + 8 * i, cell, OBJECT))
        return obj  # type: ignore[no-any-return]

    def func_type(self) -> Any:
        return self.checker.scopes[FUNC_RT]["FUNC_TYPE"]

    # ----- nested defs and lambdas ---------------------------------------------------------
    def stmt_FunctionDef(self, s: ast.FunctionDef) -> None:
        inner: FuncSym = s.pythos_sym  # type: ignore[attr-defined]
        t = CallableType(tuple(p.type for p in inner.params[1:]), inner.result)
        name = ast.Name(id=s.name, ctx=ast.Store())
        name.sym = self.fn.locals[s.name]  # type: ignore[attr-defined]
        self.assign_to(name, self.make_closure(s, inner, t))

    def stmt_Nonlocal(self, s: ast.Nonlocal) -> None:
        pass

    def expr_Lambda(self, node: ast.Lambda) -> Value:
        t: CallableType = node.ty  # type: ignore[attr-defined]
        params: list[Local] = node.param_locals  # type: ignore[attr-defined]
        self.funcs.lambdas += 1
        body: list[ast.stmt] = [ast.Return(node.body)] if t.result is not NONE else \
            [ast.Expr(node.body), ast.Return(None)]
        for stmt in body:
            ast.copy_location(stmt, node.body)
        fake = ast.FunctionDef(name="<lambda>", args=node.args, body=body, decorator_list=[],
                               returns=None)
        ast.copy_location(fake, node)
        sym = FuncSym("<lambda>", self.fn.module, fake, [Param(p.name, p.type, None)
                                                         for p in params], t.result,
                      f"{self.fn.link_name}.<locals>.<lambda>.{self.funcs.lambdas}")
        sym.parent = self.fn
        sym.locals = {p.name: p for p in params}
        add_closure_param(sym)
        # Defaults are evaluated now, where the lambda is made, in order;
        # one no call uses is dropped, and each other goes into a cell of
        # its own, which this function object alone captures.
        for default in node.passed_defaults:  # type: ignore[attr-defined]
            self.expr(default)
        defaults: list[tuple[Local, ast.expr]] = node.default_locals  # type: ignore
        sym.default_locals = defaults  # type: ignore[attr-defined]
        for local, default in defaults:
            value = self.expr(default)
            holds = holds_reference(local.type, True) or local.type is T.BYTES
            raw = self.add(Call(self.func_rt("cell_new"), [Integer(int(holds), T.BOOL)]))
            reg = self.hidden(f"{local.name}.cell", OBJECT)
            self.assign(reg, self.add(Cast("object", raw, OBJECT)))
            self.cells[local] = reg
            self.write_cell(local, value)
        self.funcs.extra.append(self.sub_builder(sym).build())
        return self.make_closure(node, sym, t)

    def sub_builder(self, sym: FuncSym) -> FunctionBuilder:
        from . import FunctionBuilder
        b = FunctionBuilder(self.checker, sym, self.strings, self.layouts)
        b.ir.count_str = self.ir.count_str
        b.object_runtime = self.object_runtime
        b.funcs = self.funcs
        b.tuples = self.tuples
        return b

    # ----- top-level functions and methods as values ------------------------------------
    def thunk(self, fn: FuncSym, bound: ClassType | None) -> FuncSym:
        """`fn.__value__(closure, args...)`: calls `fn(args...)`, or for a
        bound method `fn(receiver, args...)` with the receiver from the
        closure's one slot.  Made once per function."""
        key = (id(fn), "bound" if bound is not None else "plain")
        made = self.funcs.thunks.get(key)
        if made is not None:
            return made
        skip = 1 if bound is not None else 0
        params = [Param(p.name, p.type, None) for p in fn.params[skip:]]
        suffix = ".__bound__" if bound is not None else ".__value__"
        sym = FuncSym(fn.name, fn.module, fn.node, params, fn.result, fn.link_name + suffix)
        sym.locals = {p.name: Local(p.name, p.type, "value", is_param=True) for p in params}
        add_closure_param(sym)
        self.funcs.thunks[key] = sym
        b = self.sub_builder(sym)
        args: list[Value] = [b.registers[sym.locals[p.name]] for p in sym.params[1:]]
        assert fn.node is not None
        # The thunk's ops belong to the function's `def` line: a call
        # without a line in a function with debug information is invalid
        # (LLVM would drop the whole program's debug information).
        b.pos = Position(fn.module, fn.node.lineno, fn.node.col_offset + 1)
        if bound is not None:
            closure = b.registers[sym.locals[CLOSURE]]
            receiver = b.add(SlotLoad(closure, FUNC_SLOTS, bound))
            result = b.call_method(fn.node, fn, [receiver, *args])
        else:
            result = b.add(Call(fn, args))
        b.add(Return(None if fn.result is NONE else result))
        self.funcs.extra.append(b.ir)
        return sym

    def function_value(self, node: ast.expr, fn: FuncSym) -> Value:
        """A top-level function (or a static method) used as a value."""
        if fn.result.is_aggregate or any(p.type.is_aggregate for p in fn.params):
            raise self.not_yet(node, "function values taking or returning structs or arrays")
        name = self.string(python_qualname(fn).encode(), T.STR)
        return self.add(StaticFunc(self.thunk(fn, None), self.func_type(),  # type: ignore
                                   node.ty, name))  # type: ignore[attr-defined]

    def method_value(self, node: ast.Attribute) -> Value | None:
        """`obj.method` (a bound method) or `C.static` as a value; None if
        `node` is not one."""
        t = getattr(node, "ty", None)
        if not isinstance(t, CallableType):
            return None
        static = getattr(node, "static_method", None)
        if static is not None:
            return self.function_value(node, static)
        owner = getattr(node.value, "ty", None)
        sym = getattr(node.value, "sym", None)
        from ...symbols import ClassSym
        cls = sym.type if isinstance(sym, ClassSym) else owner
        if not isinstance(cls, ClassType):
            return None
        fn = cls.find_method(node.attr)
        if not isinstance(fn, FuncSym) or fn.method_kind == "property":
            return None
        if fn.method_kind == "static":
            return self.function_value(node, fn)
        if any(p.type.is_aggregate for p in fn.params) or fn.result.is_aggregate:
            raise self.not_yet(node, "bound methods taking or returning structs or arrays")
        receiver = self.expr(node.value)
        assert fn.cls is not None
        code = self.thunk(fn, fn.cls)
        name = self.string(python_qualname(fn).encode(), T.STR)
        raw = self.add(Call(self.func_rt("func_new"),
                            [self.add(FuncAddr(code, T.U64)), Integer(1, T.I64), name,
                             Integer(1, T.BOOL)]))
        obj = self.add(Cast("object", raw, t))
        self.add(SlotStore(obj, FUNC_SLOTS, receiver, fn.cls))
        return obj  # type: ignore[no-any-return]

    # ----- calls through a value ---------------------------------------------------------
    def call_value(self, node: ast.Call, t: CallableType) -> Value:
        """`f(args)` where `f` is any expression of a Callable type."""
        func = self.expr(node.func)
        if getattr(node, "args_bound", None) is not None:
            # A nested def called by name, with keywords or defaults.
            from .calls import arguments
            args = arguments(self, node)  # type: ignore[arg-type]
        else:
            args = [self.expr(a) for a in node.args]
        return self.add(CallValue(func, args, t.params, t.result))  # type: ignore

    # ----- key= and reverse= (sorted, list.sort, min, max) ---------------------------
    def key_adapter(self, elem: T.Type, kt: CallableType,
                    builtin: ast.Name | None = None) -> FuncSym:
        """`adapter(item, func) -> key`: the runtime's view of a key function
        (listsort.py calls `key(item, key_arg)` with 64-bit slots).  It turns
        the item slot into an `elem`, calls the function value `func` on
        it, and returns the key as a slot (a new reference for an object).
        One per pair of types."""
        from .lists import item_kind
        assert item_kind(elem) is not None
        key = (hash((elem, kt)), builtin.id if builtin is not None else "key")
        made = self.funcs.thunks.get(key)
        if made is not None:
            return made
        params = [Param("item", T.U64, None), Param("func", T.U64, None)]
        sym = FuncSym("key", self.fn.module, self.fn.node, params, T.U64,
                      f"pythos.key_adapter.{len(self.funcs.thunks)}")
        sym.locals = {p.name: Local(p.name, p.type, "value", is_param=True) for p in params}
        self.funcs.thunks[key] = sym
        b = self.sub_builder(sym)
        # The adapter's ops belong to the call that asked for it (a call
        # without a line in a function with debug information is invalid,
        # and LLVM would drop the whole program's debug information).
        b.pos = self.pos
        item, func = (b.registers[sym.locals[p.name]] for p in params)
        x = b.from_slot(item, elem, borrowed=True)
        if builtin is not None:
            result = b.expr(self.builtin_key_call(b, builtin, x, elem, kt.result))
        else:
            f = b.from_slot(func, kt, borrowed=True)
            result = b.add(CallValue(f, [x], kt.params, kt.result))
        slot = b.to_slot(result, kt.result)
        if slot.type is not T.U64 and isinstance(slot.type, T.IntType):
            slot = b.add(Cast("bitcast", slot, T.U64))
        b.add(Return(slot))
        self.funcs.extra.append(b.ir)
        return sym

    @staticmethod
    def builtin_key_call(b: FunctionBuilder, builtin: ast.Name, x: Value, elem: T.Type,
                         result: T.Type) -> ast.Call:
        """`len(item)` or `str(item)` as the checker would have typed it, for
        key=len and key=str: built by the usual code for those builtins."""
        # Not named `item`, the adapter's parameter: two variables of one
        # name and different types are conflicting debug information.
        var = Local("element", elem, "value")
        b.assign(b.local_register(var), x)
        arg = ast.Name(id="element", ctx=ast.Load())
        arg.sym, arg.ty = var, elem  # type: ignore[attr-defined]
        call = ast.Call(func=ast.Name(id=builtin.id, ctx=ast.Load()), args=[arg], keywords=[])
        for n in (call, call.func, arg):
            ast.copy_location(n, builtin)
        call.call, call.ty = ("builtin", builtin.id), result  # type: ignore[attr-defined]
        return call

    def key_arguments(self, node: ast.Call) -> tuple[ast.keyword | None, Value, Value]:
        """The key= function (0 if absent) and reverse= flag, evaluated in
        the order written."""
        key: Value = Integer(0, T.U64)
        reverse: Value = Integer(0, T.BOOL)
        key_kw = None
        for kw in node.keywords:
            if kw.arg == "key":
                key_kw = kw
                if self.builtin_key(kw) is None:
                    key = self.expr(kw.value)
            elif kw.arg == "reverse":
                reverse = self.expr(kw.value)
        return key_kw, key, reverse

    @staticmethod
    def builtin_key(kw: ast.keyword) -> ast.Name | None:
        """The builtin of `key=len` or `key=str` (no function value needed)."""
        if isinstance(kw.value, ast.Name) and not isinstance(
                getattr(kw.value, "sym", None), (Local, FuncSym)):
            return kw.value
        return None

    def sort_keyed(self, node: ast.Call, lst: Value, elem: T.Type) -> None:
        """`lst.sort(key=f, reverse=r)` on an evaluated list: the runtime
        computes each key once, in order, with the list empty meanwhile, as
        CPython does, then sorts stably (listsort.list_sort_key)."""
        from .errors import checked_call
        from .lists import item_kind
        key_kw, key, reverse = self.key_arguments(node)
        assert key_kw is not None
        kt: CallableType = key_kw.value.ty  # type: ignore[attr-defined]
        kind = item_kind(kt.result)
        if kind is None:
            raise self.not_yet(key_kw.value, f"keys of type {kt.result}")
        adapter = self.add(FuncAddr(self.key_adapter(elem, kt, self.builtin_key(key_kw)),
                                       T.U64))
        checked_call(self, node, self.list_rt("list_sort_key"),  # type: ignore[arg-type]
                     [lst, adapter, key, Integer(kind, T.U32), reverse])

    def keyed_builtin(self, node: ast.Call, name: str) -> Value:
        """`sorted(xs, key=f, reverse=r)`, `min(xs, key=f)`, `max(xs, key=f)`
        over one iterable.  Anything but a list is first collected into a
        new list by the consumers' loop (consumers.py), as CPython's
        sorted() does; the sort then works on that list in place."""
        from .consumers import element_type
        from .errors import checked_call
        from .lists import item_kind
        if name in ("min", "max") and len(node.args) > 1:
            from .keyed import best_of_keyed
            return best_of_keyed(self, node, name)
        if len(node.args) != 1 or any(k.arg not in ("key", "reverse") for k in node.keywords):
            raise self.not_yet(node, f"{name}(..., key=) of several arguments")
        arg_t = getattr(node.args[0], "ty", None)
        fresh = not isinstance(arg_t, T.ListType) or isinstance(arg_t, T.BytearrayType)
        if fresh:
            arg_t = T.ListType(element_type(node.args[0]))
            lst = self.list_of(node, node.args[0], arg_t)  # type: ignore[attr-defined]
        else:
            lst = self.expr(node.args[0])
        assert isinstance(arg_t, T.ListType)
        if name == "sorted" and fresh:
            self.sort_keyed(node, lst, arg_t.element)
            return lst
        if name == "sorted":
            lt: T.ListType = node.ty  # type: ignore[attr-defined]
            raw = checked_call(self, node, self.list_rt("list_copy"),  # type: ignore[arg-type]
                               [lst])
            copy = self.add(Cast("object", raw, lt))
            self.sort_keyed(node, copy, arg_t.element)
            return copy  # type: ignore[no-any-return]
        key_kw, key, _ = self.key_arguments(node)
        assert key_kw is not None
        kt: CallableType = key_kw.value.ty  # type: ignore[attr-defined]
        kind = item_kind(kt.result)
        if kind is None:
            raise self.not_yet(key_kw.value, f"keys of type {kt.result}")
        adapter = self.add(FuncAddr(self.key_adapter(arg_t.element, kt,
                                                       self.builtin_key(key_kw)), T.U64))
        slot = checked_call(self, node, self.list_rt("list_min_key"),  # type: ignore[arg-type]
                            [lst, adapter, key, Integer(kind, T.U32),
                             Integer(int(name == "max"), T.BOOL)])
        return self.from_slot(slot, arg_t.element, borrowed=False)  # type: ignore

    def list_rt(self, name: str) -> FuncSym:
        for module in ("pythos.rt.obj.listsort", "pythos.rt.obj.list"):
            sym = self.checker.scopes.get(module, {}).get(name)
            if isinstance(sym, FuncSym):
                return sym
        raise AssertionError(name)
