"""The types of the Pythos language, shared by the checker and the lowering.

Types are small immutable objects compared by identity or by value.  Integer
types know their width and signedness; aggregates (arrays and structs) are
always handled by reference in the compiler, so the checker marks them with
`is_aggregate` and the lowering keeps a pointer to their storage.
"""

from __future__ import annotations

from dataclasses import dataclass, field


class Type:
    is_int = False
    is_aggregate = False

    def __repr__(self) -> str:
        return str(self)


@dataclass(frozen=True, eq=True)
class IntType(Type):
    """An integer type.  `checked` marks the plain `int`: the same 64-bit
    signed machine type as `i64`, and equal to it (so every rule that
    accepts an `i64` accepts an `int`), but its arithmetic raises
    OverflowError where `i64`'s wraps (docs/language.md, "Integers")."""

    name: str
    bits: int
    signed: bool
    checked: bool = field(default=False, compare=False)

    is_int = True

    def __str__(self) -> str:
        return self.name

    @property
    def min(self) -> int:
        return -(1 << (self.bits - 1)) if self.signed else 0

    @property
    def max(self) -> int:
        return (1 << (self.bits - 1)) - 1 if self.signed else (1 << self.bits) - 1

    def wrap(self, value: int) -> int:
        value &= (1 << self.bits) - 1
        if self.signed and value >> (self.bits - 1):
            value -= 1 << self.bits
        return value


class _Simple(Type):
    def __init__(self, name: str) -> None:
        self.name = name

    def __str__(self) -> str:
        return self.name


BOOL = _Simple("bool")
NONE = _Simple("None")
STR = _Simple("str")
BYTES = _Simple("bytes")
# What typeshed calls ReadableBuffer, as far as Pythos has one: a bytes
# method's bytes argument (`sub`, `prefix`, `sep`, ...) may be bytes or a
# bytearray, whose data the runtime reads alike (ir/build/bytes.py,
# `bytes_parts`).  Only a parameter has this type, never a value.
BUFFER = _Simple("bytes | bytearray")

INTS: dict[str, IntType] = {
    name: IntType(name, bits, signed)
    for name, bits, signed in [
        ("u8", 8, False), ("u16", 16, False), ("u32", 32, False), ("u64", 64, False),
        ("i8", 8, True), ("i16", 16, True), ("i32", 32, True), ("i64", 64, True),
    ]
}
def wrapping_of(first: Type, *others: Type) -> Type:
    """The type of a value that is one of several equal integer types, or
    computed from them: `i64` (which wraps) if any is, since pythos.lang's
    `i64` keeps its class through arithmetic and choices under CPython;
    else the first.  (`int` and `i64` are equal types: see IntType.)"""
    for t in (first, *others):
        if isinstance(t, IntType) and not t.checked and t == first:
            return t
    return first


# The plain `int`: what an `int` annotation, a literal nothing else types,
# `len()` and `int()` give.  `INTS["i64"]`, written `i64`, wraps instead.
I64 = IntType("i64", 64, True, checked=True)
U64 = INTS["u64"]
U32 = INTS["u32"]
U8 = INTS["u8"]


@dataclass(frozen=True, eq=True)
class PtrType(Type):
    target: Type

    def __str__(self) -> str:
        return f"Ptr[{self.target}]"


@dataclass(frozen=True, eq=True)
class ArrayType(Type):
    element: Type
    length: int

    is_aggregate = True

    def __str__(self) -> str:
        return f"Array[{self.element}, {self.length}]"


@dataclass(eq=False)
class StructType(Type):
    """A @struct class.  Fields are filled in after all structs are declared,
    so that structs may refer to each other in any order."""

    name: str
    qualname: str
    packed: bool = False
    fields: dict[str, Type] = field(default_factory=dict)
    methods: dict[str, object] = field(default_factory=dict)
    complete: bool = False  # its fields are declared (sizeof may be taken)

    is_aggregate = True

    def __str__(self) -> str:
        return self.name

    __hash__ = object.__hash__


@dataclass(frozen=True, eq=True)
class FuncType(Type):
    params: tuple[Type, ...]
    result: Type

    def __str__(self) -> str:
        return f"function({', '.join(map(str, self.params))}) -> {self.result}"


def sizeof(t: Type) -> int:
    return layout(t)[0]


