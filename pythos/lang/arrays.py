"""`Array[T, N]`: fixed-size arrays stored inline, backed by ctypes arrays.

`Array[T, N]` is a cached subclass of `Array` (so `Array[u8, 4] is
Array[u8, 4]`), whose `_ctype` is a ctypes array type of N elements.  An
instance wraps one ctypes array object in `_c`: either an OWNED one, created
by calling the class and registered as program memory, or a VIEW into other
storage (a struct field, an element of an outer array, memory behind a
`Ptr`).  Views share bytes with their storage, which is how aliasing works:
`a[2].x = 1` on an array of structs writes into `a`, and a view's ctypes
object keeps the storage alive.

Elements that are integers, bools or pointers are converted on every read
and checked on every write; elements that are arrays or structs are read as
views and written by copying bytes, as the language specifies.
"""

from __future__ import annotations

import ctypes
import operator
from collections.abc import Iterable, Iterator
from typing import Any, ClassVar

from pythos.lang.memory import codec_of, copy_into, normalize_type, register, type_name

__all__ = ["Array"]

# How many elements a repr shows before eliding the rest, so printing a
# megabyte "memory" array by accident stays readable.
_REPR_LIMIT = 16


class Array:
    """`Array[T, N]()` is N zeroed elements of type T, stored inline."""

    __slots__ = ("_c",)

    __pythos_aggregate__ = True
    __pythos_array__ = True
    _element: Any = None
    _length: int = 0
    _ctype: Any = None
    _codec: Any = None
    _classes: ClassVar[dict[tuple[Any, int], type[Array]]] = {}

    def __class_getitem__(cls, key: Any) -> type[Array]:
        if cls is not Array:
            raise TypeError(f"{cls.__name__} is already an array type")
        if not isinstance(key, tuple) or len(key) != 2:
            raise TypeError("write Array[T, N] with an element type T and a length N")
        element, length = key
        element = normalize_type(element)
        if type(length) is bool or not isinstance(length, int) or length <= 0:
            raise TypeError(f"the length of an Array must be a positive integer, not {length!r}")
        length = int(length)
        klass = Array._classes.get((element, length))
        if klass is None:
            klass = _make_array_class(element, length)
            Array._classes[(element, length)] = klass
        return klass

    def __init__(self, values: Iterable[Any] | None = None) -> None:
        kind = type(self)
        if kind._ctype is None:
            raise TypeError("write Array[T, N]() with an element type and a length")
        self._c = kind._ctype()
        register(self._c)
        if values is not None:
            # Fewer values than N leave the remaining elements zero, like
            # struct construction; more is an error rather than a truncation.
            for index, value in enumerate(values):
                if index >= kind._length:
                    raise TypeError(f"too many initial values for {kind.__name__}")
                self[index] = value

    @classmethod
    def _view(cls, cobj: Any) -> Array:
        """An instance over existing ctypes storage (not registered)."""
        array = object.__new__(cls)
        array._c = cobj
        return array

    def _index(self, index: Any) -> int:
        if type(index) is bool:
            raise TypeError("an array index must be an integer, not bool")
        try:
            position = operator.index(index)
        except TypeError:
            raise TypeError(
                f"an array index must be an integer, not {type(index).__name__}"
            ) from None
        length = self._length
        if position < 0:
            position += length
        if not 0 <= position < length:
            raise IndexError(f"index {index} out of range for {type(self).__name__}")
        return position

    def __getitem__(self, index: Any) -> Any:
        # A plain in-range int (a `range` loop variable) skips the general
        # index normalisation, which dominates the cost of small accesses.
        if type(index) is not int or not 0 <= index < self._length:
            index = self._index(index)
        return self._codec.load(self._c[index])

    def __setitem__(self, index: Any, value: Any) -> None:
        position = index
        if type(index) is not int or not 0 <= index < self._length:
            position = self._index(index)
        codec = self._codec
        if codec.aggregate:
            copy_into(ctypes.addressof(self._c) + position * codec.size, value, codec)
        else:
            self._c[position] = codec.store(value)

    def __len__(self) -> int:
        return self._length

    def __iter__(self) -> Iterator[Any]:
        load = self._codec.load
        for raw in self._c:
            yield load(raw)

    def __repr__(self) -> str:
        shown = [repr(self[i]) for i in range(min(self._length, _REPR_LIMIT))]
        if self._length > _REPR_LIMIT:
            shown.append("...")
        return f"{type(self).__name__}([{', '.join(shown)}])"


def _make_array_class(element: Any, length: int) -> type[Array]:
    """Build the `Array[element, length]` class and its ctypes array type."""
    codec = codec_of(element)
    name = f"Array[{type_name(element)}, {length}]"
    # Subclassing ctypes.Array in Python (rather than `ctype * n`) gives the
    # storage objects weak-reference support, which the memory registry needs.
    ctype = type(ctypes.Array)(  # type: ignore[misc]
        f"c_{name}", (ctypes.Array,), {"_type_": codec.ctype, "_length_": length}
    )
    return type(
        name,
        (Array,),
        {
            "__slots__": (),
            "__module__": "pythos.lang",
            "_element": element,
            "_length": length,
            "_ctype": ctype,
            "_codec": codec,
        },
    )
