"""Generator state, literals, format specs and scope queries: what every
other part of the generator builds on."""

from __future__ import annotations

import random

from .model import (
    BITS,
    FILLS,
    INTS,
    SIGNED,
    WORDS,
    ArrT,
    Ctx,
    E,
    Fn,
    StructT,
    Ty,
    Var,
    fits,
    limits,
)


class Values:
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
