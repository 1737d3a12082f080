"""Inlined calls in the line table (pythos/kernel_tools/inlinetable.py reads
them from the -O2 kernel's .debug_info, pythos/kernel_tools/linetable.py
joins them to the rows): an address's chain in the table must be the one
that binutils' ``addr2line -i`` prints, and the kernel's reader
(kernel/debug/linetable.py, under CPython) must find what the host wrote."""

from __future__ import annotations

import random
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pythos.kernel_tools import inlinetable, linetable
from pythos.kernel_tools.build import kernel64_path
from pythos.kernel_tools.inlinetable import Inline
from pythos.kernel_tools.linetable import Row

from .test_linetable import kernel_lookup, kernel_table

BASE = 0xFFFFFFFF80108000


@pytest.fixture(scope="module")
def kernel(built_kernel: Callable[..., Path]) -> Path:
    return kernel64_path(built_kernel("-O2"))


def addr2line_chains(image: Path, addresses: list[int]) -> dict[int, list[str]]:
    """address: its positions as ``addr2line -i`` prints them, innermost first."""
    listing = subprocess.run(["addr2line", "-a", "-i", "-e", str(image),
                              *(f"{address:#x}" for address in addresses)],
                             capture_output=True, text=True, check=True, timeout=60).stdout
    chains: dict[int, list[str]] = {}
    current: list[str] = []
    for line in listing.splitlines():
        if line.startswith("0x"):
            current = chains.setdefault(int(line, 16), [])
        elif line:
            # Line 0 (code with no line of its own) is "?" to binutils.
            current.append(line.split(" (discriminator")[0].replace(":?", ":0"))
    return chains


def test_chains_agree_with_addr2line(kernel: Path) -> None:
    image = kernel.read_bytes()
    inlines = inlinetable.from_elf(image)
    # The -O2 kernel inlines most of its small functions, several deep.
    assert len(inlines) > 500 and max(inline.depth for inline in inlines) >= 4
    table = linetable.table_bytes(linetable.from_elf(image), inlines)
    chooser = random.Random(15)
    addresses = sorted({chooser.randrange(inline.start, inline.end)
                        for inline in chooser.sample(inlines, 400)})
    # And addresses with no inlined call at all.
    addresses += [inlines[0].start - 1, inlines[-1].end + 1]
    theirs = addr2line_chains(kernel, addresses)
    for address in addresses:
        positions = linetable.lookup(table, address)
        # Innermost first, as addr2line prints them.
        ours = [f"{file}:{line}" for _, file, line in reversed(positions)] \
            if positions else ["??:0"]
        assert len(ours) == len(theirs[address]), (hex(address), ours, theirs[address])
        for position, answer in zip(ours, theirs[address], strict=True):
            assert answer.endswith("/" + position) or answer == position, \
                (hex(address), ours, theirs[address])
        # The functions: the real one first, then each inlined call's.
        if positions:
            assert [function for function, _, _ in positions] == \
                [None] + [inline.function for inline in inlinetable.chain(inlines, address)]


def test_inlined_functions_are_named(kernel: Path) -> None:
    inlines = inlinetable.from_elf(kernel.read_bytes())
    names = {inline.function for inline in inlines}
    assert "?" not in names
    # kmain's chain to a panic=nested panic (kernel/crashtest.py); whether
    # apply_options is inlined into kmain too is LLVM's choice.
    assert {"run", "nested_1", "nested_2", "nested_3"} <= names


def nested(spec: list[tuple[int, int, int]]) -> list[Inline]:
    """Properly nested ranges: each (start, length, children) range holds the next ones'."""
    inlines = []
    start, end = 0x10, 0x400
    for depth, (offset, length, line) in enumerate(spec):
        start = min(start + offset, end - 1)
        end = min(start + length + 1, end)
        inlines.append(Inline(BASE + start, BASE + end, f"f{depth}", f"kernel/m{depth % 3}.py",
                              line, depth))
    return inlines


@given(st.lists(st.lists(st.tuples(st.integers(0, 40), st.integers(0, 200),
                                   st.integers(1, 70000)), max_size=5), max_size=4),
       st.lists(st.tuples(st.integers(0, 0x400), st.sampled_from(["kernel/a.py", None]),
                          st.integers(1, 300)), max_size=20),
       st.lists(st.integers(-8, 0x410), max_size=30))
def test_the_kernel_reads_what_the_host_writes(specs: list[list[tuple[int, int, int]]],
                                               row_spec: list[tuple[int, str | None, int]],
                                               offsets: list[int]) -> None:
    inlines: list[Inline] = []
    for spec in specs:
        inlines += nested(spec)
    # Chains that overlap at one depth are not what DWARF describes.
    inlines = [inline for inline in inlines
               if not any(other.depth == inline.depth and other is not inline
                          and other.start < inline.end and inline.start < other.end
                          for other in inlines)]
    rows = linetable.compact([Row(BASE, "kernel/m9.py", 1)] +
                             [Row(BASE + offset, file, line if file else 0)
                              for offset, file, line in row_spec])
    data = linetable.table_bytes(rows, inlines)
    keep, table = kernel_table(data)
    for offset in offsets:
        address = BASE + offset
        found = linetable.lookup(data, address)
        assert kernel_lookup(table, address) == found
        # The reference: the row's position, under the calls that hold the address.
        before = [row for row in rows if row.address <= address]
        if not before or before[-1].file is None:
            assert found is None
            continue
        calls = inlinetable.chain(inlines, address)
        expected = [(None, calls[0].file if calls else before[-1].file)]
        expected += [(call.function, calls[depth + 1].file if depth + 1 < len(calls)
                      else before[-1].file) for depth, call in enumerate(calls)]
        lines = [min(call.line, 0xFFFF) for call in calls] + [before[-1].line]
        assert found == [(function, file, line)
                         for (function, file), line in zip(expected, lines, strict=True)]