def is_complete(t: Type) -> bool:
    """Whether every struct inside `t` has its fields declared yet."""
    while isinstance(t, ArrayType):
        t = t.element
    if isinstance(t, StructType):
        return t.complete and all(is_complete(f) for f in t.fields.values())
    return True


def layout(t: Type) -> tuple[int, int]:
    """(size, alignment) of a type in memory, following the C rules."""
    if isinstance(t, IntType):
        n = t.bits // 8
        return n, n
    if t is BOOL:
        return 1, 1
    if isinstance(t, PtrType):
        return 8, 8
    if t is STR:
        return 8, 8  # the address of a str object (docs/objects.md)
    if t is BYTES:
        return 24, 8  # data address, length, owner (docs/compiler.md)
    if isinstance(t, ArrayType):
        size, align = layout(t.element)
        return size * t.length, align
    if isinstance(t, StructType):
        offset, max_align = 0, 1
        for ft in t.fields.values():
            size, align = layout(ft)
            if t.packed:
                align = 1
            offset = (offset + align - 1) // align * align + size
            max_align = max(max_align, align)
        return (offset + max_align - 1) // max_align * max_align, max_align
    raise TypeError(f"type {t} has no memory layout")


# ----- Objects (issue 11) ------------------------------------------------------
#
# Everything below lives on the heap and is handled through a reference
# with a reference count: class instances, the containers, run-time str
# values and function values.  The checker knows all of them; until the
# typed IR lowers them, a program that uses one stops after the check stage
# (see check/objects.py).  `str` keeps its one type: a literal is constant
# data and a string built at run time is an object, but both are `str` to
# the program, as in CPython; the checker marks the expressions that build
# one (`check.objects.Objects.heap_use`).


class _Top(_Simple):
    """`object`: every value is one.  It has no attributes but `==`, and
    `isinstance` narrows it (the parameter of `__eq__` has this type)."""


OBJECT = _Top("object")


@dataclass(eq=False)
class ClassType(Type):
    """A plain class (or @dataclass).  `fields` gives every instance
    attribute, inherited ones first, each class's in the order it declares
    them (class body, then `__init__`); `vtable` the
    names of its overridable methods in slot order: the base's slots first,
    then each new method in the order it is declared, so a method keeps its
    slot in every subclass and dispatch is one indexed load."""

    name: str
    qualname: str
    base: ClassType | None = None
    own_fields: dict[str, Type] = field(default_factory=dict)
    methods: dict[str, object] = field(default_factory=dict)  # name -> FuncSym
    vtable: list[str] = field(default_factory=list)
    constants: dict[str, object] = field(default_factory=dict)  # name -> ConstSym
    properties: set[str] = field(default_factory=set)
    setters: dict[str, object] = field(default_factory=dict)  # property -> FuncSym
    staticmethods: set[str] = field(default_factory=set)
    dataclass: bool = False
    frozen: bool = False
    order: bool = False
    eq: bool = True
    # Fields with a default value (dataclasses: the generated __init__'s defaults).
    defaults: dict[str, object] = field(default_factory=dict)
    # Dataclass fields declared `field(init=False)`: not parameters of the
    # generated __init__, which sets them from their default.
    no_init: set[str] = field(default_factory=set)

    def __str__(self) -> str:
        return self.name

    __hash__ = object.__hash__

    @property
    def fields(self) -> dict[str, Type]:
        """Every field, the base's first: the layout order."""
        inherited = self.base.fields if self.base is not None else {}
        return {**inherited, **self.own_fields}

    def all_no_init(self) -> set[str]:
        """The dataclass fields the generated __init__ does not take: those
        whose nearest declaration says `field(init=False)`."""
        out: set[str] = set()
        seen: set[str] = set()
        for c in self.mro():
            out |= {f for f in c.own_fields if f in c.no_init and f not in seen}
            seen |= set(c.own_fields)
        return out

    def mro(self) -> list[ClassType]:
        out: list[ClassType] = []
        c: ClassType | None = self
        while c is not None:
            out.append(c)
            c = c.base
        return out

    def is_subclass(self, other: ClassType) -> bool:
        return other in self.mro()

    def find_method(self, name: str) -> object | None:
        for c in self.mro():
            if name in c.methods:
                return c.methods[name]
        return None

    def find_constant(self, name: str) -> object | None:
        for c in self.mro():
            if name in c.constants:
                return c.constants[name]
        return None


