"""Exceptions: the pending error, tracebacks, handlers and the report.

Pythos propagates exceptions as **checked error results**, as mypyc
does: there is no unwinder and no table.  A function that raises records
the exception in the global `error` (object.py) and returns at once with
a dummy result; the compiled caller tests `error.kind` after every call
that can raise and, when it is set, jumps to its innermost handler, or
returns in turn (docs/compiler.md, "Exceptions").  So exceptions work
unchanged in the freestanding kernel.

**The pending error** is one of two things:

- *lazy*: a kind (ERR_INDEX, ...) and a message, as a runtime function
  records it with `obj_raise` (`list index out of range`).  No object is
  made: a loop that raises and catches IndexError allocates nothing.
- *an object*: `error.exc`, an instance of BaseException or a subclass
  (`raise MyError(...)`), with kind ERR_OBJECT.

A lazy error becomes an object only when a program looks at it
(`except IndexError as e`), by calling the compiled program's
`_make(kind, message)` (pythos/rt/exceptions.py) through its address.

**The traceback** is a list of the frames the exception left, innermost
first: four items per frame, the file, the function's name, the line
and the source line (static str constants the compiler made, so they
need no counting), in a `list` object (TB_LIST_TYPE, items of kind u64)
held by the error state, or by the exception object once it is made
(`_tb`).  `tb_add` appends a frame where the compiled code first sees
the error; printing walks the list backwards, outermost first, as
CPython prints.

**A handler** owns what it caught: `exc_save` moves the pending error out
of the global state into a saved record (32 bytes: kind, message, exc,
tb), so the handler's own code starts with no error pending.  The
record is then matched (`exc_matches`), bound (`exc_object`), re-raised
(`exc_reraise`, which copies), put back for an outer handler
(`exc_restore`) or dropped (`exc_drop`).  An exception raised while a
record is held gets it as its context (`exc_context`), which the report
prints as CPython does ("During handling of the above exception...").
"""

from typing import Final

from pythos.lang import Array, Ptr, addr_of, call_addr, struct, u8, u32, u64
from pythos.rt.core import flush, use_stderr, write_byte, write_str, write_u64
from pythos.rt.obj.list import list_append, list_new
from pythos.rt.obj.object import (
    ERR_NONE,
    ITEM_U64,
    KIND_LIST,
    STR_DATA,
    ListObject,
    ObjHeader,
    StrBuilder,
    StrObject,
    TypeInfo,
    cstring,
    error,
    obj_alloc,
    obj_decref,
    obj_free,
    obj_incref,
    sb_free,
)
from pythos.rt.obj.report import error_name, write_message
from pythos.rt.platform import UNCAUGHT_PANICS, platform_exit, platform_panic_halt

# The kind of a pending error that is an exception object (error.exc).
ERR_OBJECT: Final = u32(16)

# The fields of BaseException (pythos/rt/exceptions.py), at these offsets
# in every exception object; the compiler checks that the class's layout
# agrees (ir/build/exceptions.py).
EXC_NAME: Final = u64(16)  # str: the class's name, for repr
EXC_STR: Final = u64(24)  # str: str(e)
EXC_ARGS: Final = u64(32)  # tuple[object, ...]: e.args
EXC_TB: Final = u64(40)  # list | None: the traceback
EXC_CAUSE: Final = u64(48)  # BaseException | None: `raise ... from cause`
EXC_CONTEXT: Final = u64(56)  # BaseException | None: what was being handled
EXC_SUPPRESS: Final = u64(64)  # bool: `from` was given (the context is not shown)

# A saved record (what a handler holds): kind, message, exc, tb.
SAVED_BYTES: Final = u64(32)
# The deepest chain of causes and contexts the report prints.
MAX_CHAIN: Final = 16


@struct
class Saved:
    kind: u32
    pad: u32
    message: u64
    exc: u64
    tb: u64


TB_LIST_TYPE = TypeInfo()
tb_list_name = Array[u8, 8]()


def init_exc() -> None:
    """Fill the descriptor of traceback lists (at start-up)."""
    TB_LIST_TYPE.kind = KIND_LIST
    TB_LIST_TYPE.size = u64(40)  # a ListObject
    TB_LIST_TYPE.item = ITEM_U64
    TB_LIST_TYPE.name = cstring(addr_of(tb_list_name), b"list")


