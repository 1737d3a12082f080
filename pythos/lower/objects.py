"""Lowering of the object ops (a mixin of `Lowering`), and each class's
constant TypeInfo, vtable and generated `clear`/`traverse` functions.

An object is an `i64` in LLVM: the address the runtime passes around as
a `u64` (docs/objects.md).  Count updates are inline, as CPython's
`Py_INCREF`/`Py_DECREF` are: an increment is a load, an add and a store;
a decrement also tests for zero and then calls `obj_release`, out of
line and marked cold, so the common path stays three instructions and a
branch.  The `x` variants, for values that may be None, first test the
address for 0.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from llvmlite import ir

from .. import types as T
from ..ir import ops as O
from ..ir.build.consumers import order_method
from ..ir.layout import ClassLayout, user_text_method
from ..symbols import FuncSym, GlobalSym
from ..types import ClassType, StructType
from .instructions import BYTES_OWNER, IMMORTAL
from .special import special_slots

if TYPE_CHECKING:
    from ..ir.ops import ModuleIR
    from .instructions import Builder

PTR = ir.PointerType()
I1, I8, I32, I64 = ir.IntType(1), ir.IntType(8), ir.IntType(32), ir.IntType(64)
# Values of TypeInfo's fields (pythos/rt/obj/object.py).
KIND_INSTANCE = 1
TRACKED = 1
INT_ITEMS = 2  # every item an integer or a bool (object.py)
STR_FIELDS = 64  # an instance whose counted fields are all str (object.py)
TYPE_OFFSET = 8  # ObjHeader.type
FIRST_FIELD = 16  # an instance's first field (TypeInfo.refs counts words from it)
# Dicts and sets (object.py, dict.py, set.py): kinds, fixed sizes, and the
# item kinds that are object addresses.
KIND_DICT, KIND_SET, KIND_FROZENSET = 7, 8, 13
DICT_SIZE, SET_SIZE = 56, 184
ITEM_OBJECTS = (10, 11)  # ITEM_OBJ, ITEM_OPT
KIND_LIST = 2
KIND_TUPLE = 3
LIST_SIZE = 40  # ListObject: header, length, capacity, items
TUPLE_ITEMS = 24  # TupleObject: header, length; the slots follow
GC_HEAD = 16  # the GcHead in front of a TRACKED object (object.py)
ITEMS_OBJECT = (10, 11)  # ITEM_OBJ, ITEM_OPT
ITEMS_INT = range(1, 10)  # ITEM_U8 ... ITEM_I64, ITEM_BOOL


def is_atom(t: T.Type) -> bool:
    """Whether a value of type `t` holds no reference to another object
    (an integer, a bool, None, a str or bytes, or None or one of those),
    so that no cycle can pass through it."""
    if isinstance(t, T.OptionalType):
        t = t.inner
    return isinstance(t, T.IntType) or t in (T.BOOL, T.NONE, T.STR, T.BYTES)


def holds_atoms_only(t: T.Type) -> bool:
    """Whether every item a tuple of type `t` can hold is an atom."""
    if isinstance(t, T.TupleType):
        return all(is_atom(e) for e in t.elements)
    return isinstance(t, T.VarTupleType) and is_atom(t.element)


def word_map(offsets: list[int]) -> int:
    """A TypeInfo bitmap of an instance's words (`refs`, `drops`): bit i
    for the word at FIRST_FIELD + 8 * i, one for each field offset given,
    so that the runtime reads those fields inline instead of calling the
    class's `traverse` or `clear` (docs/objects.md, "What it costs" and
    "Releasing by the field map").  0, and the function is used, if one
    lies beyond 64 words."""
    words = [(offset - FIRST_FIELD) // 8 for offset in offsets]
    if any(w < 0 or w >= 64 for w in words) or any(o % 8 != 0 for o in offsets):
        return 0
    return sum(1 << w for w in set(words))


def tracked_container(of: T.Type, kind: int, item: int, kinds: tuple[int, ...]) -> bool:
    """Whether the collector tracks a container of type `of` (the runtime
    `kind`, its `item` kind or its slots' `kinds`).  One that can hold
    objects can be part of a cycle, except a tuple whose items are all
    atoms: it cannot change, and nothing it holds refers back (CPython
    untracks such a tuple at its first collection; here it is never
    tracked)."""
    return any(k in ITEMS_OBJECT for k in (item, *kinds)) and not (
        kind == KIND_TUPLE and holds_atoms_only(of))


class ObjectLowering:
    """Mixed into `lower.Lowering`."""

    builder: Builder
    module: ir.Module
    program: ModuleIR
    class_infos: dict[int, ir.GlobalVariable]
    layouts: dict[int, ClassLayout]
    tuple_consts: dict[int, ir.Constant]
    global_vars: dict[int, ir.GlobalVariable]

    if TYPE_CHECKING:
        def value(self, v: O.Value) -> ir.Value: ...
        def val_ty(self, t: T.Type) -> ir.Type: ...
        def mem_ty(self, t: T.Type) -> ir.Type: ...
        def struct_ty(self, st: Any) -> ir.Type: ...
        def function(self, fn: FuncSym) -> ir.Function: ...
        def load_mem(self, p: ir.Value, t: T.Type, volatile: bool = False) -> ir.Value: ...
        def store_mem(self, p: ir.Value, v: ir.Value, t: T.Type,
                      volatile: bool = False) -> None: ...
        def alias_tag(self, instr: ir.Value, alias: str) -> None: ...

    # ----- the classes' constant data ---------------------------------------------------
    def typeinfo_struct(self) -> StructType:
        st = self.program.typeinfo
        assert st is not None, "objects without the object runtime"
        return st

    def declare_classes(self) -> None:
        """One TypeInfo global per class (filled in by `define_classes`,
        once every function is declared)."""
        self.layouts = {id(lay.cls): lay for lay in self.program.classes}
        self.class_infos = {}
        if not self.program.classes:
            return
        ty = self.struct_ty(self.typeinfo_struct())
        for lay in self.program.classes:
            gv = ir.GlobalVariable(self.module, ty, f"{lay.cls.qualname}.__typeinfo__")
            gv.linkage = "internal"
            gv.global_constant = True
            gv.type = PTR
            self.class_infos[id(lay.cls)] = gv

    def cstring(self, name: str, text: str) -> ir.Constant:
        data = text.encode("utf-8") + b"\0"
        ty = ir.ArrayType(I8, len(data))
        gv = ir.GlobalVariable(self.module, ty, name)
        gv.linkage = "private"
        gv.global_constant = True
        gv.initializer = ir.Constant(ty, bytearray(data))
        gv.type = PTR
        return gv.ptrtoint(I64)

    def define_classes(self) -> None:
        st = self.typeinfo_struct()
        for lay in self.program.classes:
            c = lay.cls
            fields: dict[str, ir.Constant] = {name: ir.Constant(self.mem_ty(ft), 0)
                                              for name, ft in st.fields.items()}
            counted = [name for name, ft in c.fields.items() if self.counts(ft)]
            containers = [name for name in counted if O.is_counted(c.fields[name])]
            # Released at once, its strs with it (obj_release): every
            # counted field a str, none an object the collector tracks.
            str_fields = bool(counted) and not containers and not lay.tracked \
                and all(c.fields[name] is T.STR for name in counted)
            fields["kind"] = ir.Constant(I32, KIND_INSTANCE)
            fields["flags"] = ir.Constant(I32, TRACKED if lay.tracked
                                          else STR_FIELDS if str_fields else 0)
            fields["size"] = ir.Constant(I64, lay.size)
            fields["name"] = self.cstring(f"{c.qualname}.__name__", c.name)
            fields["module"] = self.cstring(f"{c.qualname}.__module__",
                                            c.qualname[:-len(c.name) - 1])
            fields["class_id"] = ir.Constant(I32, lay.class_id)
            fields["class_last"] = ir.Constant(I32, lay.class_last)
            if c.base is not None:
                fields["base"] = self.class_infos[id(c.base)].ptrtoint(I64)
            if counted:
                fields["clear"] = self.define_clear(lay, counted).ptrtoint(I64)
                fields["drops"] = ir.Constant(I64, word_map(
                    [lay.offsets[name] + (BYTES_OWNER if c.fields[name] is T.BYTES else 0)
                     for name in counted]))
            if containers:
                # A str cannot be part of a cycle: the collector need not see it.
                fields["traverse"] = self.define_traverse(lay, containers).ptrtoint(I64)
                fields["refs"] = ir.Constant(I64, word_map(
                    [lay.offsets[name] for name in containers]))
            if c.vtable:
                fields["vtable"] = self.define_vtable(lay).ptrtoint(I64)
            order = order_method(c)
            if order is not None:
                fields["lt"] = self.define_order(lay, order).ptrtoint(I64)
            equal = c.find_method("__eq__")
            if isinstance(equal, FuncSym) and len(equal.params) == 2 \
                    and equal.params[1].type is T.OBJECT:
                # (`other: object`, as mypy requires: the runtime may pass
                # an instance of any class.)
                fields["eq"] = self.define_order(lay, equal).ptrtoint(I64)
            for slot, method in (("repr", user_text_method(c, "__repr__")),
                                 ("str", user_text_method(c, "__str__"))):
                if method is not None and "sb_append_str" in self.program.object_runtime:
                    fields[slot] = self.define_text(lay, method, slot).ptrtoint(I64)
            # __eq__, __hash__, __lt__ and a dataclass's generated methods.
            special_slots(self, lay, fields)
            gv = self.class_infos[id(c)]
            gv.initializer = ir.Constant(self.struct_ty(st),
                                         [fields[name] for name in st.fields])

    def define_vtable(self, lay: ClassLayout) -> ir.GlobalVariable:
        c = lay.cls
        entries = []
        for name in c.vtable:
            # An adapter where the class's method takes more parameters
            # than the slot (check/overrides.py).
            fn = lay.adapters.get(name) or c.find_method(name.partition("/")[0])
            assert fn is not None
            entries.append(self.function(fn).ptrtoint(I64))  # type: ignore[arg-type]
        ty = ir.ArrayType(I64, len(entries))
        gv = ir.GlobalVariable(self.module, ty, f"{c.qualname}.__vtable__")
        gv.linkage = "internal"
        gv.global_constant = True
        gv.initializer = ir.Constant(ty, entries)
        gv.type = PTR
        return gv

    def generated(self, lay: ClassLayout, name: str, params: int) -> tuple[ir.Function,
                                                                          Builder]:
        from .instructions import Builder
        f = ir.Function(self.module, ir.FunctionType(I64, [I64] * params),
                        f"{lay.cls.qualname}.{name}")
        f.linkage = "internal"
        f.attributes.add("nounwind")
        return f, Builder(f.append_basic_block("entry"))

    def field_ptr(self, b: ir.IRBuilder, obj: ir.Value, offset: int) -> ir.Value:
        """The address of the word `offset` bytes into the object `obj`:
        a byte GEP from the object's pointer, not the pointer of an added
        address, so that LLVM's alias analysis sees every field of one
        object as a known offset from one base (the runtime's `Ptr`
        accesses in the inlined `obj_new` are GEPs too), and can forward
        the zeros `obj_new` stores to the loads an inlined `__init__`
        makes of the fields it replaces."""
        return b.gep(b.inttoptr(obj, PTR), [ir.Constant(I64, offset)], source_etype=I8)

    def define_clear(self, lay: ClassLayout, counted: list[str]) -> ir.Function:
        """`clear(obj)`: drop the references the instance's fields hold (the
        runtime frees the instance itself).  Each field is set to 0 before
        its reference is dropped, as CPython's Py_CLEAR does: the cycle
        collector clears an object and its release then clears it again,
        which must then find nothing left to drop."""
        f, b = self.generated(lay, "__clear__", 1)
        saved = getattr(self, "builder", None)
        self.builder = b
        try:
            for name in counted:
                slot = self.ref_slot(self.field_ptr(b, f.args[0], lay.offsets[name]),
                                     lay.cls.fields[name])
                child = b.load(slot, typ=I64)
                b.store(ir.Constant(I64, 0), slot)
                self.decref(child, maybe_none=True)
            self.builder.ret(ir.Constant(I64, 0))
        finally:
            if saved is not None:
                self.builder = saved
        return f

    def define_text(self, lay: ClassLayout, method: FuncSym, slot: str) -> ir.Function:
        """`repr(obj, sb)` (or `str`): call the class's own `__repr__` and
        append the str it returns to the builder, so that the repr of a
        container (`[Point(1, 2)]`) shows each instance as CPython does.
        Without a builder (`sb` 0) it returns that str instead, which is
        how `str(x)` and an f-string's `{x}` of an instance whose class
        only the run time knows get the text without copying it
        (optional.py, `opt_text`)."""
        f, b = self.generated(lay, f"__{slot}_into__", 2)
        saved = getattr(self, "builder", None)
        self.builder = b
        try:
            obj, sb = f.args
            text = b.call(self.function(method), [obj])
            with b.if_then(b.icmp_unsigned("==", sb, ir.Constant(I64, 0))):
                b.ret(text)
            b.call(self.function(self.program.object_runtime["sb_append_str"]),
                   [b.inttoptr(sb, PTR), text])
            self.decref(text, maybe_none=False)
            self.builder.ret(ir.Constant(I64, 0))
        finally:
            if saved is not None:
                self.builder = saved
        return f

    def define_order(self, lay: ClassLayout, method: FuncSym) -> ir.Function:
        """`lt(a, b)`: a < b for the runtime's sort (items.py `item_lt`),
        by the class's `__lt__`, or its `__gt__` reflected (b > a), as
        Python's `<` falls back to it; or `eq(a, b)` by its `__eq__`, for
        `in`, `count`, `index` and `==` of containers (`item_eq`).  The
        TypeInfo is the instance's own class's, so the method found from
        it is the one `a` dispatches to."""
        f, b = self.generated(lay, f"{method.name}_slot", 2)
        a, other = f.args
        first, second = (a, other) if method.name == "__lt__" else (other, a)
        result = b.call(self.function(method), [first, second])
        b.ret(b.zext(result, I64) if result.type != I64 else result)
        return f

    def define_traverse(self, lay: ClassLayout, counted: list[str]) -> ir.Function:
        """`traverse(obj, visit, arg)`: call visit(child, arg) for each
        object a field holds (for the cycle collector)."""
        f, b = self.generated(lay, "__traverse__", 3)
        obj, visit, arg = f.args
        fty = ir.FunctionType(I64, [I64, I64])
        for name in counted:
            child = b.load(self.field_ptr(b, obj, lay.offsets[name]), typ=I64)
            present = b.icmp_unsigned("!=", child, ir.Constant(I64, 0))
            with b.if_then(present):
                b.call(b.inttoptr(visit, fty.as_pointer()), [child, arg])
        b.ret(ir.Constant(I64, 0))
        return f

    # ----- counts -------------------------------------------------------------------
    def incref(self, obj: ir.Value, maybe_none: bool) -> None:
        b = self.builder
        if maybe_none:
            with b.if_then(b.icmp_unsigned("!=", obj, ir.Constant(I64, 0))):
                self.incref(obj, False)
            return
        p = b.inttoptr(obj, PTR)
        count = b.load(p, typ=I64)
        self.alias_tag(count, "refcount")
        self.alias_tag(b.store(b.add(count, ir.Constant(I64, 1)), p), "refcount")

    def decref(self, obj: ir.Value, maybe_none: bool, release: str = "obj_release") -> None:
        b = self.builder
        if maybe_none:
            with b.if_then(b.icmp_unsigned("!=", obj, ir.Constant(I64, 0))):
                self.decref(obj, False, release)
            return
        p = b.inttoptr(obj, PTR)
        word = b.load(p, typ=I64)
        self.alias_tag(word, "refcount")
        count = b.sub(word, ir.Constant(I64, 1))
        self.alias_tag(b.store(count, p), "refcount")
        zero = b.icmp_signed("==", count, ir.Constant(I64, 0))
        with b.if_then(zero, likely=False):
            b.call(self.function(self.program.object_runtime[release]), [obj])

    def ref_word(self, v: ir.Value, t: T.Type) -> ir.Value:
        """The word of a value of type `t` that holds its reference: the
        value itself, or a bytes value's owner (0 for a view)."""
        return self.builder.extract_value(v, 2) if t is T.BYTES else v

    def ref_slot(self, p: ir.Value, t: T.Type) -> ir.Value:
        """The address of that word in a value of type `t` stored at `p`
        (a bytes value's owner is its third word)."""
        if t is not T.BYTES:
            return p
        b = self.builder
        return b.inttoptr(b.add(b.ptrtoint(p, I64), ir.Constant(I64, BYTES_OWNER)), PTR)

    def counts(self, t: T.Type) -> bool:
        """Whether a value of type `t` is counted in this program (see
        O.counted_value)."""
        return O.counted_value(t, self.program.count_str)

    def op_IncRef(self, op: O.IncRef) -> None:
        t = op.src.type
        self.incref(self.ref_word(self.value(op.src), t), O.may_be_none(t))

    def op_KeepAlive(self, op: O.KeepAlive) -> None:
        """No code: the op only holds its value alive in the count pass."""

    def op_DecRef(self, op: O.DecRef) -> None:
        t = op.src.type
        inner = t.inner if isinstance(t, T.OptionalType) else t
        # A tuple whose type says every slot is an integer holds nothing
        # and is not tracked: it is freed at once (object.py).
        ints = isinstance(inner, T.TupleType) and bool(inner.elements) and all(
            isinstance(e, T.IntType) or e is T.BOOL for e in inner.elements) or (
            isinstance(inner, T.VarTupleType)
            and (isinstance(inner.element, T.IntType) or inner.element is T.BOOL))
        self.decref(self.ref_word(self.value(op.src), t), O.may_be_none(t),
                    "tuple_release_ints" if ints else "obj_release")

    # ----- instances ----------------------------------------------------------------
    def typeinfo_addr(self, c: ClassType) -> ir.Value:
        return self.builder.ptrtoint(self.class_infos[id(c)], I64)

    def op_TypeInfoAddr(self, op: O.TypeInfoAddr) -> ir.Value:
        return self.typeinfo_addr(op.cls)

    def op_ContainerTypeInfo(self, op: O.ContainerTypeInfo) -> ir.Value:
        return self.builder.ptrtoint(self.container_info(op.of, op.kind, op.item, op.fields), I64)

    def container_info(self, of: T.Type, kind: int, item: int,
                       kinds: tuple[int, ...]) -> ir.GlobalVariable:
        """A container type's TypeInfo: made on first use, one per type."""
        name = f"{of}.__typeinfo__"
        gv = self.module.globals.get(name)
        if gv is None:
            st = self.typeinfo_struct()
            fields: dict[str, ir.Constant] = {n: ir.Constant(self.mem_ty(ft), 0)
                                              for n, ft in st.fields.items()}
            fields["kind"] = ir.Constant(I32, kind)
            tuple_kind = kind == KIND_TUPLE
            holds = tracked_container(of, kind, item, kinds)
            # A tuple of integers: the runtime hashes, compares and frees
            # it without asking each slot's kind whether it is an object.
            ints = tuple_kind and all(k in ITEMS_INT for k in (kinds or (item,)))
            fields["flags"] = ir.Constant(I32, (TRACKED if holds else 0)
                                          | (INT_ITEMS if ints else 0))
            fields["size"] = ir.Constant(I64, TUPLE_ITEMS if tuple_kind else LIST_SIZE)
            fields["name"] = self.cstring(f"{of}.__name__",
                                          "tuple" if tuple_kind else "list")
            fields["item"] = ir.Constant(I32, item)
            if kinds:
                kinds_ty = ir.ArrayType(I32, len(kinds))
                table = ir.GlobalVariable(self.module, kinds_ty, f"{of}.__fields__")
                table.linkage = "private"
                table.global_constant = True
                table.initializer = ir.Constant(kinds_ty, list(kinds))
                table.type = PTR
                fields["fields"] = table.ptrtoint(I64)
                fields["nfields"] = ir.Constant(I64, len(kinds))
            gv = ir.GlobalVariable(self.module, self.struct_ty(st), name)
            gv.linkage = "internal"
            gv.global_constant = True
            gv.initializer = ir.Constant(self.struct_ty(st), [fields[n] for n in st.fields])
            gv.type = PTR
        return gv

    def tuple_constant(self, const: O.TupleConst) -> ir.Constant:
        """The address of a static tuple (O.TupleConst), emitted on first
        use: an IMMORTAL count, its type's TypeInfo, the length and the
        slots, in writable memory since counts are updated as anywhere
        (they never reach zero).  A tuple type that holds another tuple is
        TRACKED, and the collector reads the GcHead in front of any object
        of a TRACKED type, so such a tuple gets one of zeros: on no list,
        which every pass of the collector leaves alone."""
        address = self.tuple_consts.get(id(const))
        if address is None:
            info = self.container_info(const.type, KIND_TUPLE, 0, const.kinds)
            slots = [ir.Constant(I64, s) if isinstance(s, int) else
                     self.global_vars[id(s)].ptrtoint(I64) if isinstance(s, GlobalSym) else
                     self.value(s) for s in const.slots]
            tracked = tracked_container(const.type, KIND_TUPLE, 0, const.kinds)
            head = [ir.Constant(I64, 0)] * (GC_HEAD // 8 if tracked else 0)
            words = head + [ir.Constant(I64, IMMORTAL), info.ptrtoint(I64),
                            ir.Constant(I64, len(slots))] + slots
            ty = ir.LiteralStructType([I64] * len(words))
            gv = ir.GlobalVariable(self.module, ty, f".tuple.{len(self.tuple_consts)}")
            gv.linkage = "private"
            gv.align = 8
            gv.initializer = ir.Constant(ty, words)
            gv.type = PTR
            address = gv.ptrtoint(I64)
            if tracked:
                address = address.add(ir.Constant(I64, GC_HEAD))  # type: ignore[attr-defined]
            self.tuple_consts[id(const)] = address
        return address

    def op_ObjNew(self, op: O.ObjNew) -> ir.Value:
        lay = self.layouts[id(op.cls)]
        new = self.function(self.program.object_runtime["obj_new"])
        return self.builder.call(new, [self.typeinfo_addr(op.cls), ir.Constant(I64, lay.size)])

    def op_GetAttr(self, op: O.GetAttr) -> ir.Value:
        offset = self.layouts[id(op.cls)].offsets[op.name]
        v = self.load_mem(self.field_ptr(self.builder, self.value(op.obj), offset), op.type)
        self.field_tag(v)
        if self.counts(op.type) and not op.borrowed:
            self.incref(self.ref_word(v, op.type), O.may_be_none(op.type))
        return v

    def op_SetAttr(self, op: O.SetAttr) -> None:
        offset = self.layouts[id(op.cls)].offsets[op.name]
        t = op.cls.fields[op.name]
        p = self.field_ptr(self.builder, self.value(op.obj), offset)
        new = self.value(op.value)
        if not self.counts(t):
            self.store_mem(p, new, t)
            self.field_tag(self.builder.block.instructions[-1])
            return
        # The old value is dropped after the store: it may be the last
        # reference to something that keeps `new` alive.  A field not yet
        # assigned holds 0, so the drop tests for None whatever the type.
        old = self.builder.load(self.ref_slot(p, t), typ=I64)
        self.field_tag(old)
        self.store_mem(p, new, t)
        self.field_tag(self.builder.block.instructions[-1])
        self.decref(old, maybe_none=True)

    def field_tag(self, instr: ir.Value) -> None:
        """Name a one-word load or store of an instance's field to LLVM
        ("instance field", O.ALIAS_CLASSES), so that it is known not to
        touch a count: the zero that `obj_new` stored in a new instance's
        field then reaches `__init__`'s read of the value it replaces,
        across the increment of the new value, and the drop folds away."""
        if isinstance(instr, (ir.LoadInstr, ir.StoreInstr)):
            value = instr if isinstance(instr, ir.LoadInstr) else instr.operands[0]
            if isinstance(value.type, ir.IntType) and value.type.width == 64:
                self.alias_tag(instr, "instance field")

    def class_id_range(self, obj: ir.Value, c: ClassType, exact: bool = False) -> ir.Value:
        b = self.builder
        st = self.typeinfo_struct()
        lay = self.layouts[id(c)]
        info = b.inttoptr(b.load(self.field_ptr(b, obj, TYPE_OFFSET), typ=I64), PTR)
        index = list(st.fields).index("class_id")
        id_ptr = b.gep(info, [ir.Constant(I32, 0), ir.Constant(I32, index)],
                       source_etype=self.struct_ty(st))
        cid = b.load(id_ptr, typ=I32)
        if exact:
            return b.icmp_unsigned("==", cid, ir.Constant(I32, lay.class_id))
        # One unsigned compare: class_id - first <= last - first.
        offset = b.sub(cid, ir.Constant(I32, lay.class_id))
        return b.icmp_unsigned("<=", offset,
                               ir.Constant(I32, lay.class_last - lay.class_id))

    def op_IsInstance(self, op: O.IsInstance) -> ir.Value:
        b = self.builder
        obj = self.value(op.obj)
        if not O.may_be_none(op.obj.type):
            return self.class_id_range(obj, op.cls, op.exact)
        start = b.block
        present = b.icmp_unsigned("!=", obj, ir.Constant(I64, 0))
        with b.if_then(present):
            inside = b.block
            hit = self.class_id_range(obj, op.cls, op.exact)
            inside = b.block
        phi = b.phi(I1)
        phi.add_incoming(ir.Constant(I1, 0), start)
        phi.add_incoming(hit, inside)
        return phi

    def op_MapTypeInfo(self, op: O.MapTypeInfo) -> ir.Value:
        """A dict or set type's TypeInfo: made on first use, one per type.
        Either can hold objects that refer back to it, so both are
        TRACKED when their keys or values are objects."""
        name = f"{op.of}.__typeinfo__"
        gv = self.module.globals.get(name)
        if gv is None:
            st = self.typeinfo_struct()
            fields: dict[str, ir.Constant] = {n: ir.Constant(self.mem_ty(ft), 0)
                                              for n, ft in st.fields.items()}
            is_dict = isinstance(op.of, T.DictType)
            frozen = isinstance(op.of, T.SetType) and op.of.frozen
            fields["kind"] = ir.Constant(I32, KIND_DICT if is_dict else
                                         KIND_FROZENSET if frozen else KIND_SET)
            holds_objects = op.item in ITEM_OBJECTS or op.item2 in ITEM_OBJECTS
            fields["flags"] = ir.Constant(I32, TRACKED if holds_objects else 0)
            fields["size"] = ir.Constant(I64, DICT_SIZE if is_dict else SET_SIZE)
            fields["name"] = self.cstring(f"{op.of}.__name__", "dict" if is_dict else
                                         "frozenset" if frozen else "set")
            fields["item"] = ir.Constant(I32, op.item)
            fields["item2"] = ir.Constant(I32, op.item2)
            gv = ir.GlobalVariable(self.module, self.struct_ty(st), name)
            gv.linkage = "internal"
            gv.global_constant = True
            gv.initializer = ir.Constant(self.struct_ty(st), [fields[n] for n in st.fields])
            gv.type = PTR
        return self.builder.ptrtoint(gv, I64)

    def op_MethodCall(self, op: O.MethodCall) -> ir.Value | None:
        b = self.builder
        args = [self.value(a) for a in op.args]
        st = self.typeinfo_struct()
        info = b.inttoptr(b.load(self.field_ptr(b, args[0], TYPE_OFFSET), typ=I64), PTR)
        index = list(st.fields).index("vtable")
        vt_ptr = b.gep(info, [ir.Constant(I32, 0), ir.Constant(I32, index)],
                       source_etype=self.struct_ty(st))
        vtable = b.load(vt_ptr, typ=I64)
        entry = b.inttoptr(b.add(vtable, ir.Constant(I64, 8 * op.slot)), PTR)
        fty = self.function(op.fn).function_type
        target = b.inttoptr(b.load(entry, typ=I64), fty.as_pointer())
        call = b.call(target, args)
        return None if op.type is T.NONE else call

