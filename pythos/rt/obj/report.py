"""Reporting a failed operation, until exceptions exist (issue 12).

A runtime function that fails records the error (`obj_raise` in
object.py) and returns; the compiled code tests `error.kind` right after
the call (pythos/ir/build/errors.py) and, when it is set, calls
`obj_error_report` with its own source position.  The report is the end
of CPython's traceback, on standard error after what the program printed:

      File "prog.py", line 7
    ValueError: invalid literal for int() with base 10: 'x'

and the program exits with status 1, as CPython does after an uncaught
exception.  (In the kernel, platform_exit halts with that status.)
"""

from pythos.lang import Ptr, u8, u32, u64
from pythos.rt.core import flush, use_stderr, write_byte, write_str, write_u64
from pythos.rt.obj.object import (
    ERR_ASSERTION,
    ERR_ATTRIBUTE,
    ERR_INDEX,
    ERR_KEY,
    ERR_LOOKUP,
    ERR_MEMORY,
    ERR_NOT_IMPLEMENTED,
    ERR_OVERFLOW,
    ERR_RUNTIME,
    ERR_STOP_ITERATION,
    ERR_TYPE,
    ERR_VALUE,
    ERR_ZERO_DIVISION,
    STR_DATA,
    StrObject,
    error,
)
from pythos.rt.platform import platform_exit


def error_name(kind: u32) -> str:
    """CPython's name for an error kind."""
    if kind == ERR_INDEX:
        return "IndexError"
    if kind == ERR_KEY:
        return "KeyError"
    if kind == ERR_VALUE:
        return "ValueError"
    if kind == ERR_TYPE:
        return "TypeError"
    if kind == ERR_ZERO_DIVISION:
        return "ZeroDivisionError"
    if kind == ERR_OVERFLOW:
        return "OverflowError"
    if kind == ERR_ATTRIBUTE:
        return "AttributeError"
    if kind == ERR_MEMORY:
        return "MemoryError"
    if kind == ERR_RUNTIME:
        return "RuntimeError"
    if kind == ERR_STOP_ITERATION:
        return "StopIteration"
    if kind == ERR_ASSERTION:
        return "AssertionError"
    if kind == ERR_NOT_IMPLEMENTED:
        return "NotImplementedError"
    if kind == ERR_LOOKUP:
        return "LookupError"
    return "Exception"


def obj_error_report(file: str, line: u32) -> None:
    """Report the recorded error as raised at `file`:`line`, and exit."""
    use_stderr()
    write_str("  File \"")
    write_str(file)
    write_str("\", line ")
    write_u64(u64(line))
    write_str("\n")
    write_str(error_name(error.kind))
    message = error.message
    if message != 0:
        n = u64(Ptr[StrObject](message)[0].nbytes)
        if n != 0:
            write_str(": ")
            data = Ptr[u8](message + STR_DATA)
            for i in range(n):
                write_byte(data[i])
    write_str("\n")
    flush()
    platform_exit(1)
