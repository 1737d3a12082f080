"""Reporting a failed operation, until exceptions exist (issue 12).

A runtime function that fails records the error with `obj_raise` and
returns at once (object.py).  The compiled code asks `obj_failed()` after
each call that can fail (`pythos/ir/build/errors.py`, `checked_call`)
and, when it did, calls `obj_error_exit` with the source position of the
operation: that writes what CPython's last traceback lines say,

    Traceback (most recent call last):
      File "prog.py", line 7
    IndexError: list index out of range

to standard error (after flushing what the program printed), and ends
the program with status 1, as CPython does for an uncaught exception.
The kernel's platform layer halts instead of exiting.
"""

from pythos.lang import Ptr, addr_of, u8, u32, u64
from pythos.rt.core import flush, use_stderr, write_byte, write_str, write_u64
from pythos.rt.obj.items import item_repr
from pythos.rt.obj.object import (
    ERR_ASSERTION,
    ERR_ATTRIBUTE,
    ERR_INDEX,
    ERR_KEY,
    ERR_LOOKUP,
    ERR_MEMORY,
    ERR_NONE,
    ERR_NOT_IMPLEMENTED,
    ERR_OVERFLOW,
    ERR_RUNTIME,
    ERR_STOP_ITERATION,
    ERR_TYPE,
    ERR_UNICODE_DECODE,
    ERR_UNICODE_ENCODE,
    ERR_VALUE,
    ERR_ZERO_DIVISION,
    ITEM_OPT,
    STR_DATA,
    StrBuilder,
    StrObject,
    error,
    obj_error_clear,
    sb_free,
)
from pythos.rt.platform import platform_exit


def obj_failed() -> bool:
    """Whether the last runtime call recorded an error."""
    return error.kind != ERR_NONE


def obj_stop_iteration() -> bool:
    """After a failed `__next__`: whether the error is StopIteration, the
    normal end of an iteration, which is then forgotten (a `for` loop
    ends; pythos/ir/build/iterate.py).  Any other error stays recorded."""
    if error.kind != ERR_STOP_ITERATION:
        return False
    obj_error_clear()
    return True


def error_name(kind: u32) -> str:
    """CPython's name for the exception an ERR_* kind stands for."""
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
    if kind == ERR_UNICODE_DECODE:
        return "UnicodeDecodeError"
    if kind == ERR_UNICODE_ENCODE:
        return "UnicodeEncodeError"
    return "Exception"


def write_message(kind: u32, message: u64) -> None:
    """`: message` after a lazy error's name (nothing for an empty one):
    the message, a str, or for a KeyError the repr of the missing key,
    which is what a KeyError's message holds (`KeyError: 'k'`)."""
    if kind == ERR_KEY:
        sb = StrBuilder()
        item_repr(ITEM_OPT, message, addr_of(sb))
        write_str(": ")
        data = Ptr[u8](sb.data)
        for i in range(sb.nbytes):
            write_byte(data[i])
        sb_free(addr_of(sb))
        return
    if message != 0 and Ptr[StrObject](message)[0].nbytes > 0:
        write_str(": ")
        text = Ptr[u8](message + STR_DATA)
        nbytes = Ptr[StrObject](message)[0].nbytes
        for j in range(nbytes):
            write_byte(text[j])


def obj_error_exit(file: str, line: u32) -> None:
    """Report the recorded error as raised at `file:line`, and stop."""
    use_stderr()
    write_str("Traceback (most recent call last):\n  File \"")
    write_str(file)
    write_str("\", line ")
    write_u64(u64(line))
    write_str("\n")
    write_str(error_name(error.kind))
    write_message(error.kind, error.message)
    write_str("\n")
    flush()
    platform_exit(1)
