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
    name: str
    bits: int
    signed: bool

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

INTS: dict[str, IntType] = {
    name: IntType(name, bits, signed)
    for name, bits, signed in [
        ("u8", 8, False), ("u16", 16, False), ("u32", 32, False), ("u64", 64, False),
        ("i8", 8, True), ("i16", 16, True), ("i32", 32, True), ("i64", 64, True),
    ]
}
I64 = INTS["i64"]
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
    if t in (STR, BYTES):
        return 16, 8
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
