"""Property tests: integer operators agree between compiled code and
pythos.lang under CPython, at every width.

Each example is a batch of random (type, operator, a, b) cases compiled
into one program, so the compiler runs once per batch.  The operands reach
the operators through volatile loads, so LLVM cannot fold the arithmetic
at compile time: the machine code itself is being tested.
"""

from __future__ import annotations

import operator
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import pythos.lang as lang

from .conftest import ROOT, compile_program

WIDTHS = {"u8": (8, False), "u16": (16, False), "u32": (32, False), "u64": (64, False),
          "i8": (8, True), "i16": (16, True), "i32": (32, True), "i64": (64, True)}
OPS = {"+": operator.add, "-": operator.sub, "*": operator.mul, "//": operator.floordiv,
       "%": operator.mod, "&": operator.and_, "|": operator.or_, "^": operator.xor,
       "<<": operator.lshift, ">>": operator.rshift, "**": operator.pow,
       "<": operator.lt, "<=": operator.le, "==": operator.eq, "!=": operator.ne,
       ">": operator.gt, ">=": operator.ge}
UNARY = {"-": operator.neg, "~": operator.invert}


def value_in(tname: str) -> st.SearchStrategy[int]:
    bits, signed = WIDTHS[tname]
    lo, hi = (-(1 << (bits - 1)), (1 << (bits - 1)) - 1) if signed else (0, (1 << bits) - 1)
    edges = [lo, hi, 0, 1, -1 if signed else 2, lo + 1, hi - 1]
    return st.one_of(st.sampled_from(edges), st.integers(lo, hi))


@st.composite
def case(draw: st.DrawFn) -> tuple[str, str, int, int]:
    tname = draw(st.sampled_from(sorted(WIDTHS)))
    op = draw(st.sampled_from(sorted(OPS) + ["neg", "inv"]))
    a = draw(value_in(tname))
    if op in ("<<", ">>"):
        b = draw(st.integers(0, WIDTHS[tname][0] + 8))
    elif op == "**":
        b = draw(st.integers(0, 70))
    else:
        b = draw(value_in(tname))
        if op in ("//", "%") and b == 0:
            b = 1
    return tname, op, a, b


def expected(cases: list[tuple[str, str, int, int]]) -> str:
    out = []
    for tname, op, a, b in cases:
        t = getattr(lang, tname)
        if op == "neg":
            r = -t(a)
        elif op == "inv":
            r = ~t(a)
        elif op in ("<<", ">>"):
            r = OPS[op](t(a), lang.u8(b))
        else:
            r = OPS[op](t(a), t(b))
        out.append(str(r))
    return "\n".join(out) + "\n"


def program(cases: list[tuple[str, str, int, int]]) -> str:
    """A program that loads each operand with a volatile read and prints
    each result on its own line."""
    lines = ["from pythos.lang import Array, addr_of, u8, u16, u32, u64, i8, i16, i32, i64",
             f"VALUES = Array[u64, {2 * len(cases)}]()",
             "",
             "def get(i: int) -> u64:",
             "    return (addr_of(VALUES) + i).volatile_load()",
             "",
             "def main() -> None:"]
    for i, (tname, op, a, b) in enumerate(cases):
        lines.append(f"    VALUES[{2 * i}] = {a & (2**64 - 1)}")
        lines.append(f"    VALUES[{2 * i + 1}] = {b & (2**64 - 1)}")
    for i, (tname, op, a, b) in enumerate(cases):
        x = f"{tname}(get({2 * i}))"
        y = f"{tname}(get({2 * i + 1}))"
        if op == "neg":
            lines.append(f"    print(-{x})")
        elif op == "inv":
            lines.append(f"    print(~{x})")
        elif op in ("<<", ">>"):
            lines.append(f"    print({x} {op} u8(get({2 * i + 1})))")
        else:
            lines.append(f"    print({x} {op} {y})")
    lines.append("")
    return "\n".join(lines)


