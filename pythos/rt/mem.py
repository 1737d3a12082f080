"""memcpy, memset, memmove and memcmp, which LLVM calls for large copies.

There is no libc under a Pythos program, so the runtime defines them.  The
compiler gives these four functions LLVM's "no-builtins" attribute, or
LLVM would recognise each loop as the very function it implements and
turn it into a call to itself.
"""

from pythos.lang import Ptr, export, i32, u8, u64


@export("memcpy")
def memcpy(dest: Ptr[u8], src: Ptr[u8], n: u64) -> Ptr[u8]:
    # A short copy (a word of text, most of the runtime's) byte by byte at
    # once: the general path's alignment test and the vector loop LLVM
    # makes of its tail cost more than the bytes themselves.
    if n < 16:
        for k in range(n):
            dest[k] = src[k]
        return dest
    # Eight bytes at a time while both are aligned, then the tail.
    i = u64(0)
    if (dest.addr | src.addr) & 7 == 0:
        d = Ptr[u64](dest.addr)
        s = Ptr[u64](src.addr)
        while i + 8 <= n:
            d[i >> 3] = s[i >> 3]
            i += 8
    while i < n:
        dest[i] = src[i]
        i += 1
    return dest


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
