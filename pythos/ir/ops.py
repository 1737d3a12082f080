"""The Pythos IR: typed values and operations in basic blocks.

The IR sits between the checker and LLVM.  The checker's typed syntax
tree says what a program means; the IR says what it does, in order, with
every jump explicit.  It is modelled on mypyc's IR (`mypyc/ir/ops.py`):

- A `FuncIR` is a list of `BasicBlock`s.  The first is the entry.  Each
  block is a list of ops, and its last op, and only its last, is a
  terminator: `Goto`, `Branch`, `Return` or `Unreachable`.
- A `Value` is anything an op can use as an operand.  Constants
  (`Integer`, `StrConst`, `TupleConst`) are values that belong to no block.  An `Op` is
  also a value, its result, when its type is not `None`: a *temporary*,
  defined once, used later in the same block or in a block it dominates.
- A `Register` is a *variable*: a value that `Assign` may change, read
  wherever it is used as an operand.  Every local variable of the source
  is a register, and so is every hidden variable the builder needs (loop
  counters, the result of `a or b` where two paths meet).  Registers live
  in stack slots until LLVM's mem2reg promotes them.  A scalar register
  has no address (the checker refuses `addr_of` of a local), so nothing
  but an `Assign` changes it, and reading it where it is used is the
  same as reading it where the source does.  A value needed after later
  statements could assign the variable (a loop's bounds) is copied into
  a hidden register first.

Every value has a Pythos type from `pythos/types.py`, the same types the
checker gives expressions, or `None` for an op that has no result.  Two
representation rules are worth knowing:

- A struct or array value is a *reference* to its storage, so a struct
  value and a `Ptr` to that struct are the same thing at run time
  (`same_representation`).  A register of aggregate type is an `owner`
  (it is the storage) or a `ref` (it holds the address of storage owned
  elsewhere); see `symbols.Local`.
- `bool` is one bit as a value and one byte in memory; `Load` and `Store`
  of a `bool` convert, as C does.

Every op carries the source `Position` it came from (module, line,
column), which the lowering turns into DWARF locations.

A runtime check is control flow, not a hidden side effect of an op: the
builder ends the block with a `Branch` (hinted unlikely) to a block that
calls a cold panic function and ends in `Unreachable`.  Failure edges are
therefore visible, which is what a later exception pass needs.

Objects (issue 11) are 64-bit addresses with a reference count
(docs/objects.md); `None` is the address 0 where a type allows it.  The
object ops are at the end of this file: `ObjNew`, `GetAttr`, `SetAttr`,
`IsInstance`, `TypeInfoAddr`, `MethodCall`, and the count updates
`IncRef`/`DecRef`.  Ownership, as in mypyc:

- Every op result of an object type is *owned*: the op hands its holder
  one reference (`ObjNew`, a call's result, `GetAttr`, which increments
  the count of what it loads).  A register's value is owned by the
  register, except a parameter's, which is *borrowed* from the caller
  (unless the function assigns the parameter: then it takes a reference
  of its own on entry).
- `Assign`, `Return`, `SetAttr` and `MethodCall`/`Call` differ in what
  they do with an object operand: the first three *consume* it (the
  register, the caller, the field takes over a reference), a call only
  borrows its arguments.
- The builder emits no count updates at all.  The pass
  `pythos/ir/passes/refcount.py` places `IncRef` and `DecRef` from
  liveness: a reference is dropped where its holder dies, moved where
  its last use consumes it, and copied (incremented) where a consumer
  takes a value that stays alive.

What comes next: error edges.  Ops that can fail (a call that raises)
will get an error kind, and an exception pass will add the `Branch` after
each to the function's handler block, just as panics are explicit now.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple

from ..types import (
    BOOL,
    BYTES,
    I64,
    NONE,
    NONE_VALUE,
    OBJECT,
    STR,
    U8,
    U64,
    ClassType,
    IntType,
    OptionalType,
    PtrType,
    Type,
    is_object,
)

if TYPE_CHECKING:
    from ..parse import Module
    from ..symbols import FuncSym, GlobalSym, Local
    from ..types import StructType
    from .layout import ClassLayout

# The 128-bit integer that range loops with a step other than 1 use to
# count without wrapping.  No source type has this width.
I128 = IntType("i128", 128, True)


class Position(NamedTuple):
    """Where an op came from: the module, the line, and the column
    (counted from 1, as DWARF counts them)."""

    module: Module
    line: int
    column: int


class Value:
    """An operand: a constant, a register or an op's result."""

    __slots__ = ("type",)
    type: Type


class Integer(Value):
    """An integer, bool or pointer constant (a pointer as its address)."""

    __slots__ = ("value",)

    def __init__(self, value: int, type: Type) -> None:
        self.value = value
        self.type = type