def field(obj: u64, offset: u64) -> Ptr[u64]:
    return Ptr[u64](obj + offset)


def xdecref(obj: u64) -> None:
    if obj != 0:
        obj_decref(obj)


def xincref(obj: u64) -> u64:
    if obj != 0:
        obj_incref(obj)
    return obj


# ----- raising -------------------------------------------------------------------------

def exc_raise(obj: u64, cause: u64, has_cause: bool) -> None:
    """`raise obj` (`from cause` when `has_cause`; `cause` may be 0 for
    `from None`).  The error state takes its own reference to `obj`."""
    if error.kind != ERR_NONE:
        return
    if has_cause:
        old = field(obj, EXC_CAUSE)[0]
        field(obj, EXC_CAUSE)[0] = xincref(cause)
        xdecref(old)
        Ptr[u8](obj + EXC_SUPPRESS)[0] = u8(1)
    obj_incref(obj)
    error.kind = ERR_OBJECT
    error.exc = obj
    # Raised again (`raise e` of a caught e): its frames so far come first,
    # then the frames it leaves now, as CPython's traceback grows.
    error.tb = field(obj, EXC_TB)[0]
    field(obj, EXC_TB)[0] = u64(0)


def exc_suspend() -> u32:
    """Hide the pending error while the runtime runs code that tests the
    error state itself: allocation (in the kernel, the heap is compiled
    code of the program), a `__str__`, the program's `_make`.  Such code
    must not take the error for one of its own.  `exc_resume` shows it again."""
    kind = error.kind
    error.kind = ERR_NONE
    return kind


def exc_resume(kind: u32) -> None:
    if error.kind != ERR_NONE:  # the hidden work failed (out of memory): forget that
        message = error.message
        error.message = u64(0)
        xdecref(message)
    error.kind = kind


def tb_add(file: u64, func: u64, line: u32, text: u64) -> None:
    """Add the frame where compiled code met the pending error."""
    if error.kind == ERR_NONE:
        return
    kind = exc_suspend()
    tb = error.tb
    if tb == 0:
        tb = list_new(addr_of(TB_LIST_TYPE).addr, 8)
        error.tb = tb
    list_append(tb, file)
    list_append(tb, func)
    list_append(tb, u64(line))
    list_append(tb, text)
    exc_resume(kind)


def materialize(kind: u32, message: u64, make: u64) -> u64:
    """A new exception object for a lazy error (`_make` of the program),
    made with any pending error hidden."""
    hidden = exc_suspend()
    obj = call_addr(make, u64(kind), message)
    exc_resume(hidden)
    return obj


def pending_object(make: u64) -> u64:
    """The pending error as an object (made now if it was lazy), borrowed.
    Its traceback stays in the error state, which goes on adding frames."""
    if error.exc == 0:
        error.exc = materialize(error.kind, error.message, make)
        message = error.message
        error.message = u64(0)
        xdecref(message)
        error.kind = ERR_OBJECT
    return error.exc


# ----- handlers ------------------------------------------------------------------------

def exc_save() -> u64:
    """Move the pending error into a new saved record; none is pending after."""
    kind = error.kind
    message = error.message
    exc = error.exc
    tb = error.tb
    error.kind = ERR_NONE
    error.message = u64(0)
    error.exc = u64(0)
    error.tb = u64(0)
    rec = obj_alloc(SAVED_BYTES)
    s = Ptr[Saved](rec)
    s[0].kind = kind
    s[0].message = message
    s[0].exc = exc
    s[0].tb = tb
    return rec


def drop_fields(s: Ptr[Saved]) -> None:
    xdecref(s[0].message)
    xdecref(s[0].exc)
    xdecref(s[0].tb)


def exc_restore(rec: u64) -> None:
    """Make the saved error pending again (no handler matched, or a
    `finally` block ran); the record is freed."""
    s = Ptr[Saved](rec)
    if error.kind != ERR_NONE:  # cannot happen: the handler's code had none pending
        drop_fields(s)
    else:
        error.kind = s[0].kind
        error.message = s[0].message
        error.exc = s[0].exc
        error.tb = s[0].tb
    obj_free(rec, SAVED_BYTES)


