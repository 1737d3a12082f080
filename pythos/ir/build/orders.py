"""The orderings a `@dataclass(order=True)` generates (issue 11).

CPython's dataclasses write `__lt__`, `__le__`, `__gt__` and `__ge__`
for a class declared with `order=True`.  Each compares the tuples of the
fields of the class that generated it, in declaration order, and only
between instances of exactly one class: the generated method begins
with `if other.__class__ is self.__class__`, and returns NotImplemented
otherwise, so `Base(1) < Sub(2)` ends in
`TypeError: '<' not supported between instances of 'Base' and 'Sub'`
(the reflected method fails the same way).

Pythos compiles these in two places:

- the operators (`a < b`, and `min`/`max`, which use `<` and `>`) are
  built inline by `ObjectBuilder.fields_order` (objects.py) when every
  field is an integer, and through the runtime's `fields_lt`
  (pythos/rt/obj/fields.py) otherwise; before either, `same_class`
  here emits the class test when the static type leaves room for two
  different run-time classes;
- the sort (`sorted`, `list.sort`) orders instances through their
  TypeInfo's `lt` slot, which the lowering points at `fields_lt` for such
  a class (pythos/lower/special.py); `fields_lt` makes the class test
  itself.

`fields_lt` walks the field table in the class's TypeInfo, and a
TypeInfo has one table, made for the first generated method it needs
(the repr).  A dataclass without `order=True` below one with it
inherits the base's orderings, which compare the base's fields, while
its own repr shows its own: `ordering_fields` finds the class whose
fields decide and `check_orderable` refuses the one case where the
table would hold other fields.
"""

from __future__ import annotations

import ast
from typing import Any

from ... import types as T
from ...symbols import FuncSym
from ..ops import Integer
from ..special_methods import nearest
from .errors import checked_call

# The operator codes of the runtime's `fields_same_class` (fields.py).
ORDER_OPS: dict[type, int] = {ast.Lt: 0, ast.LtE: 1, ast.Gt: 2, ast.GtE: 3}
ORDER_METHODS = ("__lt__", "__le__", "__gt__", "__ge__")


def ordering_fields(c: T.ClassType) -> T.ClassType | None:
    """The dataclass whose generated `__lt__` instances of c use (its
    fields decide), or None if c's ordering is not a generated one."""
    how = nearest(c, "__lt__")
    return how if isinstance(how, T.ClassType) else None


def table_owner(c: T.ClassType) -> T.ClassType | None:
    """The dataclass whose fields the TypeInfo's field table of c holds:
    the first generated method special_slots describes (repr, eq, hash,
    lt, in that order)."""
    for name in ("__repr__", "__eq__", "__hash__", "__lt__"):
        how = nearest(c, name)
        if isinstance(how, T.ClassType):
            return how
    return None


def generated_order(c: T.ClassType) -> bool:
    """Whether instances of c are ordered by a generated `__lt__`."""
    return ordering_fields(c) is not None


def check_orderable(b: Any, node: ast.AST, c: T.ClassType) -> None:
    """Refuse, with a diagnostic at `node`, a generated ordering of c that
    the runtime could not compute from c's field table."""
    owner = ordering_fields(c)
    table = table_owner(c)
    if owner is None or table is None:
        return
    if list(owner.fields) != list(table.fields):
        raise b.not_yet(node, f"orderings of {c.name} (a dataclass below the order=True "
                              f"{owner.name}, with fields of its own)")
    for ft in owner.fields.values():
        if ft is T.BYTES:
            raise b.not_yet(node, f"orderings of {c.name} (its bytes field)")


def subclasses(b: Any, c: T.ClassType) -> list[T.ClassType]:
    """The classes of the program derived from c, c excluded."""
    return [lay.cls for lay in b.layouts.values()
            if lay.cls is not c and lay.cls.is_subclass(c)]


def same_class(b: Any, node: ast.AST, op: ast.cmpop, a: Any, c: Any,
               lt: T.Type, rt: T.Type) -> None:
    """Before a generated ordering of a and c: stop with CPython's
    TypeError unless both are instances of one class.  No code when the
    static types already prove it (one class, with no subclasses)."""
    if lt == rt and isinstance(lt, T.ClassType) and not subclasses(b, lt):
        return
    fn: FuncSym = b.object_runtime["fields_same_class"]
    checked_call(b, node, fn, [a, c, Integer(ORDER_OPS[type(op)], T.U32)])


def ordered_pair(lt: T.Type, rt: T.Type) -> T.ClassType | None:
    """For `a < b` of static types lt and rt, classes of one hierarchy
    ordered by a generated `__lt__`: the more derived of the two (the run-
    time class of both, if the comparison is to succeed, is it or one of
    its subclasses), else None."""
    if not (isinstance(lt, T.ClassType) and isinstance(rt, T.ClassType)):
        return None
    if lt.is_subclass(rt):
        low = lt
    elif rt.is_subclass(lt):
        low = rt
    else:
        return None
    if ordering_fields(lt) is None or ordering_fields(rt) is None:
        return None
    return low


def written_order_below(b: Any, c: T.ClassType) -> bool:
    """Whether c or a class derived from it writes an ordering method of
    its own (then the run-time class decides which method runs)."""
    return any(isinstance(k.methods.get(name), FuncSym)
               for k in (c, *subclasses(b, c)) for name in ORDER_METHODS)
