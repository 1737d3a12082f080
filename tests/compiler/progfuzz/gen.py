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

from .model import (
    INT_BOUND,
    INTS,
    MAX_COST,
    MAX_MAIN_OUT,
    MAX_OUT,
    ArrT,
    Ctx,
    E,
    Fn,
    Param,
    Program,
    StructT,
    Ty,
    Var,
    type_str,
)
from .stmts import Statements


class Gen(Statements):
    """Whole programs: structs, functions and main, built from the
    statements and expressions of the classes it extends."""

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
