"""Simulated memory for Pythos programs under CPython: storage, codecs, `Ptr`.

Arrays and structs are backed by ctypes objects.  Every ctypes buffer that an
array or struct OWNS is registered here with its address range and a weak
reference, so that a `Ptr` may point anywhere inside storage the program
owns and every load or store can first check that the bytes it touches lie
inside one live buffer.  Anything else raises `MemoryError` instead of
letting ctypes read or write arbitrary process memory and crash CPython.

A "codec" describes how one Pythos type lives in memory: its ctypes type, its
size, and how to turn the raw value ctypes gives back into a Pythos value
(and back again for stores).  Scalars (integers, `bool`, `Ptr`) go through
`load`/`store`; aggregates (arrays and structs) are never converted: reading
one gives a view that aliases the memory and storing one copies its bytes.
Aggregate classes provide `_ctype` and `_view(cobj)` and are recognised by
their `__pythos_aggregate__` marker, which keeps this module independent of
the array and struct modules that build on it.
"""

from __future__ import annotations

import bisect
import ctypes
import weakref
from collections.abc import Callable
from typing import Any, ClassVar

from pythos.lang.ints import PythosInt, i64, u64

__all__ = ["Ptr", "addr_of", "codec_of", "normalize_type", "sizeof", "type_name"]

_ADDRESS_MASK = (1 << 64) - 1

# Registered buffers: a sorted list of start addresses for bisection, and for
# each start the end address and a weak reference to the owning ctypes object.
_starts: list[int] = []
_entries: dict[int, tuple[int, weakref.ref]] = {}


class _StorageRef(weakref.ref):
    """A weak reference to an owned buffer that remembers its start address."""

    __slots__ = ("start",)
    start: int


def register(cobj: Any) -> None:
    """Record an owned ctypes buffer as memory the program may access."""
    start = ctypes.addressof(cobj)
    ref = _StorageRef(cobj, _forget)
    ref.start = start
    if start not in _entries:
        bisect.insort(_starts, start)
    _entries[start] = (start + ctypes.sizeof(cobj), ref)


def _forget(
    ref: _StorageRef,
    entries: dict[int, tuple[int, weakref.ref]] = _entries,
    starts: list[int] = _starts,
    bisect_left: Callable[[list[int], int], int] = bisect.bisect_left,
) -> None:
    """Drop the entry of a buffer that has just been freed.

    The registry and the search function are bound as defaults so this still
    works while the interpreter shuts down and clears module globals.  Only
    the entry made with this very reference is removed: a newer buffer may
    already be registered at a reused address.
    """
    start = ref.start
    entry = entries.get(start)
    if entry is not None and entry[1] is ref:
        del entries[start]
        index = bisect_left(starts, start)
        if index < len(starts) and starts[index] == start:
            del starts[index]


def find_owner(addr: int, size: int) -> tuple[Any, int]:
    """The live buffer holding [addr, addr + size) and the offset of addr in it.

    Raises MemoryError when no single registered buffer holds all the bytes.
    """
    index = bisect.bisect_right(_starts, addr) - 1
    if index >= 0:
        start = _starts[index]
        end, ref = _entries[start]
        if addr + size <= end:
            owner = ref()
            if owner is not None:
                return owner, addr - start
    raise MemoryError(f"access to address {addr:#x} outside memory the program owns")


def normalize_type(kind: Any) -> Any:
    """Map `int` to `i64`, as the language defines, and leave others alone."""
    return i64 if kind is int else kind


def type_name(kind: Any) -> str:
    """The Pythos spelling of a type, used in class names and messages."""
    kind = normalize_type(kind)
    if kind is bool:
        return "bool"
    return getattr(kind, "__name__", repr(kind))


class Codec:
    """How values of one Pythos type are loaded from and stored to memory."""

    __slots__ = ("aggregate", "ctype", "kind", "load", "size", "store")

    def __init__(
        self,
        kind: Any,
        ctype: Any,
        aggregate: bool,
        load: Callable[[Any], Any],
        store: Callable[[Any], Any],
    ) -> None:
        self.kind = kind
        self.ctype = ctype
        self.size = ctypes.sizeof(ctype)
        self.aggregate = aggregate
        # For scalars `load` converts a raw ctypes value and `store` checks and
        # converts a Pythos value; for aggregates `load` makes a view of a
        # ctypes object and `store` checks the value's type.
        self.load = load
        self.store = store


