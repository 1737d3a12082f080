"""Host tests of the USTAR reader against archives made by Python's tarfile.

Each archive is copied into an ``Array`` of exactly its size, so any read
past its end raises MemoryError under CPython instead of going unnoticed.
"""

from __future__ import annotations

import io
import tarfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kernel.bytespan import ByteSpan
from kernel.fs import ustar
from pythos.lang import u64

from .helpers import exact_span, span_bytes

span_over = exact_span


def make_archive(files: dict[str, bytes], *, fmt: int = tarfile.USTAR_FORMAT,
                 directories: tuple[str, ...] = ()) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=fmt) as tar:
        for name in directories:
            info = tarfile.TarInfo(name)
            info.type = tarfile.DIRTYPE
            tar.addfile(info)
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


FILES = {"hello": b"\x7fELF hello program", "empty": b"", "big": bytes(range(256)) * 5}


def name_of(text: str) -> ByteSpan:
    return span_over(text.encode())


def test_summarizes_a_tarfile_archive():
    archive = span_over(make_archive(FILES, directories=("bin",)))
    summary = ustar.Summary()
    assert ustar.summarize(archive, summary) == ustar.END
    assert int(summary.files) == 3
    assert int(summary.directories) == 1
    assert int(summary.data_bytes) == sum(len(d) for d in FILES.values())


def test_walk_lists_names_and_contents_in_order():
    archive = span_over(make_archive(FILES))
    entry = ustar.Entry()
    offset = u64(0)
    seen = {}
    while ustar.read_entry(archive, offset, entry) == ustar.OK:
        seen[span_bytes(entry.name).decode()] = span_bytes(entry.data)
        offset = entry.next
    assert seen == FILES


def test_gnu_format_is_read_too():
    archive = span_over(make_archive(FILES, fmt=tarfile.GNU_FORMAT))
    summary = ustar.Summary()
    assert ustar.summarize(archive, summary) == ustar.END
    assert int(summary.files) == 3


def test_finds_a_file_by_name():
    archive = span_over(make_archive(FILES))
    entry = ustar.Entry()
    assert ustar.find(archive, name_of("big"), entry) == ustar.OK
    assert span_bytes(entry.data) == FILES["big"]
    assert ustar.find(archive, name_of("hell"), entry) == ustar.ERR_NOT_FOUND
    assert ustar.find(archive, name_of("hello!"), entry) == ustar.ERR_NOT_FOUND


def test_a_directory_is_not_found_as_a_file():
    archive = span_over(make_archive({}, directories=("bin",)))
    assert ustar.find(archive, name_of("bin"), ustar.Entry()) == ustar.ERR_NOT_FOUND


def test_empty_archive_and_missing_end_block():
    assert ustar.summarize(span_over(bytes(1024)), ustar.Summary()) == ustar.END
    data = make_archive({"a": b"x"})
    # Header plus one data block, with no end-of-archive block after it.
    assert ustar.summarize(span_over(data[:1024]), ustar.Summary()) == ustar.ERR_TRUNCATED
    # The data fits but its block's padding does not: the next header is cut.
    assert ustar.summarize(span_over(data[:700]), ustar.Summary()) == ustar.ERR_TRUNCATED
    longer = make_archive({"a": b"x" * 100})
    assert ustar.summarize(span_over(longer[:600]), ustar.Summary()) == ustar.ERR_DATA_BOUNDS
    assert ustar.summarize(span_over(data[:100]), ustar.Summary()) == ustar.ERR_TRUNCATED
    assert ustar.summarize(span_over(b""), ustar.Summary()) == ustar.ERR_TRUNCATED


def patch(header: bytearray, offset: int, value: bytes, fix_checksum: bool = True) -> bytes:
    header[offset:offset + len(value)] = value
    if fix_checksum:
        header[148:156] = b" " * 8
        header[148:156] = b"%06o\0 " % sum(header[:512])
    return bytes(header)


def first_status(data: bytes) -> int:
    return int(ustar.read_entry(span_over(data), u64(0), ustar.Entry()))


def test_each_header_check_rejects():
    good = bytearray(make_archive({"hello": b"hi"}))
    assert first_status(bytes(good)) == ustar.OK
    cases = [
        (257, b"ustaR", ustar.ERR_MAGIC),
        (263, b"01", ustar.ERR_MAGIC),
        (124, b"0000000000x\0", ustar.ERR_NUMBER),      # size
        (124, b"\0" * 12, ustar.ERR_NUMBER),              # empty size
        (124, b"\x80" + bytes(11), ustar.ERR_NUMBER),     # GNU base-256
        (124, b"77777777777\0", ustar.ERR_DATA_BOUNDS),  # 8 GiB: past the end
        (100, b"0006x4\0\0", ustar.ERR_NUMBER),          # mode
        (136, b"1 2\0", ustar.ERR_NUMBER),               # mtime: digit after the end
        (0, b"\0", ustar.ERR_NAME),                      # empty name
        (6, b"x", ustar.ERR_NAME),                       # bytes after the NUL
        (345, b"dir", ustar.ERR_PREFIX),
        (156, b"2", ustar.ERR_TYPE),                     # symlink
        (156, b"x", ustar.ERR_TYPE),                     # pax header
    ]
    for offset, value, expected in cases:
        assert first_status(patch(bytearray(good), offset, value)) == expected, (offset, value)


def test_checksum_mismatch_and_malformed_checksum():
    good = bytearray(make_archive({"hello": b"hi"}))
    assert first_status(patch(bytearray(good), 0, b"j", fix_checksum=False)) == ustar.ERR_CHECKSUM
    assert first_status(patch(bytearray(good), 148, b"9", fix_checksum=False)) == ustar.ERR_NUMBER


def test_a_full_length_name_needs_no_nul():
    name = "n" * 100
    archive = span_over(make_archive({name: b"data"}))
    entry = ustar.Entry()
    assert ustar.find(archive, name_of(name), entry) == ustar.OK
    assert span_bytes(entry.data) == b"data"


def test_every_error_has_a_name():
    for code in range(-9, 2):
        assert ustar.error_name(ustar.i32(code)) != "unknown error"


SAMPLE = make_archive({"hello": b"hello world\n", "cat": bytes(700), "x": b"1"})
SAMPLE_END = SAMPLE.rindex(b"1") // 512 * 512 + 1024 + 512  # keep the two zero blocks


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, SAMPLE_END - 1), st.integers(0, 255)), min_size=1,
                max_size=6),
       st.integers(0, SAMPLE_END))
def test_mutated_archives_never_crash_or_overrun(mutations, cut):
    """Any mutation either still reads as tar (and then stays inside the
    archive) or is rejected with an error code; never an exception."""
    data = bytearray(SAMPLE[:SAMPLE_END])
    for offset, value in mutations:
        data[offset] = value
    archive = span_over(bytes(data[:cut]))
    summary = ustar.Summary()
    status = ustar.summarize(archive, summary)  # MemoryError here would be an overrun
    assert status == ustar.END or status < 0
    if status == ustar.END:
        assert int(summary.data_bytes) <= cut


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 511).filter(lambda i: not 148 <= i < 156), st.integers(1, 255))
def test_any_changed_header_byte_is_caught_by_the_checksum(offset, delta):
    data = bytearray(SAMPLE[:SAMPLE_END])
    data[offset] = (data[offset] + delta) % 256
    # The magic is checked first; every other change fails the checksum.
    expected = ustar.ERR_MAGIC if 257 <= offset < 265 else ustar.ERR_CHECKSUM
    assert first_status(bytes(data)) == expected
