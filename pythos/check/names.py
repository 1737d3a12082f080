"""The names the language provides: types, intrinsics, `pythos.lang`'s
functions, Python's builtins, and the constructs Pythos refuses, with
clearer words than a bare "not supported"."""

from __future__ import annotations

import ast
import operator
from collections.abc import Callable

from .. import types as T
from ..types import BOOL, BYTES, I64, NONE, STR, U32, U64

TYPE_NAMES = {**T.INTS, "int": I64, "bool": BOOL, "str": STR, "bytes": BYTES,
              "bytearray": T.BYTEARRAY}
INTRINSICS = {
    # name: (parameter types, result); "T" stands for any integer type.
    "inb": ((T.INTS["u16"],), T.U8), "inw": ((T.INTS["u16"],), T.INTS["u16"]),
    "inl": ((T.INTS["u16"],), U32),
    "outb": ((T.INTS["u16"], T.U8), NONE), "outw": ((T.INTS["u16"], T.INTS["u16"]), NONE),
    "outl": ((T.INTS["u16"], U32), NONE),
    "read_cr0": ((), U64), "read_cr2": ((), U64), "read_cr3": ((), U64), "read_cr4": ((), U64),
    "write_cr0": ((U64,), NONE), "write_cr3": ((U64,), NONE), "write_cr4": ((U64,), NONE),
    "ltr": ((T.INTS["u16"],), NONE), "invlpg": ((U64,), NONE),
    "cli": ((), NONE), "sti": ((), NONE), "hlt": ((), NONE), "sti_hlt": ((), NONE),
    "int3": ((), NONE), "pause": ((), NONE),
    "rdmsr": ((U32,), U64), "wrmsr": ((U32, U64), NONE), "rdtsc": ((), U64),
}
LANG_FUNCTIONS = {"print", "len", "chr", "range", "sizeof", "addr_of", "panic", "asm",
                  "global_asm", "lgdt", "lidt", "atomic_xchg", "atomic_cas", "atomic_add",
                  "atomic_load", "atomic_store", "func_addr", "call_addr", "str_bytes", *INTRINSICS}
LANG_NAMES = ({"struct", "interrupt", "export", "extern", "should_panic", "Array", "Ptr",
               "InterruptFrame",
               "PanicError", "HostUnsupported"} | set(T.INTS) | LANG_FUNCTIONS)
PY_BUILTINS = {"print", "len", "chr", "ord", "range", "int", "bool", "str", "bytes", "bytearray",
               # issue 11: objects
               "list", "dict", "set", "tuple", "object", "repr", "isinstance", "hash",
               "super", "enumerate", "zip", "reversed", "sorted", "min", "max", "sum",
               "any", "all", "iter", "next", "frozenset", "type",
               # integers
               "abs", "pow", "hex", "bin", "oct", "divmod", "round"}
# Builtins that consume an iterable or build a container (check/containers.py).
ITERABLE_BUILTINS = {"enumerate", "zip", "reversed", "sorted", "min", "max", "sum", "any",
                     "all", "list", "set", "dict", "iter", "next", "frozenset"}
# Names typing and collections.abc provide that annotations may use.
TYPING_NAMES = {"Final", "Optional", "Callable", "Iterator", "Iterable", "Union", "Generator",
                "Coroutine", "Awaitable", "Any", "AsyncIterator", "AsyncIterable",
                "AsyncGenerator"}
# Names pythos.lang's @struct gives the class itself (the ctypes storage,
# its view factory, the attribute guard): a field or method so named would
# be replaced under CPython.
STRUCT_RESERVED = {"_c", "_view", "_ctype", "__setattr__"}
COMPARE_OPS: dict[type, Callable[[int, int], bool]] = {
    ast.Eq: operator.eq, ast.NotEq: operator.ne, ast.Lt: operator.lt, ast.LtE: operator.le,
    ast.Gt: operator.gt, ast.GtE: operator.ge}
# Operators for which converting a literal first or wrapping the result last
# give the same answer, so a literal may be given as any bit pattern.
RING_OPS = (ast.Add, ast.Sub, ast.Mult, ast.BitAnd, ast.BitOr, ast.BitXor)
KERNEL_ONLY = set(INTRINSICS) | {"asm", "lgdt", "lidt", "global_asm"}
# Clearer words for Python constructs Pythos does not have.
UNSUPPORTED_STMTS = {
    "TryStar": "'try' with 'except*' (exception groups) is not supported",
    "Import": "imports belong at module level",
    "ImportFrom": "imports belong at module level",
    "Delete": "'del' is not supported",
    "Match": "'match' statements are not supported",
}
UNSUPPORTED_EXPRS = {
    "NamedExpr": "':=' is not supported; assign in a statement",
    "Starred": "'*' unpacking is not supported",
}
