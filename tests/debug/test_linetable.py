"""The line table (pythos/kernel_tools/linetable.py): decoded from DWARF exactly as
binutils decodes it, and read back by the kernel's backtrace
(kernel/backtrace.py, under CPython) the same way the host reads it."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kernel.backtrace import LineTable, open_line_table
from pythos.kernel_tools import linetable
from pythos.lang import Array, addr_of, u8, u64
from pythos.kernel_tools.linetable import Row

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
    for address, answer in zip(addresses, answers, strict=True):
        found = linetable.lookup(table, address)
        assert found is not None
        file, line = found
        assert answer.endswith(f"/{file}:{line}") or answer.startswith(f"{file}:{line} "), \
            (hex(address), answer, found)
    assert ("tests/debug/program.py", marked_line(PROGRAM, "product")) in {
        linetable.lookup(table, address) for address in addresses}


def test_no_debug_information_gives_no_rows(tmp_path: Path) -> None:
    plain = compile_debug(PROGRAM, tmp_path / "plain", debug=False)
    assert linetable.from_elf(plain.read_bytes()) == []


def test_compact_drops_repeats_and_keeps_ends() -> None:
    rows = [Row(0x10, "a.py", 1), Row(0x14, "a.py", 1), Row(0x18, "a.py", 2),
            Row(0x20, None, 0), Row(0x20, "b.py", 7), Row(0x30, None, 0)]
    assert linetable.compact(rows) == [Row(0x10, "a.py", 1), Row(0x18, "a.py", 2),
                                       Row(0x20, "b.py", 7), Row(0x30, None, 0)]


def kernel_table(data: bytes) -> tuple[Array, LineTable]:  # type: ignore[type-arg]
    memory = Array[u8, 4096]()
    assert len(data) <= 4096
    for i, byte in enumerate(data):
        memory[i] = u8(byte)
    base = int(addr_of(memory).addr)
    return memory, open_line_table(u64(base), u64(base + len(data)))


def kernel_lookup(table: LineTable, address: int) -> tuple[str, int] | None:
    row = table.find(u64(address))
    if row < 0:
        return None
    entry = table.rows[row]
    name = table.files[entry.file]
    text = bytes(table.names[int(name.name_offset) + i] for i in range(int(name.name_length)))
    return text.decode(), int(entry.line)


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
        if expected is not None:
            # The reference: the last row at or below the address.
            last = [row for row in rows if row.address <= BASE + offset][-1]
            assert expected == (last.file, min(last.line, linetable.MAX_LINE))


def test_a_broken_table_is_empty() -> None:
    data = linetable.table_bytes([Row(BASE, "kernel/a.py", 3), Row(BASE + 8, None, 0)])
    _, table = kernel_table(data)
    assert table.count == 2 and kernel_lookup(table, BASE + 4) == ("kernel/a.py", 3)
    for broken in (data[:20], data[:8] + (99).to_bytes(4, "little") + data[12:]):
        _, table = kernel_table(broken)
        assert table.count == 0 and kernel_lookup(table, BASE + 4) is None
