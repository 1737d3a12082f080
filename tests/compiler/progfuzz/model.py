"""The random program generator's model: the types it tracks, the
expressions, variables and functions it builds, and the interval
arithmetic that keeps plain ints inside their fixed width (see gen.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union

INTS = ("u8", "u16", "u32", "u64", "i8", "i16", "i32", "i64")
BITS = {"u8": 8, "u16": 16, "u32": 32, "u64": 64, "i8": 8, "i16": 16, "i32": 32, "i64": 64}
SIGNED = {t: t.startswith("i") for t in INTS}

HEADER = (
    "from typing import Final\n"
    "\n"
    "from pythos.lang import (Array, addr_of, i8, i16, i32, i64, panic, sizeof, struct, u8, u16,\n"
    "                         u32, u64)\n"
)

# Work and output limits per generated function (statements executed and
# lines printed, estimated with loop trip counts as multipliers).
MAX_COST = 4000
MAX_OUT = 120
MAX_MAIN_OUT = 300
# The bound kept by every i64 variable, parameter and result that may hold
# a plain int under CPython (products of two stay inside 64 bits).
INT_BOUND = (-(1 << 31), 1 << 31)


def limits(t: str) -> tuple[int, int]:
    bits = BITS[t]
    if SIGNED[t]:
        return -(1 << (bits - 1)), (1 << (bits - 1)) - 1
    return 0, (1 << bits) - 1


Interval = tuple[int, int]


@dataclass(eq=False)
class StructT:
    name: str
    fields: list[tuple[str, Ty]]
    methods: list[Fn] = field(default_factory=list)
    guard: bool = False  # has __enter__/__exit__ (a `with` target)
    packed: bool = False


@dataclass(frozen=True)
class ArrT:
    elem: Ty
    n: int


Ty = Union[str, StructT, ArrT]  # noqa: UP007 - int type names, "bool", "str", "bytes"


def type_str(t: Ty) -> str:
    if isinstance(t, StructT):
        return t.name
    if isinstance(t, ArrT):
        return f"Array[{type_str(t.elem)}, {t.n}]"
    return t


@dataclass
class E:
    """A generated expression."""
    code: str
    ty: Ty
    iv: Interval | None = None   # bounds when the value may be a plain int
    const: bool = False          # a constant the compiler types from context
    atom: bool = True            # usable as an operand without parentheses

    def par(self) -> str:
        return self.code if self.atom else f"({self.code})"


@dataclass
class Var:
    name: str
    ty: Ty
    iv: Interval | None = None   # see E.iv; None: always a fixed-width value
    assignable: bool = True
    is_global: bool = False
    loop: bool = False           # a range() loop variable: iv is exact


@dataclass
class Param:
    name: str
    ty: Ty
    default: str | None = None


@dataclass(eq=False)
class Fn:
    name: str
    params: list[Param]
    ret: Ty | None
    ret_iv: Interval | None = None
    owner: StructT | None = None
    cost: int = 1
    out: int = 0
    recursive: bool = False


@dataclass
class Ctx:
    fn: Fn
    scope: list[Var]
    budget_cost: int
    budget_out: int
    loop_depth: int = 0
    mult: int = 1
    cost: int = 0
    out: int = 0
    global_names: list[str] = field(default_factory=list)


@dataclass
class Program:
    seed: int
    prefix: str
    defs: str          # the definitions, entry function included
    entry: str         # the name of the program's entry function
    panics: bool       # ends in a deliberate panic

    def source(self) -> str:
        """A standalone module (generated with prefix "" the entry is main)."""
        call = "" if self.entry == "main" else f"\n\ndef main() -> None:\n    {self.entry}()\n"
        return HEADER + "\n\n" + self.defs + call + '\n\nif __name__ == "__main__":\n    main()\n'


# --- interval arithmetic on plain ints --------------------------------------

def iv_union(a: Interval | None, b: Interval | None) -> Interval | None:
    if a is None:
        return b
    if b is None:
        return a
    return min(a[0], b[0]), max(a[1], b[1])


def bit_bound(*ivs: Interval) -> Interval:
    m = max(max(abs(lo), abs(hi)) for lo, hi in ivs).bit_length() + 1
    return -(1 << m), (1 << m) - 1


def iv_binop(op: str, a: Interval, b: Interval) -> Interval:
    if op in ("+", "-", "*"):
        corners = [x + y if op == "+" else x - y if op == "-" else x * y
                   for x in a for y in b]
        return min(corners), max(corners)
    if op in ("//", "%"):
        divisors = [d for d in (b[0], -1, 1, b[1]) if b[0] <= d <= b[1] and d != 0]
        if op == "//":
            corners = [x // d for x in a for d in divisors]
            return min(corners), max(corners)
        m = max(abs(d) for d in divisors)
        lo = -(m - 1) if b[0] < 0 else 0
        hi = m - 1 if b[1] > 0 else 0
        if a[0] >= 0 and b[0] > 0:
            hi = min(hi, a[1])
        return lo, hi
    if op == "**":
        values = [0] if a[0] <= 0 <= a[1] else []
        values += [x ** k for x in a for k in range(b[0], b[1] + 1)]
        return min(values), max(values)
    if op in ("<<", ">>"):
        corners = [x << k if op == "<<" else x >> k for x in a for k in b]
        return min(corners), max(corners)
    if op == "&":
        if a[0] >= 0 and b[0] >= 0:
            return 0, min(a[1], b[1])
        if a[0] >= 0:
            return 0, a[1]
        if b[0] >= 0:
            return 0, b[1]
        return bit_bound(a, b)
    if op in ("|", "^"):
        if a[0] >= 0 and b[0] >= 0:
            return 0, (1 << max(a[1], b[1]).bit_length()) - 1
        return bit_bound(a, b)
    raise ValueError(op)


def fits(iv: Interval | None, t: str) -> bool:
    if iv is None:
        return True
    lo, hi = limits(t)
    return lo <= iv[0] and iv[1] <= hi


WORDS = ["a", "b", "x", "sum", "v", "res", "ok", "n=", "->", "é", "Ω", "=", "[", "]", "|", "#"]
FILLS = "*0 -_#.x<>^=+"
BIN_OPS = ["+", "-", "*", "//", "%", "**", "<<", ">>", "&", "|", "^"]
CMP_OPS = ["<", "<=", ">", ">=", "==", "!="]
