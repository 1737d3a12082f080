"""Checking an ELF64 executable before anything of it is mapped.

A user program arrives as bytes in the initial ramdisk.  Before the kernel
maps a single page of it, this module checks every field it relies on and
produces the list of segments to map; a bad file gets an error code that
``error_name`` explains, never a fault in the kernel.  It reads the file
in place and allocates nothing.

What is read (all little-endian)::

    ELF header (64 bytes)                 program header (56 bytes each)
    offset  field                          offset  field
     0      ident: 7f 'E' 'L' 'F',          0      p_type    1 = PT_LOAD
            class 2 (64-bit),               4      p_flags   1 X, 2 W, 4 R
            data 1 (little-endian),         8      p_offset  where in the file
            version 1                      16      p_vaddr   where in memory
    16      e_type      2 = EXEC           24      p_paddr   (ignored)
    18      e_machine   62 = x86-64        32      p_filesz  bytes from the file
    20      e_version   1                  40      p_memsz   bytes in memory
    24      e_entry                        48      p_align
    32      e_phoff     program headers
    52      e_ehsize    64
    54      e_phentsize 56
    56      e_phnum

The rules for a loadable segment (PT_LOAD):

- it lies inside the user half, above the never-mapped first page:
  ``USER_BOTTOM <= p_vaddr`` and ``p_vaddr + p_memsz <= USER_TOP``,
  computed without overflow;
- its file bytes lie inside the file, and ``p_filesz <= p_memsz`` (the
  rest, the bss, is zero-filled);
- ``p_align`` is 0, 1 or a power of two, and ``p_vaddr`` and ``p_offset``
  agree modulo it, as the ELF specification requires;
- it is not both writable and executable (W^X), and no two segments share
  a page, since a page has one set of permissions;
- the entry point lies in an executable segment.

Program headers that ask for what the kernel does not provide (an
interpreter, dynamic linking, thread-local storage) are refused; notes
and the GNU stack/property markers are ignored.
"""

from typing import Final

from kernel.bytespan import ByteSpan
from pythos.lang import Array, Ptr, i32, struct, u8, u16, u32, u64

# The user half of the address space, below the canonical hole, less its
# first page (so that a null pointer faults) and its last page (so that
# the address after a ``syscall`` is always canonical: sysret to a
# non-canonical address would fault in ring 0).
USER_BOTTOM: Final = u64(0x1000)
USER_TOP: Final = u64(0x0000_7FFF_FFFF_F000)
PAGE_SIZE: Final = u64(4096)
# How many loadable segments a program may have (the output array's size).
MAX_SEGMENTS: Final = 8
MAX_PROGRAM_HEADERS: Final = u64(64)

HEADER_SIZE: Final = u64(64)
PHDR_SIZE: Final = u64(56)

ELFCLASS64: Final = u8(2)
ELFDATA2LSB: Final = u8(1)
EV_CURRENT: Final = u8(1)
ET_EXEC: Final = u16(2)
EM_X86_64: Final = u16(62)

PT_NULL: Final = u32(0)
PT_LOAD: Final = u32(1)
PT_DYNAMIC: Final = u32(2)
PT_INTERP: Final = u32(3)
PT_TLS: Final = u32(7)

PF_X: Final = u32(1)
PF_W: Final = u32(2)
PF_R: Final = u32(4)

OK: Final = i32(0)
ERR_TOO_SHORT: Final = i32(-1)
ERR_MAGIC: Final = i32(-2)
ERR_CLASS: Final = i32(-3)
ERR_TYPE: Final = i32(-4)
ERR_MACHINE: Final = i32(-5)
ERR_HEADER_SIZE: Final = i32(-6)
ERR_PHDR_BOUNDS: Final = i32(-7)
ERR_UNSUPPORTED: Final = i32(-8)
ERR_SEGMENT_ADDRESS: Final = i32(-9)
ERR_SEGMENT_FILE: Final = i32(-10)
ERR_SEGMENT_SIZE: Final = i32(-11)
ERR_SEGMENT_ALIGN: Final = i32(-12)
ERR_WRITE_EXECUTE: Final = i32(-13)
ERR_OVERLAP: Final = i32(-14)
ERR_TOO_MANY: Final = i32(-15)
ERR_NO_SEGMENTS: Final = i32(-16)
ERR_ENTRY: Final = i32(-17)


