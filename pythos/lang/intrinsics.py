"""Kernel intrinsics as they behave when a Pythos program runs under CPython.

The compiler turns these calls into single instructions in the freestanding
(kernel) target.  On the host there is no such hardware access, so:

* intrinsics that execute privileged instructions (port I/O, control
  registers, descriptor tables, MSRs, `hlt`, inline assembly) raise
  `HostUnsupported`, naming the intrinsic, rather than pretending to work;
* intrinsics with no observable effect for a single-threaded host program
  (`cli`, `sti`, `pause`, `global_asm`) do nothing;
* atomics are simulated as plain loads and stores on a `Ptr` to an integer,
  with the same memory checks as any other pointer access;
* `panic` raises `PanicError`, and `rdtsc` reads a monotonic nanosecond clock.

`func_addr` hands out a stable fake address per function, in the kernel's
higher-half text range so it looks plausible in printed output.  No memory
is registered behind it, but `call_addr` calls the function it stands for,
as the compiled program does through the real address.
"""

from __future__ import annotations

import functools
import itertools
import time
from collections.abc import Callable
from typing import Any, TypeVar

from pythos.lang.ints import PythosInt, u64
from pythos.lang.memory import Codec, Ptr, load_at, store_at
from pythos.lang.structs import struct

__all__ = [
    "HostUnsupported",
    "InterruptFrame",
    "PanicError",
    "asm",
    "atomic_add",
    "atomic_cas",
    "atomic_load",
    "atomic_store",
    "atomic_xchg",
    "cli",
    "export",
    "extern",
    "should_panic",
    "call_addr",
    "func_addr",
    "global_asm",
    "hlt",
    "inb",
    "inl",
    "int3",
    "interrupt",
    "invlpg",
    "inw",
    "lgdt",
    "lidt",
    "ltr",
    "outb",
    "outl",
    "outw",
    "panic",
    "pause",
    "rdmsr",
    "rdtsc",
    "read_cr0",
    "read_cr2",
    "read_cr3",
    "read_cr4",
    "sti",
    "sti_hlt",
    "str_bytes",
    "write_cr0",
    "write_cr3",
    "write_cr4",
    "wrmsr",
]

F = TypeVar("F", bound=Callable[..., Any])


class PanicError(Exception):
    """Raised by `panic(msg)`; the compiled program stops instead."""


class HostUnsupported(RuntimeError):
    """A kernel-only intrinsic was called in a program running under CPython."""


def panic(msg: str) -> None:
    raise PanicError(msg)


def global_asm(text: str) -> None:
    """Module-level assembly only matters to the linked kernel image."""


def _unsupported(name: str) -> HostUnsupported:
    return HostUnsupported(
        f"{name}() executes a privileged instruction and only works in the "
        "freestanding (kernel) target"
    )


def asm(template: str, constraints: str, *operands: Any, result: Any = None) -> Any:
    raise _unsupported("asm")


def inb(port: Any) -> Any:
    raise _unsupported("inb")


def inw(port: Any) -> Any:
    raise _unsupported("inw")


def inl(port: Any) -> Any:
    raise _unsupported("inl")


def outb(port: Any, value: Any) -> None:
    raise _unsupported("outb")


def outw(port: Any, value: Any) -> None:
    raise _unsupported("outw")


def outl(port: Any, value: Any) -> None:
    raise _unsupported("outl")


def read_cr0() -> Any:
    raise _unsupported("read_cr0")


def read_cr2() -> Any:
    raise _unsupported("read_cr2")


def read_cr3() -> Any:
    raise _unsupported("read_cr3")


def read_cr4() -> Any:
    raise _unsupported("read_cr4")


def write_cr0(value: Any) -> None:
    raise _unsupported("write_cr0")


def write_cr3(value: Any) -> None:
    raise _unsupported("write_cr3")


def write_cr4(value: Any) -> None:
    raise _unsupported("write_cr4")


def lgdt(pointer: Any) -> None:
    raise _unsupported("lgdt")


def lidt(pointer: Any) -> None:
    raise _unsupported("lidt")


def ltr(selector: Any) -> None:
    raise _unsupported("ltr")


def invlpg(addr: Any) -> None:
    raise _unsupported("invlpg")


def hlt() -> None:
    raise _unsupported("hlt")


def sti_hlt() -> None:
    raise _unsupported("sti_hlt")


def int3() -> None:
    raise _unsupported("int3")


def rdmsr(msr: Any) -> Any:
    raise _unsupported("rdmsr")


def wrmsr(msr: Any, value: Any) -> None:
    raise _unsupported("wrmsr")


def cli() -> None:
    """Interrupts do not exist on the host, so disabling them does nothing."""


def sti() -> None:
    """Interrupts do not exist on the host, so enabling them does nothing."""


def pause() -> None:
    """A spin-loop hint has no observable effect."""


def rdtsc() -> Any:
    return u64(time.perf_counter_ns())


