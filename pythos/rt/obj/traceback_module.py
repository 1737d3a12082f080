"""Python's `traceback` module, as compiled programs see it: the part
that turns a caught exception into CPython's report.

`import traceback` in a compiled program loads this file (the driver
maps the name here, `target_aliases`); under CPython the real module is
imported instead.  The kernel's shell uses it to show the traceback of
a command that raised, through the command's output, and go back to the
prompt (kernel/shell/registry.py).

`format_exception(e)` gives the same text as CPython's for one
exception: the frames outermost first, the `Type: message` line, and
what the exception was chained to.  It is the report an uncaught
exception gets (exc.py: `write_chain`), written into a str instead of
to standard error, with the capture f-strings use (capture.py).

The runtime's report works on object addresses, and Python code has no
way to name one, so the two conversions go through `call_addr`, which
passes and returns 64-bit words: calling `_held` through its address
gives the exception's address (a new reference, the function's
result), and calling `_keep` through its address with the str's
address hands that str to Python code (borrowed: `_keep` takes its own
reference by storing it).
"""

from pythos.lang import call_addr, func_addr, u32, u64
from pythos.rt.obj.capture import capture_begin, capture_end
from pythos.rt.obj.exc import write_chain
from pythos.rt.obj.object import obj_decref

# The exception being formatted and the text made, while they change hands.
_exception: BaseException | None = None
_text = ""


def _held() -> BaseException | None:
    return _exception


def _keep(text: str) -> u64:
    global _text
    _text = text
    return u64(0)


def format_exception(e: BaseException) -> list[str]:
    """The report of ``e`` as CPython prints an uncaught exception's
    (``"".join`` the list for the whole text)."""
    global _exception, _text
    _exception = e
    obj = call_addr(func_addr(_held))
    _exception = None
    capture_begin()
    write_chain(obj, u32(0))
    text = capture_end()
    obj_decref(obj)
    call_addr(func_addr(_keep), text)
    obj_decref(text)
    lines = [_text]
    _text = ""
    return lines
