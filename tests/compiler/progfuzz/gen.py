"""The random program generator.

`generate(seed)` returns a Pythos program that is valid by construction:
every expression is built for a type the generator tracks, so the compiler
must accept it, and the program must print the same thing compiled as under
CPython.  The same seed always gives the same program.

The one subtle part is the first of the documented differences from CPython
(docs/language.md): a *plain* `int` under CPython (a literal, an untyped
constant, a `range()` loop variable, a `bytes` element, `len()`, `int(x)`)
has a fixed width only when compiled.  Arithmetic agrees as long as the
exact result stays inside that width.  So every expression carries `iv`:
`None` when it is certainly a fixed-width value under CPython, otherwise an
interval that holds its value whenever it is a plain int.  An operator whose
operands may both be plain computes the interval of its result, and the
generator only keeps the expression when that interval fits the type.  A
plain value stored where the program expects a fixed-width one is converted
first (`u8(i)`), which is also what the language asks of a bare literal.

Everything else is kept valid by construction rather than by analysis:
divisors are `(e | 1)` or non-zero literals, exponents and signed shift
counts are masked (`e & 7`), indexes are literals, loop variables of a
range that fits, or `e % N`; loops have constant trip counts; a function
only calls functions generated before it (plus one recursive function with
a depth counter), and an estimate of the work and output of each function
keeps programs small.  A few programs end in a deliberate panic (a false
`assert`, an index out of range, a division by zero, a negative shift
count, `panic()`), which the oracle checks as a panic on both sides.
"""

from __future__ import annotations

import random
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


