"""Which special method the instances of a class use (issue 11): the one
the program wrote, nearest in the MRO, or the one a dataclass generates.

The lowering asks it when it fills a class's TypeInfo
(pythos/lower/special.py), and the builder whether the repr of a
container of instances has a repr for every class it may meet.
"""

from __future__ import annotations

from .. import types as T
from ..symbols import FuncSym


def nearest(c: T.ClassType, name: str) -> FuncSym | T.ClassType | None:
    """The method `name` instances of c use: a FuncSym the program wrote,
    a dataclass (whose generated method applies), or None."""
    for k in c.mro():
        fn = k.methods.get(name)
        if isinstance(fn, FuncSym):
            return fn
        if k.dataclass and generates(k, name):
            return k
    return None


def generates(k: T.ClassType, name: str) -> bool:
    """Whether dataclass k generates `name` (CPython's rules: __eq__ with
    eq=True, __hash__ only when also frozen, the orderings with order)."""
    if name == "__repr__":
        return True
    if name == "__eq__":
        return bool(k.eq)
    if name == "__hash__":
        return bool(k.eq and k.frozen)
    return bool(getattr(k, "order", False))
