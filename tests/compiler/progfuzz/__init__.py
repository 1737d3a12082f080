"""Random-program differential testing of the compiler against CPython.

- `gen.py` writes random programs that are valid by construction, from
  parts that build on each other: `model.py` (the types, expressions and
  interval arithmetic it tracks), `values.py` (literals, format specs,
  scope queries), `exprs.py` (expressions, calls, f-strings, print) and
  `stmts.py` (statements); `gen.py` itself makes whole programs;
- `run.py` runs groups of them under CPython and compiled, and compares;
- `reduce.py` shrinks a failing program to what still fails the same way;
- `__main__.py` is the command line behind `make fuzz`.

docs/testing.md ("Random programs") explains how and why.
"""