@dataclass(frozen=True, eq=True)
class ListType(Type):
    element: Type

    def __str__(self) -> str:
        return f"list[{self.element}]"


@dataclass(frozen=True, eq=True)
class BytearrayType(ListType):
    """`bytearray`: a list whose items are `int` to the program but are
    stored one byte each (its TypeInfo is KIND_BYTEARRAY with ITEM_U8:
    docs/objects.md, "bytearray").  Every list rule that holds for a
    `list[int]` holds for it, so it is one; where CPython differs (a
    stored value must be a byte, its text is `bytearray(b'...')`), the
    checker and the builder test for this class first."""

    def __str__(self) -> str:
        return "bytearray"


BYTEARRAY = BytearrayType(I64)


@dataclass(frozen=True, eq=True)
class SetType(Type):
    element: Type
    # A frozenset (issue 11): immutable and hashable, with the same layout
    # and runtime functions as a set (docs/objects.md, "frozenset").
    frozen: bool = False

    def __str__(self) -> str:
        return f"{'frozenset' if self.frozen else 'set'}[{self.element}]"


@dataclass(frozen=True, eq=True)
class DictType(Type):
    key: Type
    value: Type

    def __str__(self) -> str:
        return f"dict[{self.key}, {self.value}]"


@dataclass(frozen=True, eq=True)
class TupleType(Type):
    elements: tuple[Type, ...]

    def __str__(self) -> str:
        if not self.elements:
            return "tuple[()]"
        return f"tuple[{', '.join(map(str, self.elements))}]"


@dataclass(frozen=True, eq=True)
class VarTupleType(Type):
    """`tuple[T, ...]`: a tuple of any length whose items are all of type
    T (mypy's meaning).  At run time it is a tuple like any other; its
    TypeInfo names one item kind for every slot (rt/obj/tuple.py)."""

    element: Type

    def __str__(self) -> str:
        return f"tuple[{self.element}, ...]"


@dataclass(frozen=True, eq=True)
class OptionalType(Type):
    """`T | None`.  Only `is None`, `is not None`, truth and `isinstance`
    look inside; everything else needs the value narrowed to `T` first."""

    inner: Type

    def __str__(self) -> str:
        return f"{self.inner} | None"


@dataclass(frozen=True, eq=True)
class CallableType(Type):
    """A function value: a top-level function, a bound method, a lambda or
    a nested function (a closure)."""

    params: tuple[Type, ...]
    result: Type

    def __str__(self) -> str:
        return f"Callable[[{', '.join(map(str, self.params))}], {self.result}]"


@dataclass(frozen=True, eq=True)
class IteratorType(Type):
    """What `enumerate`, `zip`, `reversed`, `d.items()` and a class's
    `__iter__` give: something a `for` loop or `list()` consumes once.
    `name` says which, for messages and the dump."""

    element: Type
    name: str = "Iterator"

    def __str__(self) -> str:
        return f"{self.name}[{self.element}]"


@dataclass(frozen=True, eq=True)
class GeneratorType(IteratorType):
    """`Generator[Y, S, R]` (issue 12): an iterator of Y made by a generator
    function or a generator expression, which `send` takes S into and whose
    `return` ends it with R.  A generator function declared `Iterator[Y]`
    or `Iterable[Y]` makes a `Generator[Y, None, None]`."""

    send: Type = None  # type: ignore[assignment]
    result: Type = None  # type: ignore[assignment]

    def __str__(self) -> str:
        return f"Generator[{self.element}, {self.send}, {self.result}]"


@dataclass(frozen=True, eq=True)
class CoroutineType(GeneratorType):
    """`Coroutine[Any, Any, R]` (issue 12): what calling an `async def f()
    -> R` makes, and `Awaitable[R]` (`name` says which).  It is a
    generator frame with another type, as in CPython; but it is not an
    iterator, and what it yields and is sent is always None in Pythos (the
    futures it awaits yield None: docs/language.md, "Coroutines").  So
    only R matters, and `element` and `send` stay None."""

    def __str__(self) -> str:
        if self.name == "Awaitable":
            return f"Awaitable[{self.result}]"
        return f"Coroutine[Any, Any, {self.result}]"


