"""Expressions, calls, f-strings and print statements, each built for a
type the generator tracks."""

from __future__ import annotations

from .model import (
    BIN_OPS,
    BITS,
    CMP_OPS,
    INT_BOUND,
    INTS,
    SIGNED,
    ArrT,
    Ctx,
    E,
    Fn,
    Interval,
    Param,
    StructT,
    Ty,
    fits,
    iv_binop,
    iv_union,
    limits,
)
from .values import Values


class Expressions(Values):
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