@struct
class Segment:
    """One range to map: ``memory_size`` bytes at ``vaddr``, the first
    ``file_size`` of them copied from ``file_offset``, the rest zero."""

    vaddr: u64
    memory_size: u64
    file_offset: u64
    file_size: u64
    flags: u32

    def writable(self) -> bool:
        return self.flags & PF_W != 0

    def executable(self) -> bool:
        return self.flags & PF_X != 0


@struct
class Image:
    """A checked executable: where to start and what to map."""

    entry: u64
    count: u32
    segments: Array[Segment, 8]


def error_name(code: i32) -> str:
    """A short explanation of a result code."""
    if code == OK:
        return "ok"
    if code == ERR_TOO_SHORT:
        return "file shorter than an ELF header"
    if code == ERR_MAGIC:
        return "not an ELF file"
    if code == ERR_CLASS:
        return "not a little-endian ELF64 file of version 1"
    if code == ERR_TYPE:
        return "not an executable (ET_EXEC)"
    if code == ERR_MACHINE:
        return "not an x86-64 program"
    if code == ERR_HEADER_SIZE:
        return "unexpected ELF or program header size"
    if code == ERR_PHDR_BOUNDS:
        return "program headers lie outside the file (or there are too many)"
    if code == ERR_UNSUPPORTED:
        return "needs an interpreter, dynamic linking or TLS"
    if code == ERR_SEGMENT_ADDRESS:
        return "segment outside the user half"
    if code == ERR_SEGMENT_FILE:
        return "segment data outside the file"
    if code == ERR_SEGMENT_SIZE:
        return "segment file size larger than its memory size"
    if code == ERR_SEGMENT_ALIGN:
        return "segment alignment is not a power of two or does not match its offset"
    if code == ERR_WRITE_EXECUTE:
        return "segment both writable and executable"
    if code == ERR_OVERLAP:
        return "two segments share a page"
    if code == ERR_TOO_MANY:
        return "too many loadable segments"
    if code == ERR_NO_SEGMENTS:
        return "no loadable segment"
    if code == ERR_ENTRY:
        return "entry point not in an executable segment"
    return "unknown error"


def load_u16(data: Ptr[u8], offset: u64) -> u16:
    return u16(data[offset]) | u16(data[offset + 1]) << 8


def load_u32(data: Ptr[u8], offset: u64) -> u32:
    return u32(load_u16(data, offset)) | u32(load_u16(data, offset + 2)) << 16


def load_u64(data: Ptr[u8], offset: u64) -> u64:
    return u64(load_u32(data, offset)) | u64(load_u32(data, offset + 4)) << 32


def page_floor(address: u64) -> u64:
    return address & ~(PAGE_SIZE - 1)


def check_header(file: ByteSpan) -> i32:
    """Check the ELF header's identification and sizes."""
    if file.length < HEADER_SIZE:
        return ERR_TOO_SHORT
    data = file.data
    if data[0] != 0x7F or data[1] != 0x45 or data[2] != 0x4C or data[3] != 0x46:
        return ERR_MAGIC
    if data[4] != ELFCLASS64 or data[5] != ELFDATA2LSB or data[6] != EV_CURRENT:
        return ERR_CLASS
    if load_u16(data, u64(16)) != ET_EXEC:
        return ERR_TYPE
    if load_u16(data, u64(18)) != EM_X86_64 or load_u32(data, u64(20)) != 1:
        return ERR_MACHINE
    if u64(load_u16(data, u64(52))) != HEADER_SIZE or u64(load_u16(data, u64(54))) != PHDR_SIZE:
        return ERR_HEADER_SIZE
    phoff = load_u64(data, u64(32))
    phnum = u64(load_u16(data, u64(56)))
    if phnum > MAX_PROGRAM_HEADERS or phoff > file.length:
        return ERR_PHDR_BOUNDS
    if phnum * PHDR_SIZE > file.length - phoff:
        return ERR_PHDR_BOUNDS
    return OK