class StrConst(Value):
    """A str or bytes constant: for bytes the address and length of
    constant data, for a str the address of a static str object."""

    __slots__ = ("data",)

    def __init__(self, data: bytes, type: Type) -> None:
        self.data = data
        self.type = type


class TupleConst(Value):
    """A tuple display whose items are all constants, `("+", "-")`: the
    address of a static tuple object the compiler emits once, with an
    IMMORTAL count, like a str literal (docs/objects.md, "Constant
    tuples").  `slots` are its items as the tuple holds them: an int for
    an integer, bool or None slot (the 64-bit word stored), a StrConst or
    a nested TupleConst for an object slot, or the runtime's global
    EMPTY_TUPLE for `()`; `kinds` the runtime's item kind of each slot,
    as the type's TypeInfo lists them."""

    __slots__ = ("slots", "kinds")

    def __init__(self, slots: tuple[int | StrConst | TupleConst | GlobalSym, ...],
                 kinds: tuple[int, ...], type: Type) -> None:
        self.slots = slots
        self.kinds = kinds
        self.type = type


class Register(Value):
    """A variable.  `kind` is "value" (a scalar), "owner" (the storage of
    a struct or array; its value is that storage's address) or "ref" (the
    address of an aggregate owned elsewhere).  `local` is the source
    variable it is, or None for a variable the builder made up.

    A *merge* register (`join` is set) holds a value that depends on the
    path taken to block `join`, such as the value of `a or b`: it is
    assigned exactly once in each block that jumps to `join`, just before
    the jump, and read only from `join` on.  That is what an SSA phi (or a
    block argument, in Swift's SIL) expresses, and the lowering makes it
    an LLVM phi instead of a stack slot."""

    __slots__ = ("name", "kind", "local", "is_param", "join", "borrowed")

    def __init__(self, name: str, type: Type, kind: str = "value",
                 local: Local | None = None, is_param: bool = False,
                 join: BasicBlock | None = None) -> None:
        self.name = name
        self.type = type
        self.kind = kind
        self.local = local
        self.is_param = is_param
        self.join = join
        # An object variable that only ever holds borrowed values, each
        # alive for the whole call (pythos/ir/passes/stablefields.py):
        # it holds no reference of its own.
        self.borrowed = False


class Op(Value):
    """An operation in a block.  `sources()` lists its operands."""

    __slots__ = ("pos",)
    is_terminator = False
    pos: Position | None

    def sources(self) -> list[Value]:
        return []


class BasicBlock:
    __slots__ = ("label", "ops")

    def __init__(self, label: str) -> None:
        self.label = label
        self.ops: list[Op] = []

    @property
    def terminator(self) -> Op | None:
        return self.ops[-1] if self.ops and self.ops[-1].is_terminator else None


# ----- terminators ---------------------------------------------------------------------
class Goto(Op):
    __slots__ = ("target",)
    is_terminator = True

    def __init__(self, target: BasicBlock) -> None:
        self.type = NONE
        self.target = target


class Branch(Op):
    """`if cond goto true else goto false`.  `likely` is a hint for the
    code layout: True or False when one side is expected, else None."""

    __slots__ = ("cond", "true", "false", "likely", "error_of", "error_cast")
    is_terminator = True

    def __init__(self, cond: Value, true: BasicBlock, false: BasicBlock,
                 likely: bool | None = None) -> None:
        self.type = NONE
        self.cond = cond
        self.true = true
        self.false = false
        self.likely = likely
        # A test of the error state after this call (ir/build/exceptions.py):
        # `true` is the failing side.  None for a test that always stays.
        self.error_of: Op | None = None
        # The cast that makes the call's raw result a value, on `false`.
        self.error_cast: Op | None = None

    def sources(self) -> list[Value]:
        return [self.cond]


class Return(Op):
    __slots__ = ("value",)
    is_terminator = True

    def __init__(self, value: Value | None = None) -> None:
        self.type = NONE
        self.value = value

    def sources(self) -> list[Value]:
        return [self.value] if self.value is not None else []


class Unreachable(Op):
    """Control never gets here (after a call that does not return)."""

    __slots__ = ()
    is_terminator = True

    def __init__(self) -> None:
        self.type = NONE


# ----- generators (issue 12; ir/build/generators.py) --------------------------------
class ResumeSwitch(Op):
    """The entry of a generator's resume function: jump on the frame's
    state to the start of the body (state 0) or to the block after yield k
    (state k).  The frame is marked running first."""

    __slots__ = ("targets",)
    is_terminator = True

    def __init__(self, targets: list[BasicBlock]) -> None:
        self.type = NONE
        self.targets = targets


