"""Host tests of the ELF64 checks against executables linked by GNU ld.

Each file is copied into storage of exactly its size, so a read past its
end raises MemoryError under CPython.
"""

from __future__ import annotations

import functools
import struct as pystruct
import subprocess
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kernel.proc import elf
from pythos.kernel_tools.build import have_tool

from .helpers import exact_span as span_over

pytestmark = pytest.mark.skipif(not (have_tool("as") and have_tool("ld")),
                                reason="GNU as and ld are needed to make test executables")

PROGRAM = """
.globl _start
.text
_start: mov $60, %eax
 xor %edi, %edi
 syscall
.section .rodata
text: .ascii "hello\\n"
.data
counter: .quad 7
.bss
buffer: .skip 8192
"""


def link(tmp: Path, source: str = PROGRAM, *flags: str) -> bytes:
    (tmp / "p.s").write_text(source)
    subprocess.run(["as", str(tmp / "p.s"), "-o", str(tmp / "p.o")], check=True)
    subprocess.run(["ld", *flags, str(tmp / "p.o"), "-o", str(tmp / "p")], check=True)
    return (tmp / "p").read_bytes()


@functools.cache
def linked_program() -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        return link(Path(tmp))


@pytest.fixture
def program() -> bytes:
    return linked_program()


def readelf_loads(path: Path) -> list[tuple[int, int, int, int, str]]:
    """(vaddr, memsz, offset, filesz, flags) of each LOAD, as readelf sees them."""
    out = subprocess.run(["readelf", "-lW", str(path)], capture_output=True, text=True,
                         check=True).stdout
    loads = []
    for line in out.splitlines():
        fields = line.split()
        if fields and fields[0] == "LOAD":
            offset, vaddr, _, filesz, memsz = (int(f, 16) for f in fields[1:6])
            loads.append((vaddr, memsz, offset, filesz, "".join(fields[6:-1]).replace(" ", "")))
    return loads


def parse(data: bytes) -> tuple[int, elf.Image]:
    image = elf.Image()
    status = int(elf.parse(span_over(data), image))
    return status, image


def flag_text(flags: int) -> str:
    return ("R" if flags & 4 else "") + ("W" if flags & 2 else "") + ("E" if flags & 1 else "")


def test_segments_match_readelf(tmp_path):
    data = link(tmp_path)
    status, image = parse(data)
    assert status == elf.OK, elf.error_name(elf.i32(status))
    got = [(int(s.vaddr), int(s.memory_size), int(s.file_offset), int(s.file_size),
            flag_text(int(s.flags))) for s in list(image.segments)[:int(image.count)]]
    assert got == readelf_loads(tmp_path / "p")
    assert int(image.entry) == pystruct.unpack_from("<Q", data, 24)[0]
    # The bss is in memory, not in the file.
    assert any(s[1] > s[3] for s in got)


def test_a_segment_copies_the_right_bytes(program):
    _, image = parse(program)
    text = [s for s in list(image.segments)[:int(image.count)] if s.executable()][0]
    start = int(text.file_offset) + int(image.entry) - int(text.vaddr)
    assert program[start:start + 5] == b"\xb8\x3c\x00\x00\x00"  # mov $60, %eax


def test_kernel_half_address_is_refused(tmp_path):
    data = link(tmp_path, PROGRAM, "-Ttext=0xffff800000001000")
    assert parse(data)[0] == elf.ERR_SEGMENT_ADDRESS


def test_writable_code_is_refused(tmp_path):
    # -N (--omagic) puts text and data in one RWX segment.
    data = link(tmp_path, PROGRAM, "-N")
    assert parse(data)[0] == elf.ERR_WRITE_EXECUTE


def test_shared_object_is_refused(tmp_path):
    data = link(tmp_path, PROGRAM, "-shared")
    assert parse(data)[0] == elf.ERR_TYPE


def set_field(data: bytes, offset: int, fmt: str, value: int) -> bytes:
    out = bytearray(data)
    pystruct.pack_into(fmt, out, offset, value)
    return bytes(out)


def first_load(data: bytes) -> int:
    phoff, = pystruct.unpack_from("<Q", data, 32)
    phnum, = pystruct.unpack_from("<H", data, 56)
    for i in range(phnum):
        if pystruct.unpack_from("<I", data, phoff + 56 * i)[0] == 1:
            return phoff + 56 * i
    raise AssertionError("no PT_LOAD")