def check_segment(file: ByteSpan, segment: Segment, align: u64) -> i32:
    """Check one PT_LOAD segment on its own."""
    if segment.vaddr < USER_BOTTOM or segment.vaddr > USER_TOP:
        return ERR_SEGMENT_ADDRESS
    if segment.memory_size == 0 or segment.memory_size > USER_TOP - segment.vaddr:
        return ERR_SEGMENT_ADDRESS
    if segment.file_offset > file.length or segment.file_size > file.length - segment.file_offset:
        return ERR_SEGMENT_FILE
    if segment.file_size > segment.memory_size:
        return ERR_SEGMENT_SIZE
    if align > 1:
        if align & (align - 1) != 0:
            return ERR_SEGMENT_ALIGN
        if segment.vaddr & (align - 1) != segment.file_offset & (align - 1):
            return ERR_SEGMENT_ALIGN
    if segment.writable() and segment.executable():
        return ERR_WRITE_EXECUTE
    return OK


def shares_a_page(a: Segment, b: Segment) -> bool:
    """Whether the pages the two segments touch overlap."""
    a_first = page_floor(a.vaddr)
    a_last = page_floor(a.vaddr + a.memory_size - 1)
    b_first = page_floor(b.vaddr)
    b_last = page_floor(b.vaddr + b.memory_size - 1)
    return a_first <= b_last and b_first <= a_last


def read_segment(data: Ptr[u8], phdr: u64, segment: Segment) -> None:
    """Copy the fields of the program header at ``phdr`` into ``segment``."""
    segment.flags = load_u32(data, phdr + 4)
    segment.file_offset = load_u64(data, phdr + 8)
    segment.vaddr = load_u64(data, phdr + 16)
    segment.file_size = load_u64(data, phdr + 32)
    segment.memory_size = load_u64(data, phdr + 40)


def runs(segment: Segment, address: u64) -> bool:
    """Whether ``address`` is code: inside an executable segment."""
    return (segment.executable() and segment.vaddr <= address
            and address - segment.vaddr < segment.memory_size)


def parse(file: ByteSpan, image: Image) -> i32:
    """Check the executable in ``file`` and fill ``image`` with its entry
    point and the segments to map.  Returns OK, or an error code with
    ``image.count`` zero; nothing outside ``file`` is read.
    """
    image.count = u32(0)
    image.entry = u64(0)
    status = check_header(file)
    if status != OK:
        return status
    data = file.data
    phoff = load_u64(data, u64(32))
    phnum = u64(load_u16(data, u64(56)))
    count = u32(0)
    for i in range(phnum):
        phdr = phoff + i * PHDR_SIZE
        kind = load_u32(data, phdr)
        if kind == PT_INTERP or kind == PT_DYNAMIC or kind == PT_TLS:  # noqa: SIM109
            return ERR_UNSUPPORTED
        if kind != PT_LOAD:
            continue
        if count >= MAX_SEGMENTS:
            return ERR_TOO_MANY
        read_segment(data, phdr, image.segments[count])
        status = check_segment(file, image.segments[count], load_u64(data, phdr + 48))
        if status != OK:
            return status
        for j in range(count):
            if shares_a_page(image.segments[j], image.segments[count]):
                return ERR_OVERLAP
        count += 1
    if count == 0:
        return ERR_NO_SEGMENTS
    entry = load_u64(data, u64(24))
    for j in range(count):
        if runs(image.segments[j], entry):
            image.entry = entry
            image.count = count
            return OK
    return ERR_ENTRY