class Suspend(Op):
    """`yield`: give `value` (an integer as a u64 slot, or an object, whose
    reference moves to the caller) to the caller's out slot, record yield
    `index` as the frame's state and return `status` (1; an asynchronous
    generator's `yield` returns 2, to tell it from an `await` inside it:
    pythos/rt/obj/coroutine.py).  The next resume starts at `resume`, so
    that block counts as this one's successor: what is live there stays
    in the frame across the suspension."""

    __slots__ = ("value", "resume", "index", "status")
    is_terminator = True

    def __init__(self, value: Value, resume: BasicBlock, index: int, status: int = 1) -> None:
        self.type = NONE
        self.value = value
        self.resume = resume
        self.index = index
        self.status = status

    def sources(self) -> list[Value]:
        return [self.value]


class GenFinish(Op):
    """The end of a generator's body: the frame is finished, keeps the
    `return` value (consumed; None for a plain return) for StopIteration,
    and the resume function returns False."""

    __slots__ = ("value",)
    is_terminator = True

    def __init__(self, value: Value | None) -> None:
        self.type = NONE
        self.value = value

    def sources(self) -> list[Value]:
        return [self.value] if self.value is not None else []


class GenNew(Op):
    """A new generator: a frame for the resume function `resume`, in state
    0, with `args` (consumed) in the registers of the parameters `params`."""

    __slots__ = ("resume", "args", "params")

    def __init__(self, resume: Any, args: list[Value], params: list[Any], t: Type) -> None:
        self.type = t
        self.resume = resume
        self.args = args
        self.params = params

    def sources(self) -> list[Value]:
        return list(self.args)


def successors(block: BasicBlock) -> list[BasicBlock]:
    end = block.terminator
    if isinstance(end, Goto):
        return [end.target]
    if isinstance(end, Branch):
        return [end.true, end.false]
    if isinstance(end, ResumeSwitch):
        return list(end.targets)
    if isinstance(end, Suspend):
        return [end.resume]
    return []


# ----- variables ----------------------------------------------------------------------
class Assign(Op):
    """Give register `dest` the value `src`."""

    __slots__ = ("dest", "src")

    def __init__(self, dest: Register, src: Value) -> None:
        self.type = NONE
        self.dest = dest
        self.src = src

    def sources(self) -> list[Value]:
        return [self.src]


# ----- memory -------------------------------------------------------------------------
class GlobalAddr(Op):
    __slots__ = ("sym",)

    def __init__(self, sym: GlobalSym) -> None:
        self.type = PtrType(sym.type)
        self.sym = sym


class GlobalGet(Op):
    """The object a module-level variable holds, owned: the load
    increments its count (as `GetAttr` does).  Made from a `Load` of a
    counted global by pythos/ir/build/modinit.py.  `borrowed`: the global
    is never rebound once set (pythos/ir/passes/__init__.py,
    `constant_globals`), so its own reference keeps the object alive and
    the load takes none; the count pass then treats the value as it does
    a parameter's."""

    __slots__ = ("sym", "borrowed")

    def __init__(self, sym: GlobalSym) -> None:
        self.type = sym.type
        self.sym = sym
        self.borrowed = False


class GlobalSet(Op):
    """Store the object `value` in a module-level variable: the global
    takes the reference (`value` is consumed), and the one it held before
    is dropped after the store (as `SetAttr` does)."""

    __slots__ = ("sym", "value")

    def __init__(self, sym: GlobalSym, value: Value) -> None:
        self.type = NONE
        self.sym = sym
        self.value = value

    def sources(self) -> list[Value]:
        return [self.value]


class FieldAddr(Op):
    """The address of field `name` of the struct `base` refers to."""

    __slots__ = ("base", "struct", "name", "index")

    def __init__(self, base: Value, struct: StructType, name: str) -> None:
        self.type = PtrType(struct.fields[name])
        self.base = base
        self.struct = struct
        self.name = name
        self.index = list(struct.fields).index(name)

    def sources(self) -> list[Value]:
        return [self.base]


class ElementAddr(Op):
    """The address of element `index` (an i64) of an array (`array` is its
    type, and `base` refers to it) or of the elements `base` points to
    (`array` is None).  `inbounds` says the index was checked."""

    __slots__ = ("base", "index", "element", "array", "inbounds")

    def __init__(self, base: Value, index: Value, element: Type, array: Type | None,
                 inbounds: bool) -> None:
        self.type = PtrType(element)
        self.base = base
        self.index = index
        self.element = element
        self.array = array
        self.inbounds = inbounds

    def sources(self) -> list[Value]:
        return [self.base, self.index]


