"""Definite assignment: a local is read only where every path has assigned it.

Under CPython, reading a local before anything was assigned to it raises
``UnboundLocalError``.  Compiled, the variable is a stack slot, and the
read would quietly give whatever the slot held.  Rather than compile
something different, the checker rejects such a read, the way Java and
C# do: a read is accepted only if an assignment reaches it on *every*
path through the function, whatever the values of the conditions.

The analysis walks the function's statements once, carrying the set of
locals that are definitely assigned at that point::

    x = 1             {x}
    if c:
        y = 2         {x, y}
    else:
        panic("")     unreachable: this branch does not constrain the join
    z = x + y         {x, y}: y is assigned on every path that gets here

At a join (after an ``if``, after a loop) the set is the intersection of
the sets of the paths that reach it; a path that ended in ``return``,
``break``, ``continue`` or ``panic()`` does not reach it.  A loop's body
may run zero times, so what only the body assigns is not assigned after
the loop, unless the loop is ``while True`` (it is left only by a
``break``, so the state after it is the join of the ``break`` states) or
a ``for`` over a ``range`` with constant bounds that is not empty (the
body has run at least once, so its assignments count, the loop variable's
among them).
Inside a loop body, an assignment later in the body does not count for a
read earlier in it: on the first iteration it has not happened yet.

The analysis is conservative, like every such analysis: it does not
evaluate conditions, so code that is correct only because of what the
conditions are (a flag set on the first iteration, say) is rejected.
Assign the variable before the branch or the loop in that case.
"""

from __future__ import annotations

import ast

# The state: the names definitely assigned, or None where the code is
# unreachable (after return, break, continue or panic()).
State = frozenset[str] | None


def join(a: State, b: State) -> State:
    """The state where two paths meet: what both assigned."""
    if a is None:
        return b
    if b is None:
        return a
    return a & b


def is_constant_true(test: ast.expr) -> bool:
    return isinstance(test, ast.Constant) and test.value is True


def runs_at_least_once(it: ast.expr) -> bool:
    """Whether ``it`` is ``range(...)`` of constants (as the checker worked
    them out) that is not empty."""
    if not (isinstance(it, ast.Call) and isinstance(it.func, ast.Name)
            and it.func.id == "range" and 1 <= len(it.args) <= 3):
        return False
    bounds: list[int] = []
    for arg in it.args:
        value = getattr(arg, "const", None)
        if not isinstance(value, int) or isinstance(value, bool):
            return False
        bounds.append(value)
    try:
        return len(range(*bounds)) > 0
    except ValueError:  # a step of zero
        return False


def is_panic(stmt: ast.stmt) -> bool:
    return (isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call)
            and isinstance(stmt.value.func, ast.Name) and stmt.value.func.id == "panic")


class UnassignedRead(Exception):
    """A read of a local that some path reaches without assigning it."""

    def __init__(self, node: ast.Name) -> None:
        super().__init__(node.id)
        self.node = node


