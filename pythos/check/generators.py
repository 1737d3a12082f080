"""Checking generators (a mixin of `check.Checker`), issue 12.

A function whose own scope contains `yield` or `yield from` is a
generator function.  A `yield` may stand anywhere an expression may,
inside `try` and `with` too: the parts of an expression evaluated before
it (`f(a(), (yield b))`) are temporaries, which the pass
`spill_across_yields` moves into the frame (ir/passes/generators.py).
Its annotation says what it yields: `Iterator[Y]` and `Iterable[Y]`
mean `Generator[Y, None, None]`, and `Generator[Y, S, R]` also names
what `send` passes in (S, the value of a `yield` expression) and what
`return value` ends it with (R).  `fn.generator` records that
GeneratorType; the builder (ir/build/generators.py) turns the function
into a frame and a resume function.

What is refused, and why:

- `yield from` in `async def` (CPython's SyntaxError too; a `yield` there
  makes an asynchronous generator, check/asyncs.py);
- `yield` at module level, which CPython's compiler refuses too, and in
  a lambda or a comprehension (a lambda generator has no annotation to
  say what it yields; CPython refuses the comprehension).

A generator nested in another function is a closure like any nested
function (ir/build/funcs.py): its creation function takes the closure,
which the frame keeps as a parameter, and its resume function loads the
cells from it on entry, so it reads the enclosing variables when it
runs, as CPython does.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

from .. import types as T
from ..symbols import Param
from ..types import NONE, NONE_VALUE, GeneratorType, IteratorType

if TYPE_CHECKING:
    from ..diagnostics import CompileError
    from ..symbols import FuncSym



def own_yields(fn_node: ast.AST) -> list[ast.expr]:
    """The `yield` and `yield from` expressions of one function's own scope
    (not of the functions, lambdas and comprehensions inside it)."""
    out: list[ast.expr] = []
    stack: list[ast.AST] = list(ast.iter_child_nodes(fn_node))
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            continue
        if isinstance(node, (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)):
            stack.append(node.generators[0].iter)
            continue
        if isinstance(node, (ast.Yield, ast.YieldFrom)):
            out.append(node)
        stack.extend(ast.iter_child_nodes(node))
    return out


def is_generator_function(node: ast.AST) -> bool:
    return isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and bool(own_yields(node))


class Generators:
    """Mixed into `check.Checker`."""

    fn: FuncSym | None

    if TYPE_CHECKING:
        def error(self, node: ast.AST, message: str) -> CompileError: ...
        def comprehension_range(self, it: ast.expr, where: str = ...) -> T.Type | None: ...
        def heap_use(self, node: ast.AST, what: str, effect: str) -> None: ...
        def expr(self, node: ast.expr, want: T.Type | None, discard: bool = False) -> T.Type: ...
        def expect(self, node: ast.expr, want: T.Type) -> Any: ...
        def no_plain_literal(self, node: ast.expr, t: T.Type, what: str) -> None: ...
        def element_type(self, node: ast.expr, t: T.Type) -> T.Type: ...
        def base_exception(self) -> T.ClassType | None: ...
        def is_exception(self, t: T.Type) -> bool: ...
        def exception_class_named(self, node: ast.expr) -> T.ClassType | None: ...

    def start_generator(self, fn: FuncSym) -> None:
        """Decide whether `fn` is a generator function, before its body is
        checked, and mark the `yield`s that stand where they can be
        compiled."""
        assert fn.node is not None
        yields = own_yields(fn.node)
        fn.generator = None
        if not yields:
            return
        for y in yields:
            y.own_yield = True  # type: ignore[attr-defined]
        first = min(yields, key=lambda n: (n.lineno, n.col_offset))
        if fn.name == "<module>":
            word = "yield from" if isinstance(first, ast.YieldFrom) else "yield"
            raise self.error(first, f"'{word}' outside function")  # CPython's SyntaxError
        for p in fn.params:
            if p.type.is_aggregate:
                arg: ast.AST = next((a for a in fn.node.args.args if a.arg == p.name),
                                    fn.node)
                raise self.error(arg, f"a generator's frame cannot hold the struct or array "
                                      f"parameter '{p.name}' (it is the caller's storage); "
                                      f"pass an object")
        t = fn.result
        if not isinstance(t, IteratorType) or t.name not in ("Iterator", "Iterable",
                                                              "Generator"):
            where: ast.AST = fn.node.returns or fn.node
            raise self.error(where, f"'{fn.name}' contains 'yield', so it is a generator "
                                    f"function; declare its result Iterator[T], Iterable[T] "
                                    f"or Generator[Y, S, R], not {t}")
        fn.generator = t if isinstance(t, GeneratorType) else \
            GeneratorType(t.element, "Generator", NONE, NONE)
        self.mark_yields(fn.node.body)

    def mark_yields(self, body: list[ast.stmt]) -> None:
        """Mark each `yield` that is a whole statement (`yield v`): its
        value is not used.  Every other one gives what `send()` passes in
        (`x = yield v`, `f((yield))`)."""
        for s in body:
            if isinstance(s, ast.Expr) and isinstance(s.value, (ast.Yield, ast.YieldFrom)):
                s.value.yield_statement = True  # type: ignore[union-attr]
            for field in ("body", "orelse", "finalbody"):
                sub = getattr(s, field, None)
                if isinstance(sub, list) and sub and isinstance(sub[0], ast.stmt):
                    self.mark_yields(sub)
            for handler in getattr(s, "handlers", []):
                self.mark_yields(handler.body)

    def generator_of(self, node: ast.expr) -> GeneratorType:
        gen = self.fn.generator if self.fn is not None else None
        word = "yield from" if isinstance(node, ast.YieldFrom) else "yield"
        if gen is None or not getattr(node, "own_yield", False):
            inner = self.enclosing_scope_of_yield(node)
            if inner is not None:
                raise self.error(node, f"'{word}' inside {inner} is not supported; write a "
                                       f"generator function (def ... -> Iterator[T])")
            raise self.error(node, f"'{word}' outside a generator function")
        assert isinstance(gen, GeneratorType)
        return gen

    def enclosing_scope_of_yield(self, node: ast.expr) -> str | None:
        """'a lambda' or 'a comprehension' if `node` stands in one inside
        the function being checked (CPython makes a lambda with `yield`
        a generator, and refuses one in a comprehension)."""
        if self.fn is None or self.fn.node is None:
            return None
        for outer in ast.walk(self.fn.node):
            if outer is self.fn.node:
                continue
            kind = "a lambda" if isinstance(outer, ast.Lambda) else "a comprehension" \
                if isinstance(outer, (ast.ListComp, ast.SetComp, ast.DictComp,
                                      ast.GeneratorExp)) else None
            if kind is not None and any(n is node for n in ast.walk(outer)):
                return kind
        return None

    def expr_Yield(self, node: ast.Yield, want: T.Type | None) -> T.Type:
        gen = self.generator_of(node)
        if gen.send is NONE and not getattr(node, "yield_statement", False):
            assert self.fn is not None
            raise self.error(node, f"the value of 'yield' is what send() passes in, but this "
                                   f"generator is declared {self.fn.result}, which is sent "
                                   f"nothing; declare it Generator[{gen.element}, S, "
                                   f"{gen.result}]")
        if node.value is None or (isinstance(node.value, ast.Constant)
                                  and node.value.value is None):
            # `yield` and `yield None` are the same yield.
            if node.value is not None:
                node.value.ty = NONE_VALUE  # type: ignore[attr-defined]
            if gen.element is not NONE and not isinstance(gen.element, T.OptionalType):
                raise self.error(node, f"a bare 'yield' yields None, but this generator "
                                       f"yields {gen.element}")
        else:
            self.no_plain_literal(node.value, gen.element, "the yielded value")
            self.expect(node.value, gen.element)
        return gen.send

    def expr_YieldFrom(self, node: ast.YieldFrom, want: T.Type | None) -> T.Type:
        gen = self.generator_of(node)
        counted = self.comprehension_range(node.value, "in 'yield from'")  # range(n)
        t: T.Type
        if counted is not None:
            t = T.IteratorType(counted, "Iterator")
            node.value.ty = t  # type: ignore[attr-defined]
            self.heap_use(node, "iterators", "yield from range() allocates an iterator")
        else:
            t = self.expr(node.value, None)
        # An __await__ delegating to another (`yield from source.__await__()`):
        # both yield only None, which a yield from passes on as it is.
        element = NONE if isinstance(t, GeneratorType) and t.element is NONE \
            and gen.element is NONE else self.element_type(node.value, t)
        if not T.assignable(element, gen.element):
            raise self.error(node.value, f"'yield from' gives items of type {element}, but "
                                         f"this generator yields {gen.element}")
        if isinstance(t, GeneratorType):
            if gen.send is not NONE and not T.assignable(gen.send, t.send):
                raise self.error(node.value, f"'yield from' passes what this generator is "
                                             f"sent ({gen.send}) on to a generator that "
                                             f"takes {t.send}")
            return t.result
        if gen.send is not NONE:
            raise self.error(node.value, f"'yield from' of a {t} cannot take the "
                                         f"{gen.send} values this generator is sent (only "
                                         f"a generator has send())")
        return NONE

    # ----- throw() and close() ----------------------------------------------------------
    def generator_method(self, t: GeneratorType, name: str) -> tuple[list[Param], T.Type, str]:
        """The signatures of `g.throw(exc)` (what the generator yields next)
        and `g.close()`."""
        if name == "close":
            return [], NONE, "runs the generator's finally blocks"
        base = self.base_exception()
        if base is None:
            raise AssertionError("generator.throw() needs the exception classes")
        item = NONE_VALUE if t.element is NONE else t.element  # what next() gives
        return [Param("value", base, None)], item, "runs the generator"

    def throw_args(self, node: ast.Call, params: list[Param]) -> None:
        """`g.throw(exc)`: one exception instance, or a class, which is
        called with no arguments.  The old (type, value, traceback) form is
        refused with what to write instead."""
        if node.keywords:
            raise self.error(node.keywords[0], "generator.throw() takes no keyword arguments")
        if not node.args:
            raise self.error(node, "generator.throw() takes the exception instance to raise")
        if len(node.args) != 1:
            where: ast.AST = node.args[1]
            raise self.error(where, f"generator.throw() takes one argument here, the "
                                    f"exception instance (got {len(node.args)}); the "
                                    f"(type, value, traceback) form is deprecated")
        arg = node.args[0]
        ct = self.exception_class_named(arg) if isinstance(arg, (ast.Name, ast.Attribute)) \
            else None
        if ct is not None:
            # `g.throw(ValueError)` throws `ValueError()`, as `raise` does.
            arg = ast.Call(arg, [], [])
            ast.copy_location(arg, node.args[0])
            node.args[0] = arg
        t = self.expr(arg, None)
        if not self.is_exception(t):
            raise self.error(arg, f"generator.throw() takes an exception instance, not "
                                  f"\"{t}\"")

    def generator_return(self, s: ast.Return) -> None:
        """`return` in a generator: it ends the iteration; a value becomes
        the StopIteration's value, of type R of Generator[Y, S, R]."""
        assert self.fn is not None and isinstance(self.fn.generator, GeneratorType)
        gen = self.fn.generator
        if s.value is None:
            return
        if isinstance(gen, T.AsyncGeneratorType):
            raise self.error(s, "'return' with value in async generator")  # CPython's
        if gen.result is NONE:
            raise self.error(s.value, f"this generator is declared {self.fn.result}, so it "
                                      f"cannot return a value; declare it Generator["
                                      f"{gen.element}, {gen.send}, R] to return an R")
        self.no_plain_literal(s.value, gen.result, "the return value")
        self.expect(s.value, gen.result)
        self.no_plain_literal(s.value, gen.result, "the return value")