class UnaryOp(Op):
    """An operation of one operand, `src`."""

    __slots__ = ("src",)

    def __init__(self, type: Type, src: Value) -> None:
        self.type = type
        self.src = src

    def sources(self) -> list[Value]:
        return [self.src]


class SlicePart(UnaryOp):
    """The data address (`part` 0, a Ptr[u8]) or the length (1, an i64)
    of a str or bytes value, or a bytes value's owner (2, a u64 address,
    0 for a view; borrowed)."""

    __slots__ = ("part",)

    def __init__(self, src: Value, part: int) -> None:
        super().__init__((PtrType(U8), I64, U64)[part], src)
        self.part = part


class StrBytes(UnaryOp):
    """The UTF-8 bytes of a str object, as a bytes value (address and
    length of its data): `str_bytes(s)`."""

    __slots__ = ()

    def __init__(self, src: Value) -> None:
        super().__init__(BYTES, src)


class BytesOfObject(UnaryOp):
    """The bytes value of a bytes object (`obj`, a u64 address a runtime
    call returned, with its one reference): {its data, its length, the
    object as owner}.  The value is owned: the count pass drops it."""

    __slots__ = ()

    def __init__(self, src: Value) -> None:
        super().__init__(BYTES, src)


class Load(Op):
    """A load from `addr`.  `alias`, when given, names the kind of memory it
    reads (ALIAS_CLASSES); loads and stores of two different kinds never
    touch the same bytes, which LLVM is told (type-based alias metadata)."""

    __slots__ = ("addr", "volatile", "alias")

    def __init__(self, addr: Value, type: Type, volatile: bool = False,
                 alias: str | None = None) -> None:
        self.type = type
        self.addr = addr
        self.volatile = volatile
        self.alias = alias

    def sources(self) -> list[Value]:
        return [self.addr]


class Store(Op):
    """A store to `addr`; `alias` as for Load."""

    __slots__ = ("addr", "value", "volatile", "alias")

    def __init__(self, addr: Value, value: Value, volatile: bool = False,
                 alias: str | None = None) -> None:
        self.type = NONE
        self.addr = addr
        self.value = value
        self.volatile = volatile
        self.alias = alias

    def sources(self) -> list[Value]:
        return [self.addr, self.value]


# The kinds of memory a Load or Store may name (`alias`): the header words
# of a list (its length and items pointer) and the items of a list of
# integers, which live in a separate buffer; an object's reference count
# (its first word) and an instance's fields (the words after its header),
# which the lowering of count updates and of field reads and writes names
# (pythos/lower/objects.py).  An access with no kind may touch anything.
ALIAS_CLASSES = ("list header", "list item", "refcount", "instance field")


class CopyMem(Op):
    """Copy a struct or array of type `of` from `src` to `dest`."""

    __slots__ = ("dest", "src", "of")

    def __init__(self, dest: Value, src: Value, of: Type) -> None:
        self.type = NONE
        self.dest = dest
        self.src = src
        self.of = of

    def sources(self) -> list[Value]:
        return [self.dest, self.src]


class ZeroMem(Op):
    __slots__ = ("dest", "of")

    def __init__(self, dest: Value, of: Type) -> None:
        self.type = NONE
        self.dest = dest
        self.of = of

    def sources(self) -> list[Value]:
        return [self.dest]


# ----- arithmetic ---------------------------------------------------------------------
INT_OPS = frozenset({"add", "sub", "mul", "and", "or", "xor", "shl", "lshr", "ashr",
                     "udiv", "sdiv", "urem", "srem"})
# Comparisons: eq and ne, and the signed (s) and unsigned (u) orders.
COMPARE_OPS = frozenset({"eq", "ne", "slt", "sle", "sgt", "sge", "ult", "ule", "ugt", "uge"})
# "object": a u64 from the runtime taken as the object (or str) it is the
# address of, or the reverse; no instruction.
CASTS = frozenset({"trunc", "zext", "sext", "inttoptr", "ptrtoint", "object"})


class BinaryOp(Op):
    """An operation of two operands, `lhs` and `rhs`."""

    __slots__ = ("lhs", "rhs")

    def __init__(self, type: Type, lhs: Value, rhs: Value) -> None:
        self.type = type
        self.lhs = lhs
        self.rhs = rhs

    def sources(self) -> list[Value]:
        return [self.lhs, self.rhs]


class IntOp(BinaryOp):
    """A two's-complement operation at the operands' width.  `flags` may
    hold "nsw" / "nuw": the builder proved it cannot wrap."""

    __slots__ = ("op", "flags")

    def __init__(self, op: str, lhs: Value, rhs: Value, flags: tuple[str, ...] = ()) -> None:
        super().__init__(lhs.type, lhs, rhs)
        self.op = op
        self.flags = flags


