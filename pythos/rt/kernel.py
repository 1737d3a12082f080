"""The kernel platform: output goes to the kernel's console.

The kernel defines, with @export, the functions declared here with
@extern: `pythos_console_write` puts bytes on the screen and serial port,
`pythos_backtrace` ends a panic report with the chain of calls that led
to it, and `pythos_halt` stops the machine after a panic (or when the
kernel exits a test run).
"""

from typing import Final

from pythos.lang import Ptr, extern, i32, u8, u64

AUTO_FLUSH: Final = True


@extern("pythos_console_write")
def console_write(fd: i32, data: Ptr[u8], length: u64) -> None:
    ...


@extern("pythos_backtrace")
def backtrace() -> None:
    ...


@extern("pythos_halt")
def halt(code: i32) -> None:
    ...


def platform_write(fd: i32, data: Ptr[u8], length: u64) -> None:
    console_write(fd, data, length)


def platform_catch_faults(handler: u64) -> None:
    """The kernel reports faults through its own interrupt handlers."""


def platform_exit(code: i32) -> None:
    halt(code)


def platform_panic_halt() -> None:
    backtrace()
    halt(101)
