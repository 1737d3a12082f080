"""Checking calls: functions, methods, constructors, conversions, builtins
and intrinsics.

Calls are most of the language's surface, so they live apart from the rest
of the checker.  Each call is classified and the classification is stored
on the node as `node.call = (kind, detail)`:

    ("func", FuncSym)        a Pythos function
    ("method", FuncSym)      a struct method; node.self_node is the receiver
    ("ctor", StructType)     a struct constructor
    ("array", ArrayType)     a zeroed array, Array[T, N]()
    ("ptr", PtrType)         Ptr[T](address)
    ("ptrmethod", name)      p.load(), p.store(v), p.volatile_load() ...
    ("intmethod", name)      n.bit_length(), n.bit_count()
    ("conv", Type)           u8(x) ... i64(x), int(x), bool(x)
    ("builtin", name)        print, len, panic, addr_of, asm, port I/O, ...

and, for objects (issue 11; checked, not yet lowered):

    ("new", ClassType)       a class instance; node.args_bound as for functions
    ("method", FuncSym)      a class's method, dispatched through its vtable
    ("super", FuncSym)       super().name(...): the base's method, not dispatched
    ("unbound", FuncSym)     C.name(obj, ...): C's method called on obj, not dispatched
    ("objmethod", "list.append")  a method of a container or str
    ("value", CallableType)  a call through a function value

Arguments are bound to parameters by position and keyword, defaults filled
in, and kept in `node.args_bound` (a dict in parameter order).
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .. import types as T
from ..symbols import Builtin, ClassSym, FuncSym, GlobalSym, Local, Param, StructSym
from ..types import (
    BOOL,
    BYTES,
    I64,
    NONE,
    NONE_VALUE,
    OBJECT,
    STR,
    U64,
    ArrayType,
    CallableType,
    ClassType,
    DictType,
    IntType,
    OptionalType,
    PtrType,
    StructType,
)
from .bytesmethods import bytearray_call, bytearray_method, bytes_call, bytes_method, fromhex_call
from .containers import kind_of, objectish
from .names import INTRINSICS, ITERABLE_BUILTINS, KERNEL_ONLY, TYPE_NAMES

if TYPE_CHECKING:
    from . import Checker

CONVERSIONS = {**T.INTS, "int": I64, "bool": BOOL}
PTR_METHODS = {"load": 0, "store": 1, "volatile_load": 0, "volatile_store": 1}
ATOMICS = {"atomic_xchg": 1, "atomic_cas": 2, "atomic_add": 1, "atomic_load": 0,
           "atomic_store": 1}


def check_call(c: Checker, node: ast.Call, want: T.Type | None) -> T.Type:
    stars: list[ast.Starred | ast.keyword] = [a for a in node.args if isinstance(a, ast.Starred)]
    stars += [kw for kw in node.keywords if kw.arg is None]
    if not stars:
        return call(c, node, want)
    # `f(*xs)`, `f(**d)`: only a call bound by its parameters (bind_args)
    # spreads them; builtins and function values take what is written.
    f = node.func
    builtin = isinstance(f, ast.Name) and not (c.fn is not None and f.id in c.fn.locals) \
        and c.builtin_name(f) is not None
    if builtin and c.builtin_name(f) == "print" and all(isinstance(s, ast.Starred)
                                                         for s in stars):
        print_spread(c, node)
        return call(c, node, want)
    if builtin or not isinstance(f, (ast.Name, ast.Attribute)):
        raise c.error(stars[0], f"{'*' if isinstance(stars[0], ast.Starred) else '**'}"
                                f"{ast.unparse(stars[0].value)} in a call of "
                                f"{'a builtin' if builtin else 'a function value'} is "
                                f"not supported (spread only into a function, method or "
                                f"class that takes *args or **kwargs)")
    t = call(c, node, want)
    if not getattr(node, "stars_bound", False):
        raise c.error(stars[0], f"{'*' if isinstance(stars[0], ast.Starred) else '**'}"
                                f"{ast.unparse(stars[0].value)} is not "
                                f"supported here (spread only into a function, method or "
                                f"class that takes *args or **kwargs)")
    return t


def print_spread(c: Checker, node: ast.Call) -> None:
    """`print(a, *xs, sep=", ")`: print writes str() of each value, the
    separator between them, so it prints the one str
    `", ".join([str(a)] + [str(x) for x in xs])`, which the call is
    rewritten to (the values evaluated and converted in the same order).
    The separator must be a literal (it is read before the values)."""
    sep = " "
    for kw in node.keywords:
        if kw.arg == "sep":
            if not isinstance(kw.value, ast.Constant) or not isinstance(
                    kw.value.value, (str, type(None))):
                raise c.error(kw.value, "print(*xs, sep=...) takes a literal separator here")
            sep = kw.value.value if isinstance(kw.value.value, str) else " "
    for name in ("str", "list"):
        if c.builtin_name(ast.Name(id=name, ctx=ast.Load())) != name:
            raise c.error(node, f"print(*xs) calls the builtin {name}(), which this module's "
                                f"own '{name}' hides")

    def at(n: ast.AST) -> Any:
        return ast.copy_location(n, node)

    pieces: list[ast.expr] = []
    for i, a in enumerate(node.args):
        t = c.expr(a.value, None) if isinstance(a, ast.Starred) and isinstance(
            a.value, ast.Name) else None
        if isinstance(t, T.TupleType):
            # `*pair` of a fixed-length tuple variable: its items one by one
            if t.elements:
                pieces.append(at(ast.List([at(ast.Call(at(ast.Name("str", ast.Load())), [at(
                    ast.Subscript(a.value, at(ast.Constant(k)), ast.Load()))], []))  # type: ignore
                    for k in range(len(t.elements))], ast.Load())))
        elif isinstance(a, ast.Starred):
            var = f"__print_item_{i}"
            item = at(ast.Call(at(ast.Name("str", ast.Load())), [at(ast.Name(var, ast.Load()))],
                               []))
            gen = ast.comprehension(at(ast.Name(var, ast.Store())), a.value, [], 0)
            pieces.append(at(ast.ListComp(item, [gen])))
        else:
            pieces.append(at(ast.List([at(ast.Call(at(ast.Name("str", ast.Load())), [a], []))],
                                      ast.Load())))
    if not pieces:
        node.args = []  # `print(*())`: only the end
        node.keywords = [kw for kw in node.keywords if kw.arg != "sep"]
        return
    items = pieces[0]
    for piece in pieces[1:]:
        items = at(ast.BinOp(items, ast.Add(), piece))
    joined = at(ast.Call(at(ast.Attribute(at(ast.Constant(sep)), "join", ast.Load())),
                         [items], []))
    node.args = [joined]
    node.keywords = [kw for kw in node.keywords if kw.arg != "sep"]


def call(c: Checker, node: ast.Call, want: T.Type | None) -> T.Type:
    f = node.func
    if isinstance(f, ast.Subscript) and not c.names_a_type(f.value):
        # `table["h"]()`: a function value taken out of a container.
        return c.call_value(node, c.expr(f, None), ast.unparse(f))
    if isinstance(f, ast.Subscript):
        return subscript_call(c, node, f)
    sym: Any = None
    if isinstance(f, ast.Name):
        if c.fn is not None and (f.id in c.fn.locals or (
                f.id not in c.stored_names and c.enclosing_local(f.id) is not None)):
            t = c.expr(f, None)
            if not objectish(t):
                raise c.error(f, f"'{f.id}' is a variable, not a function")
            return c.call_nested(node, t, f.id)  # a nested def's defaults (functions.py)
        sym = c.lookup(f)
    elif isinstance(f, ast.Attribute):
        if isinstance(f.value, ast.Call) and isinstance(f.value.func, ast.Name) \
                and f.value.func.id == "super" and c.builtin_name(f.value.func) == "super":
            return c.super_method(node, f)
        sym = c.static_symbol(f.value)
        if isinstance(sym, ClassSym):
            return class_call(c, node, f, sym.type)
        if sym is not None and not isinstance(sym, (GlobalSym,)):
            from ..symbols import ModuleRef
            if isinstance(sym, ModuleRef):
                sym = c.lookup_module_name(sym.module, f.attr, f)
            else:
                sym = None
        else:
            sym = None
        if sym is None:
            return method_call(c, node, f)
    elif isinstance(f, (ast.Call, ast.Lambda, ast.IfExp, ast.BoolOp)):
        # `adder(4)(5)`: calling the function value an expression gives.
        return c.call_value(node, c.expr(f, None), ast.unparse(f))
    else:
        raise c.error(f, "this expression cannot be called")
    if isinstance(sym, Builtin):
        return builtin_call(c, node, sym.name, want)
    if isinstance(sym, StructSym):
        return constructor(c, node, sym.type)
    if isinstance(sym, ClassSym):
        return c.construct(node, sym.type)
    if isinstance(sym, FuncSym):
        if sym.interrupt:
            raise c.error(node, f"'{sym.name}' is an interrupt handler; the CPU calls it, "
                                f"not Pythos code")
        node.call = ("func", sym)  # type: ignore[attr-defined]
        c.record_call(sym, node)
        bind_args(c, node, sym.params, node.args, sym.name)
        return sym.result
    if isinstance(sym, GlobalSym) and objectish(sym.type):
        # A global holding a function value (a decorated function is one):
        # the name is read, and typed, like any other expression.
        return c.call_value(node, c.expr(f, None), ast.unparse(f))
    raise c.error(f, f"'{ast.unparse(f)}' is not a function")


def class_call(c: Checker, node: ast.Call, f: ast.Attribute, ct: ClassType) -> T.Type:
    """`C.name(...)`: a static method (or a function-valued constant)."""
    fn = ct.find_method(f.attr)
    if isinstance(fn, FuncSym) and fn.method_kind == "static":
        node.call = ("func", fn)  # type: ignore[attr-defined]
        c.record_call(fn, node)
        bind_args(c, node, fn.params, node.args, f"{ct.name}.{f.attr}")
        return fn.result
    if isinstance(fn, FuncSym) and fn.method_kind == "method" and fn.cls is not None \
            and not (f.attr == "__init__" and c.is_exception(ct)):
        # `Base.method(obj, ...)`, `C.__init__(obj, ...)`: that class's
        # method called on obj, not dispatched (as super() calls it).
        node.call = ("unbound", fn)  # type: ignore[attr-defined]
        c.record_call(fn, node)
        bind_args(c, node, fn.params, node.args, f"{ct.name}.{f.attr}")
        return fn.result
    t = c.expr(f, None)
    return c.call_value(node, t, ast.unparse(f))


def bind_args(c: Checker, node: ast.Call, params: list[Param], args: list[ast.expr],
              name: str) -> None:
    """Bind a call's arguments to `params` (node.args_bound, in parameter
    order).  The extra positional arguments of a `*args` parameter are a
    tuple display made here (`pack`), the unknown keywords of a `**kwargs`
    parameter a dict display, each of the nodes written: the IR builder
    evaluates what is written in the order it is written, then the packs."""
    node.stars_bound = True  # type: ignore[attr-defined]
    bound: dict[str, ast.expr] = {}
    positional = [p for p in params if not p.kw_only and not p.star]
    star = next((p for p in params if p.star == "*"), None)
    dstar = next((p for p in params if p.star == "**"), None)
    items, spreads = spread_items(c, args, name)
    plain = items if not spreads else items[:spreads[0][0]]
    if spreads and len(plain) < len(positional):
        at = spreads[0][1]
        raise c.error(at, f"*{ast.unparse(at.value)} would fill parameter "
                          f"'{positional[len(plain)].name}' of {name}(), and its length is "
                          f"known only at run time: not supported (pass the leading "
                          f"arguments one by one, or spread a fixed-length tuple)")
    if spreads and star is None:
        raise c.error(spreads[0][1], f"{name}() takes no *args, so *"
                                     f"{ast.unparse(spreads[0][1].value)} can only be "
                                     f"spread into it when its length is known (a "
                                     f"tuple[...] of fixed length)")
    if len(plain) > len(positional) and star is None:
        if len(positional) < len([p for p in params if not p.star]):
            raise c.error(node, f"{name}() takes {len(positional)} positional argument"
                                f"{'s' if len(positional) != 1 else ''} but {len(plain)} "
                                f"were given (the rest are keyword-only)")
        raise c.error(node, f"{name}() takes {len(positional)} arguments but {len(plain)} "
                            f"were given")
    for p, a in zip(positional, plain, strict=False):
        bound[p.name] = a
    if star is not None:
        bound[star.name] = pack_args(c, node, star, items[len(positional):], spreads)
    names = {p.name: p for p in params if not p.star and not p.pos_only}
    extra: list[ast.keyword] = []
    for kw in node.keywords:
        if kw.arg is None:
            extra.append(kw)
            continue
        if kw.arg not in names:
            if dstar is None:
                raise c.error(kw, f"{name}() has no parameter '{kw.arg}'" + (
                    " (it is positional-only)" if any(p.name == kw.arg for p in params)
                    else ""))
            if any(k.arg == kw.arg for k in extra):
                raise c.error(kw, f"keyword argument repeated: {kw.arg}")
            extra.append(kw)
            continue
        if kw.arg in bound:
            raise c.error(kw, f"{name}() got two values for '{kw.arg}'")
        bound[kw.arg] = kw.value
    spread = any(kw.arg is None for kw in extra)
    unknown = [kw for kw in extra if kw.arg is not None]
    if unknown and dstar is None:
        raise c.error(unknown[0], f"{name}() has no parameter '{unknown[0].arg}'")
    if extra or dstar is not None:
        open_params = [p for p in params if not p.star and not p.pos_only
                       and p.name not in bound] if spread else []
        merged = pack_kwargs(c, node, dstar, extra, name, open_params, params)
        if dstar is not None:
            bound[dstar.name] = merged
        else:
            node.kwargs_rest = merged  # type: ignore[attr-defined]  # must end up empty
        for p in open_params:
            # A parameter the call leaves to its default, which a key of
            # a `**d` may give instead (ir/build/dicts.py, expr_KwargTake).
            bound[p.name] = KwargTake(merged, p, name)
    ordered: dict[str, ast.expr] = {}
    for p in params:
        if (p.star or isinstance(bound.get(p.name), KwargTake)) and p.name in bound:
            ordered[p.name] = bound[p.name]  # checked by pack_args, pack_kwargs
        elif p.name in bound and (objectish(p.type) or p.type is OBJECT):
            c.no_plain_literal(bound[p.name], p.type, f"argument '{p.name}'")
            got = c.expr(bound[p.name], p.type)
            if not T.assignable(got, p.type):
                hint = ""
                if isinstance(p.type, T.IteratorType) and p.type.name == "Iterable" \
                        and isinstance(got, T.ClassType) and got.find_method("__iter__"):
                    hint = (" (an instance is not passed as an Iterable: CPython would "
                            "call its __iter__ at each loop; pass iter(x) or list(x))")
                raise c.error(bound[p.name], f"argument \"{p.name}\" to \"{name}\" has "
                                             f"incompatible type \"{got}\"; expected "
                                             f"\"{p.type}\"{hint}")
            ordered[p.name] = bound[p.name]
        elif p.name in bound:
            c.no_plain_literal(bound[p.name], p.type, f"argument '{p.name}'")
            c.expect(bound[p.name], p.type)
            c.no_plain_literal(bound[p.name], p.type, f"argument '{p.name}'")
            ordered[p.name] = bound[p.name]
        elif p.default is not None:
            ordered[p.name] = p.default
        else:
            raise c.error(node, f"{name}() is missing the argument '{p.name}'")
    node.args_bound = ordered  # type: ignore[attr-defined]


def spread_items(c: Checker, args: list[ast.expr],
                 name: str) -> tuple[list[ast.expr], list[tuple[int, ast.Starred]]]:
    """A call's positional arguments, each `*t` of a fixed-length tuple
    replaced by its items (`t[0]`, `t[1]`, ...: the IR builder evaluates
    `t` once), and where the others (`*xs` of a list or a tuple[T, ...])
    are: (index among the items, node)."""
    items: list[ast.expr] = []
    spreads: list[tuple[int, ast.Starred]] = []
    for a in args:
        if not isinstance(a, ast.Starred):
            items.append(a)
            continue
        t = c.expr(a.value, None)
        if isinstance(t, T.TupleType):
            for i in range(len(t.elements)):
                item = ast.copy_location(ast.Subscript(a.value, ast.copy_location(
                    ast.Constant(i), a), ast.Load()), a)
                item.spread_of = a.value  # type: ignore[attr-defined]
                items.append(item)
        elif isinstance(t, (T.ListType, T.VarTupleType)):
            spreads.append((len(items), a))
            items.append(a)
        else:
            raise c.error(a.value, f"{name}() argument after * must be a list or a tuple, "
                                   f"not \"{t}\"")
    return items, spreads


def pack_args(c: Checker, node: ast.Call, star: Param, items: list[ast.expr],
              spreads: list[tuple[int, ast.Starred]]) -> ast.expr:
    """The tuple[T, ...] a `*args` parameter receives: a display of the
    extra arguments, or for `*xs` the tuple xs itself (as CPython passes
    it when nothing else is packed), `tuple(xs)` of a list, and `+` of the
    pieces for a mix."""
    want = star.type
    assert isinstance(want, T.VarTupleType)
    pieces: list[ast.expr] = []
    run: list[ast.expr] = []
    for a in items:
        if not isinstance(a, ast.Starred):
            run.append(a)
            continue
        if run:
            pieces.append(ast.copy_location(ast.Tuple(run, ast.Load()), run[0]))
            run = []
        t = a.value.ty  # type: ignore[attr-defined]
        if isinstance(t, T.VarTupleType):
            pieces.append(a.value)
        else:
            pieces.append(ast.copy_location(ast.Call(
                ast.copy_location(ast.Name("tuple", ast.Load()), a), [a.value], []), a))
    if run or not pieces:
        pieces.append(ast.copy_location(ast.Tuple(run, ast.Load()), run[0] if run else node))
    packed = pieces[0]
    for piece in pieces[1:]:
        packed = ast.copy_location(ast.BinOp(packed, ast.Add(), piece), packed)
    packed.packed = True  # type: ignore[attr-defined]
    got = c.expr(packed, want)
    if got != want:
        where = spreads[0][1] if spreads else packed
        raise c.error(where, f"the extra arguments are a \"{got}\", but *{star.name} takes "
                             f"\"{want}\"")
    return packed


class KwargTake(ast.expr):
    """The value of a parameter `param` that a call leaves to its default
    and that a key of a `**d` may give: popped from the merged keywords
    `merged` (pack_kwargs) if there, else the default."""

    _fields = ()

    def __init__(self, merged: ast.Dict, param: Param, name: str) -> None:
        super().__init__()
        self.merged = merged
        self.param = param
        self.fn_name = name
        self.ty = param.type
        ast.copy_location(self, merged)


def pack_kwargs(c: Checker, node: ast.Call, dstar: Param | None, extra: list[ast.keyword],
                name: str, open_params: list[Param], params: list[Param]) -> ast.Dict:
    """The dict[str, V] a `**kwargs` parameter receives: a display of the
    keywords no parameter takes, in the order written, each `**d` merged
    in its place (`packed_kwargs`, checked at run time for a key given
    twice or naming a parameter the call gives).  The parameters in
    `open_params` (left to their defaults) are taken out of it first
    (KwargTake); without **kwargs, what is left is an error."""
    spreads = [kw for kw in extra if kw.arg is None]
    want: T.Type
    if dstar is not None:
        want = dstar.type
    else:
        want = c.expr(spreads[0].value, None)
    if not (isinstance(want, DictType) and want.key is STR):
        raise c.error(spreads[0].value, f"{name}() argument after ** must be a dict[str, ...] "
                                        f"(keywords are strs), not \"{want}\"")
    for p in open_params:
        if p.default is None:
            raise c.error(spreads[0].value, f"**{ast.unparse(spreads[0].value)} would give "
                                            f"{name}()'s parameter '{p.name}', which has no "
                                            f"default: not supported (pass '{p.name}' "
                                            f"explicitly)")
        if want.value != p.type and not (T.is_object(p.type) and T.is_object(want.value)
                                         and T.assignable(want.value, p.type)):
            raise c.error(spreads[0].value, f"**{ast.unparse(spreads[0].value)} may give "
                                            f"{name}()'s parameter '{p.name}' a "
                                            f"\"{want.value}\", and it takes \"{p.type}\"")
    keys: list[ast.expr | None] = []
    values: list[ast.expr] = []
    for kw in extra:
        if kw.arg is None:
            t = c.expr(kw.value, None)
            if not (isinstance(t, DictType) and t.key is STR):
                raise c.error(kw.value, f"{name}() argument after ** must be a dict[str, ...] "
                                        f"(keywords are strs), not \"{t}\"")
            if t != want:
                where = f"**{dstar.name} takes" if dstar is not None else "the first is"
                raise c.error(kw.value, f"argument after ** has type \"{t}\"; {where} "
                                        f"\"{want}\" (the items are copied as they are)")
            keys.append(None)
            values.append(kw.value)
        else:
            keys.append(ast.copy_location(ast.Constant(kw.arg), kw))
            values.append(kw.value)
    packed = ast.copy_location(ast.Dict(keys, values), extra[0] if extra else node)
    packed.packed = True  # type: ignore[attr-defined]
    if all(k is not None for k in keys):
        got = c.expr(packed, want)
        assert dstar is not None
        if got != want:
            raise c.error(packed, f"the extra keywords are a \"{got}\", but **{dstar.name} "
                                  f"takes \"{want}\"")
        return packed
    # With a `**d`: each key of d is checked at run time against the
    # parameters the call names (CPython's TypeError: "f() got multiple
    # values for argument 'a'") and the keywords before it (".. for
    # keyword argument 'x'"), by the IR builder's `packed_kwargs`.
    for k, v in zip(keys, values, strict=True):
        if k is None:
            continue
        c.expr(k, STR)
        c.no_plain_literal(v, want.value, f"keyword '{k.value}'")  # type: ignore[attr-defined]
        got = c.expr(v, want.value)
        if not T.assignable(got, want.value):
            raise c.error(v, f"keyword '{k.value}' has type \"{got}\"; "  # type: ignore
                             f"**kwargs takes \"{want}\"")
    names: list[ast.expr] = [ast.copy_location(ast.Constant(p.name), node) for p in params
                              if not p.star and not p.pos_only and p not in open_params]
    names_node = ast.copy_location(ast.Tuple(names, ast.Load()), node) if names else None
    if names_node is not None:
        c.expr(names_node, None)
    packed.param_names = names_node  # type: ignore[attr-defined]
    packed.call_node = node  # type: ignore[attr-defined]
    c.heap_use(packed, "dicts", "a **kwargs dict allocates")
    packed.ty = want  # type: ignore[attr-defined]
    return packed


def constructor(c: Checker, node: ast.Call, st: StructType) -> T.Type:
    params = [Param(name, ft, None) for name, ft in st.fields.items()]
    bound: dict[str, ast.expr] = {}
    if len(node.args) > len(params):
        raise c.error(node, f"{st.name}() has {len(params)} fields but {len(node.args)} "
                            f"values were given")
    for p, a in zip(params, node.args, strict=False):
        bound[p.name] = a
    for kw in node.keywords:
        assert kw.arg is not None
        if kw.arg not in st.fields:
            raise c.error(kw, f"struct {st.name} has no field '{kw.arg}'")
        if kw.arg in bound:
            raise c.error(kw, f"field '{kw.arg}' is given twice")
        bound[kw.arg] = kw.value
    for name, value in bound.items():
        c.expect(value, st.fields[name])
    node.call = ("ctor", st)  # type: ignore[attr-defined]
    node.args_bound = bound  # type: ignore[attr-defined]
    return st


def subscript_call(c: Checker, node: ast.Call, f: ast.Subscript) -> T.Type:
    t = c.resolve_type(f)
    if isinstance(t, ArrayType):
        if node.args or node.keywords:
            raise c.error(node, "Array[T, N]() takes no arguments; it starts zeroed")
        node.call = ("array", t)  # type: ignore[attr-defined]
        return t
    if isinstance(t, PtrType):
        if len(node.args) != 1 or node.keywords:
            raise c.error(node, "Ptr[T](address) takes one address")
        at = c.expr(node.args[0], U64)
        if not isinstance(at, IntType):
            raise c.error(node.args[0], f"an address is an integer, got {at}")
        node.call = ("ptr", t)  # type: ignore[attr-defined]
        address = getattr(node.args[0], "const", None)
        if isinstance(address, int):
            # A constant address makes a constant pointer (a global's initializer).
            node.const = address & (2**64 - 1)  # type: ignore[attr-defined]
        return t
    raise c.error(f, f"{t} cannot be called")


def method_call(c: Checker, node: ast.Call, f: ast.Attribute) -> T.Type:
    if f.attr == "fromhex" and c.builtin_name(f.value) == "bytes":
        return fromhex_call(c, node)
    recv = c.expr(f.value, None)
    node.self_node = f.value  # type: ignore[attr-defined]
    if isinstance(recv, ClassType):
        return object_method_call(c, node, f, recv)
    if isinstance(recv, OptionalType):
        raise c.optional_attribute_error(f, recv)
    if recv is NONE_VALUE or recv is OBJECT:
        raise c.error(f, f"\"{recv}\" has no attribute \"{f.attr}\"" + (
            f"; narrow '{ast.unparse(f.value)}' with isinstance() first (to a class, int, "
            f"str, bool or bytes)" if recv is OBJECT
            else f": '{ast.unparse(f.value)}' is None here"))
    if isinstance(recv, DictType) and f.attr == "get":
        return c.dict_get(node, f, recv)
    if isinstance(recv, T.BytearrayType):
        return bytearray_method(c, node, f)  # check/bytesmethods.py
    if objectish(recv):
        return c.container_method(node, f, recv)
    if isinstance(recv, StructType):
        fn = recv.methods.get(f.attr)
        if not isinstance(fn, FuncSym):
            raise c.error(f, f"struct {recv.name} has no method '{f.attr}'")
        node.call = ("method", fn)  # type: ignore[attr-defined]
        bind_args(c, node, fn.params[1:], node.args, f"{recv.name}.{f.attr}")
        return fn.result
    if recv is BYTES:
        return bytes_method(c, node, f)  # check/bytesmethods.py
    if isinstance(recv, PtrType) and f.attr in PTR_METHODS:
        if len(node.args) != PTR_METHODS[f.attr] or node.keywords:
            raise c.error(node, f"{f.attr}() takes {PTR_METHODS[f.attr]} argument(s)")
        if recv.target.is_aggregate and f.attr != "load":
            raise c.error(node, f"{f.attr}() works on pointers to integers; write a "
                                f"{recv.target} through p[0] or its fields")
        for a in node.args:
            c.expect(a, recv.target)
        node.call = ("ptrmethod", f.attr)  # type: ignore[attr-defined]
        return NONE if PTR_METHODS[f.attr] else recv.target
    if isinstance(recv, IntType) and f.attr in ("bit_length", "bit_count"):
        if node.args or node.keywords:
            raise c.error(node, f"int.{f.attr}() takes no arguments")
        node.call = ("intmethod", f.attr)  # type: ignore[attr-defined]
        return I64
    raise c.error(f, f"{recv} has no method '{f.attr}'")


def object_method_call(c: Checker, node: ast.Call, f: ast.Attribute, recv: ClassType) -> T.Type:
    """`obj.name(...)` of a class instance: a method (dispatched through
    the vtable), a static method, or a field holding a function value."""
    fn = recv.find_method(f.attr)
    if isinstance(fn, FuncSym) and fn.method_kind != "property":
        skip = 0 if fn.method_kind == "static" else 1
        node.call = ("method" if skip else "func", fn)  # type: ignore[attr-defined]
        c.record_call(fn, node)
        bind_args(c, node, fn.params[skip:], node.args, f"{recv.name}.{f.attr}")
        c.heap_use(node, "classes", f"{recv.name}.{f.attr}() is called on an object")
        return fn.result
    t = c.expr(f, None)  # a field or property: call what it holds
    if isinstance(fn, FuncSym) and not isinstance(t, CallableType):
        # mypy: "int" not callable
        raise c.error(node, f"\"{t}\" not callable: '{f.attr}' is a property of "
                            f"{recv.name}, used without parentheses ('{ast.unparse(f)}')")
    return c.call_value(node, t, ast.unparse(f))


def isinstance_target(c: Checker, node: ast.Call) -> tuple[ast.expr, T.Type] | None:
    """For narrowing: (subject, class) of a checked `isinstance(x, C)`."""
    if getattr(node, "call", None) == ("builtin", "isinstance"):
        return node.args[0], node.isinstance_type  # type: ignore[attr-defined]
    return None


def static_type_name(t: T.Type) -> str | None:
    """CPython's `type(x).__name__` when the static type decides it (a
    value, or a built-in type nothing derives from); None when only the
    object can tell (a class instance may be of a subclass, an `object`
    or an Optional may hold anything)."""
    if isinstance(t, T.IntType):
        return "int" if t.checked else t.name  # pythos.lang's u8 is class u8
    simple = {BOOL: "bool", STR: "str", BYTES: "bytes", NONE_VALUE: "NoneType"}
    if t in simple:
        return simple[t]
    for cls, name in ((T.BytearrayType, "bytearray"), (T.ListType, "list"),
                      (T.DictType, "dict"), (T.TupleType, "tuple"), (T.VarTupleType, "tuple"),
                      (T.AsyncGeneratorType, "async_generator"),
                      (T.CoroutineType, "coroutine"), (T.GeneratorType, "generator")):
        if isinstance(t, cls):
            return name
    if isinstance(t, T.SetType):
        return "frozenset" if t.frozen else "set"
    return None


def type_name(c: Checker, node: ast.Attribute) -> T.Type:
    """`type(x).__name__`: the name of x's class, as a str.  `type()` is
    compiled only here: type objects are not values in Pythos."""
    call = node.value
    assert isinstance(call, ast.Call)
    if len(call.args) != 1 or call.keywords:
        raise c.error(call, "type() takes one argument (type(x).__name__)")
    t = c.expr(call.args[0], None)
    name = static_type_name(t)
    if name is None and not (isinstance(t, (ClassType, T.OptionalType)) or t is OBJECT):
        raise c.error(call, f"type(x).__name__ of a value of type \"{t}\" is not supported "
                            f"(its class is known only to CPython)")
    node.type_name = name  # type: ignore[attr-defined]
    if name is None:
        c.heap_use(node, "str values built at run time", "type(x).__name__ makes a str")
    return STR


# The containers isinstance() tests by the kind of an object's TypeInfo,
# with the static types each kind holds.
CONTAINER_KINDS: dict[str, Callable[[T.Type], bool]] = {
    "list": lambda t: isinstance(t, T.ListType) and not isinstance(t, T.BytearrayType),
    "bytearray": lambda t: isinstance(t, T.BytearrayType),
    "tuple": lambda t: isinstance(t, (T.TupleType, T.VarTupleType)),
    "dict": lambda t: isinstance(t, T.DictType),
    "set": lambda t: isinstance(t, T.SetType) and not t.frozen,
    "frozenset": lambda t: isinstance(t, T.SetType) and t.frozen,
}


def isinstance_class(c: Checker, arg: ast.expr, subject: T.Type) -> tuple[str | None, T.Type]:
    """One class that `isinstance(x, ...)` tests x against: the name of a
    container kind (None for a class or int, str, bool, bytes) and the type
    a true test narrows x to.

    A container (`isinstance(x, list)`) is a test of the object's kind,
    whatever its item types.  It narrows an Optional container
    (`xs: list[int] | None`) to the container, as mypy does; it cannot
    narrow an `object`, because mypy's answer, `list[Any]`, has no item
    type to compile, so the test is then only a bool."""
    cls = c.class_symbol(arg)
    if cls is not None:
        if not objectish(subject):
            raise c.error(arg, f"isinstance() of a {subject} is always known; it is not "
                               f"an object")
        return None, cls
    tn = arg.id if isinstance(arg, ast.Name) else None
    if tn in ("int", "str", "bool", "bytes") and c.builtin_name(arg) == tn:
        return None, TYPE_NAMES[tn]
    if tn in CONTAINER_KINDS and c.builtin_name(arg) == tn:
        base = T.strip_optional(subject)
        if base is not OBJECT and not isinstance(subject, T.OptionalType):
            raise c.error(arg, f"isinstance() of a {subject} is always known; it is not "
                               f"an object")
        return tn, base if CONTAINER_KINDS[tn](base) else OBJECT
    raise c.error(arg, "isinstance() takes a class (or int, str, bool, bytes, list, tuple, "
                       "dict, set, frozenset, bytearray), or a tuple of them, as its second "
                       "argument")


def object_builtin(c: Checker, node: ast.Call, name: str, want: T.Type | None) -> T.Type:
    """The builtins that work on objects (issue 11)."""
    args = node.args
    if name in ITERABLE_BUILTINS:
        return c.iterable_builtin(node, name, want)
    node.call = ("builtin", name)  # type: ignore[attr-defined]
    if name == "isinstance":
        if len(args) != 2 or node.keywords:
            raise c.error(node, "isinstance() takes an object and a class")
        subject = c.expr(args[0], None)
        # `isinstance(x, (A, B))`: true if any of them is.
        classes = args[1].elts if isinstance(args[1], ast.Tuple) else [args[1]]
        parts = list(dict.fromkeys(isinstance_class(c, a, subject) for a in classes))
        if len(parts) == 1:
            kind, cls = parts[0]
            if kind is not None:
                node.isinstance_kind = kind  # type: ignore[attr-defined]
        else:
            # Tested one after the other (build/objects.py); none is False.
            # Pythos has no unions, so a test of several types narrows nothing.
            node.isinstance_parts = parts  # type: ignore[attr-defined]
            cls = OBJECT
        node.isinstance_type = cls  # type: ignore[attr-defined]
        c.heap_use(node, "isinstance tests", "isinstance() reads an object's class")
        return BOOL
    if name in ("str", "repr"):
        if len(args) != 1 or node.keywords:
            raise c.error(node, f"{name}() takes one argument")
        t = c.expr(args[0], None)
        if t is NONE:
            raise c.error(args[0], "this expression has no value")
        # Of an instance it calls __str__/__repr__, which the lowering
        # handles with the classes; of anything else it is a run-time str.
        c.heap_use(node, "classes" if isinstance(t, ClassType) else
                   "str values built at run time", f"{name}() allocates a str")
        return STR
    if name == "hash":
        if len(args) != 1 or node.keywords:
            raise c.error(node, "hash() takes one argument")
        t = c.expr(args[0], None)
        if not isinstance(t, T.BytearrayType):  # (a bytearray's TypeError is at run time)
            c.hashable(args[0], t)
        c.heap_use(node, "hashes", "hash() reads an object")
        return I64
    if name == "super":
        raise c.error(node, "super() is used as super().method(...)")
    if name == "tuple" and not args:
        raise c.error(node, "tuple() is the empty tuple; write ()")
    if name == "tuple":
        # mypy types tuple(E) as tuple[T, ...]: a length known only at run
        # time.  The runtime copies a list's items, or a tuple's.
        if len(args) != 1 or node.keywords:
            raise c.error(node, "tuple() takes one argument")
        counted = c.comprehension_range(args[0])  # tuple(range(n))
        if counted is not None:
            node.via_list = T.ListType(counted)  # type: ignore[attr-defined]
            c.heap_use(node, "tuples", "tuple() allocates")
            return T.VarTupleType(counted)
        t = c.expr(args[0], None)
        if isinstance(t, T.TupleType) and t.elements and len(set(t.elements)) == 1:
            elem = t.elements[0]
        elif isinstance(t, (T.ListType, T.VarTupleType)) \
                and not isinstance(t, T.BytearrayType):
            elem = t.element
        elif isinstance(t, T.TupleType):
            raise c.error(args[0], f"tuple() of a {t} is not supported: it takes an iterable "
                                   f"whose items have one type")
        else:
            # Any other iterable (a str, a generator, a dict, a set, an
            # iterator): its items are collected into a list first, which
            # the tuple then copies (ir/build/tuples.py).
            elem = c.element_type(args[0], t)
            if elem is T.NONE_VALUE:
                raise c.error(args[0], "tuple() of items that are all None is not supported")
            node.via_list = T.ListType(elem)  # type: ignore[attr-defined]
        c.heap_use(node, "tuples", "tuple() allocates")
        return T.VarTupleType(elem)
    if name == "object":
        raise c.error(node, "object() is not supported")
    raise c.error(node, f"'{name}' cannot be called here")


def int_text(c: Checker, node: ast.Call, name: str) -> T.Type:
    """`hex(x)`, `bin(x)` and `oct(x)` are the f-strings `f"{x:#x}"`,
    `f"{x:#b}"` and `f"{x:#o}"`, which give the same text in CPython
    (a sign, then the prefix: `hex(-255)` is `'-0xff'`); the builder
    builds node.fstring."""
    if len(node.args) != 1 or node.keywords:
        raise c.error(node, f"{name}() takes one argument")
    t = c.expr(node.args[0], None)
    if not (isinstance(t, IntType) or t is BOOL):
        raise c.error(node.args[0], f"argument 1 to \"{name}\" has incompatible type \"{t}\"; "
                                    f"expected an integer")
    from .strformat import format_field
    spec = "#" + name[0] if name != "hex" else "#x"
    fstring = ast.copy_location(ast.JoinedStr([format_field(node.args[0], -1, spec, node)]),
                                node)
    c.fstring(fstring)
    node.fstring = fstring  # type: ignore[attr-defined]
    return STR


def int_round(c: Checker, node: ast.Call) -> T.Type:
    """`round(x)` and `round(x, ndigits)` of an int (Pythos has no floats):
    x itself, or for a negative ndigits the nearest multiple of
    10**-ndigits, ties to even (rt/core.py, round_int)."""
    args = [*node.args, *(kw.value for kw in node.keywords)]
    for kw in node.keywords:
        if kw.arg != "ndigits" or len(node.args) != 1:
            raise c.error(kw, f"round() got an unexpected keyword argument '{kw.arg}'")
    if not 1 <= len(args) <= 2:
        raise c.error(node, f"round() takes 1 or 2 arguments ({len(args)} given)")
    t = c.expr(args[0], I64)
    if t is not I64:
        raise c.error(args[0], f"round() of a {t} is not supported: it takes an int "
                               f"(Pythos has no floats; convert with int(...) first)")
    if len(args) == 2:
        nt = c.expr(args[1], I64)
        if nt is not I64:
            raise c.error(args[1], f"round()'s ndigits is an int, not \"{nt}\"")
    node.round_args = args  # type: ignore[attr-defined]
    return I64


def int_arithmetic(c: Checker, node: ast.Call, name: str, want: T.Type | None) -> T.Type:
    """`abs(x)`, `pow(x, y)` and `divmod(x, y)` of integers: `abs` keeps
    x's type (a sized integer wraps, as pythos.lang's `__abs__` does:
    `abs(i8(-128))` is -128), `pow(x, y)` is `x ** y`, checked as that
    operator is (node.binop holds it), and `divmod` is the tuple of `//`
    and `%`."""
    args = node.args
    if node.keywords:
        raise c.error(node, f"{name}() takes positional arguments here")
    if name == "abs":
        if len(args) != 1:
            raise c.error(node, "abs() takes one argument")
        t = c.expr(args[0], want if isinstance(want, IntType) else None)
        if t is BOOL:
            raise c.error(node, "arithmetic on bool is not supported; convert with int(...) "
                                "first")
        if not isinstance(t, IntType):
            raise c.error(args[0], f"argument 1 to \"abs\" has incompatible type \"{t}\"; "
                                   f"expected an integer")
        return t
    if name == "divmod":
        # `(a // b, a % b)`, the operands typed as those operators type them.
        if len(args) != 2:
            raise c.error(node, "divmod() takes two arguments")
        t = c.binop_types(node, ast.FloorDiv(), args[0], args[1], None)
        if not isinstance(t, IntType):
            raise c.error(node, f"unsupported operand types for divmod() (\"{t}\")")
        c.heap_use(node, "tuples", "divmod() makes a tuple")
        return T.TupleType((t, t))
    if len(args) == 3:
        # The modular power (rt/core.py, pow_mod), of plain ints only:
        # pythos.lang's sized integers have no three-argument __pow__.
        for a in args:
            t = c.expr(a, I64)
            if t is not I64:
                raise c.error(a, f"pow() with a modulus takes int arguments, not \"{t}\"")
        node.pow_mod = True  # type: ignore[attr-defined]
        return I64
    if len(args) != 2:
        raise c.error(node, "pow() takes two arguments")
    binop = ast.copy_location(ast.BinOp(args[0], ast.Pow(), args[1]), node)
    node.binop = binop  # type: ignore[attr-defined]
    return c.expr(binop, want)


def builtin_call(c: Checker, node: ast.Call, name: str, want: T.Type | None) -> T.Type:
    node.call = ("builtin", name)  # type: ignore[attr-defined]
    in_runtime = c.module.name.startswith("pythos.rt")
    if name in KERNEL_ONLY and not c.freestanding and not in_runtime:
        raise c.error(node, f"{name}() is only available in the freestanding (kernel) target")
    args = node.args

    def arity(n: int) -> None:
        if len(args) != n or node.keywords:
            raise c.error(node, f"{name}() takes {n} argument(s)")

    if name == "type":
        raise c.error(node, "type() is compiled only as type(x).__name__ (type objects are "
                            "not values here; test a class with isinstance())")
    if name == "bytes":
        return bytes_call(c, node)  # check/bytesmethods.py
    if name == "bytearray":
        return bytearray_call(c, node)  # check/bytesmethods.py
    if name in ITERABLE_BUILTINS or name in ("isinstance", "str", "repr", "hash", "super",
                                             "tuple", "object"):
        return object_builtin(c, node, name, want)
    if name == "int" and len(args) == 2:
        return parse_int(c, node)
    if name in CONVERSIONS:
        arity(1)
        target = CONVERSIONS[name]
        value = c.const_int(args[0])
        if value is not None:
            args[0].const, args[0].ty = value, I64  # type: ignore[attr-defined]
            node.call = ("conv", target)  # type: ignore[attr-defined]
            if target is BOOL:
                node.const = value != 0  # type: ignore[attr-defined]
            else:
                assert isinstance(target, IntType)
                node.const = target.wrap(value)  # type: ignore[attr-defined]
            return target
        at = c.expr(args[0], None)
        if name == "int" and at is STR:
            return parse_int(c, node)
        if target is BOOL and (objectish(at) or at is BYTES):
            node.call = ("builtin", "bool")  # type: ignore[attr-defined]
            c.truth_type(args[0], at)
            return BOOL
        if not (isinstance(at, IntType) or at is BOOL or (target is BOOL and isinstance(
                at, PtrType))):
            raise c.error(args[0], f"cannot convert {at} to {target}")
        if name == "int" and at == U64:
            raise c.error(node, "int() of a u64 can exceed i64 (CPython's int() would not "
                                "wrap); write i64(x) to wrap explicitly")
        node.call = ("conv", target)  # type: ignore[attr-defined]
        if getattr(args[0], "const", None) is not None and not isinstance(
                args[0].const, (str, bytes)):  # type: ignore[attr-defined]
            v = int(args[0].const)  # type: ignore[attr-defined]
            node.const = (v != 0) if target is BOOL else target.wrap(v)  # type: ignore
        return target
    if name == "print":
        for a in args:
            print_arg(c, a)
        for kw in node.keywords:
            if kw.arg not in ("sep", "end"):
                raise c.error(kw, f"print() keyword '{kw.arg}' is not supported")
            c.text(kw.value)
        return NONE
    if name == "panic":
        arity(1)
        c.text(args[0])
        return NONE
    if name == "len":
        arity(1)
        t = c.expr(args[0], None)
        if isinstance(t, ClassType) and c.call_method_of(args[0], t, "__len__") is None:
            raise c.error(args[0], f"argument 1 to \"len\" has incompatible type \"{t}\" "
                                   f"(it has no __len__)")
        if objectish(t) and t is not STR:
            if isinstance(t, (OptionalType, CallableType, T.IteratorType)) or t in (
                    NONE_VALUE, OBJECT):
                raise c.error(args[0], f"argument 1 to \"len\" has incompatible type "
                                       f"\"{t}\"")
            c.heap_use(node, kind_of(t), "len() reads an object")
            t = STR  # a length known only at run time, like a str's
        if not isinstance(t, ArrayType) and t not in (STR, BYTES):
            raise c.error(args[0], f"{t} has no length")
        # len() is a plain int under CPython, so it takes its context's type
        # like a literal, and like a literal it must fit: compiled, 300
        # as a u8 would be 44, and `x < len(s)` would compare with that.
        size_type = want if isinstance(want, IntType) else I64
        length = t.length if isinstance(t, ArrayType) else getattr(args[0], "const", None)
        if isinstance(length, (str, bytes)):
            length = len(length)
        if isinstance(length, int):
            if not size_type.min <= length <= size_type.max:
                raise c.error(node, f"len() here is {length}, which is out of range for "
                                    f"{size_type}, the type its context gives it; make the "
                                    f"other side wider (e.g. u64(...))")
            if isinstance(t, ArrayType):
                node.const = length  # type: ignore[attr-defined]
        elif size_type.bits < 64:
            raise c.error(node, f"len() can be larger than {size_type} holds (CPython keeps "
                                f"the whole length), and here its context makes it a "
                                f"{size_type}; make the other side u64 (e.g. u64(...))")
        return size_type
    if name in ("hex", "bin", "oct"):
        return int_text(c, node, name)
    if name in ("abs", "pow", "divmod"):
        return int_arithmetic(c, node, name, want)
    if name == "round":
        return int_round(c, node)
    if name == "chr":
        # Printed, chr() writes its character (print_arg); as a value it
        # is a one-character str made at run time (issue 11).
        arity(1)
        at = c.expr(args[0], I64)
        if not isinstance(at, IntType):
            raise c.error(args[0], f"chr() takes an integer, got \"{at}\"")
        c.heap_use(node, "str values built at run time", "chr() allocates a str")
        return STR
    if name == "ord":
        arity(1)
        c.expect(args[0], STR)
        text = getattr(args[0], "const", None)
        if isinstance(text, str) and len(text) == 1:
            node.const = ord(text)  # type: ignore[attr-defined]
            return I64
        c.heap_use(node, "str operations", "ord() reads a str")
        return I64
    if name == "range":
        raise c.error(node, "range() can only be used in a for loop")
    if name == "sizeof":
        arity(1)
        measured = c.resolve_type(args[0])
        if T.is_object(measured):
            raise c.error(args[0], f"sizeof() measures a struct, an array or a scalar type; "
                                   f"{measured} is a class, whose instances are objects on "
                                   f"the heap (declare it @struct to lay it out in memory)")
        if not T.is_complete(measured):
            raise c.error(args[0], f"the size of {measured} is not known yet (its fields "
                                   f"depend on this value)")
        if measured in (T.NONE, T.OBJECT):
            raise c.error(args[0], f"sizeof() measures a struct, an array, an integer or a "
                                   f"pointer; a {measured} value is a reference to a heap "
                                   f"object, whose size is not fixed by its type")
        node.const = T.sizeof(measured)  # type: ignore[attr-defined]
        return U64
    if name == "addr_of":
        arity(1)
        return addr_of(c, args[0])
    if name == "func_addr":
        arity(1)
        sym = c.static_symbol(args[0]) if isinstance(args[0], (ast.Name, ast.Attribute)) \
            else None
        if not isinstance(sym, FuncSym):
            raise c.error(args[0], "func_addr() takes the name of a function")
        args[0].sym = sym  # type: ignore[attr-defined]
        return U64
    if name == "call_addr":
        # An indirect call through an address from func_addr(): the
        # runtime's type descriptors hold their functions this way.  Every
        # argument and the result are 64-bit, so the callee must take and
        # return u64 (its machine signature is not checked here).
        if not 1 <= len(args) <= 7 or node.keywords:
            raise c.error(node, "call_addr() takes a function address and up to 6 u64 "
                                "arguments")
        for a in args:
            c.expect(a, U64)
        return U64
    if name == "str_bytes":
        arity(1)
        c.expect(args[0], STR)
        return BYTES
    if name == "asm":
        return inline_asm(c, node)
    if name in ("lgdt", "lidt"):
        arity(1)
        t = c.expr(args[0], None)
        if not isinstance(t, PtrType):
            raise c.error(args[0], f"{name}() takes a Ptr to the descriptor-table pointer")
        return NONE
    if name in ATOMICS:
        arity(ATOMICS[name] + 1)
        pt = c.expr(args[0], None)
        if not isinstance(pt, PtrType) or not isinstance(pt.target, IntType):
            raise c.error(args[0], f"{name}() takes a Ptr to an integer")
        for a in args[1:]:
            c.expect(a, pt.target)
        return NONE if name == "atomic_store" else pt.target
    if name in INTRINSICS:
        params, result = INTRINSICS[name]
        arity(len(params))
        for a, pt in zip(args, params, strict=False):
            c.expect(a, pt)
        return result
    if name == "global_asm":
        raise c.error(node, "global_asm() belongs at module level")
    raise c.error(node, f"'{name}' cannot be called here")


def parse_int(c: Checker, node: ast.Call) -> T.Type:
    """int(s) and int(s, base) parse text (issue 11)."""
    args = node.args
    if not 1 <= len(args) <= 2 or node.keywords:
        raise c.error(node, "int() takes a str and an optional base")
    c.expect(args[0], STR)
    if len(args) == 2:
        c.expect(args[1], I64)
    node.call = ("builtin", "int")  # type: ignore[attr-defined]
    c.heap_use(node, "str operations", "int() of a str reads an object")
    return I64


def print_arg(c: Checker, a: ast.expr) -> None:
    if isinstance(a, ast.JoinedStr):
        c.fstring(a)
        return
    if is_chr(c, a):
        return
    t = c.expr(a, None)
    if objectish(t) and t not in (STR, NONE_VALUE):
        # Printed with its __str__, or CPython's text for a container.
        c.heap_use(a, kind_of(t), "printing an object allocates its text")
        return
    if t is NONE_VALUE:
        # A value known to be None prints as None (build/optional.py).
        c.heap_use(a, "optional values", "printing None allocates its text")
        return
    if not (isinstance(t, IntType) or t in (BOOL, STR, BYTES)):
        raise c.error(a, f"cannot print a {t}")


def is_chr(c: Checker, a: ast.expr) -> bool:
    """`chr(x)` as a print argument or f-string field: checked here since
    chr() has no value of its own elsewhere."""
    if isinstance(a, ast.Call) and c.builtin_name(a.func) == "chr":
        if len(a.args) != 1 or a.keywords:
            raise c.error(a, "chr() takes 1 argument")
        t = c.expr(a.args[0], None)
        if not isinstance(t, IntType):
            raise c.error(a.args[0], f"chr() takes an integer, got {t}")
        a.call = ("builtin", "chr")  # type: ignore[attr-defined]
        a.ty = STR  # type: ignore[attr-defined]
        return True
    return False


def addr_of(c: Checker, arg: ast.expr) -> T.Type:
    t = c.expr(arg, None)
    if isinstance(arg, ast.Name):
        sym = getattr(arg, "sym", None)
        if isinstance(sym, Local) and not t.is_aggregate:
            raise c.error(arg, f"local variable '{arg.id}' has no address; use a "
                               f"module-level variable or an array")
        if not isinstance(sym, (Local, GlobalSym)):
            raise c.error(arg, "addr_of() needs a variable, field or element")
    elif isinstance(arg, ast.Attribute):
        if getattr(arg, "field", None) is None:
            raise c.error(arg, "addr_of() needs a variable, field or element")
    elif isinstance(arg, ast.Subscript):
        if getattr(arg, "sub", None) == "bytes":
            raise c.error(arg, "bytes constants have no address here")
    else:
        raise c.error(arg, "addr_of() needs a variable, field or element")
    if t in (STR, BYTES):
        raise c.error(arg, f"addr_of() of a {t} is not supported")
    root = c.storage_root(arg)
    if c.fn is not None and root is not None:
        c.addressed.add(root.id)  # returning it is refused (see Checker.shared_reason)
    if isinstance(t, ArrayType):
        return PtrType(t.element)
    return PtrType(t)


def inline_asm(c: Checker, node: ast.Call) -> T.Type:
    args = node.args
    if len(args) < 2 or not all(isinstance(a, ast.Constant) and isinstance(a.value, str)
                                for a in args[:2]):
        raise c.error(node, "asm() takes a template and a constraint string literal first")
    result: T.Type = NONE
    for kw in node.keywords:
        if kw.arg != "result":
            raise c.error(kw, f"asm() has no keyword '{kw.arg}'")
        result = c.resolve_type(kw.value)
        if not isinstance(result, IntType):
            raise c.error(kw.value, "asm() results are integers")
    for a in args[2:]:
        value = c.const_int(a)
        t = c.expr(a, U64 if value is not None else None)
        if not (isinstance(t, (IntType, PtrType)) or t is BOOL):
            raise c.error(a, f"asm() operands are integers or pointers, got {t}")
    node.asm_result = result  # type: ignore[attr-defined]
    return result