class IntPow(BinaryOp):
    """`lhs ** rhs` by repeated squaring, wrapping at the width (the
    exponent is known not to be negative)."""

    __slots__ = ()

    def __init__(self, lhs: Value, rhs: Value) -> None:
        super().__init__(lhs.type, lhs, rhs)


class IntOverflow(BinaryOp):
    """Whether the signed operation `op` ("add", "sub", "mul" or "pow") of
    the operands leaves their type's range: the test before a plain
    `int`'s arithmetic, which raises OverflowError instead of wrapping."""

    __slots__ = ("op",)

    def __init__(self, op: str, lhs: Value, rhs: Value) -> None:
        super().__init__(BOOL, lhs, rhs)
        self.op = op


class Compare(BinaryOp):
    """`lhs op rhs` for one of the comparison operators: a bool."""

    __slots__ = ("op",)

    def __init__(self, op: str, lhs: Value, rhs: Value) -> None:
        super().__init__(BOOL, lhs, rhs)
        self.op = op


class Select(Op):
    __slots__ = ("cond", "true", "false")

    def __init__(self, cond: Value, true: Value, false: Value) -> None:
        self.type = true.type
        self.cond = cond
        self.true = true
        self.false = false

    def sources(self) -> list[Value]:
        return [self.cond, self.true, self.false]


class Cast(UnaryOp):
    """Change width (trunc, zext, sext), reinterpret an integer as another
    of the same width (bitcast: a u64 slot as an i64), or convert between
    a pointer and its address (inttoptr, ptrtoint)."""

    __slots__ = ("kind",)

    def __init__(self, kind: str, src: Value, type: Type) -> None:
        super().__init__(type, src)
        self.kind = kind


# ----- calls --------------------------------------------------------------------------
class Call(Op):
    """A direct call.  A function returning a struct or array writes it
    into `sret`, storage the caller provides, and the call's value is
    that storage."""

    __slots__ = ("fn", "args", "sret")

    def __init__(self, fn: FuncSym, args: list[Value], sret: Value | None = None) -> None:
        self.type = fn.result
        self.fn = fn
        self.args = args
        self.sret = sret

    def sources(self) -> list[Value]:
        return ([self.sret] if self.sret is not None else []) + self.args


class FuncAddr(Op):
    """The address of a function, as an integer."""

    __slots__ = ("fn",)

    def __init__(self, fn: FuncSym, type: Type) -> None:
        self.type = type
        self.fn = fn


class CallAddr(Op):
    """An indirect call of the function at an address (`call_addr`): every
    argument and the result are 64-bit integers."""

    __slots__ = ("addr", "args")

    def __init__(self, addr: Value, args: list[Value], type: Type) -> None:
        self.type = type
        self.addr = addr
        self.args = args

    def sources(self) -> list[Value]:
        return [self.addr, *self.args]


class InlineAsm(Op):
    """An assembly statement with LLVM constraints; it has side effects
    and clobbers the flags."""

    __slots__ = ("text", "constraints", "args")

    def __init__(self, text: str, constraints: str, args: list[Value], type: Type) -> None:
        self.type = type
        self.text = text
        self.constraints = constraints
        self.args = args

    def sources(self) -> list[Value]:
        return list(self.args)


class Atomic(Op):
    """A sequentially consistent atomic operation on `ptr`: "xchg" and
    "add" (returning the old value), "cas" (args: expected, new; returns
    the old value), "load", and "store" (no value)."""

    __slots__ = ("kind", "ptr", "args")

    def __init__(self, kind: str, ptr: Value, args: list[Value], type: Type) -> None:
        self.type = type
        self.kind = kind
        self.ptr = ptr
        self.args = args

    def sources(self) -> list[Value]:
        return [self.ptr, *self.args]


# ----- facts the builder records for the passes ---------------------------------------
@dataclass(eq=False)
class RangeLoop:
    """A `for` loop over `range(start, stop, step)`.  `bind` is the
    assignment of the loop variable at the start of each iteration; every
    value it assigns lies between `start` and `stop`: in [start, stop)
    when `sign` is 1, in (stop, start] when it is -1, and in one of the two
    when the step's sign is known only at run time (`sign` 0).  `start`
    and `stop` are values that do not change while the loop runs (a
    constant, a temporary, or a register assigned once)."""

    bind: Assign
    start: Value
    stop: Value
    sign: int


@dataclass(eq=False)
class IndexCheck:
    """The bounds check of one `a[i]`, `index` being the index as an i64
    and `length` the length.  `branch` tests `index <u length` and goes to
    the element (`branch.true`) when it holds.  For a signed index its
    other edge leads to `negative`, a second branch testing
    `index + length <u length` (a negative index counting from the end),
    whose false edge, like `branch`'s for an unsigned index, goes to
    `fail`, the block that panics."""

    index: Value
    length: Value
    branch: Branch
    negative: Branch | None
    fail: BasicBlock