def exc_drop(rec: u64) -> None:
    """The handler is done with what it caught."""
    drop_fields(Ptr[Saved](rec))
    obj_free(rec, SAVED_BYTES)


def exc_reraise(rec: u64) -> None:
    """A bare `raise` in a handler: the caught error, pending again with
    its traceback (the handler keeps its own copy of the record)."""
    if error.kind != ERR_NONE:
        return
    s = Ptr[Saved](rec)
    error.kind = s[0].kind
    error.message = xincref(s[0].message)
    error.exc = xincref(s[0].exc)
    if s[0].exc != 0 and s[0].tb == 0:
        # An object caught and bound: its frames are in the object.
        error.tb = xincref(field(s[0].exc, EXC_TB)[0])
        old = field(s[0].exc, EXC_TB)[0]
        field(s[0].exc, EXC_TB)[0] = u64(0)
        xdecref(old)
    else:
        error.tb = xincref(s[0].tb)


def exc_matches(rec: u64, ti: u64, mask: u64) -> bool:
    """Whether the saved error is an instance of the class `ti`.  A lazy
    error's kind is tested against `mask`, the kinds whose class derives
    from it, which the compiler works out."""
    s = Ptr[Saved](rec)
    if s[0].exc != 0:
        t = Ptr[TypeInfo](Ptr[ObjHeader](s[0].exc)[0].type)
        c = Ptr[TypeInfo](ti)
        return c[0].class_id <= t[0].class_id and t[0].class_id <= c[0].class_last
    return ((mask >> u64(s[0].kind)) & 1) != 0


def exc_object(rec: u64, make: u64) -> u64:
    """`except E as e`: the saved error as an object (a new reference);
    a lazy error is made into one now, and keeps being that object."""
    s = Ptr[Saved](rec)
    if s[0].exc == 0:
        s[0].exc = materialize(s[0].kind, s[0].message, make)
        xdecref(s[0].message)
        s[0].message = u64(0)
        s[0].kind = ERR_OBJECT
    if s[0].tb != 0:
        old = field(s[0].exc, EXC_TB)[0]
        field(s[0].exc, EXC_TB)[0] = s[0].tb
        s[0].tb = u64(0)
        xdecref(old)
    obj_incref(s[0].exc)
    return s[0].exc


def exc_context(rec: u64, make: u64) -> None:
    """A new error is pending while the saved one was being handled: the
    saved one becomes its context (CPython's implicit chaining), and the
    record is freed."""
    if error.kind == ERR_NONE:
        exc_drop(rec)
        return
    caught = exc_object(rec, make)
    exc_drop(rec)
    new = pending_object(make)
    if new != caught and field(new, EXC_CONTEXT)[0] == 0:
        field(new, EXC_CONTEXT)[0] = caught  # takes over the reference
    else:
        obj_decref(caught)


# ----- the report ----------------------------------------------------------------------

def write_obj_str(s: u64) -> None:
    """Write the text of the str object `s` (0 writes nothing)."""
    if s == 0:
        return
    data = Ptr[u8](s + STR_DATA)
    n = Ptr[StrObject](s)[0].nbytes
    for i in range(n):
        write_byte(data[i])


def write_cstring(addr: u64) -> None:
    p = Ptr[u8](addr)
    i = 0
    while p[i] != 0:
        write_byte(p[i])
        i += 1


def write_tb(tb: u64) -> None:
    """The frames of a traceback list, outermost first."""
    write_str("Traceback (most recent call last):\n")
    if tb == 0:
        return
    items = Ptr[u64](Ptr[ListObject](tb)[0].items)
    n = Ptr[ListObject](tb)[0].length // 4
    k = n
    while k > 0:
        k -= 1
        write_str("  File \"")
        write_obj_str(items[4 * k])
        write_str("\", line ")
        write_u64(items[4 * k + 2])
        write_str(", in ")
        write_obj_str(items[4 * k + 1])
        write_str("\n")
        text = items[4 * k + 3]
        if text != 0 and Ptr[StrObject](text)[0].nbytes > 0:
            write_str("    ")
            write_obj_str(text)
            write_str("\n")


