"""The SPSC ring buffer against a model: a bounded deque that drops new bytes when full."""

from __future__ import annotations

from collections import deque

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kernel.sync.ringbuffer import EMPTY, RingBuffer
from pythos.lang import Array, PanicError, addr_of, u8, u64

from .helpers import ring_buffer

CAPACITY = 256

# An operation is a byte to push, or None to pop.
operations = st.lists(st.one_of(st.integers(0, 255), st.none()), max_size=2000)


def check_against_model(buffer: RingBuffer, ops: list[int | None]) -> None:
    model: deque[int] = deque()
    dropped = 0
    for op in ops:
        if op is None:
            expected = model.popleft() if model else EMPTY
            assert buffer.pop() == expected
        else:
            accepted = buffer.push(u8(op))
            assert accepted == (len(model) < buffer.capacity)
            if accepted:
                model.append(op)
            else:
                dropped += 1
        assert buffer.length() == len(model)
        assert buffer.is_empty() == (not model)
        assert buffer.is_full() == (len(model) == buffer.capacity)
        assert buffer.dropped_count() == dropped
    while model:
        assert buffer.pop() == model.popleft()
    assert buffer.pop() == EMPTY


@given(operations)
@settings(max_examples=200)
def test_matches_bounded_queue(ops: list[int | None]) -> None:
    check_against_model(ring_buffer(), ops)


@given(operations, st.sampled_from([1, 2, 16, 4096]))
@settings(max_examples=100)
def test_any_power_of_two_capacity(ops: list[int | None], capacity: int) -> None:
    check_against_model(ring_buffer(capacity), ops)


@given(operations, st.integers(1, 2 * int(CAPACITY)))
@settings(max_examples=100)
def test_counters_wrap_at_2_pow_64(ops: list[int | None], before_wrap: int) -> None:
    # Start both counters just below 2**64, so the run crosses the wrap.
    buffer = ring_buffer()
    start = u64(2**64 - before_wrap)
    buffer.head[0] = start
    buffer.tail[0] = start
    check_against_model(buffer, ops)


@given(st.binary(min_size=int(CAPACITY) + 1, max_size=4 * int(CAPACITY)))
def test_flood_keeps_the_oldest_bytes_and_counts_the_rest(data: bytes) -> None:
    buffer = ring_buffer()
    for b in data:
        buffer.push(u8(b))
    assert buffer.is_full()
    assert buffer.dropped_count() == len(data) - CAPACITY
    assert bytes(buffer.pop() for _ in range(CAPACITY)) == data[:CAPACITY]
    assert buffer.pop() == EMPTY


def test_clear_discards_waiting_bytes() -> None:
    buffer = ring_buffer()
    for b in b"abc":
        buffer.push(u8(b))
    buffer.clear()
    assert buffer.is_empty()
    assert buffer.pop() == EMPTY
    buffer.push(u8(7))
    assert buffer.pop() == 7


def test_an_unattached_buffer_stores_nothing_and_counts_it() -> None:
    buffer = RingBuffer()
    assert buffer.pop() == EMPTY
    assert not buffer.push(u8(1))
    assert buffer.dropped_count() == 1
    assert buffer.pop() == EMPTY


@pytest.mark.parametrize("capacity", [0, 3, 100, 257])
def test_attach_rejects_a_capacity_that_is_not_a_power_of_two(capacity: int) -> None:
    storage = Array[u8, 512]()
    with pytest.raises(PanicError, match="not a power of two"):
        RingBuffer().attach(addr_of(storage), u64(capacity))
