"""Fixed-width integer types for running Pythos programs under CPython.

Each of `u8 u16 u32 u64 i8 i16 i32 i64` is a subclass of `int` whose value is
always inside the type's range.  Arithmetic wraps at the width, as the
compiled code does on hardware, and the result keeps the Pythos type.  An
operand must be the same Pythos type or a plain Python `int` (which stands
for a literal, whose type the compiler takes from context); any other
integer type, including `bool`, raises `TypeError`, because the compiler
rejects mixed-type arithmetic.  Shift counts are the exception: they may be
of any integer type.

The classes are declared with ordinary `class` statements (so that type
checkers and readers see real classes) and then completed by
`_install_operators`, which bakes the width, mask and bounds into closures
so that each operator costs a couple of C calls rather than several
attribute and dictionary lookups.  `str`, `repr` and `format`
are deliberately not overridden: the values must print exactly as `int`
does, so that CPython and compiled output are identical.

Known gaps, all in programs the compiler rejects anyway: with a `bool` or a
`float` on the LEFT of an operator (`True + x`, `1.5 * x`) CPython asks that
operand's type first, so the result is a plain `int` or a `float` instead of
an error.  With such an operand on the right, the Pythos type raises.
Under CPython `int` stays Python's unbounded int (the language's `int` is
`i64` when compiled), and `range()` yields plain ints.
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

# A special method made by one of the factories below: (self, other) -> result.
Method = Callable[[Any, Any], Any]

if TYPE_CHECKING:
    from typing import Self, SupportsIndex

__all__ = [
    "INT_CLASSES",
    "INT_TYPES",
    "PythosInt",
    "i8",
    "i16",
    "i32",
    "i64",
    "u8",
    "u16",
    "u32",
    "u64",
]


class PythosInt(int):
    """The common base of the eight fixed-width integer types.

    It exists so that `isinstance(x, PythosInt)` recognises any of them; the
    concrete classes carry the width in the class attributes below.
    """

    __slots__ = ()

    BITS: int = 0
    SIGNED: bool = False
    MIN: int = 0
    MAX: int = 0
    MASK: int = 0
    CTYPE: Any = None

    # `coerce(value)` converts a value being stored into a location of this
    # type: same type passes, a plain int wraps, anything else is an error.
    coerce: Callable[[Any], Any]

    if TYPE_CHECKING:
        # What `_install_operators` provides, spelled out for type checkers
        # (mypy): arithmetic keeps the operand's own type, so `u8 + u8` and
        # `u8 + 1` are `u8`.  Nothing here exists at run time.
        def __new__(cls, value: SupportsIndex = 0) -> Self: ...
        def __add__(self, other: Self | int) -> Self: ...
        def __radd__(self, other: Self | int) -> Self: ...
        def __sub__(self, other: Self | int) -> Self: ...
        def __rsub__(self, other: Self | int) -> Self: ...
        def __mul__(self, other: Self | int) -> Self: ...
        def __rmul__(self, other: Self | int) -> Self: ...
        def __floordiv__(self, other: Self | int) -> Self: ...
        def __rfloordiv__(self, other: Self | int) -> Self: ...
        def __mod__(self, other: Self | int) -> Self: ...
        def __rmod__(self, other: Self | int) -> Self: ...
        def __divmod__(self, other: Self | int) -> tuple[Self, Self]: ...
        def __rdivmod__(self, other: Self | int) -> tuple[Self, Self]: ...
        def __pow__(self, other: Self | int, mod: None = None) -> Self: ...  # type: ignore[override]
        def __rpow__(self, other: Self | int, mod: None = None) -> Self: ...  # type: ignore[override]
        def __and__(self, other: Self | int) -> Self: ...
        def __rand__(self, other: Self | int) -> Self: ...
        def __or__(self, other: Self | int) -> Self: ...
        def __ror__(self, other: Self | int) -> Self: ...
        def __xor__(self, other: Self | int) -> Self: ...
        def __rxor__(self, other: Self | int) -> Self: ...
        # A shift count may be of any integer type.
        def __lshift__(self, other: int) -> Self: ...
        def __rlshift__(self, other: int) -> Self: ...
        def __rshift__(self, other: int) -> Self: ...
        def __rrshift__(self, other: int) -> Self: ...
        def __neg__(self) -> Self: ...
        def __pos__(self) -> Self: ...
        def __invert__(self) -> Self: ...
        def __abs__(self) -> Self: ...


def _type_name(value: object) -> str:
    """The name used in error messages for the type of `value`."""
    return type(value).__name__


def _mixed(left: object, right: object) -> TypeError:
    return TypeError(f"mixed integer types {_type_name(left)} and {_type_name(right)}")


def _install_operators(cls: type[PythosInt], bits: int, signed: bool, ctype: Any) -> None:
    """Complete one integer class, with its constants captured in closures."""
    name = cls.__name__
    mask = (1 << bits) - 1
    half = 1 << (bits - 1)
    modulus = 1 << bits
    new = int.__new__

    # The signed wrap adds half the range, masks, and subtracts it again,
    # which maps any integer to [-half, half) in one expression.
    if signed:

        def wrap(value: int) -> Any:
            return new(cls, ((value + half) & mask) - half)

    else:

        def wrap(value: int) -> Any:
            return new(cls, value & mask)

    def accepts(self: object, other: object) -> bool:
        """True for a plain int operand, raise for a foreign integer type.

        The fast path (same type or exactly `int`) is checked by the caller;
        this handles the rest, so `NotImplemented` is returned only for
        non-integers such as floats or strings.
        """
        if isinstance(other, (bool, PythosInt)):
            raise _mixed(self, other)
        return isinstance(other, int)

    def accepts_arithmetic(self: object, other: object) -> bool:
        # Floats would otherwise take over through their reflected methods and
        # silently produce a float; Pythos has none, so this is an error.
        if isinstance(other, (float, complex)):
            raise TypeError(f"{name} arithmetic with a {_type_name(other)} is not supported")
        return accepts(self, other)

    def binary(op: Callable[[int, int], int]) -> tuple[Method, Method]:
        def forward(self: Any, other: Any) -> Any:
            kind = type(other)
            if kind is not cls and kind is not int and not accepts_arithmetic(self, other):
                return NotImplemented
            return wrap(op(self, other))

        def reflected(self: Any, other: Any) -> Any:
            kind = type(other)
            if kind is not cls and kind is not int and not accepts_arithmetic(self, other):
                return NotImplemented
            return wrap(op(other, self))

        return forward, reflected

    def compare(op: Callable[[int, int], bool]) -> Method:
        def method(self: Any, other: Any) -> Any:
            kind = type(other)
            if kind is not cls and kind is not int and not accepts(self, other):
                return NotImplemented
            return op(self, other)

        return method

    def power(base: int, exponent: int) -> Any:
        if exponent < 0:
            raise ValueError("negative exponent is not supported for fixed-width integers")
        # Three-argument pow keeps the intermediate values small even for a
        # huge exponent; its result is in [0, modulus) and wrap reinterprets.
        return wrap(pow(int(base), int(exponent), modulus))

    def __pow__(self: Any, other: Any, mod: Any = None) -> Any:
        kind = type(other)
        if kind is not cls and kind is not int and not accepts_arithmetic(self, other):
            return NotImplemented
        if mod is not None:
            raise TypeError("pow() with a modulus is not supported for fixed-width integers")
        return power(self, other)

    def __rpow__(self: Any, other: Any, mod: Any = None) -> Any:
        kind = type(other)
        if kind is not cls and kind is not int and not accepts_arithmetic(self, other):
            return NotImplemented
        if mod is not None:
            raise TypeError("pow() with a modulus is not supported for fixed-width integers")
        return power(other, self)

    def shift_count(count: Any) -> int:
        if type(count) is bool:
            raise TypeError("a shift count must be an integer, not bool")
        if not isinstance(count, int):
            raise TypeError(f"a shift count must be an integer, not {_type_name(count)}")
        count = int(count)
        if count < 0:
            raise ValueError("negative shift count")
        # Clamping keeps `x << 10**9` from building an enormous int: any count
        # of at least the width shifts every bit out.
        clamped: int = min(bits, count)
        return clamped

    def left_shift(value: int, count: Any) -> Any:
        count = shift_count(count)
        return wrap(int(value) << count) if count < bits else new(cls, 0)

    def right_shift(value: int, count: Any) -> Any:
        # The stored value is already the mathematical (signed) value, so an
        # arithmetic shift by at most `bits` gives 0 or -1 at the extremes.
        return new(cls, int(value) >> shift_count(count))

    def __lshift__(self: Any, other: Any) -> Any:
        if not isinstance(other, int):
            return NotImplemented
        return left_shift(self, other)

    def __rlshift__(self: Any, other: Any) -> Any:
        # `1 << x` treats the literal 1 as having x's type, like the other ops.
        kind = type(other)
        if kind is not cls and kind is not int and not accepts(self, other):
            return NotImplemented
        return left_shift(other, self)

    def __rshift__(self: Any, other: Any) -> Any:
        if not isinstance(other, int):
            return NotImplemented
        return right_shift(self, other)

    def __rrshift__(self: Any, other: Any) -> Any:
        kind = type(other)
        if kind is not cls and kind is not int and not accepts(self, other):
            return NotImplemented
        return right_shift(wrap(other), self)

    def __truediv__(self: Any, other: Any) -> Any:
        raise TypeError("true division is not supported; use //")

    def __divmod__(self: Any, other: Any) -> Any:
        kind = type(other)
        if kind is not cls and kind is not int and not accepts_arithmetic(self, other):
            return NotImplemented
        quotient, remainder = divmod(int(self), int(other))
        return wrap(quotient), wrap(remainder)

    def __rdivmod__(self: Any, other: Any) -> Any:
        kind = type(other)
        if kind is not cls and kind is not int and not accepts_arithmetic(self, other):
            return NotImplemented
        quotient, remainder = divmod(int(other), int(self))
        return wrap(quotient), wrap(remainder)

    def __new__(klass: type, value: Any = 0) -> Any:
        if not isinstance(value, int):
            raise TypeError(f"{name}() needs an integer or bool, not {_type_name(value)}")
        return wrap(int(value))

    def coerce(value: Any) -> Any:
        """Convert a value stored into a `name` location (field, element...)."""
        kind = type(value)
        if kind is cls:
            return value
        if kind is int:
            return wrap(value)
        if isinstance(value, (bool, PythosInt)):
            raise TypeError(
                f"mixed integer types {name} and {_type_name(value)}: "
                f"convert with {name}(x) before storing"
            )
        if isinstance(value, int):
            return wrap(int(value))
        raise TypeError(f"cannot store a {_type_name(value)} value as {name}")

    namespace: dict[str, Any] = {
        "BITS": bits,
        "SIGNED": signed,
        "MIN": -half if signed else 0,
        "MAX": half - 1 if signed else mask,
        "MASK": mask,
        "CTYPE": ctype,
        "__new__": __new__,
        "coerce": staticmethod(coerce),
        "__pow__": __pow__,
        "__rpow__": __rpow__,
        "__lshift__": __lshift__,
        "__rlshift__": __rlshift__,
        "__rshift__": __rshift__,
        "__rrshift__": __rrshift__,
        "__truediv__": __truediv__,
        "__rtruediv__": __truediv__,
        "__divmod__": __divmod__,
        "__rdivmod__": __rdivmod__,
        "__neg__": lambda self: wrap(int.__neg__(self)),
        "__pos__": lambda self: self,
        "__invert__": lambda self: wrap(int.__invert__(self)),
        "__abs__": lambda self: wrap(int.__abs__(self)),
        "__hash__": int.__hash__,
    }
    # The int slot functions are applied to the raw values, so `//` and `%`
    # follow Python's floor rule on the mathematical values before wrapping;
    # the `operator` functions would dispatch back into these very methods.
    for op_name in ("add", "sub", "mul", "floordiv", "mod", "and", "or", "xor"):
        forward, reflected = binary(getattr(int, f"__{op_name}__"))
        namespace[f"__{op_name}__"] = forward
        namespace[f"__r{op_name}__"] = reflected
    for op_name in ("eq", "ne", "lt", "le", "gt", "ge"):
        namespace[f"__{op_name}__"] = compare(getattr(int, f"__{op_name}__"))

    for attribute, value in namespace.items():
        setattr(cls, attribute, value)


class u8(PythosInt):
    """Unsigned 8-bit integer that wraps."""

    __slots__ = ()


class u16(PythosInt):
    """Unsigned 16-bit integer that wraps."""

    __slots__ = ()


class u32(PythosInt):
    """Unsigned 32-bit integer that wraps."""

    __slots__ = ()


class u64(PythosInt):
    """Unsigned 64-bit integer that wraps."""

    __slots__ = ()


class i8(PythosInt):
    """Signed (two's complement) 8-bit integer that wraps."""

    __slots__ = ()


class i16(PythosInt):
    """Signed (two's complement) 16-bit integer that wraps."""

    __slots__ = ()


class i32(PythosInt):
    """Signed (two's complement) 32-bit integer that wraps."""

    __slots__ = ()


class i64(PythosInt):
    """Signed (two's complement) 64-bit integer that wraps."""

    __slots__ = ()


_install_operators(u8, 8, False, ctypes.c_uint8)
_install_operators(u16, 16, False, ctypes.c_uint16)
_install_operators(u32, 32, False, ctypes.c_uint32)
_install_operators(u64, 64, False, ctypes.c_uint64)
_install_operators(i8, 8, True, ctypes.c_int8)
_install_operators(i16, 16, True, ctypes.c_int16)
_install_operators(i32, 32, True, ctypes.c_int32)
_install_operators(i64, 64, True, ctypes.c_int64)

# The name -> (bits, signed) table is what the compiler and the tests use to
# agree on the integer types without importing the classes.
INT_TYPES: dict[str, tuple[int, bool]] = {
    "u8": (8, False),
    "u16": (16, False),
    "u32": (32, False),
    "u64": (64, False),
    "i8": (8, True),
    "i16": (16, True),
    "i32": (32, True),
    "i64": (64, True),
}

INT_CLASSES: dict[str, type[PythosInt]] = {
    "u8": u8,
    "u16": u16,
    "u32": u32,
    "u64": u64,
    "i8": i8,
    "i16": i16,
    "i32": i32,
    "i64": i64,
}
