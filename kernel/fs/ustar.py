"""Reading a USTAR archive: the initial ramdisk's file system.

The build packs the user programs into a POSIX ``ustar`` archive and the
boot loader hands it to the kernel as a Multiboot module: a run of bytes
in memory that nobody has checked.  This module reads it in place, without
copying or allocating, and trusts nothing in it.

An archive is a sequence of 512-byte blocks.  Each file is one header
block followed by its data, padded with zeros to a whole block; the
archive ends with (at least) one block of zeros::

    +--------+-----------+--------+-----------+-----+--------+--------+
    | header | data ...  | header | data ...  | ... | 0 x512 | 0 x512 |
    +--------+-----------+--------+-----------+-----+--------+--------+

The header fields this reader looks at (all text is ASCII; numbers are
octal digits ended by a NUL or a space)::

    offset  width  field
      0      100   name      NUL-terminated unless it fills the field
    100        8   mode      octal
    108        8   uid       octal
    116        8   gid       octal
    124       12   size      octal: bytes of data after the header
    136       12   mtime     octal
    148        8   chksum    octal: sum of the header's bytes, counting
                             this field as eight spaces
    156        1   typeflag  '0' or NUL: a regular file, '5': a directory
    257        6   magic     "ustar\\0" (POSIX) or "ustar " (GNU)
    263        2   version   "00" (POSIX) or " \\0" (GNU)
    345      155   prefix    must be empty here (names fit in 100 bytes)

Every header is checked before anything in it is used: the magic, the
checksum, each octal field, the name's termination and the file's data
lying inside the archive.  A bad header stops the walk with an error code
(``error_name`` says which), so a corrupt ramdisk is reported, never read
past its end.  Links, devices and the pax/GNU extension headers are
refused rather than misread: the build never writes them.
"""

from typing import Final

from kernel.bytespan import ByteSpan
from pythos.lang import Ptr, i32, i64, str_bytes, struct, u8, u64

BLOCK: Final = u64(512)
NAME_WIDTH: Final = u64(100)
PREFIX_OFFSET: Final = u64(345)
PREFIX_WIDTH: Final = u64(155)
CHECKSUM_OFFSET: Final = u64(148)
CHECKSUM_WIDTH: Final = u64(8)
TYPEFLAG_OFFSET: Final = u64(156)
MAGIC_OFFSET: Final = u64(257)

# What ``Entry.kind`` holds.
KIND_FILE: Final = u8(0x30)       # '0'
KIND_DIRECTORY: Final = u8(0x35)  # '5'

# Results of ``read_entry`` and the walks built on it: OK and END are
# success, every other value says what was wrong.
OK: Final = i32(0)
END: Final = i32(1)
ERR_TRUNCATED: Final = i32(-1)
ERR_MAGIC: Final = i32(-2)
ERR_CHECKSUM: Final = i32(-3)
ERR_NUMBER: Final = i32(-4)
ERR_NAME: Final = i32(-5)
ERR_PREFIX: Final = i32(-6)
ERR_TYPE: Final = i32(-7)
ERR_DATA_BOUNDS: Final = i32(-8)
ERR_NOT_FOUND: Final = i32(-9)

NUL: Final = u8(0)
SPACE: Final = u8(0x20)
DIGIT_0: Final = u8(0x30)
DIGIT_7: Final = u8(0x37)


@struct
class Entry:
    """One member of the archive, pointing into the archive's own bytes."""

    name: ByteSpan
    data: ByteSpan
    kind: u8
    # Offset of the header block that follows this member's data.
    next: u64


@struct
class Summary:
    """What ``summarize`` counts."""

    files: u64
    directories: u64
    data_bytes: u64


def error_name(code: i32) -> str:
    """A short explanation of a result code."""
    if code == OK:
        return "ok"
    if code == END:
        return "end of archive"
    if code == ERR_TRUNCATED:
        return "archive ends inside a header (no end-of-archive block)"
    if code == ERR_MAGIC:
        return "bad magic: not a ustar header"
    if code == ERR_CHECKSUM:
        return "header checksum mismatch"
    if code == ERR_NUMBER:
        return "malformed octal number in a header field"
    if code == ERR_NAME:
        return "bad file name (empty, or bytes after its NUL)"
    if code == ERR_PREFIX:
        return "name prefix not supported (names must fit in 100 bytes)"
    if code == ERR_TYPE:
        return "member type not supported (only files and directories)"
    if code == ERR_DATA_BOUNDS:
        return "file data runs past the end of the archive"
    if code == ERR_NOT_FOUND:
        return "no such file"
    return "unknown error"


def parse_octal(header: Ptr[u8], offset: u64, width: u64, required: bool) -> i64:
    """The octal number in ``header[offset:offset+width]``, or -1 if malformed.

    Leading spaces are skipped; the digits end at a NUL or a space, and
    only NULs and spaces may follow them (or the digits fill the field).
    An empty field is 0 unless ``required``.  The widest field (12 bytes)
    holds at most 12 digits, 36 bits, so the value cannot overflow.  The
    GNU base-256 form (high bit of the first byte set) is refused.
    """
    i = u64(0)
    while i < width and header[offset + i] == SPACE:
        i += 1
    value = i64(0)
    digits = 0
    while i < width and DIGIT_0 <= header[offset + i] <= DIGIT_7:
        value = value * 8 + i64(header[offset + i] - DIGIT_0)
        digits += 1
        i += 1
    while i < width:
        byte = header[offset + i]
        if byte != NUL and byte != SPACE:  # noqa: SIM109 - no tuples in Pythos
            return i64(-1)
        i += 1
    if digits == 0 and required:
        return i64(-1)
    return value