def _store_bool(value: Any) -> bool:
    if type(value) is not bool:
        raise TypeError(f"cannot store a {type(value).__name__} value as bool")
    return value


def _aggregate_checker(kind: Any) -> Callable[[Any], Any]:
    def check(value: Any) -> Any:
        if type(value) is not kind:
            raise TypeError(f"cannot store a {type_name(type(value))} value as {type_name(kind)}")
        return value

    return check


_codecs: dict[Any, Codec] = {}


def is_pythos_type(kind: Any) -> bool:
    """True for the types that may be stored in memory (fields, elements)."""
    kind = normalize_type(kind)
    if kind is bool:
        return True
    if not isinstance(kind, type):
        return False
    if kind is PythosInt or kind is Ptr:
        return False
    return issubclass(kind, (PythosInt, Ptr)) or getattr(kind, "__pythos_aggregate__", False)


def codec_of(kind: Any) -> Codec:
    """The (cached) codec of a Pythos type; TypeError for anything else."""
    kind = normalize_type(kind)
    codec = _codecs.get(kind)
    if codec is not None:
        return codec
    if not is_pythos_type(kind):
        raise TypeError(f"{kind!r} is not a Pythos type that can live in memory")
    if kind is bool:
        codec = Codec(bool, ctypes.c_bool, False, bool, _store_bool)
    elif issubclass(kind, PythosInt):
        new = int.__new__
        codec = Codec(kind, kind.CTYPE, False, lambda raw: new(kind, raw), kind.coerce)
    elif issubclass(kind, Ptr):
        codec = Codec(kind, ctypes.c_uint64, False, kind._from_addr, kind._address_of)
    else:
        codec = Codec(kind, kind._ctype, True, kind._view, _aggregate_checker(kind))
    _codecs[kind] = codec
    return codec


def sizeof(kind: Any) -> Any:
    """The size in bytes of a Pythos type, as `u64`."""
    return u64(codec_of(kind).size)


def copy_into(address: int, value: Any, codec: Codec) -> None:
    """Copy an aggregate's bytes to `address` (memmove: overlap is allowed)."""
    codec.store(value)
    ctypes.memmove(address, ctypes.addressof(value._c), codec.size)


def load_at(address: int, codec: Codec) -> Any:
    """Read a value of the codec's type at a checked address."""
    owner, offset = find_owner(address, codec.size)
    if codec.aggregate:
        # `from_buffer` makes the view keep the owning buffer alive.
        return codec.load(codec.ctype.from_buffer(owner, offset))
    return codec.load(codec.ctype.from_address(address).value)


def store_at(address: int, value: Any, codec: Codec) -> None:
    """Write a value of the codec's type at a checked address."""
    find_owner(address, codec.size)
    if codec.aggregate:
        copy_into(address, value, codec)
    else:
        codec.ctype.from_address(address).value = codec.store(value)


def _offset(count: Any) -> int:
    if type(count) is bool or not isinstance(count, int):
        raise TypeError(f"a pointer offset must be an integer, not {type(count).__name__}")
    return int(count)


