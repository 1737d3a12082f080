"""How instances of the program's classes are laid out, and how classes
are numbered for `isinstance` (docs/objects.md, "How the compiler uses the
ABI").

    address ─▶ +--------+--------+----------+----------+---
               | refcnt | type   | field 0  | field 1  | ...
               +--------+--------+----------+----------+---
               0        8        16         24

Every field takes an 8-byte slot after the 16-byte header (a bytes
value, an address and a length, takes two), the base
class's fields first, so a subclass instance starts with a valid base
instance and code compiled for the base reads it unchanged.  An integer
narrower than 64 bits sits in the low bytes of its slot (x86-64 is
little-endian).  A class whose instances can hold an object is TRACKED:
the cycle collector must see it, so it gets a GcHead before its header.

Class ids come from a pre-order walk of the inheritance forest (roots
and subclasses in declaration order), so the subclasses of `C` are
exactly the ids `C.class_id .. C.class_last` and `isinstance` is two
compares whatever the depth.  Id 0 is left unused.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..symbols import FuncSym
from ..types import BYTES, ClassType, Type, is_object

HEADER_BYTES = 16
SLOT_BYTES = 8


def slot_bytes(t: Type) -> int:
    """A field's room: one slot, or three for a bytes value (its address,
    length and owner)."""
    return 3 * SLOT_BYTES if t is BYTES else SLOT_BYTES


@dataclass(eq=False)
class ClassLayout:
    cls: ClassType
    offsets: dict[str, int] = field(default_factory=dict)
    size: int = HEADER_BYTES
    tracked: bool = False
    class_id: int = 0
    class_last: int = 0
    # Methods whose slot some subclass overrides: calls go through the vtable.
    overridden: set[str] = field(default_factory=set)
    # The vtable slots whose function is an adapter to a method that takes
    # more parameters (check/overrides.py, ir/build/overrides.py).
    adapters: dict[str, FuncSym] = field(default_factory=dict)


def class_layouts(classes: list[ClassType]) -> list[ClassLayout]:
    """The layouts of `classes` (every class of the program, bases
    included), in pre-order of the inheritance forest."""
    children: dict[int, list[ClassType]] = {}
    roots: list[ClassType] = []
    for c in classes:
        if c.base is None:
            roots.append(c)
        else:
            children.setdefault(id(c.base), []).append(c)
    out: list[ClassLayout] = []

    def visit(c: ClassType) -> ClassLayout:
        lay = ClassLayout(c)
        offset = HEADER_BYTES
        for name, t in c.fields.items():
            lay.offsets[name] = offset
            lay.tracked = lay.tracked or is_object(t)
            offset += slot_bytes(t)
        lay.size = offset
        lay.class_id = len(out) + 1
        out.append(lay)
        last = lay.class_id
        for sub in children.get(id(c), []):
            last = visit(sub).class_last
        lay.class_last = last
        return lay

    for root in roots:
        visit(root)
    for lay in out:
        # A method is dispatched through the vtable when a subclass
        # defines its own version of it; otherwise the call is direct.
        for other in out:
            sub = other.cls
            if sub is not lay.cls and sub.is_subclass(lay.cls):
                lay.overridden.update(name for name in sub.methods if name in lay.cls.vtable)
    return out


def user_text_method(c: ClassType, name: str) -> FuncSym | None:
    """The `__repr__` (or `__str__`) a class's instances use when it is
    one the program wrote: the nearest in the MRO, unless a dataclass's
    generated repr comes first (None then, and when there is none)."""
    for k in c.mro():
        fn = k.methods.get(name)
        if isinstance(fn, FuncSym):
            return fn
        if name == "__repr__" and k.dataclass:
            return None
    return None
