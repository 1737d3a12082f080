"""What ``mem`` prints, from made-up statistics."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import kernel.memstats as memstats
from kernel.memstats import MemoryStats


@pytest.mark.parametrize("n, text", [(0, "0 B"), (1023, "1023 B"), (1024, "1.0 KiB"),
                                     (1536, "1.5 KiB"), (1024 * 1024 - 1, "1023.9 KiB"),
                                     (133_038_080, "126.8 MiB"), (5 << 40, "5.0 TiB"),
                                     (3 << 50, "3072.0 TiB")])
def test_size_text(n: int, text: str) -> None:
    assert memstats.size_text(n) == text


@given(st.integers(0, 2**62))
def test_size_text_rounds_down_to_a_tenth(n: int) -> None:
    number, unit = memstats.size_text(n).split()
    scale = 1024 ** memstats.UNITS.index(unit)
    shown = float(number)
    assert shown * scale <= n < (shown + (0.1 if scale > 1 else 1)) * scale + 1
    assert scale == 1 or n >= scale


def test_report() -> None:
    stats = MemoryStats("bitmap", 32480, 31872, "buddy", 65536, 42188, 23348, 51300, 17,
                        123, 10444, 32768)
    assert memstats.report(stats) == [
        "frames:  31872 of 32480 free (124.5 MiB of 126.8 MiB), 608 in use; bitmap allocator",
        "heap:    41.1 KiB used, 22.8 KiB free, 64.0 KiB mapped, peak 50.0 KiB; "
        "17 allocations; buddy",
        "objects: 123 live, 10.1 KiB in use, 32.0 KiB held",
    ]
