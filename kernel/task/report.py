"""How a task's escaped exception is shown.

The executor catches whatever a task's ``send`` raises, so that one
failing task ends alone, and hands it to ``report_failure``, which prints
CPython's report of it, traceback and all, on the console:
``traceback.format_exception`` is the runtime's report of a caught
exception object when compiled (pythos/rt/obj/traceback_module.py), and
the standard library's under CPython, so the text is the same in both
worlds.  The shell shows a failed command the same way
(kernel/shell/registry.py).
"""

import traceback


def report_failure(name: str, error: BaseException) -> None:
    """Say that task ``name`` ended with ``error``, and show it."""
    print(f"task {name} failed:")
    print("".join(traceback.format_exception(error)), end="")
