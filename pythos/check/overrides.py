"""Vtable slots of methods whose overrides add parameters (issue 11).

mypy lets an override take more parameters than the method it overrides,
as long as the new ones have defaults:

    class Logger:
        def log(self, msg: str) -> str: ...

    class Prefixed(Logger):
        def log(self, msg: str, prefix: str = "> ") -> str: ...

A call through the base, `logger.log("hi")` on a `Logger` that is a
`Prefixed` at run time, passes one argument; CPython then runs
`Prefixed.log` with its own default for `prefix`.  A vtable slot has one
machine signature, so each signature gets a slot of its own: the first
declaration of a method has the slot named like the method, and an
override that adds parameters opens another, named `log/2` (the method,
and how many parameters it takes after self).  A call uses the slot of
the method its static type finds.  In every class below, each of the
method's slots holds a function with that slot's signature: the class's
own method where the counts agree, else a small adapter that passes the
arguments it got and the method's own defaults for the rest
(pythos/ir/build/overrides.py makes them).
"""

from __future__ import annotations

from ..symbols import FuncSym


def first_declaration(fn: FuncSym) -> FuncSym:
    """The method `fn` overrides furthest up its class's bases (fn itself
    if it overrides nothing)."""
    root = fn
    c = fn.cls.base if fn.cls is not None else None
    while c is not None:
        above = c.methods.get(fn.name)
        if isinstance(above, FuncSym):
            root = above
        c = c.base
    return root


def slot_key(fn: FuncSym) -> str:
    """The vtable slot a call of method `fn` goes through: `name` for the
    first declaration's signature, `name/N` for N parameters after self."""
    if len(fn.params) == len(first_declaration(fn).params):
        return fn.name
    return f"{fn.name}/{len(fn.params) - 1}"


def slot_signature(key: str, fn: FuncSym) -> int:
    """How many parameters (self included) the functions in slot `key` of
    method `fn`'s classes take."""
    name, _, count = key.partition("/")
    return int(count) + 1 if count else len(first_declaration(fn).params)
