"""Values that may be None (a mixin of `build.FunctionBuilder`), issue 11.

Every `T | None` is one 64-bit word, 0 for None (docs/objects.md,
"Optional values").  For an object or a str that is its address; an
integer or a bool that may be None is a *box* (pythos/rt/obj/box.py), so
the builder converts between the two representations wherever a value
crosses from one type to the other:

- *boxing*, where an `int` (or a `bool`, or any sized integer) goes
  where its type says `int | None`: an assignment, an argument, a
  return, a field, an item of a container.  `add` calls `represent` on
  every op it appends, which boxes such operands of the ops that store
  or pass a value (Assign, Return, Call, MethodCall, SetAttr); the item
  conversions of containers call `coerce` themselves.
- *unboxing*, where the checker has narrowed an `int | None` to `int`
  (`if x is not None:`, `assert x is not None`, an early return): the
  expression's type is then `int` while its value is still the box, and
  `expr` calls `narrowed` to read the integer out of it.

A box is an ordinary owned op result, so the count pass frees it like
any other object.  The generic operations on such words (their truth,
their text, `==` and `hash()`) are calls into pythos/rt/obj/optional.py,
which works on any object or None through its kind.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

from ... import types as T
from ...symbols import FuncSym, GlobalSym
from ...types import BOOL, I64, U32, U64, IntType, OptionalType
from ..ops import (
    Assign,
    Branch,
    BytesOfObject,
    Call,
    Cast,
    Compare,
    GlobalAddr,
    Goto,
    Integer,
    IntOp,
    IsInstance,
    KeepAlive,
    MethodCall,
    Return,
    SetAttr,
    SlicePart,
    Store,
    Value,
)
from .errors import checked_call

if TYPE_CHECKING:
    from ...diagnostics import CompileError

OPTIONAL_RT = "pythos.rt.obj.optional"
# Item kinds (pythos/rt/obj/object.py, ITEM_*) of the integers a box holds.
INT_ITEMS = {"u8": 1, "u16": 2, "u32": 3, "u64": 4, "i8": 5, "i16": 6, "i32": 7, "i64": 8}
ITEM_BOOL = 9
ITEM_OPT = 11
# Lazy error kinds (pythos/rt/obj/object.py, ERR_*).
ERR_TYPE = 4
ERR_ATTRIBUTE = 7


def declared_type(node: ast.expr) -> T.Type | None:
    """The declared type of an attribute or a global that `node` reads
    (None for anything else: a local changes only where the checker sees
    it assigned)."""
    if isinstance(node, ast.Attribute):
        kind = getattr(node, "field", None)
        if kind is not None and kind[0] == "object":
            return kind[1].fields.get(node.attr)  # type: ignore[no-any-return]
        if kind is not None and kind[0] == "global":
            return kind[1].type  # type: ignore[no-any-return]
    elif isinstance(node, ast.Name) and isinstance(getattr(node, "sym", None), GlobalSym):
        return node.sym.type  # type: ignore[attr-defined,no-any-return]
    return None


def is_scalar(t: T.Type | None) -> bool:
    """An integer or a bool: a value that is not an object."""
    return isinstance(t, IntType) or t is BOOL


def is_boxed(t: T.Type | None) -> bool:
    """`int | None`, `bool | None`: an integer that is a box (or None)."""
    return isinstance(t, OptionalType) and is_scalar(t.inner)


def slots_differ(have: T.Type, want: T.Type) -> bool:
    """Whether a fixed tuple of type `have` must be rebuilt to be used as
    one of type `want` (mypy's tuples are covariant: `(1, "a")` may go
    where a `tuple[int | None, str]` is wanted).  An item slot holds an
    integer itself where the item type is an integer or a bool, a box
    where it is `int | None` or `object`, and a bytes object where it is
    bytes; an item of one kind where the other is wanted must change, in
    nested tuples too.  Other items (objects, str, lists...) are the same
    word either way."""
    if not (isinstance(have, T.TupleType) and isinstance(want, T.TupleType)) or have == want \
            or len(have.elements) != len(want.elements):
        return False
    for h, w in zip(have.elements, want.elements, strict=True):
        if h == w:
            continue
        if is_scalar(h) != is_scalar(w) or (h is T.BYTES) != (w is T.BYTES) \
                or slots_differ(h, w):
            return True
    return False


def scalar_item(t: T.Type) -> int:
    if t is BOOL:
        return ITEM_BOOL
    assert isinstance(t, IntType)
    return INT_ITEMS.get(t.name, INT_ITEMS["i64"])


class OptionalBuilder:
    """Mixed into `build.FunctionBuilder`."""

    checker: Any
    fn: FuncSym

    if TYPE_CHECKING:
        def add(self, op: Any) -> Any: ...
        def not_yet(self, node: ast.AST, what: str) -> CompileError: ...

    def optional_fn(self, name: str) -> FuncSym:
        sym = self.checker.scopes[OPTIONAL_RT][name]
        assert isinstance(sym, FuncSym), name
        return sym

    # ----- the two representations of an integer ----------------------------------------
    def box(self, v: Value, t: T.Type, as_type: T.Type | None = None) -> Value:
        """The integer (or bool) `v` of type `t` as a box: a new reference,
        typed `t | None` (or `as_type`)."""
        if t is BOOL:
            slot = self.add(Cast("zext", v, U64))
        else:
            assert isinstance(t, IntType)
            slot = v if t.bits == 64 else self.add(
                Cast("sext" if t.signed else "zext", v, I64 if t.signed else U64))
        raw = self.add(Call(self.optional_fn("opt_box"), [Integer(scalar_item(t), U32), slot]))
        return self.add(Cast("object", raw, as_type or T.optional(t)))  # type: ignore

    def object_word(self, v: Value) -> Value:
        """Any value as an `object`: the word that is 0 for None or an
        object's address (docs/objects.md, "object values").  An integer
        or a bool is boxed, a bytes value becomes its bytes object; an
        object, a str or an optional word is already one."""
        if is_scalar(v.type):
            return self.box(v, v.type, T.OBJECT)
        if v.type is T.BYTES:
            b: Any = self
            fn = self.checker.scopes["pythos.rt.obj.bytes"]["bytes_object"]
            parts = [*b.bytes_parts(v), self.add(SlicePart(v, 2))]
            obj = checked_call(b, self.here(), fn, parts, T.OBJECT)
            self.add(KeepAlive(v))
            return obj
        if v.type in (T.NONE_VALUE, T.NONE):
            return Integer(0, T.OBJECT)
        return v

    def here(self) -> ast.AST:
        """The statement or expression being built, else the function."""
        where = getattr(self, "current", None) or self.fn.node
        assert where is not None
        return where  # type: ignore[no-any-return]

    def unbox(self, v: Value, t: T.Type) -> Value:
        """The integer of type `t` in the box `v` (borrowed; never None:
        the checker narrowed it)."""
        raw = self.add(Call(self.optional_fn("opt_unbox"), [v]))
        if t is BOOL:
            return self.add(Compare("ne", raw, Integer(0, U64)))  # type: ignore[no-any-return]
        assert isinstance(t, IntType)
        if t.bits < 64:
            return self.add(Cast("trunc", raw, t))  # type: ignore[no-any-return]
        return self.add(Cast("bitcast", raw, t))  # type: ignore[no-any-return]

    def coerce(self, v: Value, target: T.Type) -> Value:
        """`v` in the representation of type `target`: boxed where an
        integer goes into an `int | None`, unboxed where a narrowed box
        goes into an `int`; anything else as it is."""
        if target is T.OBJECT:
            return self.object_word(v)
        if isinstance(target, T.VarTupleType) and isinstance(v.type, T.TupleType) \
                or slots_differ(v.type, target):
            return self.tuple_from(v, target)  # type: ignore[attr-defined, no-any-return]
        if is_boxed(target) and is_scalar(v.type):
            assert isinstance(target, OptionalType)
            if isinstance(v, Integer) and v.type is not target.inner:
                v = Integer(v.value, target.inner)  # type: ignore[attr-defined]
            elif v.type is not target.inner:
                v = self.resize(v, target.inner)
            return self.box(v, target.inner)
        if is_scalar(target) and is_boxed(v.type):
            return self.unbox(v, target)
        return v

    def resize(self, v: Value, t: T.Type) -> Value:
        """An integer of one width as another (a literal typed `i64` going
        into a `u8 | None`, say): the checker has checked the range."""
        src = v.type
        if src is BOOL and isinstance(t, IntType):
            return self.add(Cast("zext", v, t))  # type: ignore[no-any-return]
        if not (isinstance(src, IntType) and isinstance(t, IntType)) or src.bits == t.bits:
            return v
        if src.bits > t.bits:
            return self.add(Cast("trunc", v, t))  # type: ignore[no-any-return]
        return self.add(Cast("sext" if src.signed else "zext", v, t))  # type: ignore

    def narrowed(self, node: ast.expr, v: Value) -> Value:
        """An expression the checker narrowed from `int | None` to `int`
        reads the integer out of its box.  One whose value a call can
        change behind the checker's back (an attribute, a global) is
        tested for None first (`undone_narrowing`)."""
        t = getattr(node, "ty", None)
        declared = declared_type(node)
        if isinstance(declared, OptionalType) and t is not None \
                and not isinstance(t, OptionalType) and t is not T.NONE_VALUE:
            self.undone_narrowing(node, v, t)
        if is_scalar(t) and (is_boxed(v.type) or v.type is T.OBJECT):
            return self.unbox(v, t)  # type: ignore[arg-type]
        if t is not None and slots_differ(v.type, t):
            # A variable declared `tuple[int | None, str]` that was
            # assigned an `(int, str)` (mypy narrows it to that type).
            return self.tuple_from(v, t)  # type: ignore[attr-defined, no-any-return]
        if t is T.BYTES and v.type is T.OBJECT:
            # A bytes object as a bytes value, which owns a reference.
            b: Any = self
            owned = self.add(Call(b.str_fn("incref"), [v]))
            return self.add(BytesOfObject(owned))  # type: ignore[no-any-return]
        return v

    def undone_narrowing(self, node: ast.expr, v: Value, t: T.Type) -> None:
        """Raise if `node`, narrowed to `t`, holds None after all.

        The checker keeps what a test proved of an attribute or a global
        across calls, as mypy does (check/narrow.py), and a call may have
        set it back to None: `if self.item is not None: self.clear();
        self.item.size`.  CPython then fails where the None is used;
        compiled code would read through address 0.  So the read is
        tested (one compare; LLVM drops it where it sees no store in
        between), and a None raises CPython's AttributeError when the read
        is the object of an attribute or a method (the common case, and
        CPython's own error), else a TypeError that names the narrowing
        (where CPython would fail later, or not at all: docs/language.md,
        "Differences from CPython")."""
        attr = self.receivers().get(id(node))
        if attr is not None:
            kind, message = ERR_ATTRIBUTE, f"'NoneType' object has no attribute '{attr}'"
        else:
            shown = ast.unparse(node)
            kind, message = ERR_TYPE, (f"'{shown}' is None here, though it was tested "
                                       f"not to be (set to None since)")
        b: Any = self
        present = self.add(Compare("ne", v, Integer(0, v.type)))
        if b.checks_errors and not self.fn.in_interrupt:
            b.check(present, lambda: b.raise_lazy(node, kind, message))
        else:
            b.check(present, lambda: b.panic_message(node, message))

    def receivers(self) -> dict[int, str]:
        """For each expression of the function that is the object of an
        attribute or a method (`x` in `x.name`), that name."""
        found: dict[int, str] | None = getattr(self, "_receivers", None)
        if found is None:
            found = {}
            root = self.fn.node
            if root is not None:
                for n in ast.walk(root):
                    if isinstance(n, ast.Attribute):
                        found[id(n.value)] = n.attr
            self._receivers = found
        return found

    def represent(self, op: Any) -> None:
        """Box (or unbox) the operands of an op that stores or passes a
        value, as its destination's type says; called by `add` before it
        appends `op`."""
        if isinstance(op, Assign):
            op.src = self.coerce(op.src, op.dest.type)
        elif isinstance(op, Return):
            if op.value is not None:
                op.value = self.coerce(op.value, self.fn.result)
        elif isinstance(op, (Call, MethodCall)):
            # Only boxing: a runtime function takes an object as a u64,
            # which is not an integer to unbox into.
            for i, p in enumerate(op.fn.params[:len(op.args)]):
                if is_boxed(p.type) or p.type is T.OBJECT \
                        or slots_differ(op.args[i].type, p.type):
                    op.args[i] = self.coerce(op.args[i], p.type)
        elif isinstance(op, SetAttr):
            op.value = self.coerce(op.value, op.cls.fields[op.name])
        elif isinstance(op, Store) and isinstance(op.addr, GlobalAddr):
            op.value = self.coerce(op.value, op.addr.sym.type)  # `LIMIT = 40`, an `int | None`

    def optional_augassign(self, s: ast.AugAssign) -> None:
        """`x += e` where x is an `int | None` the checker narrowed to int:
        the int out of the box, the operation, and a new box stored back.
        (A narrowed target is a name or an attribute path: reading it
        twice has no side effects.)"""
        b: Any = self
        old = b.expr(s.target)
        b.current = s
        new = b.binop(s, s.op, old, b.expr(s.value), s.ty, s.value)  # type: ignore[attr-defined]
        b.store_value(s.target, new)

    # ----- the generic operations -------------------------------------------------------
    def optional_truth(self, v: Value, t: T.Type) -> Value:
        """Python's truth of a value that may be None: None is false, and
        so are 0, '' and an empty container."""
        if t is T.OBJECT:
            return self.object_word_truth(v)
        inner = T.strip_optional(t)
        present = self.add(Compare("ne", v, Integer(0, t)))
        if isinstance(inner, T.ClassType):
            if not any(isinstance(inner.find_method(m), FuncSym)
                       for m in ("__bool__", "__len__")):
                return present  # type: ignore[no-any-return]
            # Not None, and then the instance's own __bool__ (or __len__).
            b: Any = self
            end = b.new_block("truth.end")
            result = b.merge("truth", BOOL, end)
            test = b.new_block("truth.instance")
            self.add(Assign(result, Integer(0, BOOL)))
            self.add(Branch(present, test, end))
            b.activate(test)
            self.add(Assign(result, b.object_truth(None, v, inner)))
            self.add(Goto(end))
            b.activate(end)
            return result  # type: ignore[no-any-return]
        return self.add(Call(self.optional_fn("opt_truth"), [v]))  # type: ignore

    def object_word_truth(self, v: Value) -> Value:
        """The truth of an `object`: the runtime's `opt_truth` by its kind,
        unless it is an instance of a class with a `__bool__` or `__len__`
        (the TypeInfo has no slot for them): each class of the program
        that brings one in is tested, and its method called."""
        b: Any = self
        truth = self.add(Call(self.optional_fn("opt_truth"), [v]))
        roots = [lay.cls for lay in b.layouts.values() if lay.cls.find_method("__bool__") is not
                 None or lay.cls.find_method("__len__") is not None]
        roots = [c for c in roots if c.base is None or c.base not in roots]
        if not roots:
            return truth  # type: ignore[no-any-return]
        end = b.new_block("truth.end")
        result = b.merge("truth", BOOL, end)
        for ct in roots:
            test, nxt = b.new_block("truth.instance"), b.new_block("truth.next")
            self.add(Branch(self.add(IsInstance(v, ct)), test, nxt))
            b.activate(test)
            self.add(Assign(result, b.object_truth(self.here(), v, ct)))
            self.add(Goto(end))
            b.activate(nxt)
        self.add(Assign(result, truth))
        self.add(Goto(end))
        b.activate(end)
        return result  # type: ignore[no-any-return]

    def optional_text(self, v: Value, t: T.Type, use_str: bool) -> Value:
        """str(v) or repr(v) of a value that may be None, as a new str."""
        if isinstance(v, Integer) or v.type is T.NONE_VALUE:
            v = Integer(0, U64)  # None
        raw = self.add(Call(self.optional_fn("opt_text"), [v, Integer(int(use_str), BOOL)]))
        return self.add(Cast("object", raw, T.STR))  # type: ignore[no-any-return]

    def optional_equal(self, eq: bool, a: Value, c: Value, lt: T.Type, rt: T.Type) -> Value:
        """`a == b` where a side may be None and is not an instance of a
        class: both as objects or None, compared through their kinds (a
        box as its integer, a str by its text, None only with None)."""
        joined = T.join_types(lt, rt) or T.optional(T.strip_optional(lt))
        target = T.optional(T.strip_optional(joined))
        a, c = (Integer(0, U64) if isinstance(x, Integer) and not is_scalar(x.type)
                else self.coerce(x, target) for x in (a, c))
        same = self.add(Call(self.optional_fn("opt_eq"), [a, c]))
        return same if eq else self.add(IntOp("xor", same, Integer(1, BOOL)))  # type: ignore

    def object_word_equal(self, eq: bool, a: Value, c: Value) -> Value:
        """`a == b` where a side is an `object`: both as object words
        (ints and bools boxed), compared through their kinds' `eq`, which
        gives CPython's answers (`True == 1`, `'a' == 'a'`, None only with
        None, an instance by its class's `__eq__` or identity)."""
        same = self.add(Call(self.optional_fn("opt_eq"),
                             [self.object_word(a), self.object_word(c)]))
        return same if eq else self.add(IntOp("xor", same, Integer(1, BOOL)))  # type: ignore

    # ----- str(), repr() and hash() of any value -----------------------------------------
    def text_builtin(self, node: ast.Call, name: str) -> Value | None:
        """`str(x)`, `repr(x)` of a value that may be None (or is None),
        and of a list or tuple; None for the forms built elsewhere."""
        arg = node.args[0]
        t = arg.ty  # type: ignore[attr-defined]
        b: Any = self
        if isinstance(t, (T.ListType, T.TupleType, T.VarTupleType)):
            return b.list_text(node, b.expr(arg), t)  # type: ignore[no-any-return]
        if isinstance(t, (OptionalType, T.CallableType)) or t in (T.NONE_VALUE, T.OBJECT):
            return self.optional_text(b.expr(arg), t, use_str=name == "str")
        return None

    def hash_builtin(self, node: ast.Call) -> Value:
        """`hash(x)` as CPython computes it: an integer's or bool's from its
        value, a str's, a tuple's from its items', an instance's from its
        class's __hash__ (or a frozen dataclass's generated one), through
        the runtime's `item_hash`, which containers hash their keys with."""
        from .lists import item_kind
        b: Any = self
        arg = node.args[0]
        t = arg.ty  # type: ignore[attr-defined]
        v = b.expr(arg)
        if isinstance(v, Integer) and not is_scalar(v.type):
            v = Integer(0, U64)  # None
        kind = item_kind(t) if t is not T.NONE_VALUE else ITEM_OPT
        raw = self.add(Call(b.map_fn("item_hash"), [Integer(kind or ITEM_OPT, U32),
                                                     b.to_slot(v, t)]))
        return self.add(Cast("bitcast", raw, I64))  # type: ignore[no-any-return]