def header_checksum(header: Ptr[u8]) -> i64:
    """The sum of the header's 512 bytes with the checksum field as spaces."""
    total = i64(0)
    for i in range(BLOCK):
        if CHECKSUM_OFFSET <= i < CHECKSUM_OFFSET + CHECKSUM_WIDTH:
            total += i64(SPACE)
        else:
            total += i64(header[i])
    return total


def is_zero_block(header: Ptr[u8]) -> bool:
    """Whether all 512 bytes are zero: the end-of-archive marker."""
    for i in range(BLOCK):  # noqa: SIM110 - no generators in Pythos
        if header[i] != 0:
            return False
    return True


def has_magic(header: Ptr[u8]) -> bool:
    """Whether the header says ``ustar``, in the POSIX or the GNU spelling."""
    magic = str_bytes("ustar")
    for i in range(u64(len(magic))):
        if header[MAGIC_OFFSET + i] != magic[i]:
            return False
    tail0 = header[MAGIC_OFFSET + 5]
    version0 = header[MAGIC_OFFSET + 6]
    version1 = header[MAGIC_OFFSET + 7]
    posix = tail0 == NUL and version0 == DIGIT_0 and version1 == DIGIT_0
    gnu = tail0 == SPACE and version0 == SPACE and version1 == NUL
    return posix or gnu


def name_length(header: Ptr[u8]) -> i64:
    """The length of the name field's text, or -1 if it is malformed.

    The name ends at its first NUL (or fills all 100 bytes); everything
    after that NUL must be NUL too, so two different headers cannot read
    as the same name.
    """
    length = u64(0)
    while length < NAME_WIDTH and header[length] != NUL:
        length += 1
    if length == 0:
        return i64(-1)
    for i in range(length, NAME_WIDTH):
        if header[i] != NUL:
            return i64(-1)
    return i64(length)


def read_entry(archive: ByteSpan, offset: u64, entry: Entry) -> i32:
    """Check the header at ``offset`` and describe its member in ``entry``.

    Returns OK with ``entry`` filled in, END at the end-of-archive block,
    or an error code (``entry`` is then left cleared).  Nothing outside
    ``archive`` is read, whatever the bytes say.
    """
    entry.name.clear()
    entry.data.clear()
    entry.kind = u8(0)
    entry.next = offset
    if offset > archive.length or archive.length - offset < BLOCK:
        return ERR_TRUNCATED
    header = archive.data + offset
    if is_zero_block(header):
        return END
    if not has_magic(header):
        return ERR_MAGIC
    stored = parse_octal(header, CHECKSUM_OFFSET, CHECKSUM_WIDTH, True)
    if stored < 0:
        return ERR_NUMBER
    if stored != header_checksum(header):
        return ERR_CHECKSUM
    # mode, uid, gid, size and mtime: checked even where unused, since a
    # malformed one means the header was not written by a tar program.
    if (parse_octal(header, u64(100), u64(8), False) < 0
            or parse_octal(header, u64(108), u64(8), False) < 0
            or parse_octal(header, u64(116), u64(8), False) < 0
            or parse_octal(header, u64(136), u64(12), False) < 0):
        return ERR_NUMBER
    size = parse_octal(header, u64(124), u64(12), True)
    if size < 0:
        return ERR_NUMBER
    length = name_length(header)
    if length < 0:
        return ERR_NAME
    if header[PREFIX_OFFSET] != NUL:
        return ERR_PREFIX
    kind = header[TYPEFLAG_OFFSET]
    if kind == NUL:
        kind = KIND_FILE  # pre-POSIX archives mark a file with a NUL
    if kind != KIND_FILE and kind != KIND_DIRECTORY:  # noqa: SIM109 - no tuples
        return ERR_TYPE
    data_offset = offset + BLOCK
    data_length = u64(size)
    if data_length > archive.length - data_offset:
        return ERR_DATA_BOUNDS
    entry.name.set(header, u64(length))
    entry.data.set(archive.data + data_offset, data_length)
    entry.kind = kind
    # The data is padded to whole blocks; if the padding runs past the
    # end, the next read_entry reports the archive as truncated.
    entry.next = data_offset + (data_length + BLOCK - 1) // BLOCK * BLOCK
    return OK


def summarize(archive: ByteSpan, summary: Summary) -> i32:
    """Check every header and count the members; END when all were good."""
    summary.files = u64(0)
    summary.directories = u64(0)
    summary.data_bytes = u64(0)
    entry = Entry()
    offset = u64(0)
    while True:
        status = read_entry(archive, offset, entry)
        if status != OK:
            return status
        if entry.kind == KIND_FILE:
            summary.files += 1
            summary.data_bytes += entry.data.length
        else:
            summary.directories += 1
        offset = entry.next


def spans_equal(a: ByteSpan, b: ByteSpan) -> bool:
    """Whether two spans hold the same bytes."""
    if a.length != b.length:
        return False
    for i in range(a.length):  # noqa: SIM110 - no generators in Pythos
        if a.data[i] != b.data[i]:
            return False
    return True


def find(archive: ByteSpan, name: ByteSpan, entry: Entry) -> i32:
    """Find the regular file called ``name``: OK with ``entry`` set, or an
    error code (ERR_NOT_FOUND when every header was good but none matched).

    The archive is walked from the start, checking each header on the way,
    so a file after a corrupt header is not found.
    """
    offset = u64(0)
    while True:
        status = read_entry(archive, offset, entry)
        if status == END:
            entry.name.clear()
            return ERR_NOT_FOUND
        if status != OK:
            return status
        if entry.kind == KIND_FILE and spans_equal(entry.name, name):
            return OK
        offset = entry.next
