"""The line table (pythos/kernel_tools/linetable.py): decoded from DWARF exactly as
binutils decodes it, and read back by the kernel's reader
(kernel/debug/linetable.py, under CPython) the same way the host reads it.
The inlined calls it carries are tested in test_inlinetable.py."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kernel.debug import linetable as kernel_linetable
from kernel.debug.linetable import LineTable, open_line_table
from pythos.kernel_tools import linetable
from pythos.kernel_tools.inlinetable import Inline
from pythos.kernel_tools.linetable import Row
from pythos.lang import Array, Ptr, addr_of, sizeof, u8, u64

from .conftest import PROGRAM, compile_debug, marked_line


@pytest.fixture(scope="module")
def program(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return compile_debug(PROGRAM, tmp_path_factory.mktemp("lines") / "program")


def test_decoding_agrees_with_objdump(program: Path) -> None:
    rows = linetable.decode(linetable.debug_line(program.read_bytes()))
    ours = {(Path(row.file).name, row.line, row.address) for row in rows if row.file}
    listing = subprocess.run(["objdump", "--dwarf=decodedline", str(program)],
                             capture_output=True, text=True, check=True, timeout=60).stdout
    theirs = {(m.group(1), int(m.group(2)), int(m.group(3), 16))
              for m in re.finditer(r"^(\S+\.py)\s+(\d+)\s+(0x[0-9a-f]+)", listing, re.M)}
    assert theirs and ours == theirs
    assert "tests/debug/program.py" in {row.file for row in rows}


def test_lookup_agrees_with_addr2line(program: Path) -> None:
    table = linetable.table_bytes(linetable.from_elf(program.read_bytes()))
    nm = subprocess.run(["nm", str(program)], capture_output=True, text=True, check=True,
                        timeout=60).stdout
    start = int(re.search(r"^([0-9a-f]+) t __main__\.scaled$", nm, re.M).group(1), 16)
    addresses = list(range(start, start + 0x40, 3))
    answers = subprocess.run(["addr2line", "-e", str(program), *map(hex, addresses)],
                             capture_output=True, text=True, check=True,
                             timeout=60).stdout.split()
    found = []
    for address, answer in zip(addresses, answers, strict=True):
        positions = linetable.lookup(table, address)
        assert positions is not None and len(positions) == 1   # -O0: nothing inlined
        function, file, line = positions[0]
        assert function is None
        assert answer.endswith(f"/{file}:{line}") or answer.startswith(f"{file}:{line} "), \
            (hex(address), answer, positions)
        found.append((file, line))
    assert ("tests/debug/program.py", marked_line(PROGRAM, "product")) in found


def test_the_layout_is_the_kernel_readers() -> None:
    assert (linetable.HEADER_SIZE, linetable.ROW_SIZE, linetable.SCOPE_SIZE) == (
        kernel_linetable.HEADER_SIZE, sizeof(kernel_linetable.LineRow),
        sizeof(kernel_linetable.Scope))
    assert (linetable.NO_SCOPE, linetable.NO_STRING) == (kernel_linetable.NO_SCOPE,
                                                         kernel_linetable.NO_STRING)


def test_no_debug_information_gives_no_rows(tmp_path: Path) -> None:
    plain = compile_debug(PROGRAM, tmp_path / "plain", debug=False)
    assert linetable.from_elf(plain.read_bytes()) == []


def test_compact_drops_repeats_and_keeps_ends() -> None:
    rows = [Row(0x10, "a.py", 1), Row(0x14, "a.py", 1), Row(0x18, "a.py", 2),
            Row(0x20, None, 0), Row(0x20, "b.py", 7), Row(0x30, None, 0)]
    assert linetable.compact(rows) == [Row(0x10, "a.py", 1), Row(0x18, "a.py", 2),
                                       Row(0x20, "b.py", 7), Row(0x30, None, 0)]


def kernel_table(data: bytes) -> tuple[Array, LineTable]:  # type: ignore[type-arg]
    memory = Array[u8, 8192]()
    assert len(data) <= 8192
    for i, byte in enumerate(data):
        memory[i] = u8(byte)
    base = int(addr_of(memory).addr)
    return memory, open_line_table(u64(base), u64(base + len(data)))


def text(data: Ptr[u8], length: int) -> str:
    return bytes(data[i] for i in range(length)).decode()


def kernel_lookup(table: LineTable, address: int) -> list[linetable.Position] | None:
    """What the backtrace prints for ``address``, outermost first, as the
    host's ``lookup`` gives it."""
    row = table.find(u64(address))
    if row < 0:
        return None
    positions: list[linetable.Position] = []
    for level in range(int(table.depth(row))):
        function = table.function(row, u64(level))
        position = table.position(row, u64(level))
        positions.append((text(function.data, int(function.length)) if level else None,
                          text(position.file, int(position.file_length)), int(position.line)))
    return positions


BASE = 0xFFFFFFFF80108000
rows_strategy = st.lists(
    st.tuples(st.integers(0, 0x400), st.sampled_from(["kernel/a.py", "kernel/bb.py", None]),
              st.integers(1, 70000)),
    max_size=40)


@given(rows_strategy, st.lists(st.integers(-8, 0x410), max_size=30))
def test_the_kernel_reads_what_the_host_writes(spec: list[tuple[int, str | None, int]],
                                               offsets: list[int]) -> None:
    rows = linetable.compact([Row(BASE + offset, file, line if file else 0)
                              for offset, file, line in spec])
    data = linetable.table_bytes(rows)
    keep, table = kernel_table(data)
    for offset in offsets:
        expected = linetable.lookup(data, BASE + offset) if rows else None
        assert kernel_lookup(table, BASE + offset) == expected
        # The reference: the last row at or below the address.
        before = [row for row in rows if row.address <= BASE + offset]
        if not before or before[-1].file is None:
            assert expected is None
        else:
            assert expected == [(None, before[-1].file, min(before[-1].line, linetable.MAX_LINE))]


def test_a_broken_table_is_empty() -> None:
    rows = [Row(BASE, "kernel/a.py", 3), Row(BASE + 8, None, 0)]
    data = linetable.table_bytes(rows, [Inline(BASE + 2, BASE + 6, "f", "kernel/a.py", 3, 0)])
    _, table = kernel_table(data)
    assert table.count > 0 and kernel_lookup(table, BASE + 4) == [
        (None, "kernel/a.py", 3), ("f", "kernel/a.py", 3)]
    scopes_offset = int.from_bytes(data[20:24], "little")
    for broken in (data[:20],
                   data[:8] + (99).to_bytes(4, "little") + data[12:],
                   # The inlined call's scope names itself as its caller: a loop.
                   data[:scopes_offset + 12] + (1).to_bytes(2, "little")
                   + data[scopes_offset + 14:],
                   # A scope's file is not a string of the table.
                   data[:scopes_offset] + (7).to_bytes(2, "little") + data[scopes_offset + 2:]):
        _, table = kernel_table(broken)
        assert table.count == 0 and kernel_lookup(table, BASE + 4) is None
