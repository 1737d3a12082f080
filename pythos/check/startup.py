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
from .modinit import first_unready_read, global_reads, own_nodes

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


INIT_MODULES = "init_modules"


def check_module_initialisation(functions: list[FuncSym]) -> None:
    """The kernel's module-level code (check/modinit.py) runs when kmain
    calls `init_modules()`, which must come after `init_all()`: the code
    may allocate.  Before that call no global it sets may be read, by
    kmain or by anything kmain calls (it would read 0, not the object)."""
    kmain = next((fn for fn in functions if fn.name == "kmain" and fn.cls is None
                  and fn.node is not None), None)
    inits = [fn for fn in functions if getattr(fn, "module_init", False)]
    if kmain is None:
        return
    assert kmain.node is not None
    runtime_start = next((getattr(node, "lineno", 0) for callee, node in kmain.calls
                          if callee.name == INIT_ALL and callee.module.name == RUNTIME_MODULE),
                         None)
    start = next(((callee, node) for callee, node in kmain.calls
                  if callee.name == INIT_MODULES and callee.module.name == RUNTIME_MODULE),
                 None)
    if start is None:
        if inits:
            first = inits[0]
            assert first.node is not None
            raise first.module.error(first.node.body[-1], "the kernel has module-level code "
                                     "to run at start-up, so kmain must run it: call "
                                     "pythos.rt.obj.runtime.init_modules() on the line after "
                                     "init_all()")
        return
    line = getattr(start[1], "lineno", 0)
    if runtime_start is None or runtime_start > line:
        raise kmain.module.error(start[1], "init_modules() runs module-level code, which may "
                                           "allocate: call it after init_all()")
    before = [(callee, node) for callee, node in kmain.calls
              if getattr(node, "lineno", 0) < line]
    own = [(g, node) for g, node in global_reads(own_nodes(kmain))
           if getattr(node, "lineno", 0) < line]
    if own:
        g, node = own[0]
        err = kmain.module.error(node, f"kmain reads '{g.name}' before init_modules() has "
                                       f"run its module's code (it would still be 0)")
        err.context = f"{kmain.module.path}: in function 'kmain':"
        raise err
    found = first_unready_read(before, set())
    if found is not None:
        path, g, call = found
        names = " -> ".join(["kmain"] + [f.name for f in path])
        err = kmain.module.error(call, f"{names} reads '{g.name}' before init_modules() has "
                                       f"run its module's code (it would still be 0)")
        err.context = f"{kmain.module.path}: in function 'kmain':"
        raise err
