"""The Pythos IR: a typed control-flow graph between the checker and LLVM.

`ops.py` defines it, `build/` makes it from the checked program,
`verify.py` checks that it is well formed and `pprint.py` prints it
(`pythos compile P.py --dump=ir`).  docs/compiler.md explains the design.
"""