# ----- functions and modules ---------------------------------------------------------
@dataclass(eq=False)
class FuncIR:
    """One function: `params` are the registers its arguments arrive in
    (in order); `registers` are all its variables, parameters included.
    A function returning a struct or array gets the caller's storage for
    the result in `sret` (a "ref" register), copies the result there and
    returns nothing.  The first block is the entry."""

    sym: FuncSym
    params: list[Register]
    registers: list[Register] = field(default_factory=list)
    blocks: list[BasicBlock] = field(default_factory=list)
    sret: Register | None = None
    # Facts for the passes (pythos/ir/passes/): range loops and index checks.
    range_loops: list[RangeLoop] = field(default_factory=list)
    index_checks: list[IndexCheck] = field(default_factory=list)
    # Whether str values are counted here (the program has the object runtime).
    count_str: bool = False
    # Exceptions (ir/build/exceptions.py): the block that returns with the
    # error pending, if any, and whether any path reaches it.
    error_exit: BasicBlock | None = None
    may_raise: bool = False
    # A generator's resume function: its frame (ir/build/generators.py).
    generator: Any = None

    @property
    def name(self) -> str:
        return self.sym.link_name


@dataclass(eq=False)
class GlobalIR:
    """A module-level variable and its initial value: None (all zero
    bytes), an int or bool, bytes for a str or bytes constant, or a dict of
    field initial values for a struct."""

    sym: GlobalSym
    init: object


@dataclass(eq=False)
class ModuleIR:
    """The whole program.  `declarations` are every function, defined or
    external, in the order they are declared; `functions` the bodies.
    `strings` are the str and bytes constants the code uses, each once (a
    global's initial value is in its `GlobalIR`).  `main` is the entry
    function of a Linux program, which the start-up code calls."""

    name: str
    globals: list[GlobalIR] = field(default_factory=list)
    declarations: list[FuncSym] = field(default_factory=list)
    functions: list[FuncIR] = field(default_factory=list)
    structs: list[StructType] = field(default_factory=list)
    strings: list[StrConst] = field(default_factory=list)
    interrupt_frame: StructType | None = None
    main: FuncSym | None = None
    main_in_init: bool = False  # module-level code calls main() itself
    # Where the entry module calls main(): file, line, source line, for the
    # `<module>` frame of a traceback (ir/build/exceptions.py).
    main_site: tuple[str, int, str] | None = None
    runtime: dict[str, FuncSym] = field(default_factory=dict)
    # Issue 11: the program's classes with their layouts (pythos/ir/layout.py),
    # the object runtime's functions by name (empty when the program uses no
    # objects), and whether the start-up code checks for leaks after main.
    classes: list[ClassLayout] = field(default_factory=list)
    typeinfo: StructType | None = None
    # The runtime's str type (object.py's STR_TYPE), which str literals
    # point at when the program has the object runtime; else None.
    str_type: GlobalSym | None = None
    # The runtime's 128 static one-character strs (str.py's `ascii_chars`),
    # which the compiler fills and one-character ASCII literals are; else None.
    ascii_chars: GlobalSym | None = None
    object_runtime: dict[str, FuncSym] = field(default_factory=dict)
    leak_check: bool = False
    count_str: bool = False  # str values are counted (see holds_reference)
    # Module initialisation (check/modinit.py): the modules' `<module>`
    # functions in import order, and the globals they set that hold
    # references, released in reverse order after main.
    module_inits: list[FuncSym] = field(default_factory=list)
    counted_globals: list[GlobalSym] = field(default_factory=list)
    # Separate compilation of the runtime (pythos/rtcache.py): the modules
    # whose functions and globals are defined in another object file (only
    # declared here), or, when compiling that object, the only modules
    # defined, each symbol visible to the linker.
    external_modules: frozenset[str] = frozenset()
    exported_modules: frozenset[str] = frozenset()


# ----- objects (issue 11) --------------------------------------------------------------
def is_counted(t: Type) -> bool:
    """Whether values of type `t` are object references with a count."""
    return is_object(t)


def holds_reference(t: Type, count_str: bool) -> bool:
    """Whether a value of type `t` is counted in a function: every object,
    and a str where the program has the object runtime (`count_str`: a
    str may then be built at run time; a literal's count is IMMORTAL)."""
    return is_counted(t) or (count_str and t is STR)


