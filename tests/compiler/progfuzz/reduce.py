"""The reducer: shrink a failing program while it keeps failing the same way.

A generated program that shows a bug is a few hundred lines, almost all of
them irrelevant.  `reduce(text, fails)` repeatedly tries smaller versions
and keeps each one for which the predicate `fails(text)` still holds (the
driver's predicate: the same kind of failure at the same optimisation
level).  The candidates, from the largest cut to the smallest:

1. delete a top-level definition (a function, struct, constant, global);
2. delete a statement with everything nested in it (a lone statement
   becomes `pass`), or replace a compound statement (`if`, `for`, `while`,
   `with`) by its body;
3. simplify an expression without changing its type: a conditional
   expression becomes one of its branches, `a and b` one of its operands,
   `a op b` its left operand (which has the result's type), `-a` becomes `a`,
   and an f-string loses a field.

Candidates that do not parse are skipped without running anything.  Each
round goes through every candidate once; rounds repeat until one changes
nothing or the budget (tests or seconds) is spent, so the result is
1-minimal with respect to these edits when the budget allows.

Shrinking can move a program out of the documented subset: removing a
conversion's neighbour can, for instance, leave a plain `int` that leaves
the 64-bit range, which is one of the documented differences from CPython.
The expression edits above keep types, and the predicate requires CPython
to accept the program, but a reduced mismatch should still be read with
docs/language.md's "Differences from CPython" in mind; the original
program is always saved next to it.
"""

from __future__ import annotations

import ast
import time
from collections.abc import Callable, Iterator


class Budget:
    def __init__(self, tests: int, seconds: float) -> None:
        self.tests = tests
        self.deadline = time.monotonic() + seconds
        self.used = 0

    def spent(self) -> bool:
        return self.used >= self.tests or time.monotonic() > self.deadline


def parses(text: str) -> bool:
    try:
        ast.parse(text)
    except SyntaxError:
        return False
    return True


def statement_lists(tree: ast.AST) -> Iterator[list[ast.stmt]]:
    for node in ast.walk(tree):
        for name in ("body", "orelse", "finalbody"):
            block = getattr(node, name, None)
            if isinstance(block, list) and block and isinstance(block[0], ast.stmt):
                yield block


def line_cuts(text: str) -> Iterator[str]:
    """Programs with one statement (or definition) removed or flattened."""
    tree = ast.parse(text)
    lines = text.splitlines(keepends=True)
    cuts: list[tuple[int, str]] = []
    for block in statement_lists(tree):
        top = block is getattr(tree, "body", None)
        for stmt in block:
            first, last = stmt.lineno, stmt.end_lineno or stmt.lineno
            if top and isinstance(stmt, ast.FunctionDef) and stmt.name == "main":
                continue
            if top and isinstance(stmt, ast.If):
                continue  # the `if __name__ == "__main__":` block
            if isinstance(stmt, (ast.ClassDef, ast.FunctionDef)):
                first = min([first] + [d.lineno for d in stmt.decorator_list])
            indent = lines[first - 1][:len(lines[first - 1]) - len(lines[first - 1].lstrip())]
            filler = [] if len(block) > 1 else [indent + "pass\n"]
            cuts.append((last - first, "".join(lines[:first - 1] + filler + lines[last:])))
            if isinstance(stmt, (ast.If, ast.For, ast.While, ast.With)) and stmt.body:
                inner = stmt.body
                b_first, b_last = inner[0].lineno, inner[-1].end_lineno or inner[-1].lineno
                body = lines[b_first - 1:b_last]
                cut = len(body[0]) - len(body[0].lstrip()) - len(indent)
                flat = [ln[cut:] if ln.strip() else ln for ln in body]
                cuts.append((last - first - len(body),
                             "".join(lines[:first - 1] + flat + lines[last:])))
    cuts.sort(key=lambda c: -c[0])
    for _, candidate in cuts:
        yield candidate


def simpler(node: ast.expr) -> list[ast.expr]:
    """Replacements for `node` that keep its type."""
    if isinstance(node, ast.IfExp):
        return [node.body, node.orelse]
    if isinstance(node, ast.BoolOp):
        return list(node.values)
    if isinstance(node, ast.BinOp):
        return [node.left]
    if isinstance(node, ast.UnaryOp) and not isinstance(node.op, ast.Not):
        if isinstance(node.operand, ast.Constant):
            return []
        return [node.operand]
    if isinstance(node, ast.Compare):
        return [ast.Constant(True), ast.Constant(False)]
    return []


def expression_cuts(text: str) -> Iterator[str]:
    """Programs with one expression simplified (in `ast.unparse` form)."""
    tree = ast.parse(text)
    count = sum(1 for _ in ast.walk(tree))
    for index in range(count):
        for choice in range(8):
            tree = ast.parse(text)
            node = next(n for i, n in enumerate(ast.walk(tree)) if i == index)
            if isinstance(node, ast.JoinedStr) and choice < len(node.values) \
                    and len(node.values) > 1:
                del node.values[choice]
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                    and node.func.id == "print" and choice < len(node.args) + len(node.keywords):
                # print's arguments, and its sep= and end=, can go one by one.
                if choice < len(node.args):
                    del node.args[choice]
                else:
                    del node.keywords[choice - len(node.args)]
            elif isinstance(node, ast.expr):
                options = simpler(node)
                if choice >= len(options):
                    break
                if not replace(tree, node, options[choice]):
                    break
            else:
                break
            try:
                yield ast.unparse(tree) + "\n"
            except (ValueError, AttributeError):
                continue


def replace(tree: ast.AST, old: ast.expr, new: ast.expr) -> bool:
    for parent in ast.walk(tree):
        for name, value in ast.iter_fields(parent):
            if value is old:
                setattr(parent, name, new)
                return True
            if isinstance(value, list):
                for i, item in enumerate(value):
                    if item is old:
                        value[i] = new
                        return True
    return False


def reduce(text: str, fails: Callable[[str], bool], max_tests: int = 300,
           max_seconds: float = 300.0, log: Callable[[str], None] | None = None) -> str:
    """The smallest program found for which `fails` still holds.  A program
    that does not parse (a generator bug CPython rejects) is kept whole: the
    cuts work on its syntax tree."""
    if not parses(text):
        if log:
            log("does not parse; kept unreduced")
        return text
    budget = Budget(max_tests, max_seconds)
    for cuts in (line_cuts, expression_cuts, line_cuts):
        progress = True
        while progress and not budget.spent():
            # One round: after a success, go on from the same position in the
            # new program's candidates (the ones before it failed already).
            progress = False
            position = 0
            while not budget.spent():
                found = None
                for i, candidate in enumerate(cuts(text)):
                    if i < position or len(candidate) >= len(text) or not parses(candidate):
                        continue
                    if budget.spent():
                        break
                    budget.used += 1
                    if fails(candidate):
                        found = i
                        text = candidate
                        break
                if found is None:
                    break
                progress = True
                position = found
                if log:
                    log(f"reduced to {len(text.splitlines())} lines")
    return tidy(text)


def tidy(text: str) -> str:
    """At most two blank lines in a row, as PEP 8 has them."""
    out: list[str] = []
    for line in text.splitlines():
        if line.strip() or len(out) < 2 or out[-1].strip() or out[-2].strip():
            out.append(line)
    return "\n".join(out).strip("\n") + "\n"
