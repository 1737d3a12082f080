"""memcpy, memset, memmove and memcmp, which LLVM calls for large copies.

There is no libc under a Pythos program, so the runtime defines them.  The
compiler gives these four functions LLVM's "no-builtins" attribute, or
LLVM would recognise each loop as the very function it implements and
turn it into a call to itself.  (So LLVM does not inline them either:
`copy_bytes`, an ordinary function, is the runtime's own copy of text,
inlined where it is used, which calls memcpy only for 8 bytes or more.)
"""

from pythos.lang import Ptr, export, i32, u8, u16, u32, u64


@export("memcpy")
def memcpy(dest: Ptr[u8], src: Ptr[u8], n: u64) -> Ptr[u8]:
    # Eight bytes at a time, aligned or not: x86-64 loads and stores a
    # word at any address, and most copies are of text, whose pieces
    # start anywhere (an f-string's fields, a slice), so a copy that
    # went a byte at a time unless both ends were aligned spent most of
    # its time there.  A tail of 1-7 bytes after at least one word is
    # copied as the last word, overlapping the one before; a copy of
    # fewer than 8 bytes is `copy_short`.
    if n < 8:
        copy_short(dest, src, n)
        return dest
    i = u64(0)
    while i + 8 <= n:
        Ptr[u64](dest.addr + i)[0] = Ptr[u64](src.addr + i)[0]
        i += 8
    if i < n:
        Ptr[u64](dest.addr + n - 8)[0] = Ptr[u64](src.addr + n - 8)[0]
    return dest


def copy_short(dest: Ptr[u8], src: Ptr[u8], n: u64) -> None:
    """Copy `n` < 8 bytes (a short word or syllable, most of what the
    str runtime copies) as two loads and two stores of one width, the
    first and the last 4 (or 2) bytes, overlapping in the middle: both
    are loaded before either is stored, so the order cannot matter."""
    if n >= 4:
        head32 = Ptr[u32](src.addr)[0]
        tail32 = Ptr[u32](src.addr + n - 4)[0]
        Ptr[u32](dest.addr)[0] = head32
        Ptr[u32](dest.addr + n - 4)[0] = tail32
    elif n >= 2:
        head16 = Ptr[u16](src.addr)[0]
        tail16 = Ptr[u16](src.addr + n - 2)[0]
        Ptr[u16](dest.addr)[0] = head16
        Ptr[u16](dest.addr + n - 2)[0] = tail16
    elif n == 1:
        dest[0] = src[0]


def copy_bytes(dest: Ptr[u8], src: Ptr[u8], n: u64) -> None:
    """memcpy for the runtime's copies of text, small enough to inline
    where they are made: a copy under 8 bytes is done there, without the
    call (and the registers the caller saves around it), a longer one
    calls memcpy."""
    if n < 8:
        copy_short(dest, src, n)
    else:
        memcpy(dest, src, n)


@export("memset")
def memset(dest: Ptr[u8], c: i32, n: u64) -> Ptr[u8]:
    byte = u8(c)
    i = u64(0)
    if dest.addr & 7 == 0:
        word = u64(byte) * 0x0101010101010101
        d = Ptr[u64](dest.addr)
        while i + 8 <= n:
            d[i >> 3] = word
            i += 8
    while i < n:
        dest[i] = byte
        i += 1
    return dest


@export("memmove")
def memmove(dest: Ptr[u8], src: Ptr[u8], n: u64) -> Ptr[u8]:
    if dest.addr <= src.addr or dest.addr >= src.addr + n:
        i = u64(0)
        while i < n:
            dest[i] = src[i]
            i += 1
    else:
        j = n
        while j > 0:
            j -= 1
            dest[j] = src[j]
    return dest


@export("memcmp")
def memcmp(a: Ptr[u8], b: Ptr[u8], n: u64) -> i32:
    for i in range(n):
        if a[i] != b[i]:
            return i32(a[i]) - i32(b[i])
    return i32(0)
