"""`@struct` and `@struct(packed=True)`: records with C layout under CPython.

The decorator reads the class's field annotations (strings too, as written
under `from __future__ import annotations`), builds a `ctypes.Structure`
subclass with the same fields in the same order (`_pack_ = 1` when packed,
C alignment otherwise) and installs one descriptor per field on the class.
The class itself is modified in place and returned, so methods, `super()`
cells and `Ptr[Self]` annotations all keep referring to the same object.

An instance holds its ctypes storage in `_c`: OWNED storage made by calling
the class (registered as program memory), or a VIEW into other storage
(a field of an outer struct, an array element, memory behind a `Ptr`).
Reading an integer, bool or pointer field converts the raw value; reading a
struct or array field returns a view that aliases this instance's bytes;
writing a struct or array field copies the value's bytes, as the language
specifies.  Assigning an attribute that is not a field raises
`AttributeError`, since the compiled layout has nowhere to put it.
"""

from __future__ import annotations

import ctypes
import inspect
import re
import sys
import types
import typing
from collections.abc import Callable
from typing import Any

from pythos.lang.memory import Codec, Ptr, codec_of, copy_into, register

__all__ = ["struct"]

_POINTER_ANNOTATION = re.compile(r"^\s*Ptr\[(.+)\]\s*$", re.DOTALL)


class _ScalarField:
    """A field holding an integer, a bool or a pointer."""

    __slots__ = ("load", "name", "offset", "store")

    def __init__(self, name: str, codec: Codec | None) -> None:
        self.name = name
        self.offset = 0
        if codec is not None:
            self.load = codec.load
            self.store = codec.store

    def __get__(self, obj: Any, owner: Any = None) -> Any:
        if obj is None:
            return self
        return self.load(getattr(obj._c, self.name))

    def __set__(self, obj: Any, value: Any) -> None:
        setattr(obj._c, self.name, self.store(value))


class _LazyPointerField(_ScalarField):
    """A `Ptr[T]` field whose T was not defined yet when the struct was.

    Mutually recursive structs need this: while `A` is decorated, `B` in
    `next: Ptr[B]` does not exist.  The target is resolved on first use.
    """

    __slots__ = ("resolve",)

    def __init__(self, name: str, resolve: Callable[[], Any]) -> None:
        super().__init__(name, None)
        self.resolve = resolve
        self.load = self._first_load
        self.store = self._first_store

    def _resolved_codec(self) -> Codec:
        codec = codec_of(Ptr[self.resolve()])  # type: ignore[misc]
        self.load = codec.load
        self.store = codec.store
        return codec

    def _first_load(self, raw: Any) -> Any:
        return self._resolved_codec().load(raw)

    def _first_store(self, value: Any) -> Any:
        return self._resolved_codec().store(value)


class _AggregateField:
    """A field holding a struct or an array: read as a view, written by copy."""

    __slots__ = ("codec", "name", "offset")

    def __init__(self, name: str, codec: Codec) -> None:
        self.name = name
        self.offset = 0
        self.codec = codec

    def __get__(self, obj: Any, owner: Any = None) -> Any:
        if obj is None:
            return self
        return self.codec.load(getattr(obj._c, self.name))

    def __set__(self, obj: Any, value: Any) -> None:
        copy_into(ctypes.addressof(obj._c) + self.offset, value, self.codec)


def _namespaces(cls: type) -> tuple[dict[str, Any], dict[str, Any]]:
    """The globals and locals in which the class's string annotations resolve.

    The locals are those of the frame that executed the class statement, so
    structs defined inside a function (as tests do) can name each other.
    """
    module = sys.modules.get(cls.__module__)
    module_globals = vars(module) if module is not None else {}
    local_names: dict[str, Any] = {}
    frame: types.FrameType | None = sys._getframe(1)
    while frame is not None and frame.f_globals.get("__name__") == __name__:
        frame = frame.f_back
    if frame is not None and frame.f_locals is not frame.f_globals:
        local_names.update(frame.f_locals)
    local_names[cls.__name__] = cls
    return module_globals, local_names


def _is_class_constant(annotation: Any) -> bool:
    """`NAME: Final = value` in a struct body is a constant, not a field."""
    return annotation is typing.Final or typing.get_origin(annotation) in (
        typing.Final,
        typing.ClassVar,
    )


def _make_field(
    cls: type, name: str, annotation: Any, namespaces: tuple[dict, dict]
) -> tuple[Any, Any, Any]:
    """Resolve one annotation: (field type or None, ctypes type, descriptor)."""
    if isinstance(annotation, str):
        try:
            annotation = eval(annotation, *namespaces)
        except NameError:
            match = _POINTER_ANNOTATION.match(annotation)
            if match is None:
                raise
            expression = match.group(1)
            module_globals, local_names = namespaces

            def resolve() -> Any:
                # By the time a field is used, the module has finished
                # defining the target; look it up again in the live module.
                module = sys.modules.get(cls.__module__)
                live = vars(module) if module is not None else module_globals
                return eval(expression, live, local_names)

            return None, ctypes.c_uint64, _LazyPointerField(name, resolve)
    if _is_class_constant(annotation):
        return None, None, None
    try:
        codec = codec_of(annotation)
    except TypeError:
        raise TypeError(
            f"field {cls.__name__}.{name} has type {annotation!r}, which is not an integer "
            "type, bool, Ptr[T], Array[T, N] or a struct"
        ) from None
    field: Any = _AggregateField(name, codec) if codec.aggregate else _ScalarField(name, codec)
    return codec.kind, codec.ctype, field


