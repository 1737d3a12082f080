"""The adapters in the vtable slots of methods whose overrides add
parameters (check/overrides.py explains the slots).

For each class and each slot of its vtable whose signature takes fewer
parameters than the class's own method, one function of the slot's
signature that calls the method directly with the arguments it got and
the method's own defaults for the others:

    def Prefixed.log.__slot1__(self, msg):      # slot `log` of Prefixed
        return Prefixed.log(self, msg, "> ")

The defaults are the override's, not the base's: CPython looks the
method up on the run-time class, then binds the call's arguments to it.
They are constants (the checker allows no other default), so building
them in the adapter, at each call, is what CPython's binding gives.
A class that inherits the method shares its adapter.
"""

from __future__ import annotations

import ast
from typing import Any

from ...check.overrides import slot_signature
from ...symbols import FuncSym, Local, Param
from ...types import NONE
from ..layout import ClassLayout
from ..ops import Assign, Branch, Call, FuncIR, Goto, Integer, IsInstance, Return, Value


def vtable_adapters(layouts: list[ClassLayout], make_builder: Any,
                    building: Any) -> list[FuncIR]:
    """Make the adapters every class's vtable needs, recording each in its
    layout's `adapters`; the functions to add to the module.
    `make_builder(sym)` gives a FunctionBuilder for a new function, and
    `building(fn)` says whether this compilation builds fn's code."""
    made: dict[tuple[int, int], FuncSym] = {}
    out: list[FuncIR] = []
    for lay in layouts:
        for key in lay.cls.vtable:
            fn = lay.cls.find_method(key.partition("/")[0])
            if not isinstance(fn, FuncSym) or not building(fn):
                continue
            count = slot_signature(key, fn)
            if count >= len(fn.params):
                continue
            adapter = made.get((id(fn), count))
            if adapter is None:
                adapter, body = build_adapter(fn, count, make_builder)
                made[(id(fn), count)] = adapter
                out.append(body)
            lay.adapters[key] = adapter
    return out


def build_adapter(fn: FuncSym, count: int, make_builder: Any) -> tuple[FuncSym, FuncIR]:
    """`fn`'s adapter for a slot of `count` parameters (self included)."""
    params = [Param(p.name, p.type, None) for p in fn.params[:count]]
    sym = FuncSym(fn.name, fn.module, fn.node, params, fn.result,
                  f"{fn.link_name}.__slot{count - 1}__")
    sym.cls = fn.cls
    sym.locals = {p.name: Local(p.name, p.type, "value", is_param=True) for p in params}
    b = make_builder(sym)
    args = [b.registers[sym.locals[p.name]] for p in params]
    for p in fn.params[count:]:
        assert p.default is not None  # the checker requires one
        args.append(b.expr(p.default))
    result = b.add(Call(fn, args))
    b.add(Return(None if fn.result is NONE else result))
    return sym, b.ir


# ----- calls that leave parameters to their defaults -----------------------------------
def defaults_differ(b: Any, fn: FuncSym, missing: list[int]) -> list[FuncSym]:
    """The methods a call of `fn` on an instance of its class (or of a
    subclass) may run, deepest class first, if one of them has its own
    default for a parameter the call leaves out; else []."""
    assert fn.cls is not None
    found: dict[int, FuncSym] = {}
    for lay in b.layouts.values():
        if lay.cls.is_subclass(fn.cls):
            impl = lay.cls.find_method(fn.name)
            if isinstance(impl, FuncSym):
                found[id(impl)] = impl
    def text(default: ast.expr | None) -> str:
        return ast.dump(default) if default is not None else ""

    differ = any(text(impl.params[i].default) != text(fn.params[i].default)
                 for impl in found.values() for i in missing)
    if not differ:
        return []
    return sorted(found.values(), key=lambda m: -len(m.cls.mro()) if m.cls else 0)


def call_by_class(b: Any, node: ast.Call, fn: FuncSym, receiver: Value) -> Value | None:
    """`obj.method(...)` that leaves parameters to their defaults, where an
    override below the static class has defaults of its own: CPython binds
    the call to the run-time class's method, with that method's defaults.
    A vtable slot takes every argument, already filled in by the caller,
    so such a call tests the run-time class instead, deepest overriding
    class first, and calls the method found directly with its own
    defaults.  None for every other call (the vtable serves)."""
    lay = b.layouts.get(id(fn.cls))
    bound: dict[str, ast.expr] = getattr(node, "args_bound", {})
    from .calls import evaluate_written, is_packed, written_args
    written_ids = {id(a) for a in written_args(node)}
    written_ids |= {id(a) for a in bound.values() if is_packed(a)}
    missing = [i + 1 for i, a in enumerate(bound.values()) if id(a) not in written_ids]
    if lay is None or fn.name not in lay.overridden or not missing:
        return None
    methods = defaults_differ(b, fn, missing)
    if not methods:
        return None
    # The arguments written, in the order written (CPython's order).
    values = {k: b.kept(v, "call.arg") for k, v in evaluate_written(b, node).items()}
    receiver = b.kept(receiver, "call.self")
    end = b.new_block("call.end")
    result = b.merge("call.result", fn.result, end) if fn.result is not NONE else None
    for i, impl in enumerate(methods):
        last = i == len(methods) - 1
        if not last:
            assert impl.cls is not None
            here, nxt = b.new_block("call.class"), b.new_block("call.next")
            b.add(Branch(b.add(IsInstance(receiver, impl.cls)), here, nxt))
            b.activate(here)
        args: list[Value] = [receiver]
        for k, p in enumerate(impl.params[1:], 1):
            given = list(bound.values())[k - 1] if k - 1 < len(bound) else None
            if given is not None and id(given) in written_ids:
                args.append(values[id(given)])
            else:
                assert p.default is not None  # the checker requires one
                args.append(b.expr(p.default))
        value = b.call_method_direct(node, impl, args)
        if result is not None:
            b.add(Assign(result, value))
        b.add(Goto(end))
        if not last:
            b.activate(nxt)
    b.activate(end)
    return result if result is not None else Integer(0, NONE)