def counted_value(t: Type, count_str: bool) -> bool:
    """Whether the count pass follows values of type `t`: those that
    hold a reference, and a bytes value where the program has the object
    runtime.  A bytes value is {data, length, owner} (docs/compiler.md,
    "bytes values"): its owner is the bytes object that holds the data,
    counted, or 0 for a view of constant data, never counted (the `x`
    variants).  It is not an address, so the places that hold a reference
    in one word (`holds_reference`) do not take it."""
    return holds_reference(t, count_str) or (count_str and t is BYTES)


def may_be_none(t: Type) -> bool:
    """Whether a value of object type `t` may be None (the address 0), so
    that a count update must test for it first (the `x` variants); a
    bytes value's owner is 0 for a view."""
    return isinstance(t, OptionalType) or t is OBJECT or t is BYTES


class ObjNew(Op):
    """A new, zeroed instance of class `cls` with one reference (owned)."""

    __slots__ = ("cls",)

    def __init__(self, cls: ClassType) -> None:
        self.type = cls
        self.cls = cls


class GetAttr(Op):
    """The field `name` of the instance `obj` (of class `cls` or a
    subclass).  An object result is owned: the load increments its count.
    `borrowed`: the field is never written once its instance is made and
    `obj` stays alive through the call (pythos/ir/passes/stablefields.py),
    so the load takes no reference, as a parameter holds none."""

    __slots__ = ("obj", "cls", "name", "borrowed")

    def __init__(self, obj: Value, cls: ClassType, name: str) -> None:
        self.type = cls.fields[name]
        self.obj = obj
        self.cls = cls
        self.name = name
        self.borrowed = False

    def sources(self) -> list[Value]:
        return [self.obj]


class SetAttr(Op):
    """Store `value` in the field `name` of `obj`.  An object value is
    consumed (the field takes the reference); the value the field held
    before is released after the store."""

    __slots__ = ("obj", "cls", "name", "value")

    def __init__(self, obj: Value, cls: ClassType, name: str, value: Value) -> None:
        self.type = NONE
        self.obj = obj
        self.cls = cls
        self.name = name
        self.value = value

    def sources(self) -> list[Value]:
        return [self.obj, self.value]


class TypeInfoAddr(Op):
    """The address of class `cls`'s constant TypeInfo, as a u64."""

    __slots__ = ("cls",)

    def __init__(self, cls: ClassType) -> None:
        self.type = U64
        self.cls = cls


class ContainerTypeInfo(Op):
    """The address of the constant TypeInfo of the container type `of`
    (a `list[T]`: KIND_LIST, with T's item kind; a `tuple[A, B]`:
    KIND_TUPLE, with the kind of each slot in `fields`), as a u64.  The
    lowering emits one per type the program uses (pythos/lower/objects.py)."""

    __slots__ = ("of", "item", "kind", "fields")

    def __init__(self, of: Type, item: int, kind: int = 2,
                 fields: tuple[int, ...] = ()) -> None:
        self.type = U64
        self.of = of
        self.item = item  # the ITEM_* kind of its elements (object.py)
        self.kind = kind  # KIND_LIST or KIND_TUPLE
        self.fields = fields  # a tuple's ITEM_* kind per slot


class IsInstance(Op):
    """Whether `obj` is an instance of `cls` or of a subclass: its class id
    lies in `cls`'s range (docs/objects.md).  None is an instance of no
    class."""

    __slots__ = ("obj", "cls", "exact")

    def __init__(self, obj: Value, cls: ClassType, exact: bool = False) -> None:
        self.type = BOOL
        self.obj = obj
        self.cls = cls
        self.exact = exact  # the class itself, not a subclass (type(obj) is cls)

    def sources(self) -> list[Value]:
        return [self.obj]


class MethodCall(Op):
    """A call through the vtable of `args[0]`'s class: slot `slot`, whose
    signature is `fn`'s (the method as the static type declares it).
    Arguments are borrowed; an object result is owned."""

    __slots__ = ("fn", "slot", "args")

    def __init__(self, fn: FuncSym, slot: int, args: list[Value]) -> None:
        self.type = fn.result
        self.fn = fn
        self.slot = slot
        self.args = args

    def sources(self) -> list[Value]:
        return list(self.args)


class MapTypeInfo(Op):
    """The address of the constant TypeInfo of the dict or set type `of`,
    as a u64: its kind, and the item kinds of its keys (`item`) and a
    dict's values (`item2`), ITEM_* of object.py.  The lowering emits one
    per type the program uses (pythos/lower/objects.py)."""

    __slots__ = ("of", "item", "item2")

    def __init__(self, of: Type, item: int, item2: int = 0) -> None:
        self.type = U64
        self.of = of
        self.item = item
        self.item2 = item2


