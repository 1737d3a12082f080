"""Helpers for host tests of kernel modules: memory that stands in for RAM."""

from __future__ import annotations

import ctypes
from collections.abc import Coroutine
from typing import Any, TypeVar

from kernel.bytespan import ByteSpan
from kernel.sync.ringbuffer import RingBuffer
from pythos.lang import Array, Ptr, addr_of, u8, u64

T = TypeVar("T")


class FakeMemory:
    """An ``Array[u8, N]`` playing physical memory, with little-endian pokes."""

    def __init__(self, size: int = 8192) -> None:
        self.size = size
        self.cells = Array[u8, size]()

    @property
    def base(self) -> int:
        return addr_of(self.cells).addr

    def write(self, offset: int, data: bytes) -> None:
        for i, b in enumerate(data):
            self.cells[offset + i] = u8(b)

    def poke(self, offset: int, value: int, size: int) -> None:
        self.write(offset, value.to_bytes(size, "little"))

    def read(self, offset: int, length: int) -> bytes:
        return bytes(int(self.cells[offset + i]) for i in range(length))


def span_of(memory: FakeMemory, text: bytes, offset: int = 0) -> ByteSpan:
    """A ByteSpan over ``text``, copied into ``memory`` at ``offset``."""
    memory.write(offset, text)
    return ByteSpan(Ptr[u8](memory.base + offset), u64(len(text)))


# Storage behind the spans made by ``exact_span``: a Ptr does not keep its
# array alive under CPython.
_span_storage: list[object] = []


def exact_span(data: bytes) -> ByteSpan:
    """A ByteSpan over a copy of ``data`` in storage of exactly its length,
    so that a read past the end raises MemoryError under CPython."""
    storage = Array[u8, max(len(data), 1)]()
    _span_storage.append(storage)
    base = addr_of(storage).addr
    ctypes.memmove(base, data, len(data))
    return ByteSpan(Ptr[u8](base), u64(len(data)))


def span_bytes(span: ByteSpan) -> bytes:
    """The bytes a span covers."""
    return bytes(int(span.data[i]) for i in range(int(span.length)))


# Storage of the ring buffers made by ``ring_buffer``: a Ptr does not keep
# its array alive under CPython, so the arrays are kept here.
_ring_storage: list[object] = []


def ring_buffer(capacity: int = 256) -> RingBuffer:
    """A ring buffer with ``capacity`` slots of its own."""
    storage = Array[u8, capacity]()
    _ring_storage.append(storage)
    buffer = RingBuffer()
    buffer.attach(addr_of(storage), u64(capacity))
    return buffer


def drive(coro: Coroutine[Any, Any, T]) -> T:
    """Run a coroutine that never has to wait for anything (its futures are
    fakes that finish at once, or it suspends only to be resumed at once)
    to its end, as the executor's polls would; its result."""
    while True:
        try:
            coro.send(None)
        except StopIteration as stop:
            return stop.value  # type: ignore[no-any-return]
