"""The start-up rule of the kernel: no allocation before the object
runtime starts.

A Linux or user program's start-up code starts the object runtime
(`pythos.rt.obj.runtime.init_all`) before any of the program's code, so
every object it makes has a heap under it.  The kernel has no such
moment: its heap exists only once `kmain` has called `heap.init()`.  So
the kernel starts the runtime itself, on the line after that call (the
design: "kmain runs them right after the heap is up"), and everything
`kmain` runs before that line, and everything those calls can reach, may
not allocate an object.  An allocation there would not crash later in a
puzzling way: it is this compile error, with the call path, as the
interrupt rule reports its paths:

    error: kmain -> show_banner -> Banner() allocates before the object
    runtime starts ...

A kernel that uses no objects at all needs none of this.
"""

from __future__ import annotations

import ast
from collections import deque

from ..symbols import FuncSym

INIT_ALL = "init_all"
RUNTIME_MODULE = "pythos.rt.obj.runtime"


def allocation(fn: FuncSym, before_line: int | None = None) -> tuple[str, ast.AST] | None:
    """The first allocation `fn` makes (before `before_line`, if given)."""
    for what, node in fn.heap_effects:
        line = getattr(node, "lineno", 0)
        if "allocates" in what and (before_line is None or line < before_line):
            return what, node
    return None


def check_kernel_startup(functions: list[FuncSym]) -> None:
    kmain = next((fn for fn in functions if fn.name == "kmain" and fn.cls is None
                  and fn.node is not None), None)
    if kmain is None or not any(allocation(fn) for fn in functions):
        return
    start = next((getattr(node, "lineno", 0) for callee, node in kmain.calls
                  if callee.name == INIT_ALL and callee.module.name == RUNTIME_MODULE), None)
    if start is None:
        assert kmain.node is not None
        raise kmain.module.error(kmain.node, "the kernel uses objects, so kmain must start the "
                                             "object runtime: call pythos.rt.obj.runtime."
                                             "init_all() on the line after heap.init()")
    # Breadth first from kmain's calls before that line: a shortest path.
    previous: dict[int, FuncSym | None] = {id(kmain): None}
    queue: deque[FuncSym] = deque()
    found = allocation(kmain, start)
    where = kmain
    if found is None:
        for callee, node in kmain.calls:
            if getattr(node, "lineno", 0) < start and id(callee) not in previous:
                previous[id(callee)] = kmain
                queue.append(callee)
        while queue and found is None:
            fn = queue.popleft()
            found = allocation(fn)
            where = fn
            for callee, _ in fn.calls:
                if id(callee) not in previous:
                    previous[id(callee)] = fn
                    queue.append(callee)
    if found is None:
        return
    path = [where]
    while (back := previous[id(path[-1])]) is not None:
        path.append(back)
    names = " -> ".join(f.name for f in reversed(path))
    what, node = found
    err = where.module.error(node, f"{names} -> {what} before the object runtime starts "
                                   f"(kmain starts it with init_all() after heap.init(); "
                                   f"code that runs before may not allocate objects)")
    err.context = f"{where.module.path}: in function '{where.name}':"
    raise err