def _make_struct(cls: type, packed: bool) -> type:
    if not isinstance(cls, type):
        raise TypeError("@struct decorates a class")
    if cls.__bases__ != (object,):
        raise TypeError(f"struct {cls.__name__} cannot inherit from another class")
    if "__init__" in cls.__dict__:
        raise TypeError(
            f"struct {cls.__name__} cannot define __init__; fields are set by position or keyword"
        )
    # Marking the class first lets `Ptr[cls]` be formed while resolving the
    # class's own field annotations (a linked-list `next: Ptr[Node]`).
    cls.__pythos_struct__ = True  # type: ignore[attr-defined]
    namespaces = _namespaces(cls)
    # The raw annotations (strings under `from __future__ import annotations`)
    # are resolved below, with forward pointers handled specially.
    annotations = inspect.get_annotations(cls)
    c_fields: list[tuple[str, Any]] = []
    descriptors: dict[str, Any] = {}
    field_types: dict[str, Any] = {}
    for name, annotation in annotations.items():
        kind, ctype, descriptor = _make_field(cls, name, annotation, namespaces)
        if descriptor is None:
            continue
        if name == "_c" or name.startswith("__"):
            raise TypeError(f"struct {cls.__name__} cannot have a field named {name!r}")
        if name in cls.__dict__:
            raise TypeError(f"field {cls.__name__}.{name} cannot have a default value")
        c_fields.append((name, ctype))
        descriptors[name] = descriptor
        field_types[name] = kind if kind is not None else annotation
    namespace: dict[str, Any] = {"_fields_": c_fields}
    if packed:
        namespace["_pack_"] = 1
    # `_pack_` must be in the class namespace before `_fields_` is processed,
    # which the metaclass does when it creates the class from this dict.
    ctype_struct = type(ctypes.Structure)(  # type: ignore[misc]
        f"c_{cls.__name__}", (ctypes.Structure,), namespace
    )
    fields = []
    for name, descriptor in descriptors.items():
        descriptor.offset = getattr(ctype_struct, name).offset
        setattr(cls, name, descriptor)
        fields.append((name, field_types[name], descriptor.offset))
    _install_methods(cls, ctype_struct, [name for name, _ in c_fields])
    cls.__pythos_fields__ = tuple(fields)  # type: ignore[attr-defined]
    cls.__pythos_packed__ = packed  # type: ignore[attr-defined]
    cls._ctype = ctype_struct  # type: ignore[attr-defined]
    cls.__pythos_aggregate__ = True  # type: ignore[attr-defined]
    return cls


def _install_methods(cls: type, ctype_struct: Any, names: list[str]) -> None:
    """Give the class its constructor, view factory, repr and attribute guard."""
    positions = {name: index for index, name in enumerate(names)}
    title = cls.__name__

    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        storage = ctype_struct()
        register(storage)
        self.__dict__["_c"] = storage
        if len(args) > len(names):
            raise TypeError(
                f"{title}() takes at most {len(names)} field values ({len(args)} given)"
            )
        for name, value in zip(names, args, strict=False):
            setattr(self, name, value)
        for name, value in kwargs.items():
            position = positions.get(name)
            if position is None:
                raise TypeError(f"{title}() got an unexpected keyword argument {name!r}")
            if position < len(args):
                raise TypeError(f"{title}() got multiple values for field {name!r}")
            setattr(self, name, value)

    def _view(klass: type, storage: Any) -> Any:
        instance: Any = object.__new__(klass)
        instance.__dict__["_c"] = storage
        return instance

    def __setattr__(self: Any, name: str, value: Any) -> None:
        if name not in positions:
            raise AttributeError(f"struct {title} has no field {name!r}")
        object.__setattr__(self, name, value)

    def __repr__(self: Any) -> str:
        values = ", ".join(f"{name}={getattr(self, name)!r}" for name in names)
        return f"{type(self).__name__}({values})"

    cls.__init__ = __init__  # type: ignore[misc]
    cls._view = classmethod(_view)  # type: ignore[attr-defined]
    cls.__setattr__ = __setattr__  # type: ignore[assignment]
    if "__repr__" not in cls.__dict__:
        cls.__repr__ = __repr__  # type: ignore[assignment]


def struct(cls: type | None = None, *, packed: bool = False) -> Any:
    """Decorate a class as a struct: `@struct` or `@struct(packed=True)`."""
    if cls is None:
        return lambda klass: _make_struct(klass, packed)
    return _make_struct(cls, packed)
