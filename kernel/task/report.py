"""How a task's escaped exception is shown: one small wrapper, two worlds.

The executor catches whatever a task's ``send`` raises, so that one
failing task ends alone, and hands it to ``report_failure``.  Showing the
traceback differs by world: under CPython it is
``traceback.print_exception``; compiled, the runtime's report of an
exception object (``pythos/rt/obj/exc.py``, ``write_chain``) is reached
from a ``raise`` that nobody catches, and Pythos code has no call yet that
prints a *caught* exception's frames.  So the executor calls
``show_exception`` through this module, whose default prints the
exception's line as CPython's report ends it (``ValueError: bad port``),
and a host program, or a test, installs ``traceback.print_exception`` with
``use_traceback_printer``.  When the compiler offers the runtime's
printer to Pythos code, only ``print_exception_line`` changes.
"""

from collections.abc import Callable


def print_exception_line(error: BaseException) -> None:
    """The last line of CPython's report: ``repr`` of the exception."""
    print(f"  {error!r}")


# What ``report_failure`` shows an exception with.
printer: list[Callable[[BaseException], None]] = [print_exception_line]


def use_traceback_printer(show: Callable[[BaseException], None]) -> None:
    """Show escaped exceptions with ``show`` from now on (under CPython:
    ``traceback.print_exception``)."""
    printer[0] = show


def report_failure(name: str, error: BaseException) -> None:
    """Say that task ``name`` ended with ``error``, and show it."""
    print(f"task {name} failed:")
    show = printer[0]
    show(error)