class Ptr:
    """An address of a `T`: `Ptr[T](addr)`.

    `Ptr[T]` is a cached subclass that records the target type; the codec of
    the target is looked up on first use, so a struct may hold a pointer to
    its own type while it is still being defined.
    """

    __slots__ = ("_addr",)

    _target: Any = None
    _target_codec: Codec | None = None
    _classes: ClassVar[dict[Any, type[Ptr]]] = {}

    def __class_getitem__(cls, target: Any) -> type[Ptr]:
        if cls is not Ptr:
            raise TypeError(f"{cls.__name__} is already a pointer type")
        target = normalize_type(target)
        klass = Ptr._classes.get(target)
        if klass is None:
            if not (isinstance(target, type) and (is_pythos_type(target)
                                                  or hasattr(target, "__pythos_struct__"))):
                raise TypeError(f"Ptr[{target!r}]: the target must be a Pythos type")
            name = f"Ptr[{type_name(target)}]"
            klass = type(name, (Ptr,), {"__slots__": (), "_target": target,
                                         "__module__": "pythos.lang"})
            Ptr._classes[target] = klass
        return klass

    def __init__(self, addr: Any) -> None:
        if type(self)._target is None:
            raise TypeError("write Ptr[T](addr) with a target type T")
        if isinstance(addr, Ptr):
            raise TypeError(f"to convert a pointer write {type(self).__name__}(p.addr)")
        if type(addr) is bool or not isinstance(addr, int):
            raise TypeError(f"a pointer address must be an integer, not {type(addr).__name__}")
        self._addr = int(addr) & _ADDRESS_MASK

    @classmethod
    def _from_addr(cls, addr: int) -> Ptr:
        pointer = object.__new__(cls)
        pointer._addr = addr
        return pointer

    @classmethod
    def _address_of(cls, value: Any) -> int:
        """Check a pointer being stored in a `Ptr[T]` location; give its address."""
        if type(value) is not cls:
            raise TypeError(f"cannot store a {type_name(type(value))} value as {cls.__name__}")
        return value._addr

    @classmethod
    def _codec(cls) -> Codec:
        codec = cls._target_codec
        if codec is None:
            codec = cls._target_codec = codec_of(cls._target)
        return codec

    @property
    def addr(self) -> Any:
        return u64(self._addr)

    def _element(self, index: Any) -> tuple[int, Codec]:
        codec = self._codec()
        return (self._addr + _offset(index) * codec.size) & _ADDRESS_MASK, codec

    def __getitem__(self, index: Any) -> Any:
        return load_at(*self._element(index))

    def __setitem__(self, index: Any, value: Any) -> None:
        address, codec = self._element(index)
        store_at(address, value, codec)

    def load(self) -> Any:
        return load_at(self._addr, self._codec())

    def store(self, value: Any) -> None:
        store_at(self._addr, value, self._codec())

    # Under CPython every access already goes straight to memory, so the
    # volatile forms are the plain ones; the compiler marks them volatile.
    volatile_load = load
    volatile_store = store

    def __add__(self, count: Any) -> Ptr:
        if isinstance(count, Ptr):
            raise TypeError("cannot add two pointers")
        return self._from_addr(self._element(count)[0])

    def __sub__(self, count: Any) -> Ptr:
        if isinstance(count, Ptr):
            raise TypeError("pointer difference is not supported; subtract the .addr values")
        return self._from_addr(self._element(-_offset(count))[0])

    def __eq__(self, other: object) -> bool:
        if type(other) is type(self):
            return self._addr == other._addr  # type: ignore[attr-defined]
        if isinstance(other, (Ptr, int)):
            raise TypeError(
                f"cannot compare {type(self).__name__} with {type_name(type(other))}; "
                "compare the .addr values"
            )
        return NotImplemented

    def __ne__(self, other: object) -> bool:
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    def __hash__(self) -> int:
        return hash(self._addr)

    def __bool__(self) -> bool:
        return self._addr != 0

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._addr:#x})"


def addr_of(value: Any) -> Ptr:
    """A pointer to an array's first element, or to a struct.

    Under CPython only arrays and structs (including array elements and
    struct fields that are themselves arrays or structs) have an address.
    """
    kind = type(value)
    if getattr(kind, "__pythos_array__", False):
        return Ptr[kind._element]._from_addr(  # type: ignore[misc]
            ctypes.addressof(value._c)
        )
    if getattr(kind, "__pythos_struct__", False) and "_c" in getattr(value, "__dict__", ()):
        return Ptr[kind]._from_addr(ctypes.addressof(value._c))  # type: ignore[misc]
    raise TypeError(
        f"addr_of() of a {type_name(kind)} value: under CPython addr_of needs an array or a "
        "struct (or an element or field that is one); scalar variables, fields and "
        "elements have no address on the host"
    )
