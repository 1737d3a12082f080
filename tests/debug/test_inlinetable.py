"""The inline table (pythos/kernel_tools/inlinetable.py): the calls inlined at an
address, read from the -O2 kernel's .debug_info, must be the chain that
binutils' ``addr2line -i`` prints, and the kernel's reader
(kernel/backtrace.py, under CPython) must find what the host wrote."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kernel.backtrace import InlineTable, open_inline_table
from pythos.kernel_tools import inlinetable, linetable
from pythos.kernel_tools.build import kernel64_path
from pythos.kernel_tools.inlinetable import Inline
from pythos.lang import Array, addr_of, u8, u64

from .conftest import ROOT

BASE = 0xFFFFFFFF80108000


@pytest.fixture(scope="module")
def kernel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    image = tmp_path_factory.mktemp("inlines") / "kernel.elf"
    result = subprocess.run([sys.executable, "-m", "pythos", "build", "-O2", "-o", str(image)],
                            cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return kernel64_path(image)


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
    lines = linetable.table_bytes(linetable.from_elf(image))
    chooser = random.Random(15)
    addresses = sorted({chooser.randrange(inline.start, inline.end)
                        for inline in chooser.sample(inlines, 400)})
    # And addresses with no inlined call at all.
    addresses += [inlines[0].start - 1, inlines[-1].end + 1]
    theirs = addr2line_chains(kernel, addresses)
    for address in addresses:
        innermost = linetable.lookup(lines, address)
        ours = [f"{innermost[0]}:{innermost[1]}" if innermost else "??:0"]
        ours += [f"{inline.file}:{inline.line}"
                 for inline in reversed(inlinetable.chain(inlines, address))]
        assert len(ours) == len(theirs[address]), (hex(address), ours, theirs[address])
        for position, answer in zip(ours, theirs[address], strict=True):
            assert answer.endswith("/" + position) or answer == position, \
                (hex(address), ours, theirs[address])


def test_inlined_functions_are_named(kernel: Path) -> None:
    inlines = inlinetable.from_elf(kernel.read_bytes())
    names = {inline.function for inline in inlines}
    assert "?" not in names
    # kmain's chain to a panic=nested panic (kernel/crashtest.py).
    assert {"apply_options", "run", "nested_1", "nested_2", "nested_3"} <= names


def kernel_table(data: bytes) -> tuple[Array, InlineTable]:  # type: ignore[type-arg]
    memory = Array[u8, 4096]()
    assert len(data) <= 4096
    for i, byte in enumerate(data):
        memory[i] = u8(byte)
    base = int(addr_of(memory).addr)
    return memory, open_inline_table(u64(base), u64(base + len(data)))


def kernel_chain(table: InlineTable, address: int) -> list[tuple[str, str, int]]:
    def text(index: int) -> str:
        string = table.strings[index]
        return bytes(table.names[int(string.name_offset) + i]
                     for i in range(int(string.name_length))).decode()
    found = []
    while (index := table.find(u64(address), u64(len(found)))) >= 0:
        entry = table.entries[index]
        found.append((text(int(entry.function)), text(int(entry.file)), int(entry.line)))
    return found


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
       st.lists(st.integers(-8, 0x410), max_size=30))
def test_the_kernel_reads_what_the_host_writes(specs: list[list[tuple[int, int, int]]],
                                               offsets: list[int]) -> None:
    inlines: list[Inline] = []
    for spec in specs:
        inlines += nested(spec)
    # Chains that overlap at one depth are not what DWARF describes.
    inlines = [inline for inline in inlines
               if not any(other.depth == inline.depth and other is not inline
                          and other.start < inline.end and inline.start < other.end
                          for other in inlines)]
    inlines.sort(key=lambda inline: (inline.start, inline.depth))
    data = inlinetable.table_bytes(inlines)
    keep, table = kernel_table(data)
    for offset in offsets:
        expected = [(inline.function, inline.file, min(inline.line, 0xFFFF))
                    for inline in inlinetable.chain(inlines, BASE + offset)]
        assert kernel_chain(table, BASE + offset) == expected


def test_a_broken_table_is_empty() -> None:
    data = inlinetable.table_bytes([Inline(BASE, BASE + 8, "f", "kernel/a.py", 3, 0)])
    _, table = kernel_table(data)
    assert kernel_chain(table, BASE + 4) == [("f", "kernel/a.py", 3)]
    for broken in (data[:20], data[:8] + (99).to_bytes(4, "little") + data[12:]):
        _, table = kernel_table(broken)
        assert table.count == 0 and kernel_chain(table, BASE + 4) == []
