"""Statements: blocks, declarations, assignments, stores, if, loops,
calls and with statements."""

from __future__ import annotations

from .exprs import Expressions
from .model import BIN_OPS, INT_BOUND, INTS, ArrT, Ctx, E, Interval, StructT, Var, fits, iv_binop


class Statements(Expressions):
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
