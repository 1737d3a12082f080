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
import re
import string
from typing import Any

from ..types import I64, STR, DictType, IntType, ListType, TupleType

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
        values.append(format_field(arg, ord(conversion) if conversion else -1, spec or "", node))
    fstring = ast.JoinedStr(values)
    ast.copy_location(fstring, node)
    # Every argument is evaluated, used or not, as CPython does.
    for a in [*node.args, *keywords.values()]:
        if not any(isinstance(v, ast.FormattedValue) and v.value is a for v in values):
            c.printable(a)
    c.fstring(fstring)
    node.fstring = fstring  # type: ignore[attr-defined]


# printf-style `fmt % args`: a conversion is `%`, a mapping key `(name)`,
# flags, a width, a precision (each may be `*`: taken from the arguments)
# and a type letter.
PERCENT = re.compile(r"%(?:\(([^)]*)\))?([-+ #0]*)(\*|\d*)(?:(\.)(\*|\d*))?([a-zA-Z%]?)")
PERCENT_INTS = {"d": "d", "i": "d", "u": "d", "x": "x", "X": "X", "o": "o"}


def check_percent(c: Any, node: ast.BinOp) -> None:
    """`"%d items, %-8s|" % (n, name)`: printf-style formatting of a literal,
    rewritten into the f-string that gives the same text
    (`f"{n:d} items, {name!s:<8}|"`), whose fields are the operands'
    nodes, in order (node.fstring).  Each `%` consumes the next argument,
    so the fields are evaluated in the order written, as CPython
    evaluates the tuple.  `"%(name)s" % d` reads `d["name"]` (a missing
    key is CPython's KeyError); a `*` width or precision reads the next
    argument: then every argument, or the mapping, is evaluated once
    first (node.percent_once), and the fields read those values.
    CPython's run-time errors about the format are compile errors with
    its words."""
    left = node.left
    text = left.value if isinstance(left, ast.Constant) else getattr(left, "const", None)
    if not isinstance(text, str):
        raise c.error(left, "'%' formatting is compiled for a literal format string only "
                            "(its conversions are typed at compile time): use the literal, "
                            "or an f-string")
    keyed = [m for m in PERCENT.finditer(text) if m.group(1) is not None]
    mapping: ast.expr | None = None
    if keyed:
        rt = c.expr(node.right, None)
        if not isinstance(rt, DictType) or rt.key is not STR:
            raise c.error(node.right, f"a format with mapping keys ('%(name)s') takes a "
                                      f"dict[str, ...], not \"{rt}\" (CPython raises "
                                      f"TypeError: format requires a mapping)")
        mapping = node.right
        args: list[ast.expr] = []
    else:
        args = node.right.elts if isinstance(node.right, ast.Tuple) else [node.right]
        if not isinstance(node.right, ast.Tuple) and isinstance(c.expr(node.right, None),
                                                                TupleType):
            raise c.error(node.right, "'%' formatting takes its arguments as a tuple "
                                      "display here: write (a, b), not a tuple variable")
    values: list[ast.expr] = []
    used = 0
    at = 0
    starred = False

    def next_arg() -> ast.expr:
        nonlocal used
        if mapping is not None:
            raise c.error(left, "not enough arguments for format string (a format with "
                                "mapping keys takes every value from the mapping; CPython "
                                "raises TypeError)")
        if used == len(args):
            raise c.error(left, "not enough arguments for format string (CPython raises "
                                "TypeError)")
        used += 1
        return args[used - 1]

    while at < len(text):
        pct = text.find("%", at)
        if pct < 0:
            values.append(constant(text[at:], node))
            break
        if pct > at:
            values.append(constant(text[at:pct], node))
        m = PERCENT.match(text, pct)
        assert m is not None
        key, flags, width, dot, precision, kind = m.groups()
        at = m.end()
        if kind == "%" and m.group(0) == "%%":
            values.append(constant("%", node))
            continue
        if key is None and text.startswith("(", pct + 1):
            raise c.error(left, "incomplete format key (CPython raises ValueError)")
        if not kind or kind == "%":
            raise c.error(left, "incomplete format (CPython raises ValueError)")
        if kind not in PERCENT_INTS and kind not in "sr":
            raise c.error(left, f"the conversion '%{kind}' is not supported (Pythos has "
                                f"%d %i %u %x %X %o %s %r; an f-string does more)")
        width_arg = next_arg() if width == "*" else None
        precision_arg = next_arg() if precision == "*" else None
        if key is not None:
            assert mapping is not None
            arg: ast.expr = ast.copy_location(ast.Subscript(mapping, constant(key, node),
                                                            ast.Load()), node.right)
        else:
            arg = next_arg()
        for a in (width_arg, precision_arg):
            if a is not None:
                starred = True
                t = c.expr(a, I64)
                if not isinstance(t, IntType):
                    raise c.error(a, f"a '*' width or precision takes an int, not \"{t}\" "
                                     f"(CPython raises TypeError: * wanted int)")
        align = "<" if "-" in flags else ">"
        sign = "+" if "+" in flags else " " if " " in flags else ""
        if dot and kind in PERCENT_INTS:
            if width_arg is not None or precision_arg is not None:
                raise c.error(left, "a '*' width or precision with an integer precision is "
                                    "not supported (use an f-string)")
            values.append(format_field(int_precision(arg, flags, int(width or "0"),
                                                     int(precision or "0"), kind, node),
                                       -1, "", node))
            starred = True  # the value is read more than once
            continue
        if dot:
            # `%.3s`: str(x) (or repr(x)) cut to 3 code points; `%.*s`
            # to the argument's count, a negative one as 0 (CPython).
            name = "repr" if kind == "r" else "str"
            func = ast.copy_location(ast.Name(id=name, ctx=ast.Load()), node)
            if c.builtin_name(func) != name:
                raise c.error(left, f"'%.{precision}{kind}' calls the builtin {name}(), "
                                    f"which this module's own '{name}' hides")
            upper: ast.expr
            if precision_arg is None:
                upper = constant_int(int(precision or "0"), node)
            else:
                upper = ast.copy_location(ast.Call(
                    ast.copy_location(ast.Name(id="max", ctx=ast.Load()), node),
                    [precision_arg, constant_int(0, node)], []), node)
            arg = ast.copy_location(ast.Subscript(
                ast.copy_location(ast.Call(func, [arg], []), node),
                ast.copy_location(ast.Slice(None, upper, None), node), ast.Load()), node)
        zero = "0" in flags and "-" not in flags and kind in PERCENT_INTS
        if width_arg is not None:
            if zero and ("#" in flags or " " in flags):
                raise c.error(left, "a '*' width with the flags '0' and '#' or ' ' is not "
                                    "supported (use an f-string)")
            # The text without a width, then padded to the argument's
            # width at run time: a negative one left-justifies (CPython).
            inner = format_field(arg, -1 if kind in PERCENT_INTS or dot else ord(kind),
                                 sign + ("#" if "#" in flags else "") + PERCENT_INTS[kind]
                                 if kind in PERCENT_INTS else "", node)
            padded: ast.expr = ast.copy_location(ast.JoinedStr([inner]), node)
            minus = ast.copy_location(ast.UnaryOp(ast.USub(), width_arg), node)
            if "-" in flags:
                padded = str_call(padded, "ljust", ast.copy_location(ast.Call(
                    ast.copy_location(ast.Name(id="abs", ctx=ast.Load()), node),
                    [width_arg], []), node), node)
            else:
                padded = str_call(str_call(padded, "ljust", minus, node),
                                  "zfill" if zero else "rjust", width_arg, node)
            values.append(format_field(padded, -1, "", node))
            continue
        if kind in PERCENT_INTS:
            alt = "#" if "#" in flags else ""
            spec = (align if "-" in flags else "") + sign + alt + ("0" if zero else "") + \
                width + PERCENT_INTS[kind]
            conversion = -1
        else:
            spec = (align if width else "") + width
            conversion = -1 if dot else ord(kind)
        values.append(format_field(arg, conversion, spec, node))
    if mapping is None and used < len(args):
        raise c.error(node.right, "not all arguments converted during string formatting "
                                  "(CPython raises TypeError)")
    if mapping is not None or starred:
        node.percent_once = [mapping] if mapping is not None else args  # type: ignore
    fstring = ast.JoinedStr(values)
    ast.copy_location(fstring, node)
    c.fstring(fstring)
    node.fstring = fstring  # type: ignore[attr-defined]