class IncRef(UnaryOp):
    """Add one reference to `src` (skipped for None if it may be None)."""

    __slots__ = ()

    def __init__(self, src: Value) -> None:
        super().__init__(NONE, src)


class KeepAlive(UnaryOp):
    """A use of `src` that does nothing: the value stays alive (is not
    released by the count pass) until here.  For a reference the code
    before it borrowed from `src` without the count pass seeing it: an
    address read out of the object as a plain integer (a list's items),
    or a slot of a frame that `from_slot` has not yet taken its own
    reference to, or a bytes value (and the object that owns its data)
    past the loads or calls that read its data through an address taken
    from it.  Unlike a dead `Cast`, no pass removes it (mypyc has the
    same op, for the same reason)."""

    __slots__ = ()

    def __init__(self, src: Value) -> None:
        super().__init__(NONE, src)


class DecRef(UnaryOp):
    """Drop one reference to `src`, releasing it at zero (`obj_release`,
    a cold call); skipped for None if it may be None."""

    __slots__ = ()

    def __init__(self, src: Value) -> None:
        super().__init__(NONE, src)


# ----- function values (issue 11; docs/objects.md, "Functions as values") -------------
class StaticFunc(Op):
    """The static, immortal function object of a top-level function used as
    a value: `code` is its thunk (hidden first argument dropped);
    `func_type` the runtime's FUNC_TYPE descriptor; `name` the static str
    of its `__qualname__` (its text)."""

    __slots__ = ("code", "func_type", "name")

    def __init__(self, code: FuncSym, func_type: GlobalSym, type: Type,
                 name: StrConst) -> None:
        self.type = type
        self.code = code
        self.func_type = func_type
        self.name = name


class SlotLoad(Op):
    """Load the value of type `type` at `obj + offset` (a function object's
    slot, a cell's value); an object loaded is incremented (owned)."""

    __slots__ = ("obj", "offset")

    def __init__(self, obj: Value, offset: int, type: Type) -> None:
        self.type = type
        self.obj = obj
        self.offset = offset

    def sources(self) -> list[Value]:
        return [self.obj]


class SlotStore(Op):
    """Store `value` at `obj + offset` and release what the slot held (for
    a counted value): consumes `value`, as `SetAttr` does."""

    __slots__ = ("obj", "offset", "value", "slot_type")

    def __init__(self, obj: Value, offset: int, value: Value, slot_type: Type) -> None:
        self.type = NONE
        self.obj = obj
        self.offset = offset
        self.value = value
        self.slot_type = slot_type

    def sources(self) -> list[Value]:
        return [self.obj, self.value]


class CallValue(Op):
    """A call through a function value: load its code address and call it
    with the function object as a hidden first argument, then `args` at
    the value's parameter types `params`.  Arguments are borrowed; an
    object result is owned, as for `Call`."""

    __slots__ = ("func", "args", "params")

    def __init__(self, func: Value, args: list[Value], params: tuple[Type, ...],
                 result: Type) -> None:
        self.type = result
        self.func = func
        self.args = args
        self.params = params

    def sources(self) -> list[Value]:
        return [self.func, *self.args]


# Runtime functions that take over their first argument's reference
# (made by pythos/ir/passes/strappend.py after the count pass).
CONSUMING_CALLS = frozenset({"pythos.rt.obj.str.str_concat_owned"})


def consumes(op: Op, count_str: bool = False) -> list[Value]:
    """The object operands `op` takes a reference over from its holder."""
    if isinstance(op, GenNew):
        return [a for a in op.args if counted_value(a.type, count_str)]
    if isinstance(op, Call) and op.fn.qualname in CONSUMING_CALLS:
        return [op.args[0]]
    if isinstance(op, Call) and op.fn.steals:
        return [op.args[i] for i in op.fn.steals
                if counted_value(op.args[i].type, count_str)]
    value = op.src if isinstance(op, Assign) else op.value if isinstance(
        op, (Return, SetAttr, GlobalSet, SlotStore, Suspend, GenFinish)) else None
    if value is not None and counted_value(value.type, count_str):
        return [value]
    return []


def same_representation(a: Type, b: Type) -> bool:
    """Whether values of types `a` and `b` are interchangeable at run time:
    equal types, or two addresses (a pointer, or a struct or array, which
    is a reference to its storage: an array passes where a pointer to
    its elements is expected)."""
    if a == b:
        return True
    if (is_object(a) or a in (NONE_VALUE, STR)) and (is_object(b) or b in (NONE_VALUE, STR)):
        return True  # addresses of objects (a str's too), or 0 for None
    return (isinstance(a, PtrType) or a.is_aggregate) and \
        (isinstance(b, PtrType) or b.is_aggregate)