class DefiniteAssignment:
    """Walks one function body; ``locals`` are the names it assigns (minus
    its parameters, which are assigned on entry, and its globals)."""

    def __init__(self, local_names: set[str]) -> None:
        self.locals = local_names
        # One list per enclosing loop: the states at its `break`s and
        # `continue`s.
        self.breaks: list[list[State]] = []
        self.continues: list[list[State]] = []

    def reads(self, node: ast.AST | None, state: frozenset[str]) -> None:
        """Check every local read in an expression against ``state``."""
        if node is None:
            return
        # A lambda's parameters and a comprehension's variables are names of
        # their own scopes, which shadow the function's locals.
        stack: list[tuple[ast.AST, frozenset[str]]] = [(node, frozenset())]
        while stack:
            sub, shadowed = stack.pop()
            if (isinstance(sub, ast.Name) and isinstance(sub.ctx, ast.Load)
                    and sub.id in self.locals and sub.id not in state
                    and sub.id not in shadowed):
                raise UnassignedRead(sub)
            if isinstance(sub, ast.Lambda):
                shadowed = shadowed | {a.arg for a in sub.args.args}
            elif isinstance(sub, (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)):
                shadowed = shadowed | {n.id for g in sub.generators for n in ast.walk(g.target)
                                       if isinstance(n, ast.Name)}
            stack.extend((child, shadowed) for child in ast.iter_child_nodes(sub))

    def block(self, body: list[ast.stmt], state: State) -> State:
        for stmt in body:
            if state is None:
                return None  # the rest is unreachable, and is not checked here
            state = self.stmt(stmt, state)
        return state

    def assign(self, target: ast.expr, state: frozenset[str]) -> frozenset[str]:
        """The state after storing to ``target``: a name becomes assigned;
        `p.f = ...` and `a[i] = ...` read `p`, `a` and `i`."""
        if isinstance(target, ast.Name):
            return state | {target.id}
        if isinstance(target, (ast.Tuple, ast.List)):
            for element in target.elts:
                state = self.assign(element, state)
            return state
        if isinstance(target, ast.Starred):  # `first, *rest = ...`
            return self.assign(target.value, state)
        self.reads(target, state)
        return state

    def stmt(self, s: ast.stmt, state: frozenset[str]) -> State:
        if isinstance(s, ast.Assign):
            self.reads(s.value, state)
            for target in s.targets:
                state = self.assign(target, state)
            return state
        if isinstance(s, ast.AnnAssign):
            # `x: u32` alone declares x without assigning it.
            if s.value is None:
                return state
            self.reads(s.value, state)
            return self.assign(s.target, state)
        if isinstance(s, ast.AugAssign):
            target = s.target
            if isinstance(target, ast.Name):
                if target.id in self.locals and target.id not in state:
                    raise UnassignedRead(target)
            else:
                self.reads(target, state)
            self.reads(s.value, state)
            return state
        if isinstance(s, ast.If):
            self.reads(s.test, state)
            return join(self.block(s.body, state), self.block(s.orelse, state))
        if isinstance(s, ast.While):
            self.reads(s.test, state)
            return self.loop(s.body, s.orelse, state, state,
                             forever=is_constant_true(s.test), once=False)
        if isinstance(s, (ast.For, ast.AsyncFor)):
            self.reads(s.iter, state)
            return self.loop(s.body, s.orelse, self.assign(s.target, state), state,
                             forever=False, once=runs_at_least_once(s.iter))
        if isinstance(s, (ast.With, ast.AsyncWith)):
            for item in s.items:
                self.reads(item.context_expr, state)
                if item.optional_vars is not None:
                    state = self.assign(item.optional_vars, state)
            return self.block(s.body, state)
        if isinstance(s, ast.Return):
            self.reads(s.value, state)
            return None
        if isinstance(s, ast.Raise):
            self.reads(s.exc, state)
            self.reads(s.cause, state)
            return None
        if isinstance(s, ast.Try):
            return self.try_stmt(s, state)
        if isinstance(s, ast.Break):
            self.breaks[-1].append(state)
            return None
        if isinstance(s, ast.Continue):
            self.continues[-1].append(state)
            return None
        if isinstance(s, ast.Assert):
            self.reads(s.test, state)
            self.reads(s.msg, state)
            if isinstance(s.test, ast.Constant) and not s.test.value:
                return None
            return state
        if isinstance(s, ast.Expr):
            self.reads(s.value, state)
            return None if is_panic(s) else state
        if isinstance(s, ast.FunctionDef):
            # A nested function's body runs when it is called, and reads the
            # enclosing variables then (CPython keeps them in cells); only
            # its defaults are evaluated here.
            for default in s.args.defaults:
                self.reads(default, state)
            return state | {s.name}
        if isinstance(s, (ast.Nonlocal, ast.Global)):
            return state
        # pass, global, and whatever else has no reads or stores of locals.
        for sub in ast.iter_child_nodes(s):
            self.reads(sub, state)
        return state

    def try_stmt(self, s: ast.Try, state: frozenset[str]) -> State:
        """A handler may start after any statement of the body has failed,
        so it only counts on what was assigned before the `try`; its
        `as` name is bound in the clause and deleted at its end, as
        CPython does.  The `finally` block may run after a failure too."""
        after: State = self.block(s.body, state)
        if after is not None:
            after = self.block(s.orelse, after)
        for h in s.handlers:
            out = self.block(h.body, state | {h.name} if h.name else state)
            if out is not None and h.name:
                out = out - {h.name}
            after = join(after, out)
        if not s.finalbody:
            return after
        final = self.block(s.finalbody, state)
        if final is None or after is None:
            return None
        return after | (final - state)

    def loop(self, body: list[ast.stmt], orelse: list[ast.stmt], entry: frozenset[str],
             before: frozenset[str], forever: bool, once: bool) -> State:
        """A loop's exit state.  ``entry`` is the state at the top of the body
        (with a for loop's variable), ``before`` the state before the loop.

        Unless the body is known to run (``once``), it may run zero times,
        so its assignments count after the loop only on the paths that
        leave it by `break`.  The `else` block runs when the loop ends
        without one (never for `while True`)."""
        self.breaks.append([])
        self.continues.append([])
        finished: State = self.block(body, entry)
        for state in self.continues.pop():
            finished = join(finished, state)
        if forever:
            after: State = None
        elif once:
            after = None if finished is None else self.block(orelse, finished)
        else:
            after = self.block(orelse, before)
        for state in self.breaks.pop():
            after = join(after, state)
        return after


def first_unassigned_read(body: list[ast.stmt], local_names: set[str]) -> ast.Name | None:
    """The first read in ``body`` of a name in ``local_names`` that some path
    reaches before the name is assigned, or None if there is none."""
    try:
        DefiniteAssignment(local_names).block(body, frozenset())
    except UnassignedRead as e:
        return e.node
    return None
