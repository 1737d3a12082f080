"""The screen form of a backtrace's frame line (kernel/backtrace.py, under
CPython): a function's module is left out when the frame's file names it."""

from __future__ import annotations

import pytest

from kernel.backtrace import Position, module_prefix_length
from pythos.lang import Array, Ptr, addr_of, u8, u64


def text(value: bytes) -> tuple[Array, Ptr[u8]]:  # type: ignore[type-arg]
    memory = Array[u8, 64]()
    for i, byte in enumerate(value):
        memory[i] = u8(byte)
    return memory, Ptr[u8](addr_of(memory).addr)


@pytest.mark.parametrize(("name", "file", "expected"), [
    ("kernel.arch.x86_64.exceptions.handle", "kernel/arch/x86_64/exceptions.py", 30),
    ("kernel.crashtest.recurse", "kernel/crashtest.py", 17),
    ("kernel.mm.heap.Heap.alloc", "kernel/mm/heap.py", 15),
    ("kmain", "kernel/kmain.py", 0),                      # exported under its own name
    ("__main__.apply_options", "kernel/kmain.py", 0),     # the entry module
    ("kernel.crashtestx.run", "kernel/crashtest.py", 0),  # another module
    ("kernel.crashtest", "kernel/crashtest.py", 0),       # no function after the module
    ("kernel.crashtest.run", "kernel/crashtest.pyc", 0),  # not a .py file
])
def test_module_prefix(name: str, file: str, expected: int) -> None:
    keep_name, name_text = text(name.encode())
    keep_file, file_text = text(file.encode())
    position = Position(True, file_text, u64(len(file)), u64(1))
    assert module_prefix_length(name_text, u64(len(name)), position) == expected
    if expected:
        assert name[:expected] == file[:-len("py")].replace("/", ".")


def test_no_prefix_without_a_file() -> None:
    keep, name = text(b"kernel.crashtest.run")
    assert module_prefix_length(name, u64(20), Position()) == 0
