"""Format specs (`{x:#010x}`), parsed at compile time.

Pythos supports the integer and string subset of Python's format
mini-language:

    [[fill]align][sign][#][0][width][grouping][.precision][type]

where align is one of `< > ^ =`, sign one of `+ - space`, grouping `,` or
`_`, precision (strings only: at most that many characters), and type
one of `d x X o b` (integers) or `s` (strings).  The spec is
decoded here once; the runtime's formatter receives the decoded fields as
constants, so formatting does no parsing at run time.  The errors match
CPython's (a `,` with `x`, a sign on a string) so that a program CPython
would reject is rejected at compile time instead.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass

_SPEC = re.compile(
    r"(?:(?P<fill>.)?(?P<align>[<>=^]))?(?P<sign>[-+ ])?(?P<z>z)?(?P<alt>\#)?(?P<zero>0)?"
    r"(?P<width>\d+)?(?P<grouping>[,_])?(?:\.(?P<precision>\d+))?(?P<type>.)?", re.S)


@dataclass(frozen=True)
class FormatSpec:
    fill: str = " "
    align: str = ""  # "" means the default for the kind
    sign: str = "-"
    alt: bool = False
    zero: bool = False
    width: int = 0
    grouping: str = ""
    type: str = ""
    # Whether any spec was written at all.  It matters for bool only:
    # CPython formats `{b}` as `True` but `{b:-}` (any non-empty spec, even
    # one that changes nothing) as the integer `1`.
    given: bool = False
    # A str's precision: at most this many characters (-1: all of them).
    precision: int = -1


def parse_format_spec(text: str, kind: str) -> FormatSpec:
    """Decode `text` for a value of `kind` ("int" or "str"); raise
    ValueError with CPython-like wording when the spec is invalid."""
    if text == "":
        return FormatSpec()
    m = _SPEC.fullmatch(text)
    if m is None:
        raise ValueError(f"invalid format specifier '{text}'")
    g = m.groupdict()
    if g["z"]:
        raise ValueError(f"format specifier '{text}': 'z' needs floats, which Pythos does "
                         "not have")
    if g["precision"] is not None and kind == "int":
        raise ValueError("Precision not allowed in integer format specifier")
    fill = g["fill"] or " "
    align = g["align"] or ""
    typ = g["type"] or ""
    width = int(g["width"] or 0)
    if width > sys.maxsize:
        raise ValueError("Too many decimal digits in format string")
    spec = FormatSpec(fill, align, g["sign"] or "-", bool(g["alt"]), bool(g["zero"]),
                      width, g["grouping"] or "", typ, True)
    if kind == "int":
        if typ not in ("", "d", "x", "X", "o", "b"):
            raise ValueError(f"unknown format code '{typ}' for an integer")
        if spec.grouping == "," and typ not in ("", "d"):
            raise ValueError(f"cannot specify ',' with '{typ}'")
        if spec.zero:
            # `0` means fill '0' (unless a fill is given) and, without an
            # explicit alignment, sign-aware '=' alignment.
            spec = FormatSpec(g["fill"] or "0", align or "=", spec.sign, spec.alt, True,
                              width, spec.grouping, typ, True)
        return spec
    if typ not in ("", "s"):
        raise ValueError(f"unknown format code '{typ}' for a string")
    if g["sign"]:
        raise ValueError("sign not allowed in string format specifier")
    if g["alt"]:
        raise ValueError("alternate form (#) not allowed in string format specifier")
    if g["grouping"]:
        raise ValueError(f"cannot specify '{g['grouping']}' with 's'")
    if align == "=":
        raise ValueError("'=' alignment not allowed in string format specifier")
    if spec.zero:
        # For a string, `0` only makes '0' the fill (unless one is given);
        # the alignment stays left unless written (CPython 3.10 onwards).
        spec = FormatSpec(g["fill"] or "0", align, spec.sign, spec.alt, True, width,
                          spec.grouping, typ, True)
    if g["precision"] is not None:
        # `{s:.3}`: the first three characters (code points), then padded.
        spec = FormatSpec(spec.fill, spec.align, spec.sign, spec.alt, spec.zero, spec.width,
                          spec.grouping, spec.type, True, int(g["precision"]))
    return spec
