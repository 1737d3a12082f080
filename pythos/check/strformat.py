"""Checking the str methods whose arguments a signature cannot describe:
`str.join` (any iterable of str) and `str.format` (fields named in the
format string), issue 11.

`"{} is {age:>3}".format(name, age=7)` is an f-string in disguise: its
format string, a literal, is parsed here with CPython's own parser
(`string.Formatter.parse`, the one `str.format` uses) and rewritten into
the f-string `f"{name} is {age_value:>3}"`, whose fields are the call's
argument nodes.  The f-string checker then types each field and decodes
its spec (fmtspec.py), and the builder makes the text as it makes any
f-string (ir/build/strmethods.py), after evaluating each argument once,
in the order written.

Everything CPython decides about the format string at run time is
decided here, at compile time, with CPython's words: a lone `}`, a field
index past the arguments (`IndexError: Replacement index 2 out of range
for positional args tuple`), a missing keyword (`KeyError: 'name'`),
switching between automatic and manual numbering.  A format string that
is not a literal is refused, since its fields could not be typed.
"""

from __future__ import annotations

import ast
import codecs
import string
from typing import Any

from ..types import STR, ListType, TupleType

NOT_LITERAL = ("str.format() is compiled for a literal format string only (its fields are "
               "typed at compile time): use the literal, or an f-string")


def check_join(c: Any, node: ast.Call, f: ast.Attribute) -> None:
    """`sep.join(iterable)`: any iterable whose items are str."""
    if node.keywords or len(node.args) != 1:
        given = len(node.args) + len(node.keywords)
        raise c.error(node, f"str.join() takes exactly one argument ({given} given)")
    arg = node.args[0]
    t = c.expr(arg, ListType(STR))
    if isinstance(t, TupleType) and not t.elements:
        return  # "".join(()) is ""
    if c.element_type(arg, t) is not STR:
        raise c.error(arg, f"argument \"iterable\" to \"str.join\" has incompatible type "
                           f"\"{t}\"; expected \"Iterable[str]\"")


def check_format(c: Any, node: ast.Call, f: ast.Attribute) -> None:
    """`"...".format(...)`: rewrite it into an f-string (node.fstring)."""
    # A literal, or a name for one (a Final constant).
    text = f.value.value if isinstance(f.value, ast.Constant) else getattr(f.value, "const",
                                                                            None)
    if not isinstance(text, str):
        raise c.error(f.value, NOT_LITERAL)
    keywords: dict[str, ast.expr] = {}
    for kw in node.keywords:
        if kw.arg is None:
            raise c.error(kw, "**kwargs in a str.format() call is not supported")
        keywords[kw.arg] = kw.value
    for a in node.args:
        if isinstance(a, ast.Starred):
            raise c.error(a, "*args in a str.format() call is not supported")
    try:
        pieces = list(string.Formatter().parse(text))
    except ValueError as e:
        raise c.error(f.value, f"{e} (CPython raises ValueError)") from None
    values: list[ast.expr] = []
    auto: bool | None = None  # whether fields are numbered automatically
    next_index = 0
    for literal, field, spec, conversion in pieces:
        if literal:
            values.append(constant(literal, node))
        if field is None:
            continue
        if any(ch in field for ch in ".["):
            raise c.error(f.value, f"the field '{{{field}}}' looks up an attribute or an item: "
                                   f"not supported in str.format() (use an f-string)")
        if spec and "{" in spec:
            raise c.error(f.value, "nested fields in a format spec are not supported (use an "
                                   "f-string)")
        arg: ast.expr
        if field == "" or field.isdigit():
            if field == "":
                if auto is False:
                    raise c.error(f.value, "cannot switch from manual field specification to "
                                           "automatic field numbering (CPython raises "
                                           "ValueError)")
                auto, index = True, next_index
                next_index += 1
            else:
                if auto is True:
                    raise c.error(f.value, "cannot switch from automatic field numbering to "
                                           "manual field specification (CPython raises "
                                           "ValueError)")
                auto, index = False, int(field)
            if index >= len(node.args):
                raise c.error(f.value, f"Replacement index {index} out of range for positional "
                                       f"args tuple (CPython raises IndexError)")
            arg = node.args[index]
        else:
            if field not in keywords:
                raise c.error(f.value, f"no argument {field}= for the field '{{{field}}}' "
                                       f"(CPython raises KeyError: '{field}')")
            arg = keywords[field]
        part = ast.FormattedValue(value=arg, conversion=ord(conversion) if conversion else -1,
                                  format_spec=ast.JoinedStr([constant(spec, node)])
                                  if spec else None)
        ast.copy_location(part, node)
        values.append(part)
    fstring = ast.JoinedStr(values)
    ast.copy_location(fstring, node)
    # Every argument is evaluated, used or not, as CPython does.
    for a in [*node.args, *keywords.values()]:
        if not any(isinstance(v, ast.FormattedValue) and v.value is a for v in values):
            c.printable(a)
    c.fstring(fstring)
    node.fstring = fstring  # type: ignore[attr-defined]


def check_encode(c: Any, node: ast.Call, f: ast.Attribute) -> None:
    """`s.encode()` and `s.encode("utf-8")`: UTF-8 is the one codec (a
    str is kept in it); the name must be a literal, so that another codec
    is a compile error rather than a wrong result."""
    args = [*node.args, *(kw.value for kw in node.keywords)]
    for kw in node.keywords:
        if kw.arg != "encoding":
            raise c.error(kw, f"str.encode() takes only encoding= here, not {kw.arg}= (errors "
                              f"are always 'strict')")
    if len(args) > 1:
        raise c.error(args[1], "str.encode() takes at most one argument, the encoding")
    if args:
        name = args[0].value if isinstance(args[0], ast.Constant) else None
        if not isinstance(name, str):
            raise c.error(args[0], "the encoding must be a literal: \"utf-8\"")
        try:
            codec = codecs.lookup(name).name  # CPython's own registry of names
        except LookupError:
            raise c.error(args[0], f"unknown encoding: {name} (CPython raises "
                                   f"LookupError)") from None
        if codec != "utf-8":
            raise c.error(args[0], f"only UTF-8 is supported, not {name!r} (a str is stored "
                                   f"in UTF-8)")
        c.expr(args[0], STR)


def constant(text: str, where: ast.AST) -> ast.Constant:
    k = ast.Constant(text)
    ast.copy_location(k, where)
    return k


STR_SPECIAL = {"join": check_join, "format": check_format, "encode": check_encode}