def compile_and_run(source: str, tmp: Path) -> str:
    import subprocess
    src = tmp / "ops.py"
    src.write_text(source)
    exe = tmp / "ops"
    built = compile_program(src, exe)
    assert built.returncode == 0, built.stderr.decode()
    return subprocess.run([str(exe)], capture_output=True, timeout=60, cwd=ROOT).stdout.decode()


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(case(), min_size=50, max_size=120))
def test_random_operators_match_cpython(tmp_path: Path, cases: list[tuple[str, str, int, int]]) -> None:
    assert compile_and_run(program(cases), tmp_path) == expected(cases)


def edge_values(tname: str) -> list[int]:
    bits, signed = WIDTHS[tname]
    lo, hi = (-(1 << (bits - 1)), (1 << (bits - 1)) - 1) if signed else (0, (1 << bits) - 1)
    return [lo, hi, 0, 1, 7, lo + 1, hi - 1] + ([-1, -7] if signed else [2])


COUNTS = [0, 1, 7, 8, 15, 16, 31, 32, 63, 64, 65, 200]
EXPONENTS = [0, 1, 2, 3, 7, 31, 63]


def edge_program() -> tuple[str, str]:
    """Every operator at every width over every pair of edge values, as
    loops over tables of operands (a straight-line program would be huge)."""
    lines = ["from pythos.lang import Array, addr_of, u8, u16, u32, u64, i8, i16, i32, i64",
             "TABLE = Array[u64, 16]()",
             "",
             "def get(i: int) -> u64:",
             "    return (addr_of(TABLE) + i).volatile_load()",
             "",
             "def fill(a: u64, b: u64, c: u64, d: u64, e: u64, f: u64, g: u64, h: u64, k: u64,"
             " n: int) -> int:",
             "    TABLE[0] = a", "    TABLE[1] = b", "    TABLE[2] = c", "    TABLE[3] = d",
             "    TABLE[4] = e", "    TABLE[5] = f", "    TABLE[6] = g", "    TABLE[7] = h",
             "    TABLE[8] = k", "    return n", ""]
    expected: list[str] = []
    body = ["def main() -> None:"]
    for tname in sorted(WIDTHS):
        t = getattr(lang, tname)
        values = edge_values(tname)
        for op in sorted(OPS) + ["neg", "inv"]:
            seconds = COUNTS if op in ("<<", ">>") else EXPONENTS if op == "**" else values
            fn = f"check_{tname}_{len(body)}"
            lines.append(f"def {fn}() -> None:")
            padded = [v & (2**64 - 1) for v in values] + [0] * (9 - len(values))
            lines.append(f"    n = fill({', '.join(f'u64({v})' for v in padded)}, "
                         f"{len(values)})")
            lines.append("    for i in range(n):")
            lines.append(f"        a = {tname}(get(i))")
            if op in ("neg", "inv"):
                lines.append(f"        print({'-' if op == 'neg' else '~'}a)")
                expected += [str(-t(a) if op == "neg" else ~t(a)) for a in values]
            else:
                # The second operands live in a table of their own, filled
                # at the start of main().
                lines.append(f"        for j in range({len(seconds)}):")
                lines.append(f"            b = {'u8' if op in ('<<', '>>') else tname}"
                             f"(SECOND_{len(body)}[j])")
                skip = "if b != 0:" if op in ("//", "%") else "if True:"
                lines.append(f"            {skip}")
                lines.append(f"                print(a {op} b)")
                lines.insert(1, f"SECOND_{len(body)} = Array[u64, {len(seconds)}]()")
                body.append("    " + "; ".join(
                    f"SECOND_{len(body)}[{k}] = u64({v & (2**64 - 1)})"
                    for k, v in enumerate(seconds)))
                for a in values:
                    for b in seconds:
                        if op in ("//", "%") and b == 0:
                            continue
                        second = lang.u8(b) if op in ("<<", ">>") else t(b)
                        expected.append(str(OPS[op](t(a), second)))
            lines.append("")
            body.append(f"    {fn}()")
    return "\n".join(lines + body) + "\n", "\n".join(expected) + "\n"


def test_edge_values_of_every_operator(tmp_path: Path) -> None:
    """Every operator at every width on every pair of edge values."""
    source, want = edge_program()
    assert compile_and_run(source, tmp_path) == want