@dataclass(frozen=True, eq=True)
class AsyncGeneratorType(GeneratorType):
    """`AsyncGenerator[Y, S]` (issue 12, PEP 525): what calling an `async
    def` with `yield` makes; `AsyncIterator[Y]` and `AsyncIterable[Y]`
    mean `AsyncGenerator[Y, None]` (`name` says which was written).  It is
    a generator frame whose resume function tells a `yield` (an item for
    `async for`) from an `await` (a suspension that goes on out to the
    driver): ir/build/asyncgen.py.  It is not an iterator, and it has no
    `return` value (`result` stays None)."""

    def __str__(self) -> str:
        if self.name == "AsyncGenerator":
            return f"AsyncGenerator[{self.element}, {self.send}]"
        return f"{self.name}[{self.element}]"


@dataclass(frozen=True, eq=True)
class AsyncStepType(CoroutineType):
    """What `agen.__anext__()`, `agen.asend(v)`, `agen.athrow(e)` and
    `agen.aclose()` give: an awaitable whose result is R (the next item, or
    None for aclose).  Pythos makes no object for it: such a call stands
    only as the operand of `await`, which drives the generator's frame
    itself (ir/build/asyncgen.py).  `name` is the method."""

    def __str__(self) -> str:
        return f"Awaitable[{self.result}]"


# The types whose values live on the heap, behind a reference count.
OBJECT_TYPES = (ClassType, ListType, SetType, DictType, TupleType, VarTupleType, CallableType,
                IteratorType)


def is_object(t: Type | None) -> bool:
    """A value of this type is a reference to a heap object (or may be None)."""
    if isinstance(t, OptionalType):
        return True  # even `int | None` needs a representation with room for None
    return isinstance(t, OBJECT_TYPES) or t is OBJECT


def as_object(t: Type) -> bool:
    """May a value of type `t` be an `object`: an object, a str, None, an
    integer or a bool (boxed) or a bytes value (as its bytes object);
    not a struct, an array or a pointer, which are no objects and have
    no header (docs/objects.md, "object values")."""
    return is_object(t) or isinstance(t, IntType) or t in (STR, BYTES, BOOL, NONE_VALUE)


def assignable(value: Type, target: Type) -> bool:
    """May a value of type `value` be stored where `target` is declared?
    As in mypy: a subclass instance where its base is wanted, `T` or None
    where `T | None` is, anything where `object` is, and containers only
    with exactly their own element types (a `list[Derived]` is not a
    `list[Base]`: storing a Base into it through the other name would
    break it).  Tuples are immutable, so they are covariant; callables are
    contravariant in their parameters and covariant in their result."""
    if value == target:
        return True
    if target is OBJECT:
        return as_object(value)
    if target is BUFFER:
        return value is BYTES or isinstance(value, BytearrayType)
    if isinstance(target, OptionalType):
        return value is NONE_VALUE or assignable(value, target.inner) or (
            isinstance(value, OptionalType) and assignable(value.inner, target.inner))
    if isinstance(value, ClassType) and isinstance(target, ClassType):
        return value.is_subclass(target)
    if isinstance(value, TupleType) and isinstance(target, TupleType):
        return len(value.elements) == len(target.elements) and all(
            within(a, b) for a, b in zip(value.elements, target.elements, strict=True))
    if isinstance(target, VarTupleType):
        # A fixed tuple where a `tuple[T, ...]` is wanted is converted (each
        # item to T, ir/build/tuples.py), so its items need only be T's.
        if isinstance(value, TupleType):
            return all(assignable(e, target.element) for e in value.elements)
        return isinstance(value, VarTupleType) and within(value.element, target.element)
    if isinstance(value, CallableType) and isinstance(target, CallableType):
        return len(value.params) == len(target.params) and all(
            within(b, a) for a, b in zip(value.params, target.params, strict=True)) and (
            target.result is NONE or within(value.result, target.result))
    if isinstance(target, AsyncGeneratorType) or isinstance(value, AsyncGeneratorType):
        # An asynchronous generator is iterated only by `async for`.
        return isinstance(value, AsyncGeneratorType) and isinstance(
            target, AsyncGeneratorType) and value.element == target.element and (
            target.name != "AsyncGenerator" or value.send == target.send)
    if isinstance(target, CoroutineType) or isinstance(value, CoroutineType):
        # A coroutine is awaited for its result (covariant), never iterated.
        return isinstance(value, CoroutineType) and isinstance(target, CoroutineType) \
            and assignable(value.result, target.result)
    if isinstance(target, GeneratorType):
        # Only a generator has send(); its types must match exactly.
        return isinstance(value, GeneratorType) and value.element == target.element \
            and value.send == target.send and value.result == target.result
    if isinstance(value, IteratorType) and isinstance(target, IteratorType):
        # An `Iterable[T]` may hold a container, which is no iterator.
        return within(value.element, target.element) and (
            value.name != "Iterable" or target.name == "Iterable")
    if isinstance(target, IteratorType) and target.name == "Iterable":
        # A container where an `Iterable[T]` is wanted is passed as it is;
        # each loop over it makes an iterator (rt/obj/iterator.py, iter_any).
        element = container_element(value)
        return element is not None and within(element, target.element)
    return False