def write_name(ti: u64) -> None:
    """The class's name as CPython's report shows it: qualified by its
    module unless that is the program's own or the built-in one."""
    t = Ptr[TypeInfo](ti)
    module = t[0].module
    if module != 0 and not is_plain_module(module):
        write_cstring(module)
        write_str(".")
    write_cstring(t[0].name)


def is_plain_module(addr: u64) -> bool:
    p = Ptr[u8](addr)
    main = b"__main__"
    builtin = b"pythos.rt.exceptions"
    same_main = True
    for i in range(len(main)):
        if p[i] != main[i]:
            same_main = False
            break
    if same_main and p[len(main)] == 0:
        return True
    for i in range(len(builtin)):
        if p[i] != builtin[i]:
            return False
    return p[len(builtin)] == 0


def write_exc_line(obj: u64) -> None:
    """`ValueError: message` (the name alone when str(e) is empty)."""
    ti = Ptr[ObjHeader](obj)[0].type
    write_name(ti)
    t = Ptr[TypeInfo](ti)
    fn = t[0].str if t[0].str != 0 else t[0].repr
    if fn != 0:
        sb = StrBuilder()
        hidden = exc_suspend()
        call_addr(fn, obj, addr_of(sb).addr)
        exc_resume(hidden)
        if sb.nbytes > 0:
            write_str(": ")
            data = Ptr[u8](sb.data)
            for i in range(sb.nbytes):
                write_byte(data[i])
        sb_free(addr_of(sb))
    write_str("\n")


def write_chain(obj: u64, depth: u32) -> None:
    """An exception object and, first, what it was chained to."""
    cause = field(obj, EXC_CAUSE)[0]
    context = field(obj, EXC_CONTEXT)[0]
    if depth < MAX_CHAIN:
        if cause != 0:
            write_chain(cause, depth + 1)
            write_str("\nThe above exception was the direct cause of the following "
                      "exception:\n\n")
        elif context != 0 and Ptr[u8](obj + EXC_SUPPRESS)[0] == 0:
            write_chain(context, depth + 1)
            write_str("\nDuring handling of the above exception, another exception "
                      "occurred:\n\n")
    write_tb(field(obj, EXC_TB)[0])
    write_exc_line(obj)


def exc_report() -> None:
    """Write the pending error's report to standard error, as CPython
    writes an uncaught exception's."""
    # Writing runs the program's code (the kernel's console, a __str__),
    # which must not see the error as one of its own.
    kind = exc_suspend()
    flush()
    use_stderr()
    if error.exc != 0:
        if error.tb != 0:
            tb = error.tb
            old = field(error.exc, EXC_TB)[0]
            field(error.exc, EXC_TB)[0] = tb
            error.tb = u64(0)
            xdecref(old)
        write_chain(error.exc, u32(0))
    else:
        write_tb(error.tb)
        write_str(error_name(kind))
        write_message(kind, error.message)
        write_str("\n")
    flush()
    exc_resume(kind)


def exc_uncaught(file: u64, func: u64, line: u32, text: u64) -> None:
    """An exception left the program's outermost frame (`<module>`, or
    the kernel's entry): add that frame, report, and stop with status 1."""
    tb_add(file, func, line, text)
    exc_report()
    platform_exit(1)



def exc_abort() -> None:
    """An exception reached an entry point with no caller to give it to
    (the kernel's kmain, an interrupt handler, a module's code): report it
    and stop.  In the kernel that is a panic, whose line names the
    innermost frame and the exception, after the traceback."""
    tb = error.tb if error.tb != 0 or error.exc == 0 else field(error.exc, EXC_TB)[0]
    file = u64(0)
    line = u64(0)
    if tb != 0 and Ptr[ListObject](tb)[0].length >= 4:
        items = Ptr[u64](Ptr[ListObject](tb)[0].items)
        file = items[0]
        line = items[2]
    exc_report()
    kind = exc_suspend()
    if UNCAUGHT_PANICS:
        write_str("\n")
        write_obj_str(file)
        write_str(":")
        write_u64(line)
        write_str(": panic: uncaught ")
        if error.exc != 0:
            write_exc_line(error.exc)
        else:
            write_str(error_name(kind))
            write_message(kind, error.message)
            write_str("\n")
        flush()
        platform_panic_halt()
    platform_exit(1)
