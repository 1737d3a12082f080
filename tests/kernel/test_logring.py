"""The kernel log ring against a model (a bounded deque)."""

from __future__ import annotations

from collections import deque

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kernel.log as log
import kernel.logring as logring
from kernel.logring import CAPACITY, TEXT_BYTES, LogEntry, LogRing
from pythos.lang import Array, addr_of, u8, u64

from .fake_hardware import FakeInterruptFlag

FIXTURE_OK = settings(suppress_health_check=[HealthCheck.function_scoped_fixture],
                      max_examples=40, deadline=None)
TEXTS = st.text(st.characters(codec="utf-8"), max_size=70) | st.text(max_size=200)


def kept_text(text: str) -> tuple[str, bool]:
    """What the ring keeps of ``text``: at most TEXT_BYTES bytes, whole characters."""
    data = text.encode("utf-8")
    return data[:TEXT_BYTES].decode("utf-8", "ignore"), len(data) > TEXT_BYTES


@FIXTURE_OK
@given(st.lists(st.tuples(st.integers(0, 3), TEXTS), max_size=2 * CAPACITY + 20),
       st.integers(0, 3))
def test_ring_matches_a_deque(interrupt_flag: FakeInterruptFlag,
                              messages: list[tuple[int, str]], min_level: int) -> None:
    ring = LogRing()
    model: deque[tuple[int, int, int, str, bool]] = deque(maxlen=CAPACITY)
    for n, (level, text) in enumerate(messages):
        ring.push(u8(level), u64(1000 + n), text)
        model.append((n, 1000 + n, level, *kept_text(text)))
    records = ring.records(u8(min_level))
    assert [(r.sequence, r.timestamp_ms, r.level, r.text, r.truncated) for r in records] == \
        [m for m in model if m[2] >= min_level]
    assert ring.dropped() == max(0, len(messages) - CAPACITY)
    assert not ring.lock.is_locked()


@pytest.mark.parametrize("text, kept", [
    ("a" * 119 + "é", "a" * 119),          # the é's two bytes would end past 120
    ("a" * 118 + "é", "a" * 118 + "é"),    # exactly 120 bytes: nothing cut
    ("a" * 117 + "€x", "a" * 117 + "€"),   # a three-byte character that fits
    ("a" * 118 + "€", "a" * 118),
    ("a" * 117 + "😀", "a" * 117),          # four bytes, one short
    ("😀" * 40, "😀" * 30),
])
def test_long_messages_are_cut_at_a_character(interrupt_flag: FakeInterruptFlag, text: str,
                                              kept: str) -> None:
    ring = LogRing()
    ring.push(u8(1), u64(0), text)
    [record] = ring.records(u8(0))
    assert record.text == kept and record.truncated == (len(text.encode()) > TEXT_BYTES)


def test_a_busy_ring_counts_the_message_as_lost(interrupt_flag: FakeInterruptFlag) -> None:
    ring = LogRing()
    ring.push(u8(1), u64(0), "first")
    with ring.lock:
        ring.push(u8(3), u64(1), "while the ring is busy")
    assert [r.text for r in ring.records(u8(0))] == ["first"]
    assert ring.dropped() == 1


def feed(text: bytes, error: bool = False) -> None:
    data = Array[u8, 256]()
    for i, b in enumerate(text):
        data[i] = u8(b)
    logring.record_console(error, addr_of(data), u64(len(text)))


def test_console_lines_are_assembled_from_pieces(interrupt_flag: FakeInterruptFlag,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(logring, "ring", LogRing())
    monkeypatch.setattr(logring, "console_line", LogEntry())
    monkeypatch.setattr(logring, "console_line_open", False)
    feed(b"heap: bump allocator")
    feed(b", 64 KiB\r\nsecond ")
    assert [r.text for r in logring.records(u8(0))] == ["heap: bump allocator, 64 KiB"]
    feed(b"line\n")
    feed(b"panic: oops\n", error=True)
    records = logring.records(u8(0))
    assert [(r.text, r.level) for r in records] == [
        ("heap: bump allocator, 64 KiB", 1), ("second line", 1), ("panic: oops", 3)]
    assert all(r.from_console for r in records)
    assert [r.sequence for r in records] == [0, 1, 2]
    assert [r.text for r in logring.records(u8(3))] == ["panic: oops"]


def test_listing_is_what_dmesg_prints(interrupt_flag: FakeInterruptFlag,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(logring, "ring", LogRing())
    monkeypatch.setattr(logring, "console_line", LogEntry())
    monkeypatch.setattr(logring, "console_line_open", False)
    monkeypatch.setattr(logring, "now_ms", lambda: u64(12345))
    monkeypatch.setattr(log, "level", log.ERROR)  # nothing reaches the serial port
    feed(b"Pythos 0.1.0\n")
    log.warn("keyboard: no working PS/2 controller")
    log.debug("x" * 130)
    assert logring.listing(log.DEBUG) == [
        "[   12.345] Pythos 0.1.0",
        "[   12.345] warn: keyboard: no working PS/2 controller",
        "[   12.345] debug: " + "x" * TEXT_BYTES + " [...]",
    ]
    assert logring.listing(log.WARN) == ["[   12.345] warn: keyboard: no working PS/2 controller"]
    for n in range(CAPACITY):
        log.info(f"filler {n}")
    assert logring.listing(log.WARN) == ["(3 older messages dropped)"]
    assert logring.listing(log.INFO)[-1] == f"[   12.345] info: filler {CAPACITY - 1}"