def container_element(t: Type) -> Type | None:
    """What iterating a built-in container of type `t` gives, or None if
    `t` is not one that may stand for an `Iterable[T]`."""
    if isinstance(t, ListType) and not isinstance(t, BytearrayType):
        return t.element
    if isinstance(t, (SetType, VarTupleType)):
        return t.element
    if isinstance(t, TupleType) and t.elements and len(set(t.elements)) == 1:
        return t.elements[0]
    if isinstance(t, DictType):
        return t.key
    if t is STR:
        return STR
    return None


def within(value: Type, target: Type) -> bool:
    """`assignable` for a part of a type (a tuple's item, a callable's
    parameter or result, an iterator's item), which is not converted
    where the whole is assigned: an integer, a bool or a bytes value is
    an `object` only once converted (boxed), so there it is not one."""
    if target is OBJECT and (isinstance(value, IntType) or value in (BOOL, BYTES)):
        return False
    return assignable(value, target)


class _NoneValue(_Simple):
    """The type of the expression `None`, before a context (an Optional
    variable, parameter or result) gives it one."""


NONE_VALUE = _NoneValue("None")


def optional(t: Type) -> Type:
    return t if isinstance(t, OptionalType) else OptionalType(t)


def strip_optional(t: Type) -> Type:
    return t.inner if isinstance(t, OptionalType) else t


def join_types(a: Type, b: Type) -> Type | None:
    """The narrowest type both a and b are assignable to, or None if there
    is none that the language names (mypy's join, restricted to what
    Pythos has: a common base class, Optional)."""
    if assignable(a, b):
        return b
    if assignable(b, a):
        return a
    if a is NONE_VALUE:
        return optional(b)
    if b is NONE_VALUE:
        return optional(a)
    if isinstance(a, OptionalType) or isinstance(b, OptionalType):
        inner = join_types(strip_optional(a), strip_optional(b))
        return optional(inner) if inner is not None else None
    if isinstance(a, ClassType) and isinstance(b, ClassType):
        for c in a.mro():
            if b.is_subclass(c):
                return c
    return None


def unhashable_reason(t: Type) -> str | None:
    """Why values of `t` cannot be dict keys or set elements (CPython
    raises TypeError: unhashable type), or None if they can."""
    if isinstance(t, SetType) and t.frozen:
        return unhashable_reason(t.element)
    if isinstance(t, (ListType, DictType, SetType)):
        return f"{t} is mutable, so it has no hash"
    if isinstance(t, VarTupleType):
        return unhashable_reason(t.element)
    if isinstance(t, TupleType):
        for e in t.elements:
            why = unhashable_reason(e)
            if why is not None:
                return why
    if isinstance(t, OptionalType):
        return unhashable_reason(t.inner)
    if isinstance(t, ClassType):
        for c in t.mro():
            if "__hash__" in c.methods:
                return None
            if "__eq__" in c.methods:
                return (f"class {c.name} defines __eq__ without __hash__, so Python sets "
                        f"its __hash__ to None")
            if c.dataclass and c.eq and not c.frozen:
                return (f"dataclass {c.name} is not frozen, so its generated __eq__ "
                        f"leaves it without a hash (use @dataclass(frozen=True))")
    return None
