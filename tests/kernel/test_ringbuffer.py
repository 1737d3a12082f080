"""The SPSC ring buffer against a model: a bounded deque that drops new bytes when full."""

from __future__ import annotations

from collections import deque

from hypothesis import given, settings
from hypothesis import strategies as st

from kernel.sync.ringbuffer import CAPACITY, EMPTY, RingBuffer
from pythos.lang import u8, u64

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
            assert accepted == (len(model) < CAPACITY)
            if accepted:
                model.append(op)
            else:
                dropped += 1
        assert buffer.length() == len(model)
        assert buffer.is_empty() == (not model)
        assert buffer.is_full() == (len(model) == CAPACITY)
        assert buffer.dropped_count() == dropped
    while model:
        assert buffer.pop() == model.popleft()
    assert buffer.pop() == EMPTY


@given(operations)
@settings(max_examples=200)
def test_matches_bounded_queue(ops: list[int | None]) -> None:
    check_against_model(RingBuffer(), ops)


@given(operations, st.integers(1, 2 * int(CAPACITY)))
@settings(max_examples=100)
def test_counters_wrap_at_2_pow_64(ops: list[int | None], before_wrap: int) -> None:
    # Start both counters just below 2**64, so the run crosses the wrap.
    buffer = RingBuffer()
    start = u64(2**64 - before_wrap)
    buffer.head[0] = start
    buffer.tail[0] = start
    check_against_model(buffer, ops)


@given(st.binary(min_size=int(CAPACITY) + 1, max_size=4 * int(CAPACITY)))
def test_flood_keeps_the_oldest_bytes_and_counts_the_rest(data: bytes) -> None:
    buffer = RingBuffer()
    for b in data:
        buffer.push(u8(b))
    assert buffer.is_full()
    assert buffer.dropped_count() == len(data) - CAPACITY
    assert bytes(buffer.pop() for _ in range(CAPACITY)) == data[:CAPACITY]
    assert buffer.pop() == EMPTY


def test_clear_discards_waiting_bytes() -> None:
    buffer = RingBuffer()
    for b in b"abc":
        buffer.push(u8(b))
    buffer.clear()
    assert buffer.is_empty()
    assert buffer.pop() == EMPTY
    buffer.push(u8(7))
    assert buffer.pop() == 7


def test_capacity_is_a_power_of_two_matching_the_storage() -> None:
    from kernel.sync.ringbuffer import MASK
    assert CAPACITY & (CAPACITY - 1) == 0
    assert MASK == CAPACITY - 1
    assert len(RingBuffer().data) == CAPACITY