def _integer_target(pointer: Any, name: str) -> Codec:
    """The codec of the integer a pointer given to an atomic points to."""
    if not isinstance(pointer, Ptr) or type(pointer)._target is None:
        raise TypeError(f"{name}() needs a Ptr to an integer, not {type(pointer).__name__}")
    codec = type(pointer)._codec()
    if not (isinstance(codec.kind, type) and issubclass(codec.kind, PythosInt)):
        raise TypeError(f"{name}() needs a Ptr to an integer, not {type(pointer).__name__}")
    return codec


def atomic_load(p: Any) -> Any:
    codec = _integer_target(p, "atomic_load")
    return load_at(p._addr, codec)


def atomic_store(p: Any, v: Any) -> None:
    codec = _integer_target(p, "atomic_store")
    store_at(p._addr, v, codec)


def atomic_xchg(p: Any, v: Any) -> Any:
    """Store `v` and return the previous value."""
    codec = _integer_target(p, "atomic_xchg")
    new = codec.store(v)
    old = load_at(p._addr, codec)
    store_at(p._addr, new, codec)
    return old


def atomic_cas(p: Any, expected: Any, new: Any) -> Any:
    """Store `new` if the value equals `expected`; return the previous value."""
    codec = _integer_target(p, "atomic_cas")
    expected = codec.store(expected)
    new = codec.store(new)
    old = load_at(p._addr, codec)
    if old == expected:
        store_at(p._addr, new, codec)
    return old


def atomic_add(p: Any, v: Any) -> Any:
    """Add `v` (wrapping) and return the previous value."""
    codec = _integer_target(p, "atomic_add")
    v = codec.store(v)
    old = load_at(p._addr, codec)
    store_at(p._addr, old + v, codec)
    return old


# Fake function addresses start in the kernel's higher-half text range and
# step by 16, the usual function alignment, so each function gets its own.
_FUNC_ADDR_BASE = 0xFFFF_FFFF_8100_0000
_func_counter = itertools.count()
_func_addrs: dict[Any, int] = {}


def func_addr(f: Any) -> Any:
    """A stable, unique stand-in for a function's address (`call_addr` calls it)."""
    if not callable(f):
        raise TypeError(f"func_addr() needs a function, not {type(f).__name__}")
    addr = _func_addrs.get(f)
    if addr is None:
        addr = _func_addrs[f] = _FUNC_ADDR_BASE + 16 * next(_func_counter)
    return u64(addr)


def call_addr(f: Any, *args: Any) -> Any:
    """Call the function whose `func_addr` is `f` with 64-bit arguments;
    its result, if any, as a u64 (None counts as 0, a bool as 0 or 1)."""
    target = next((fn for fn, a in _func_addrs.items() if a == int(f)), None)
    if target is None:
        raise TypeError(f"call_addr(): no function has the address {int(f):#x}")
    if len(args) > 6:
        raise TypeError("call_addr() takes a function address and up to 6 u64 arguments")
    result = target(*(u64(a) for a in args))
    return u64(0 if result is None else int(result))


def interrupt(f: F) -> F:
    """Mark an interrupt handler; the compiler gives it the interrupt ABI."""
    return f


def export(name: str) -> Callable[[F], F]:
    """Give a function an exact linker symbol (meaningful only when compiled)."""
    if not isinstance(name, str):
        raise TypeError("export() takes the symbol name: @export(\"name\")")

    def decorate(f: F) -> F:
        return f

    return decorate


def extern(name: str) -> Callable[[F], F]:
    """Declare a function defined elsewhere under the linker symbol `name`.

    The body of an extern declaration is `...`; on the host there is nothing
    to link against, so calling the declared function raises
    `HostUnsupported` rather than silently doing nothing.
    """
    if not isinstance(name, str):
        raise TypeError("extern() takes the symbol name: @extern(\"name\")")

    def decorate(f: F) -> F:
        @functools.wraps(f)
        def unavailable(*args: Any, **kwargs: Any) -> Any:
            raise HostUnsupported(
                f"{f.__name__}() is the external symbol {name!r}, which only exists "
                "in the compiled program"
            )

        return unavailable  # type: ignore[return-value]

    return decorate


def should_panic(arg: Any = None) -> Any:
    """Mark an in-kernel test that passes only if it panics:
    `@should_panic` or `@should_panic("expected message")`.  The kernel
    test runner (pythos/kernel_tools/ktest.py) reads the decorator from the source."""
    if callable(arg):
        return arg

    def decorate(f: F) -> F:
        return f

    return decorate


def str_bytes(s: str) -> bytes:
    """The bytes of a string (its UTF-8 encoding; Pythos strings are ASCII)."""
    if not isinstance(s, str):
        raise TypeError(f"str_bytes() needs a str, not {type(s).__name__}")
    return s.encode("utf-8")


@struct
class InterruptFrame:
    """The frame the CPU pushes when it delivers an interrupt."""

    rip: u64
    cs: u64
    rflags: u64
    rsp: u64
    ss: u64