def int_precision(value: ast.expr, flags: str, width: int, precision: int, kind: str,
                  where: ast.AST) -> ast.expr:
    """`%5.3d` of an integer, as CPython makes it: the digits of |value|
    zero-padded to `precision`, after the sign (`-`, or `+` / space as
    the flags ask) and with `#` the base's prefix; then padded to
    `width`, with zeros between prefix and digits under the `0` flag.
    The value's node is read several times (percent_once makes it one
    evaluation)."""
    def at(n: ast.AST) -> Any:
        return ast.copy_location(n, where)

    def text(s: str) -> ast.expr:
        return at(ast.Constant(s))

    def head() -> ast.expr:
        positive = "+" if "+" in flags else " " if " " in flags else ""
        sign = at(ast.IfExp(at(ast.Compare(value, [ast.Lt()], [at(ast.Constant(0))])),
                            text("-"), text(positive)))
        prefix = {"x": "0x", "X": "0X", "o": "0o"}.get(kind, "") if "#" in flags else ""
        return at(ast.BinOp(sign, ast.Add(), text(prefix))) if prefix else sign

    digits = str_call(at(ast.JoinedStr([format_field(value, -1, PERCENT_INTS[kind], where)])),
                      "lstrip", text("-"), where)
    if "0" in flags and "-" not in flags and width:
        # zeros up to the width, after sign and prefix
        room = at(ast.BinOp(at(ast.Constant(width)), ast.Sub(), at(ast.Call(
            at(ast.Name("len", ast.Load())), [head()], []))))
        digits = str_call(str_call(digits, "zfill", at(ast.Constant(precision)), where),
                          "zfill", room, where)
        return at(ast.BinOp(head(), ast.Add(), digits))
    whole = at(ast.BinOp(head(), ast.Add(), str_call(digits, "zfill",
                                                      at(ast.Constant(precision)), where)))
    if width:
        whole = str_call(whole, "ljust" if "-" in flags else "rjust", at(ast.Constant(width)),
                         where)
    return whole


def str_call(value: ast.expr, method: str, arg: ast.expr, where: ast.AST) -> ast.expr:
    """`value.method(arg)`."""
    func = ast.copy_location(ast.Attribute(value, method, ast.Load()), where)
    return ast.copy_location(ast.Call(func, [arg], []), where)


def constant_int(n: int, where: ast.AST) -> ast.Constant:
    k = ast.Constant(n)
    ast.copy_location(k, where)
    return k


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


def format_field(value: ast.expr, conversion: int, spec: str,
                 where: ast.AST) -> ast.FormattedValue:
    """The f-string field `{value!conversion:spec}` (-1: no conversion; an
    empty spec: none) that a rewritten format gives its argument."""
    part = ast.FormattedValue(value=value, conversion=conversion,
                              format_spec=ast.JoinedStr([constant(spec, where)])
                              if spec else None)
    return ast.copy_location(part, where)


def constant(text: str, where: ast.AST) -> ast.Constant:
    k = ast.Constant(text)
    ast.copy_location(k, where)
    return k


STR_SPECIAL = {"join": check_join, "format": check_format, "encode": check_encode}