class Gen:
    def __init__(self, seed: int, prefix: str = "") -> None:
        self.rng = random.Random(seed)
        self.seed = seed
        self.p = prefix
        self.structs: list[StructT] = []
        self.globals: list[Var] = []
        self.consts: list[tuple[str, int]] = []          # untyped Final ints
        self.typed_consts: list[Var] = []
        self.bytes_consts: list[tuple[str, bytes]] = []
        self.str_consts: list[str] = []
        self.fns: list[Fn] = []
        self.out: list[str] = []
        self.names = 0
        self.deep = self.rng.random() < 0.05
        self.in_fstring = 0

    # --- small helpers -----------------------------------------------------

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def fresh(self, stem: str) -> str:
        self.names += 1
        return f"{stem}{self.names}"

    def int_type(self) -> str:
        return self.rng.choice(INTS)

    # --- literals and specs --------------------------------------------------

    def literal_value(self, t: str) -> int:
        lo, hi = limits(t)
        r = self.rng.random()
        if r < 0.35:
            v = self.rng.randint(0, 9)
        elif r < 0.55:
            v = self.rng.choice([lo, hi, hi - 1, lo + 1, 1 << (BITS[t] - 1), (1 << (BITS[t] // 2)),
                                 -1, -2, 0x7F, 0x80, 0xFF, 0x100])
        elif r < 0.75:
            v = self.rng.randint(-100, 100)
        else:
            v = self.rng.randint(lo, hi)
        return min(max(v, lo), hi)

    def literal(self, t: str, value: int | None = None) -> E:
        v = self.literal_value(t) if value is None else value
        code = hex(v) if v > 9 and self.chance(0.2) else str(v)
        if not fits((v, v), "i64"):
            # A literal that no operand types is an i64: spell this one u64(...).
            return E(f"u64({code})", t)
        return E(code, t, (v, v), const=True, atom=v >= 0)

    def int_spec(self) -> str:
        if self.chance(0.3):
            # One component alone: the short specs are where formatting
            # rules differ most (a bool under "-" prints as 1).
            return self.rng.choice(["+", "-", " ", "#", "x", "X", "o", "b", "d", ",", "_",
                                    "<", ">", "^", "=", "0", "5", "#x", "08", "*^"])[:2] \
                if self.chance(0.95) else ""
        for _ in range(50):
            s = ""
            r = self.rng.random()
            if r < 0.25:
                s += self.rng.choice(FILLS) + self.rng.choice("<>^=")
            elif r < 0.45:
                s += self.rng.choice("<>^=")
            if self.chance(0.3):
                s += self.rng.choice("+- ")
            if self.chance(0.2):
                s += "#"
            if self.chance(0.2):
                s += "0"
            if self.chance(0.6):
                s += str(self.rng.randint(1, 22))
            if self.chance(0.2):
                s += self.rng.choice(",_")
            if self.chance(0.5):
                s += self.rng.choice("dxXob")
            try:
                format(-12345, s)
                format(True, s)
            except ValueError:
                continue
            return s
        return "d"

    def str_spec(self) -> str:
        s = ""
        if self.chance(0.4):
            s += self.rng.choice("*.-_ xé") + self.rng.choice("<>^")
        else:
            s += self.rng.choice(["", "<", ">", "^"])
        # A width starting with 0 would ask for zero padding, which the
        # language supports for integers only.
        return s + self.rng.choice(["", str(self.rng.randint(1, 12))])

    def text(self) -> str:
        words = [self.rng.choice(WORDS) for _ in range(self.rng.randint(1, 3))]
        return " ".join(words)

    # --- scope queries ---------------------------------------------------------

    def visible(self, ctx: Ctx) -> list[Var]:
        return ctx.scope + self.globals + self.typed_consts

    def places(self, ctx: Ctx, want: object) -> list[tuple[Var, list[object]]]:
        """Paths (var, steps) to values of type `want` (a type, or a predicate),
        through struct fields and array elements, at most three steps deep."""
        found: list[tuple[Var, list[object]]] = []

        def ok(t: Ty) -> bool:
            return bool(want(t)) if callable(want) else t == want

        def walk(v: Var, t: Ty, steps: list[object]) -> None:
            if steps and ok(t):
                found.append((v, steps))
            if len(steps) >= 3:
                return
            if isinstance(t, StructT):
                for fname, ft in t.fields:
                    walk(v, ft, steps + [fname])
            elif isinstance(t, ArrT):
                walk(v, t.elem, steps + [t.n])

        for v in self.visible(ctx):
            if isinstance(v.ty, (StructT, ArrT)):
                walk(v, v.ty, [])
        return found

    def render(self, ctx: Ctx, v: Var, steps: list[object]) -> str:
        code = v.name
        for s in steps:
            code += f".{s}" if isinstance(s, str) else f"[{self.index(ctx, s)}]"  # type: ignore
        return code

    def pointer_access(self, ctx: Ctx, t: Ty) -> str | None:
        """An element of an array of t reached through a `Ptr` from `addr_of`
        (of an array: CPython has no address for a scalar)."""
        arrays: list[tuple[Var, list[object]]] = [
            (v, []) for v in self.visible(ctx) if isinstance(v.ty, ArrT) and v.ty.elem == t]
        arrays += self.places(ctx, lambda a: isinstance(a, ArrT) and a.elem == t)
        if not arrays:
            return None
        v, steps = self.rng.choice(arrays)
        at = v.ty
        for step in steps:
            at = dict(at.fields)[step] if isinstance(step, str) else at.elem  # type: ignore
        n = at.n  # type: ignore[union-attr]
        base = f"addr_of({self.render(ctx, v, steps)})"
        r = self.rng.random()
        if r < 0.2:
            return f"{base}.load()"
        if r < 0.5:
            k = self.rng.randint(0, n - 1)
            return f"({base} + {k})[{self.rng.randint(0, n - 1 - k)}]"
        return f"{base}[{self.index(ctx, n, negative=False)}]"

    def index(self, ctx: Ctx, n: int, negative: bool = True) -> str:
        r = self.rng.random()
        low = -n if negative else 0
        loops = [v for v in ctx.scope if v.loop and v.iv is not None
                 and low <= v.iv[0] and v.iv[1] < n]
        if r < 0.3 and loops:
            return self.rng.choice(loops).name
        if r < 0.55:
            return str(self.rng.randint(low, n - 1))
        t = self.int_type()
        e = self.int_expr(ctx, t, 1)
        if SIGNED[t] and negative and self.chance(0.3):
            return f"{e.par()} % {n} - {n}"
        return f"{e.par()} % {n}"

    # --- expressions ---------------------------------------------------------

    def int_expr(self, ctx: Ctx, t: str, depth: int) -> E:
        for _ in range(12):
            e = self.int_expr_once(ctx, t, depth)
            # A constant expression may end up where nothing gives it a type
            # (both sides of a comparison), and then it is an i64.
            if e is not None and fits(e.iv, t) and not (e.const and not fits(e.iv, "i64")):
                return e
        return self.literal(t)

    def sized(self, ctx: Ctx, t: str, depth: int) -> E:
        """An expression of type t that is certainly fixed-width under CPython."""
        e = self.int_expr(ctx, t, depth)
        if e.iv is not None:
            return E(f"{t}({e.code})", t)
        return e

    def leaf(self, ctx: Ctx, t: str) -> E | None:
        r = self.rng.random()
        if r < 0.25:
            return self.literal(t)
        if r < 0.6:
            vs = [v for v in self.visible(ctx) if v.ty == t]
            if vs:
                v = self.rng.choice(vs)
                return E(v.name, t, v.iv)
        if r < 0.8:
            if self.chance(0.1):
                code = self.pointer_access(ctx, t)
                if code:
                    return E(code, t)
            ps = self.places(ctx, t)
            if ps:
                v, steps = self.rng.choice(ps)
                return E(self.render(ctx, v, steps), t)
        if r < 0.87 and self.consts and self.chance(0.5):
            name, value = self.rng.choice(self.consts)
            if fits((value, value), t):
                return E(name, t, (value, value), const=True)
        if r < 0.93 and t == "u8" and self.bytes_consts:
            name, data = self.rng.choice(self.bytes_consts)
            # The compiler may fold a constant index into a constant.
            return E(f"{name}[{self.index(ctx, len(data))}]", t, (min(data), max(data)),
                     const=True)
        if t == "i64" and r < 0.97:
            arrs = [v for v in self.visible(ctx) if isinstance(v.ty, ArrT)]
            if arrs:
                v = self.rng.choice(arrs)
                n = v.ty.n  # type: ignore[union-attr]
                return E(f"len({v.name})", t, (n, n), const=True)
            if self.bytes_consts:
                name, data = self.rng.choice(self.bytes_consts)
                return E(f"len({name})", t, (len(data), len(data)), const=True)
        return None

    def int_expr_once(self, ctx: Ctx, t: str, depth: int) -> E | None:
        if depth <= 0 or self.chance(0.25):
            return self.leaf(ctx, t)
        r = self.rng.random()
        if r < 0.45:
            return self.binop(ctx, t, depth)
        if r < 0.53:
            e = self.int_expr(ctx, t, depth - 1)
            op = self.rng.choice(["-", "~", "-", "+"])
            iv = None
            if e.iv is not None:
                lo, hi = e.iv
                iv = (-hi, -lo) if op == "-" else (-hi - 1, -lo - 1) if op == "~" else e.iv
            return E(f"{op}{e.par()}", t, iv, const=e.const, atom=False)
        if r < 0.63:
            if self.chance(0.1):
                b = self.bool_expr(ctx, depth - 1)
                return E(f"{t}({b.code})", t)
            src = self.int_type()
            e = self.int_expr(ctx, src, depth - 1)
            if t == "i64" and src != "u64" and self.chance(0.4):
                return E(f"int({e.code})", t, limits(src))
            return E(f"{t}({e.code})", t)
        if r < 0.7:
            c = self.cond_expr(ctx, depth - 1)
            a = self.int_expr(ctx, t, depth - 1)
            b = self.int_expr(ctx, t, depth - 1)
            if t != "i64" and (a.const or b.const):
                return None  # a bare literal operand would be an i64
            return E(f"{a.par()} if {c.par()} else {b.par()}", t, iv_union(a.iv, b.iv),
                     atom=False)
        if r < 0.77:
            a = self.int_expr(ctx, t, depth - 1)
            b = self.int_expr(ctx, t, depth - 1)
            op = self.rng.choice(["and", "or"])
            if t != "i64" and (a.const or b.const):
                return None
            return E(f"{a.par()} {op} {b.par()}", t, iv_union(a.iv, b.iv), atom=False)
        if r < 0.92:
            return self.call_expr(ctx, t, depth)
        return self.leaf(ctx, t)

    def shift_count(self, ctx: Ctx, t: str, left: E, depth: int) -> E | None:
        """A non-negative shift count; for a maybe-plain left operand, one of
        type t with a small known bound (or a literal)."""
        bits = BITS[t]
        if self.chance(0.45):
            k = self.rng.choice([0, 1, 2, 3, bits - 1, bits, bits + 1,
                                 self.rng.randint(0, bits + 3)])
            return E(str(k), t, (k, k), const=True)
        mask = self.rng.choice([3, 7, 15, bits - 1, 2 * bits - 1])
        if left.iv is not None or left.const:
            e = self.int_expr(ctx, t, depth - 1)
            return E(f"{e.par()} & {mask}", t, (0, mask), const=e.const, atom=False)
        ct = self.int_type()
        e = self.int_expr(ctx, ct, depth - 1)
        if SIGNED[ct] or e.iv is not None:
            return E(f"{e.par()} & {mask}", ct, (0, mask), const=e.const, atom=False)
        return e

    def right_operand(self, ctx: Ctx, op: str, t: str, left: E, depth: int) -> E | None:
        if op in ("//", "%"):
            if self.chance(0.3):
                v = self.literal_value(t) or 1
                return self.literal(t, v)
            e = self.int_expr(ctx, t, depth - 1)
            iv = iv_binop("|", e.iv, (1, 1)) if e.iv is not None else None
            if iv is not None and iv[0] <= 0 <= iv[1]:
                # An interval that still holds 0 only because it is loose.
                iv = (min(iv[0], -1), max(iv[1], 1)) if iv[0] < 0 else (1, iv[1])
            return E(f"{e.par()} | 1", t, iv, const=e.const, atom=False)
        if op == "**":
            plain = left.iv is not None
            k = self.rng.choice([1, 3, 7] if plain else [3, 7, 63, 255])
            if self.chance(0.4):
                k = self.rng.randint(0, min(k, 5))
                return E(str(k), t, (k, k), const=True)
            if BITS[t] == 8 and k > 127:
                k = 127
            e = self.int_expr(ctx, t, depth - 1)
            return E(f"{e.par()} & {k}", t, (0, k), const=e.const, atom=False)
        if op in ("<<", ">>"):
            return self.shift_count(ctx, t, left, depth)
        return self.int_expr(ctx, t, depth - 1)

    def binop(self, ctx: Ctx, t: str, depth: int) -> E | None:
        op = self.rng.choice(BIN_OPS)
        left = self.int_expr(ctx, t, depth - 1)
        right = self.right_operand(ctx, op, t, left, depth)
        if right is None:
            return None
        if op in ("<<", ">>") and left.const and not right.const and right.ty != t:
            return None  # `1 << x` would take x's type
        iv = None
        if left.iv is not None and right.iv is not None:
            iv = iv_binop(op, left.iv, right.iv)
        return E(f"{left.par()} {op} {right.par()}", t, iv, const=left.const and right.const,
                 atom=False)

    def bool_expr(self, ctx: Ctx, depth: int) -> E:
        r = self.rng.random()
        if depth <= 0 or r < 0.12:
            bs = [v for v in self.visible(ctx) if v.ty == "bool"]
            ps = self.places(ctx, "bool")
            if bs and self.chance(0.5):
                return E(self.rng.choice(bs).name, "bool")
            if ps and self.chance(0.5):
                v, steps = self.rng.choice(ps)
                return E(self.render(ctx, v, steps), "bool")
            if depth <= 0:
                t = self.int_type()
                a = self.int_expr(ctx, t, 0)
                b = self.int_expr(ctx, t, 0)
                return E(f"{a.par()} {self.rng.choice(CMP_OPS)} {b.par()}", "bool", atom=False)
            return E(self.rng.choice(["True", "False"]), "bool")
        if r < 0.55:
            t = self.int_type()
            n = self.rng.choice([1, 1, 1, 2, 2, 3])
            parts = [self.int_expr(ctx, t, depth - 1).par()]
            for _ in range(n):
                parts.append(self.rng.choice(CMP_OPS))
                parts.append(self.int_expr(ctx, t, depth - 1).par())
            return E(" ".join(parts), "bool", atom=False)
        if r < 0.65:
            e = self.cond_expr(ctx, depth - 1)
            return E(f"not {e.par()}", "bool", atom=False)
        if r < 0.77:
            a = self.bool_expr(ctx, depth - 1)
            b = self.bool_expr(ctx, depth - 1)
            return E(f"{a.par()} {self.rng.choice(['and', 'or'])} {b.par()}", "bool", atom=False)
        if r < 0.83:
            e = self.int_expr(ctx, self.int_type(), depth - 1)
            return E(f"bool({e.code})", "bool")
        if r < 0.88:
            a = self.bool_expr(ctx, depth - 1)
            b = self.bool_expr(ctx, depth - 1)
            op = self.rng.choice(["==", "!=", "<", "<=", ">", ">="])
            return E(f"{a.par()} {op} {b.par()}", "bool", atom=False)
        if r < 0.93 and self.str_consts:
            s = self.rng.choice(self.str_consts)
            op = self.rng.choice(["==", "!="])
            return E(f"{s} {op} {self.str_value(ctx)}", "bool", atom=False)
        e = self.call_expr(ctx, "bool", depth)
        return e if e is not None else E("True", "bool")

    def cond_expr(self, ctx: Ctx, depth: int) -> E:
        """A condition: a bool, an integer's truthiness, or and/or of mixed types."""
        r = self.rng.random()
        if r < 0.65:
            return self.bool_expr(ctx, depth)
        if r < 0.85:
            return self.int_expr(ctx, self.int_type(), depth)
        a = self.cond_expr(ctx, depth - 1)
        b = self.cond_expr(ctx, depth - 1)
        return E(f"{a.par()} {self.rng.choice(['and', 'or'])} {b.par()}", "bool", atom=False)

    def value_expr(self, ctx: Ctx, t: Ty, depth: int) -> E:
        if t == "bool":
            return self.bool_expr(ctx, depth)
        assert isinstance(t, str)
        return self.int_expr(ctx, t, depth)

    def for_slot(self, ctx: Ctx, t: Ty, depth: int, iv: Interval | None = None,
                 literal_ok: bool = False) -> str:
        """An expression to store into a variable, argument or return value of
        type t.  A maybe-plain value goes into a sized slot only converted."""
        if t == "bool":
            return self.bool_expr(ctx, depth).code
        assert isinstance(t, str)
        e = self.int_expr(ctx, t, depth)
        if e.iv is None:
            return e.code
        inside = iv is not None and iv[0] <= e.iv[0] and e.iv[1] <= iv[1]
        if inside and (literal_ok or not e.const):
            return e.code
        return f"{t}({e.code})"

    # --- calls -----------------------------------------------------------------

    def affordable(self, ctx: Ctx, fn: Fn) -> bool:
        if any(isinstance(p.ty, (StructT, ArrT)) and not self.has_aggregate(ctx, p.ty)
               for p in fn.params):
            return False
        return (ctx.cost + fn.cost * ctx.mult <= ctx.budget_cost
                and ctx.out + fn.out * ctx.mult <= ctx.budget_out)

    def charge(self, ctx: Ctx, fn: Fn) -> None:
        ctx.cost += fn.cost * ctx.mult
        ctx.out += fn.out * ctx.mult

    def call_expr(self, ctx: Ctx, t: Ty, depth: int) -> E | None:
        choices: list[tuple[str, Fn]] = []
        for fn in self.fns:
            if fn.ret == t and fn.owner is None and self.affordable(ctx, fn):
                choices.append((self.p + fn.name, fn))
        for v in self.visible(ctx):
            if isinstance(v.ty, StructT):
                for m in v.ty.methods:
                    if m.ret == t and self.affordable(ctx, m):
                        choices.append((f"{v.name}.{m.name}", m))
        for v, steps in self.places(ctx, lambda ty: isinstance(ty, StructT) and ty.methods):
            st = v.ty
            for s in steps:
                st = dict(st.fields)[s] if isinstance(s, str) else st.elem  # type: ignore
            for m in st.methods:  # type: ignore[union-attr]
                if m.ret == t and self.affordable(ctx, m):
                    choices.append((f"{self.render(ctx, v, steps)}.{m.name}", m))
        if not choices:
            return None
        target, fn = self.rng.choice(choices)
        self.charge(ctx, fn)
        return E(f"{target}({self.arguments(ctx, fn, depth)})", t, fn.ret_iv)

    def arguments(self, ctx: Ctx, fn: Fn, depth: int) -> str:
        params = fn.params
        if fn.recursive:
            n = self.rng.randint(0, 4)
            rest = [self.argument(ctx, p, depth) for p in params[1:]]
            return ", ".join([str(n)] + rest)
        npos = self.rng.randint(0, len(params))
        args = [self.argument(ctx, p, depth) for p in params[:npos]]
        kws = [p for p in params[npos:] if p.default is None or self.chance(0.5)]
        self.rng.shuffle(kws)
        args += [f"{p.name}={self.argument(ctx, p, depth)}" for p in kws]
        return ", ".join(args)

    def argument(self, ctx: Ctx, p: Param, depth: int) -> str:
        if (p.ty in INTS or p.ty == "bool") and self.chance(0.3):
            # A call with side effects (its prints), so that the order in
            # which arguments are evaluated shows in the output.
            e = self.call_expr(ctx, p.ty, depth - 1)
            if e is not None:
                return e.code
        if isinstance(p.ty, (StructT, ArrT)):
            return self.aggregate(ctx, p.ty)
        if p.ty == "str":
            return self.str_value(ctx)
        if p.ty == "i64":
            return self.for_slot(ctx, "i64", depth - 1, INT_BOUND, literal_ok=True)
        return self.for_slot(ctx, p.ty, depth - 1)

    def aggregate(self, ctx: Ctx, t: Ty) -> str:
        """A reference to an existing struct or array of type t."""
        vs = [v for v in self.visible(ctx) if v.ty == t]
        ps = self.places(ctx, t)
        if ps and (not vs or self.chance(0.3)):
            v, steps = self.rng.choice(ps)
            return self.render(ctx, v, steps)
        return self.rng.choice(vs).name

    def has_aggregate(self, ctx: Ctx, t: Ty) -> bool:
        return any(v.ty == t for v in self.visible(ctx)) or bool(self.places(ctx, t))

    def str_value(self, ctx: Ctx) -> str:
        vs = [v.name for v in ctx.scope if v.ty == "str"] + self.str_consts
        if vs and self.chance(0.5):
            return self.rng.choice(vs)
        # Inside an f-string's field (Python 3.11) only the other quote works.
        return f"'{self.text()}'" if self.in_fstring else f'"{self.text()}"'

    # --- f-strings and print -----------------------------------------------------

    def fstring(self, ctx: Ctx, depth: int) -> str:
        self.in_fstring += 1
        try:
            return self.fstring_body(ctx, depth)
        finally:
            self.in_fstring -= 1

    def fstring_body(self, ctx: Ctx, depth: int) -> str:
        parts = []
        for _ in range(self.rng.randint(1, 4)):
            if self.chance(0.4):
                parts.append(self.text().replace("{", "{{").replace("}", "}}"))
            if self.chance(0.08):
                parts.append(self.rng.choice(["{{", "}}", "{{}}"]))
            r = self.rng.random()
            if r < 0.65:
                e = self.int_expr(ctx, self.int_type(), depth)
                spec = ":" + self.int_spec() if self.chance(0.7) else ""
                parts.append(f"{{{e.code}{spec}}}")
            elif r < 0.8:
                b = self.bool_expr(ctx, depth)
                spec = ":" + self.int_spec() if self.chance(0.4) else ""
                parts.append(f"{{{b.code}{spec}}}")
            elif r < 0.9:
                vs = [v.name for v in ctx.scope if v.ty == "str"] + self.str_consts
                if vs:
                    spec = ":" + self.str_spec() if self.chance(0.6) else ""
                    parts.append(f"{{{self.rng.choice(vs)}{spec}}}")
            else:
                parts.append(f"{{{self.chr_call(ctx, depth)}}}")
        return 'f"' + "".join(parts) + '"'

    def chr_call(self, ctx: Ctx, depth: int) -> str:
        t = self.rng.choice(["u8", "u16", "u32", "i32"])
        e = self.int_expr(ctx, t, depth - 1)
        if t == "u8":
            return f"chr({e.par()} % 95 + 32)" if self.chance(0.5) else f"chr({e.code})"
        return f"chr({e.par()} % 55295 + 1)"

    def long_chain(self, ctx: Ctx) -> str:
        """A left-deep chain of tens to hundreds of ring operators: nesting
        CPython compiles, so the compiler must too."""
        t = self.int_type()
        parts = [self.sized(ctx, t, 0).par()]
        # CPython compiles a chain of a few thousand operators; 1500 is safe.
        for _ in range(self.rng.choice([self.rng.randint(50, 400), self.rng.randint(400, 1500)])):
            parts.append(self.rng.choice(["+", "-", "^", "|", "&", "*"]))
            parts.append(self.sized(ctx, t, 0).par())
        return " ".join(parts)

    def print_stmt(self, ctx: Ctx) -> str:
        depth = self.expr_depth()
        if self.chance(0.003):
            ctx.out += ctx.mult
            return f"print({self.long_chain(ctx)})"
        args = []
        for _ in range(self.rng.randint(1, 4)):
            r = self.rng.random()
            if r < 0.45:
                args.append(self.int_expr(ctx, self.int_type(), depth).code)
            elif r < 0.6:
                args.append(self.bool_expr(ctx, depth).code)
            elif r < 0.72:
                args.append(self.str_value(ctx))
            elif r < 0.95:
                args.append(self.fstring(ctx, depth))
            else:
                args.append(self.chr_call(ctx, depth))
        if self.chance(0.15):
            args.append("sep=" + self.rng.choice(['""', '", "', '"|"', self.fstring(ctx, 1)]))
        if self.chance(0.1):
            end = self.rng.choice(['" "', '";\\n"', self.fstring(ctx, 1)[:-1] + '\\n"'])
            args.append("end=" + end)
        ctx.out += ctx.mult
        ctx.cost += ctx.mult
        return f"print({', '.join(args)})"

    def expr_depth(self) -> int:
        return self.rng.randint(4, 8) if self.deep else self.rng.randint(0, 3)

    # --- statements ---------------------------------------------------------------

    def block(self, ctx: Ctx, n: int, ind: int) -> list[str]:
        lines: list[str] = []
        declared = len(ctx.scope)
        for _ in range(n):
            if ctx.cost > ctx.budget_cost or ctx.out > ctx.budget_out:
                break
            lines += self.statement(ctx, ind)
        del ctx.scope[declared:]  # locals of a block are not read after it
        if not lines:
            lines = ["    " * ind + "pass"]
        return lines

    def assignable_vars(self, ctx: Ctx) -> list[Var]:
        out = [v for v in ctx.scope if v.assignable and isinstance(v.ty, str)
               and v.ty not in ("str", "bytes")]
        out += [v for v in self.globals if v.name in ctx.global_names]
        return out

    def statement(self, ctx: Ctx, ind: int) -> list[str]:
        pad = "    " * ind
        r = self.rng.random()
        depth = self.expr_depth()
        ctx.cost += ctx.mult
        if r < 0.16:
            return [pad + self.print_stmt(ctx)]
        if r < 0.3:
            return [pad + self.declare(ctx, depth)]
        if r < 0.42:
            vs = self.assignable_vars(ctx)
            if vs:
                return [pad + self.assign(ctx, self.rng.choice(vs), depth)]
        if r < 0.52:
            s = self.store(ctx, depth)
            if s:
                return [pad + s]
        if r < 0.6 and ind < 4:
            return self.if_stmt(ctx, ind, depth)
        if r < 0.72 and ind < 4 and ctx.loop_depth < 3:
            return self.loop(ctx, ind)
        if r < 0.78 and ctx.loop_depth > 0:
            c = self.cond_expr(ctx, min(depth, 2))
            return [pad + f"if {c.code}:", pad + "    " + self.rng.choice(["break", "continue"])]
        if r < 0.84:
            e = self.call_stmt(ctx, depth)
            if e:
                return [pad + e]
        if r < 0.87:
            e = self.int_expr(ctx, self.int_type(), 0)
            if e.iv is None and not e.const:
                return [pad + f"assert {e.par()} == {e.par()}, \"{self.text()}\""]
        if r < 0.91 and ind < 4:
            w = self.with_stmt(ctx, ind)
            if w:
                return w
        if r < 0.95 and ctx.fn.ret is not None and ind > 1:
            return [pad + "return " + self.return_value(ctx, depth)]
        return [pad + self.print_stmt(ctx)]

    def declare(self, ctx: Ctx, depth: int) -> str:
        name = self.fresh("v")
        if self.chance(0.15):
            e = self.bool_expr(ctx, depth)
            ctx.scope.append(Var(name, "bool"))
            return f"{name}: bool = {e.code}" if self.chance(0.5) else f"{name} = {e.code}"
        t = self.int_type()
        if t == "i64" and self.chance(0.6):
            bound = INT_BOUND
            code = self.for_slot(ctx, t, depth, bound, literal_ok=True)
            ctx.scope.append(Var(name, t, bound))
            ann = self.rng.choice([": int", ": i64", ""])
            return f"{name}{ann} = {code}"
        code = self.for_slot(ctx, t, depth)
        ctx.scope.append(Var(name, t))
        return f"{name}: {t} = {code}" if self.chance(0.5) else f"{name} = {code}"

    def assign(self, ctx: Ctx, v: Var, depth: int) -> str:
        if v.ty == "bool":
            return f"{v.name} = {self.bool_expr(ctx, depth).code}"
        assert isinstance(v.ty, str)
        if self.chance(0.5):
            op = self.rng.choice(BIN_OPS)
            left = E(v.name, v.ty, v.iv)
            right = self.right_operand(ctx, op, v.ty, left, depth)
            if right is not None and not (op in ("<<", ">>") and v.iv is not None
                                          and not right.const and right.ty != v.ty):
                if v.iv is None or (right.iv is not None
                                    and fits(iv_binop(op, v.iv, right.iv), v.ty)
                                    and self.within(iv_binop(op, v.iv, right.iv), v.iv)):
                    return f"{v.name} {op}= {right.code}"
        code = self.for_slot(ctx, v.ty, depth, v.iv, literal_ok=v.iv is not None)
        # Sometimes a chained assignment: another variable of the same type
        # and bound takes the same value (evaluated once, stored left to right).
        twins = [w for w in self.assignable_vars(ctx)
                 if w is not v and w.ty == v.ty and w.iv == v.iv]
        if twins and self.chance(0.2):
            return f"{v.name} = {self.rng.choice(twins).name} = {code}"
        return f"{v.name} = {code}"

    @staticmethod
    def within(a: Interval, b: Interval) -> bool:
        return b[0] <= a[0] and a[1] <= b[1]

    def store(self, ctx: Ctx, depth: int) -> str | None:
        if self.chance(0.1):
            t = self.int_type()
            target = self.pointer_access(ctx, t)
            if target:
                value = self.sized(ctx, t, depth)
                if target.endswith(".load()"):
                    return f"{target[:-len('load()')]}store({value.code})"
                return f"{target} = {value.code}"
        ps = self.places(ctx, lambda t: not isinstance(t, ArrT) or self.chance(0.2))
        if not ps:
            return None
        v, steps = self.rng.choice(ps)
        t = v.ty
        for s in steps:
            t = dict(t.fields)[s] if isinstance(s, str) else t.elem  # type: ignore
        target = self.render(ctx, v, steps)
        if isinstance(t, (StructT, ArrT)):
            if isinstance(t, StructT) and self.chance(0.5):
                return f"{target} = {self.constructor(ctx, t, depth)}"
            if self.has_aggregate(ctx, t):
                return f"{target} = {self.aggregate(ctx, t)}"
            return None
        if t != "bool" and self.chance(0.4):
            op = self.rng.choice(BIN_OPS)
            right = self.right_operand(ctx, op, t, E(target, t), depth)  # type: ignore[arg-type]
            if right is not None:
                return f"{target} {op}= {right.code}"
        return f"{target} = {self.value_expr(ctx, t, depth).code}"

    def constructor(self, ctx: Ctx, st: StructT, depth: int) -> str:
        simple = [(f, t) for f, t in st.fields if isinstance(t, str)]
        if not simple or self.chance(0.1):
            return f"{st.name}()"
        if self.chance(0.5):
            n = self.rng.randint(1, len(st.fields))
            if all(isinstance(t, str) for _, t in st.fields[:n]):
                values = [self.value_expr(ctx, t, depth - 1).code for _, t in st.fields[:n]]
                return f"{st.name}({', '.join(values)})"
        chosen = self.rng.sample(simple, self.rng.randint(1, len(simple)))
        keywords = [f"{f}={self.value_expr(ctx, t, depth - 1).code}" for f, t in chosen]
        return f"{st.name}({', '.join(keywords)})"

    def if_stmt(self, ctx: Ctx, ind: int, depth: int) -> list[str]:
        pad = "    " * ind
        lines = [pad + f"if {self.cond_expr(ctx, depth).code}:"]
        lines += self.block(ctx, self.rng.randint(1, 3), ind + 1)
        for _ in range(self.rng.choice([0, 0, 1, 2])):
            lines.append(pad + f"elif {self.cond_expr(ctx, depth).code}:")
            lines += self.block(ctx, self.rng.randint(1, 2), ind + 1)
        if self.chance(0.5):
            lines.append(pad + "else:")
            lines += self.block(ctx, self.rng.randint(1, 2), ind + 1)
        return lines

    def loop(self, ctx: Ctx, ind: int) -> list[str]:
        pad = "    " * ind
        r = self.rng.random()
        lines: list[str] = []
        var = None
        if r < 0.45:
            name = self.fresh("j")
            header, t, iv, trips = self.range_header(ctx)
            lines.append(pad + f"for {name} in {header}:")
            var = Var(name, t, iv, assignable=False, loop=True)
        elif r < 0.6 and self.places(ctx, lambda t: isinstance(t, ArrT)) + [
                v for v in self.visible(ctx) if isinstance(v.ty, ArrT)]:
            arrs: list[tuple[Var, list[object]]] = [(v, []) for v in self.visible(ctx)
                                                    if isinstance(v.ty, ArrT)]
            arrs += self.places(ctx, lambda t: isinstance(t, ArrT))
            v, steps = self.rng.choice(arrs)
            at = v.ty
            for s in steps:
                at = dict(at.fields)[s] if isinstance(s, str) else at.elem  # type: ignore
            name = self.fresh("e")
            lines.append(pad + f"for {name} in {self.render(ctx, v, steps)}:")
            trips = at.n  # type: ignore[union-attr]
            var = Var(name, at.elem, None, assignable=False)  # type: ignore[union-attr]
        elif r < 0.7 and self.bytes_consts:
            name = self.fresh("b")
            cname, data = self.rng.choice(self.bytes_consts)
            lines.append(pad + f"for {name} in {cname}:")
            trips = len(data)
            var = Var(name, "u8", (min(data), max(data)), assignable=False)
        else:
            counter = self.fresh("k")
            trips = self.rng.randint(0, 6)
            lines.append(pad + f"{counter} = 0")
            if self.chance(0.5):
                lines.append(pad + f"while {counter} < {trips}:")
                lines.append(pad + f"    {counter} += 1")
            else:
                lines.append(pad + "while True:")
                lines.append(pad + f"    {counter} += 1")
                lines.append(pad + f"    if {counter} > {trips}:")
                lines.append(pad + "        break")
            var = Var(counter, "i64", (0, trips + 1), assignable=False)
            body = self.loop_body(ctx, var, max(trips, 1), ind)
            lines += body
            if lines[-len(body) - 1].endswith(f"< {trips}:") and self.chance(0.4):
                lines.append(pad + "else:")
                lines += self.block(ctx, 1, ind + 1)
            return lines
        lines += self.loop_body(ctx, var, max(trips, 1), ind)
        return lines

    def loop_body(self, ctx: Ctx, var: Var, trips: int, ind: int) -> list[str]:
        ctx.scope.append(var)
        ctx.loop_depth += 1
        old = ctx.mult
        ctx.mult *= trips
        lines = self.block(ctx, self.rng.randint(1, 4), ind + 1)
        ctx.mult = old
        ctx.loop_depth -= 1
        if ctx.scope and ctx.scope[-1] is var:
            ctx.scope.pop()
        return lines

    def range_header(self, ctx: Ctx) -> tuple[str, str, Interval, int]:
        r = self.rng.random()
        if r < 0.5:
            start = self.rng.randint(-4, 4)
            stop = self.rng.randint(-4, 8)
            step = self.rng.choice([1, 1, 2, 3, -1, -2])
            vals = list(range(start, stop, step)) or [0]
            if step == 1 and start == 0 and self.chance(0.5):
                header = f"range({stop})"
            elif step == 1 and self.chance(0.5):
                header = f"range({start}, {stop})"
            else:
                header = f"range({start}, {stop}, {step})"
            return header, "i64", (min(vals), max(vals)), max(len(vals), 1)
        t = self.int_type()
        k = self.rng.randint(1, 6)
        outer = [v for v in ctx.scope if v.loop and v.ty == t and v.iv and v.iv[0] >= 0
                 and v.iv[1] <= 8]
        if outer and self.chance(0.4):
            o = self.rng.choice(outer)
            return f"range({o.name})", t, (0, max(o.iv[1] - 1, 0)), max(o.iv[1], 1)  # type: ignore
        # A constant bound would make the loop variable an i64.
        e = self.sized(ctx, t, 1)
        bound = f"{e.par()} % {k}"
        if self.chance(0.3):
            start = self.rng.randint(0, 2)
            return f"range({start}, {bound})", t, (start, max(start, k - 1)), k
        return f"range({bound})", t, (0, k - 1), k

    def call_stmt(self, ctx: Ctx, depth: int) -> str | None:
        fns = [f for f in self.fns if f.ret is None and f.owner is None and self.affordable(ctx, f)]
        if fns and self.chance(0.7):
            fn = self.rng.choice(fns)
            self.charge(ctx, fn)
            return f"{self.p}{fn.name}({self.arguments(ctx, fn, depth)})"
        for v in self.visible(ctx):
            if isinstance(v.ty, StructT):
                ms = [m for m in v.ty.methods if self.affordable(ctx, m)]
                if ms:
                    m = self.rng.choice(ms)
                    self.charge(ctx, m)
                    return f"{v.name}.{m.name}({self.arguments(ctx, m, depth)})"
        t = self.rng.choice(list(INTS) + ["bool"])
        e = self.call_expr(ctx, t, depth)
        return e.code if e else None

    def with_stmt(self, ctx: Ctx, ind: int) -> list[str] | None:
        guards = [v for v in self.visible(ctx) if isinstance(v.ty, StructT) and v.ty.guard]
        if not guards:
            return None
        g = self.rng.choice(guards)
        pad = "    " * ind
        lines = []
        if self.chance(0.6):
            name = self.fresh("w")
            lines.append(pad + f"with {g.name} as {name}:")
            ctx.scope.append(Var(name, "u32", None, assignable=False))
        else:
            lines.append(pad + f"with {g.name}:")
        ctx.out += 2 * ctx.mult
        lines += self.block(ctx, self.rng.randint(1, 3), ind + 1)
        return lines

    def return_value(self, ctx: Ctx, depth: int) -> str:
        fn = ctx.fn
        t = fn.ret
        if isinstance(t, StructT):
            return self.constructor(ctx, t, depth)
        return self.for_slot(ctx, t, depth, fn.ret_iv, literal_ok=fn.ret_iv is not None)  # type: ignore

    # --- definitions ------------------------------------------------------------

    def struct_def(self) -> None:
        name = self.fresh(f"{self.p}S")
        fields: list[tuple[str, Ty]] = []
        for i in range(self.rng.randint(1, 4)):
            r = self.rng.random()
            if r < 0.6:
                t: Ty = self.int_type()
            elif r < 0.72:
                t = "bool"
            elif r < 0.85 and self.structs:
                t = self.rng.choice(self.structs)
            elif r < 0.95:
                t = ArrT(self.int_type(), self.rng.randint(1, 6))
            elif self.structs:
                t = ArrT(self.rng.choice(self.structs), self.rng.randint(1, 3))
            else:
                t = "bool"
            fields.append((f"f{i}", t))
        self.structs.append(StructT(name, fields, packed=self.chance(0.2)))

    def guard_def(self) -> None:
        name = self.fresh(f"{self.p}Guard")
        self.structs.append(StructT(name, [("tag", "u32"), ("depth", "u8")], guard=True))

    def struct_text(self, st: StructT, method_text: dict[int, list[str]]) -> list[str]:
        lines = ["@struct(packed=True)" if st.packed else "@struct", f"class {st.name}:"]
        lines += [f"    {f}: {type_str(t)}" for f, t in st.fields]
        if st.guard:
            lines += ["",
                      "    def __enter__(self) -> u32:",
                      "        self.depth += 1",
                      '        print("enter", self.tag, self.depth)',
                      "        return self.tag",
                      "",
                      "    def __exit__(self, *exc: object) -> None:",
                      '        print("exit", self.tag, self.depth)',
                      "        self.depth -= 1"]
        for m in st.methods:
            lines.append("")
            lines += method_text[id(m)]
        return lines

    def signature(self, fn: Fn) -> str:
        params = ["self"] if fn.owner else []
        for p in fn.params:
            s = f"{p.name}: {type_str(p.ty)}"
            if p.default is not None:
                s += f" = {p.default}"
            params.append(s)
        ret = "None" if fn.ret is None else ("int" if fn.ret_iv is not None and self.chance(0.5)
                                             else type_str(fn.ret))
        name = fn.name if fn.owner else self.p + fn.name
        return f"def {name}({', '.join(params)}) -> {ret}:"

    def make_fn(self, owner: StructT | None, is_main: bool = False) -> list[str]:
        name = "main" if is_main else self.fresh("m" if owner else "f")
        params: list[Param] = []
        # A method's annotations are evaluated while its class is being
        # defined, so they may name only the structs defined before it.
        structs = self.structs[:self.structs.index(owner)] if owner else self.structs
        if not is_main:
            for i in range(self.rng.randint(0, 4)):
                r = self.rng.random()
                if r < 0.65:
                    t: Ty = self.int_type()
                elif r < 0.75:
                    t = "bool"
                elif r < 0.85:
                    t = "str"
                elif r < 0.93 and structs:
                    t = self.rng.choice(structs)
                else:
                    t = ArrT(self.int_type(), self.rng.randint(1, 5))
                default = None
                if isinstance(t, str) and t in INTS and (self.chance(0.3) or any(
                        p.default for p in params)):
                    v = self.literal_value(t)
                    if t == "i64" and self.chance(0.5):
                        # A bare default is a plain int: keep it in INT_BOUND.
                        v = min(max(v, INT_BOUND[0]), INT_BOUND[1])
                        default = str(v)
                    else:
                        default = f"{t}({v})"
                elif any(p.default for p in params):
                    break
                params.append(Param(f"p{i}", t, default))
        ret: Ty | None = None
        ret_iv = None
        if not is_main and self.chance(0.75):
            r = self.rng.random()
            ret = self.int_type() if r < 0.8 else "bool" if r < 0.9 or not structs \
                else self.rng.choice([s for s in structs if not s.guard] or ["bool"])
            if ret == "i64" and self.chance(0.5):
                ret_iv = INT_BOUND
        fn = Fn(name, params, ret, ret_iv, owner)
        budget_out = MAX_MAIN_OUT if is_main else self.rng.randint(2, MAX_OUT // 4)
        ctx = Ctx(fn, [], MAX_COST, budget_out)
        for p in params:
            # An i64 parameter can receive a plain int (a literal, `len()`):
            # within INT_BOUND, which every caller keeps to.
            ctx.scope.append(Var(p.name, p.ty, INT_BOUND if p.ty == "i64" else None,
                                 assignable=isinstance(p.ty, str) and p.ty != "str"))
        if owner:
            ctx.scope.append(Var("self", owner, assignable=False))
        body: list[str] = []
        # Locals of every kind, then statements.
        assignable_globals = [g for g in self.globals if isinstance(g.ty, str)]
        chosen = [g.name for g in assignable_globals if self.chance(0.4)]
        if chosen:
            body.append("    global " + ", ".join(chosen))
            ctx.global_names = chosen
        for _ in range(self.rng.randint(0, 2 if not is_main else 4)):
            body += self.local_aggregate(ctx)
        for _ in range(self.rng.randint(1, 4)):
            body.append("    " + self.declare(ctx, self.expr_depth()))
        n = self.rng.randint(3, 8) if not is_main else self.rng.randint(8, 16)
        body += self.block_keep(ctx, n)
        if fn.ret is not None:
            body.append("    return " + self.return_value(ctx, self.expr_depth()))
        fn.cost = max(ctx.cost, 1)
        fn.out = ctx.out
        text = ["    " * (owner is not None) + self.signature(fn)]
        text += ["    " * (owner is not None) + line for line in body]
        if owner:
            owner.methods.append(fn)
        elif not is_main:
            self.fns.append(fn)
        return text

    def block_keep(self, ctx: Ctx, n: int) -> list[str]:
        lines: list[str] = []
        for _ in range(n):
            if ctx.cost > ctx.budget_cost or ctx.out > ctx.budget_out:
                break
            lines += self.statement(ctx, 1)
        return lines or ["    pass"]

    def local_aggregate(self, ctx: Ctx) -> list[str]:
        name = self.fresh("a" if self.chance(0.5) else "s")
        existing = [v for v in ctx.scope if isinstance(v.ty, (StructT, ArrT))]
        if existing and self.chance(0.15):
            # Another name for the same struct or array: a store through
            # either must show through both.
            other = self.rng.choice(existing)
            ctx.scope.append(Var(name, other.ty, assignable=False))
            return [f"    {name} = {other.name}"]
        r = self.rng.random()
        plain = [s for s in self.structs if not s.guard]
        if r < 0.4:
            t = ArrT(self.int_type() if self.chance(0.8) else "bool", self.rng.randint(1, 8))
            ctx.scope.append(Var(name, t, assignable=False))
            return [f"    {name} = {type_str(t)}()"]
        if r < 0.5 and plain:
            t = ArrT(self.rng.choice(plain), self.rng.randint(1, 4))
            ctx.scope.append(Var(name, t, assignable=False))
            return [f"    {name} = {type_str(t)}()"]
        if r < 0.55:
            t = ArrT(ArrT(self.int_type(), self.rng.randint(1, 4)), self.rng.randint(1, 3))
            ctx.scope.append(Var(name, t, assignable=False))
            return [f"    {name} = {type_str(t)}()"]
        if self.structs:
            st = self.rng.choice(self.structs)
            if st.guard:
                code = f"{st.name}(u32({self.rng.randint(0, 99)}))"
            else:
                calls = [f for f in self.fns if f.ret is st and self.affordable(ctx, f)]
                if calls and self.chance(0.4):
                    fn = self.rng.choice(calls)
                    self.charge(ctx, fn)
                    code = f"{self.p}{fn.name}({self.arguments(ctx, fn, 1)})"
                else:
                    code = self.constructor(ctx, st, 2)
            ctx.scope.append(Var(name, st, assignable=False))
            return [f"    {name} = {code}"]
        return []

    def recursive_fn(self) -> list[str]:
        t = self.int_type()
        name = self.fresh("rec")
        # `acc` comes back unchanged at the bottom, so for an i64 the result
        # may be the plain int a caller passed.
        fn = Fn(name, [Param("n", "i64"), Param("acc", t)], t,
                INT_BOUND if t == "i64" else None, recursive=True)
        ctx = Ctx(fn, [Var("n", "i64", (-1, 5), assignable=False),
                       Var("acc", t, INT_BOUND if t == "i64" else None)], 60, 3)
        step = self.int_expr(ctx, t, 2)
        if step.iv is not None:
            step = E(f"{t}({step.code})", t)
        lines = [f"def {self.p}{name}(n: i64, acc: {t}) -> {t}:",
                 "    if n <= 0:",
                 "        return acc"]
        if self.chance(0.5):
            lines.append(f'    print("{name}", n, acc)')
        lines.append(f"    return {self.p}{name}(n - 1, {step.code})")
        fn.cost = 6 * max(ctx.cost, 1) + 6
        fn.out = 6 * (1 + ctx.out)
        self.fns.append(fn)
        return lines

    def panic_tail(self, ctx: Ctx) -> list[str]:
        """A statement that panics.  Its operands are read from a zeroed array,
        so that the compiler cannot see the panic coming as a constant."""
        kind = self.rng.randrange(5)
        t = self.int_type()
        # Kinds 0 and 1 repeat e's code inside an f-string's field, where
        # (Python 3.11) a string literal may only use the other quote.
        quoted = kind in (0, 1)
        self.in_fstring += quoted
        try:
            e = self.sized(ctx, t, 1)
        finally:
            self.in_fstring -= quoted
        zero = self.fresh("zero")
        lines = [f"    {zero} = Array[{t}, 1]()"]
        if kind == 0:
            lines.append(f"    assert {e.par()} == {zero}[0] + 1 + {e.par()}, "
                         f"f\"{self.text()} {{{e.code}}}\"")
        elif kind == 1:
            lines.append(f"    if {zero}[0] == 0:")
            lines.append(f'        panic(f"{self.text()} {{{e.code}:#x}}")')
        elif kind == 2:
            n = self.rng.randint(1, 6)
            tail = self.fresh("tail")
            lines.append(f"    {tail} = Array[{t}, {n}]()")
            lines.append(f"    print({tail}[{zero}[0] + {n}])")
        elif kind == 3:
            lines.append(f"    print({e.par()} // {zero}[0])")
        else:
            s = self.rng.choice(["i8", "i16", "i32", "i64"])
            lines.append(f"    {zero}s = Array[{s}, 1]()")
            lines.append(f"    print({e.par()} << ({zero}s[0] - 1))")
        return lines

    def program(self) -> Program:
        rng = self.rng
        for _ in range(rng.choice([0, 1, 1, 2, 2, 3])):
            self.struct_def()
        if rng.random() < 0.3:
            self.guard_def()
        defs: list[str] = []
        for _ in range(rng.randint(0, 3)):
            name = self.fresh(f"{self.p}K").upper()
            v = rng.choice([rng.randint(0, 9), rng.randint(-50, 50), rng.randint(0, 255)])
            self.consts.append((name, v))
            defs.append(f"{name}: Final = {v}")
        for _ in range(rng.randint(0, 2)):
            t = self.int_type()
            name = self.fresh(f"{self.p}T").upper()
            v = self.literal_value(t)
            self.typed_consts.append(Var(name, t, assignable=False))
            defs.append(f"{name}: Final[{t}] = {t}({v})" if rng.random() < 0.5
                        else f"{name}: Final = {t}({v})")
        if rng.random() < 0.4:
            name = self.fresh(f"{self.p}DATA").upper()
            data = bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))
            self.bytes_consts.append((name, data))
            defs.append(f"{name}: Final = {data!r}")
        if rng.random() < 0.3:
            name = self.fresh(f"{self.p}NAME").upper()
            self.str_consts.append(name)
            defs.append(f'{name}: Final = "{self.text()}"')
        for _ in range(rng.randint(0, 4)):
            name = self.fresh(f"{self.p}g")
            r = rng.random()
            if r < 0.55:
                t: Ty = self.int_type()
                v = self.literal_value(t)
                if t == "i64" and rng.random() < 0.5:
                    v = rng.randint(-1000, 1000)
                    self.globals.append(Var(name, t, INT_BOUND, is_global=True))
                    defs.append(f"{name} = {v}")
                else:
                    self.globals.append(Var(name, t, is_global=True))
                    defs.append(f"{name}: {t} = {t}({v})" if rng.random() < 0.5
                                else f"{name} = {t}({v})")
            elif r < 0.65:
                self.globals.append(Var(name, "bool", is_global=True))
                defs.append(f"{name} = {rng.choice(['True', 'False'])}")
            elif r < 0.85 or not self.structs:
                t = ArrT(self.int_type(), rng.randint(1, 8))
                self.globals.append(Var(name, t, assignable=False, is_global=True))
                defs.append(f"{name} = {type_str(t)}()")
            else:
                st = rng.choice(self.structs)
                self.globals.append(Var(name, st, assignable=False, is_global=True))
                defs.append(f"{name} = {st.name}({'u32(7)' if st.guard else ''})")
        # Callables in rank order: each may call only those made before it.
        fn_text: list[list[str]] = []
        method_text: dict[int, list[str]] = {}
        plain_structs = [s for s in self.structs if not s.guard]
        for _ in range(rng.randint(1, 6)):
            if plain_structs and rng.random() < 0.3:
                st = rng.choice(plain_structs)
                text = self.make_fn(st)
                method_text[id(st.methods[-1])] = text
            elif rng.random() < 0.1:
                fn_text.append(self.recursive_fn())
            else:
                fn_text.append(self.make_fn(None))
        main = self.make_fn(None, is_main=True)
        panics = rng.random() < 0.05
        main_ctx = Ctx(Fn("main", [], None), [], MAX_COST, 10)
        if panics:
            main += self.panic_tail(main_ctx)
        else:
            main += self.final_report()
        main[0] = f"def {self.p}main() -> None:"
        out: list[str] = []
        for st in self.structs:
            out += self.struct_text(st, method_text) + ["", ""]
        if defs:
            out += defs + ["", ""]
        for text in fn_text:
            out += text + ["", ""]
        out += main
        return Program(self.seed, self.p, "\n".join(out) + "\n", f"{self.p}main", panics)

    def final_report(self) -> list[str]:
        """Print every global at the end, so that a wrong store shows."""
        lines = []
        for st in self.structs:
            if self.chance(0.5):
                lines.append(f'    print("sizeof {st.name}", sizeof({st.name}))')
        for g in self.globals:
            if isinstance(g.ty, ArrT):
                x = self.fresh("x")
                lines.append(f"    for {x} in {g.name}:")
                lines.append(f'        print({x}, end=" ")')
                lines.append("    print()")
            elif isinstance(g.ty, StructT):
                for f, t in g.ty.fields:
                    if isinstance(t, str):
                        lines.append(f'    print("{g.name}.{f}", {g.name}.{f})')
            else:
                lines.append(f'    print("{g.name}", {g.name})')
        lines.append('    print("end")')
        return lines


def generate(seed: int, prefix: str = "") -> Program:
    """The program for `seed`; `prefix` starts every top-level name, so that
    several programs can share one module."""
    return Gen(seed, prefix).program()