def test_each_header_check_rejects(program):
    ph = first_load(program)
    cases = [
        (program[:63], elf.ERR_TOO_SHORT),
        (set_field(program, 0, "<B", 0x7E), elf.ERR_MAGIC),
        (set_field(program, 4, "<B", 1), elf.ERR_CLASS),          # ELF32
        (set_field(program, 5, "<B", 2), elf.ERR_CLASS),          # big-endian
        (set_field(program, 16, "<H", 1), elf.ERR_TYPE),          # relocatable
        (set_field(program, 18, "<H", 3), elf.ERR_MACHINE),       # i386
        (set_field(program, 20, "<I", 2), elf.ERR_MACHINE),
        (set_field(program, 54, "<H", 32), elf.ERR_HEADER_SIZE),
        (set_field(program, 32, "<Q", len(program) - 8), elf.ERR_PHDR_BOUNDS),
        (set_field(program, 32, "<Q", 2**64 - 8), elf.ERR_PHDR_BOUNDS),
        (set_field(program, 56, "<H", 0xFFFF), elf.ERR_PHDR_BOUNDS),
        (set_field(program, 56, "<H", 0), elf.ERR_NO_SEGMENTS),
        (set_field(program, ph, "<I", 3), elf.ERR_UNSUPPORTED),   # PT_INTERP
        (set_field(program, ph, "<I", 7), elf.ERR_UNSUPPORTED),   # PT_TLS
        (set_field(program, ph + 16, "<Q", 0), elf.ERR_SEGMENT_ADDRESS),
        (set_field(program, ph + 40, "<Q", 2**47 - 0x400000 + 1), elf.ERR_SEGMENT_ADDRESS),
        (set_field(program, ph + 40, "<Q", 2**64 - 0x1000), elf.ERR_SEGMENT_ADDRESS),
        (set_field(program, ph + 8, "<Q", len(program)), elf.ERR_SEGMENT_FILE),
        (set_field(program, ph + 32, "<Q", 2**64 - 1), elf.ERR_SEGMENT_FILE),
        (set_field(program, ph + 48, "<Q", 0x1800), elf.ERR_SEGMENT_ALIGN),
        (set_field(program, ph + 8, "<Q", 0x10), elf.ERR_SEGMENT_ALIGN),
        (set_field(program, ph + 4, "<I", 7), elf.ERR_WRITE_EXECUTE),
        (set_field(program, 24, "<Q", 0x400000), elf.ERR_ENTRY),  # in the read-only segment
        (set_field(program, 24, "<Q", 0), elf.ERR_ENTRY),
    ]
    for data, expected in cases:
        assert parse(data)[0] == expected, elf.error_name(elf.i32(expected))


def test_file_size_above_memory_size_is_refused(program):
    ph = first_load(program)
    filesz, = pystruct.unpack_from("<Q", program, ph + 32)
    data = set_field(program, ph + 40, "<Q", filesz - 1)
    assert parse(data)[0] == elf.ERR_SEGMENT_SIZE


def test_segments_sharing_a_page_are_refused(program):
    phoff, = pystruct.unpack_from("<Q", program, 32)
    # Move the second LOAD's address into the first one's page.
    second = phoff + 56
    data = set_field(program, second + 16, "<Q", 0x400000 + 0x100)
    data = set_field(data, second + 8, "<Q", 0x100)
    assert parse(data)[0] == elf.ERR_OVERLAP


def test_every_error_has_a_name():
    for code in range(-17, 1):
        assert elf.error_name(elf.i32(code)) != "unknown error"


def check_invariants(data: bytes, image: elf.Image) -> None:
    """What a successful parse promises the loader."""
    segments = list(image.segments)[:int(image.count)]
    assert 1 <= len(segments) <= elf.MAX_SEGMENTS
    for s in segments:
        assert int(s.vaddr) >= 0x1000 and int(s.vaddr) + int(s.memory_size) <= int(elf.USER_TOP)
        assert int(s.file_size) <= int(s.memory_size)
        assert int(s.file_offset) + int(s.file_size) <= len(data)
        assert not (s.writable() and s.executable())
    assert any(s.executable() and int(s.vaddr) <= int(image.entry) < int(s.vaddr)
               + int(s.memory_size) for s in segments)


@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(mutations=st.lists(st.tuples(st.integers(0, 64 + 56 * 4 - 1), st.integers(0, 255)),
                          min_size=1, max_size=8),
       cut=st.integers(0, 9000))
def test_mutated_executables_never_crash(mutations, cut):
    data = bytearray(linked_program())
    for offset, value in mutations:
        data[offset] = value
    data = bytes(data[:cut])
    status, image = parse(data)  # MemoryError here would be a read past the file
    if status == elf.OK:
        check_invariants(data, image)
    else:
        assert status < 0 and int(image.count) == 0


