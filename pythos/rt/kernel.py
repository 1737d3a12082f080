"""The kernel platform: output goes to the kernel's console.

The kernel defines, with @export, the functions declared here with
@extern: `pythos_console_write` puts bytes on the screen and serial port,
`pythos_heap_alloc` and `pythos_heap_free` give the object allocator
(`pythos.rt.alloc`) memory from the kernel heap, through its allocator
interface, whatever `--heap=` design the kernel was built with;
`pythos_backtrace` ends a panic report with the chain of calls that led
to it, and `pythos_halt` stops the machine after a panic (or when the
kernel exits a test run).
"""

from typing import Final

from pythos.lang import Ptr, extern, i32, u8, u64

AUTO_FLUSH: Final = True
# The kernel heap rounds nothing up to pages: its designs work in 16-byte
# granules (the object allocator's large blocks, pythos.rt.alloc).
PLATFORM_GRANULE: Final = u64(16)


@extern("pythos_console_write")
def console_write(fd: i32, data: Ptr[u8], length: u64) -> None:
    ...


@extern("pythos_heap_alloc")
def heap_alloc(size: u64, align: u64) -> u64:
    ...


@extern("pythos_heap_free")
def heap_free(addr: u64, size: u64, align: u64) -> None:
    ...


@extern("pythos_backtrace")
def backtrace() -> None:
    ...


@extern("pythos_halt")
def halt(code: i32) -> None:
    ...


def platform_write(fd: i32, data: Ptr[u8], length: u64) -> None:
    console_write(fd, data, length)


def platform_alloc(size: u64, align: u64) -> u64:
    """Memory for the object allocator from the kernel heap, or 0."""
    return heap_alloc(size, align)


def platform_free(addr: u64, size: u64, align: u64) -> None:
    heap_free(addr, size, align)


def platform_catch_faults(handler: u64) -> None:
    """The kernel reports faults through its own interrupt handlers."""


# What pythos/rt/obj/exc.py does after reporting an uncaught exception:
# an uncaught exception is a kernel panic (its traceback first).
UNCAUGHT_PANICS: Final = True


def platform_exit(code: i32) -> None:
    halt(code)


def platform_panic_halt() -> None:
    backtrace()
    halt(101)
