"""UTF-8 and byte strings: what str and bytes share below the level of
characters.

The str runtime keeps text as UTF-8 (docs/objects.md, "Strings") and does
most of its work on the bytes: comparing, hashing and searching need no
decoding, because UTF-8 is self-synchronising (a continuation byte,
10xxxxxx, never starts a character, so no character's encoding occurs
inside another's) and because its byte order is code point order.  This
module has those byte-level pieces, and the few that step between bytes
and code points.
"""

from typing import Final

from pythos.lang import Ptr, i64, u8, u16, u32, u64

# What the searches return when there is no match.
NO_MATCH: Final = u64(0xFFFFFFFFFFFFFFFF)


def utf8_width(lead: u8) -> u64:
    """Bytes in the encoding that starts with `lead` (valid UTF-8)."""
    if lead < 0x80:
        return u64(1)
    if lead < 0xE0:
        return u64(2)
    if lead < 0xF0:
        return u64(3)
    return u64(4)


def utf8_decode(p: Ptr[u8], offset: u64) -> u32:
    """The code point whose (valid) encoding starts at `p[offset]`."""
    lead = u32(p[offset])
    if lead < 0x80:
        return lead
    if lead < 0xE0:
        return ((lead & 0x1F) << 6) | (u32(p[offset + 1]) & 0x3F)
    if lead < 0xF0:
        return (((lead & 0x0F) << 12) | ((u32(p[offset + 1]) & 0x3F) << 6)
                | (u32(p[offset + 2]) & 0x3F))
    return (((lead & 0x07) << 18) | ((u32(p[offset + 1]) & 0x3F) << 12)
            | ((u32(p[offset + 2]) & 0x3F) << 6) | (u32(p[offset + 3]) & 0x3F))


def utf8_encode(p: Ptr[u8], cp: u32) -> u64:
    """Write the encoding of `cp` at `p`; its width in bytes.  A surrogate
    (U+D800..U+DFFF, which `chr` can make) is encoded like any other
    three-byte code point, as CPython's internal form keeps it."""
    if cp < 0x80:
        p[0] = u8(cp)
        return u64(1)
    if cp < 0x800:
        p[0] = u8(0xC0 | (cp >> 6))
        p[1] = u8(0x80 | (cp & 0x3F))
        return u64(2)
    if cp < 0x10000:
        p[0] = u8(0xE0 | (cp >> 12))
        p[1] = u8(0x80 | ((cp >> 6) & 0x3F))
        p[2] = u8(0x80 | (cp & 0x3F))
        return u64(3)
    p[0] = u8(0xF0 | (cp >> 18))
    p[1] = u8(0x80 | ((cp >> 12) & 0x3F))
    p[2] = u8(0x80 | ((cp >> 6) & 0x3F))
    p[3] = u8(0x80 | (cp & 0x3F))
    return u64(4)


def utf8_size(cp: u32) -> u64:
    """Bytes in the encoding of `cp`."""
    if cp < 0x80:
        return u64(1)
    if cp < 0x800:
        return u64(2)
    if cp < 0x10000:
        return u64(3)
    return u64(4)


def count_code_points(p: Ptr[u8], start: u64, end: u64) -> u64:
    """Code points in bytes `start..end` of valid UTF-8: every byte but a
    continuation byte (10xxxxxx) starts one."""
    n = u64(0)
    for i in range(start, end):
        if (p[i] & 0xC0) != 0x80:
            n += 1
    return n


def bytes_compare(a: Ptr[u8], na: u64, b: Ptr[u8], nb: u64) -> i64:
    """<0, 0 or >0 as the byte string a is below, equal to or above b."""
    n = na if na < nb else nb
    for i in range(n):
        if a[i] != b[i]:
            return i64(a[i]) - i64(b[i])
    if na == nb:
        return i64(0)
    return i64(-1) if na < nb else i64(1)


def hash_bytes(p: Ptr[u8], n: u64) -> u64:
    """The bytes taken eight at a time as little-endian words, each mixed
    in with a multiply and a shift, the length mixed in first; then the
    64-bit finaliser of MurmurHash3 to spread the multiplies' high bits
    down into the low ones (a dict uses the low bits first).  A last part
    of 1-7 bytes is one more word: after a full word, the last eight
    bytes (overlapping the word before); in a shorter text, its first and
    last four (or two) bytes side by side, which between them hold every
    byte.  So no byte is read outside `p[0:n]`, and equal bytes give
    equal words.  Never 0 (the "not computed" mark) or -1 (CPython's
    error value).  pythos/lower/instructions.py computes the same for a
    literal (`str_hash`), and tests/rt/strops.py (`hash_model`)."""
    h = u64(0xCBF29CE484222325) ^ n
    i = u64(0)
    while i + 8 <= n:
        h = hash_word(h, Ptr[u64](p.addr + i)[0])
        i += 8
    if i < n:
        if n >= 8:
            h = hash_word(h, Ptr[u64](p.addr + n - 8)[0])
        elif n >= 4:
            h = hash_word(h, u64(Ptr[u32](p.addr)[0]) | (u64(Ptr[u32](p.addr + n - 4)[0]) << 32))
        elif n >= 2:
            h = hash_word(h, u64(Ptr[u16](p.addr)[0]) | (u64(Ptr[u16](p.addr + n - 2)[0]) << 16))
        else:
            h = hash_word(h, u64(p[0]))
    h ^= h >> 33
    h *= u64(0xFF51AFD7ED558CCD)
    h ^= h >> 33
    h *= u64(0xC4CEB9FE1A85EC53)
    h ^= h >> 33
    if h == 0:
        return u64(1)
    if h == u64(0xFFFFFFFFFFFFFFFF):
        return u64(0xFFFFFFFFFFFFFFFE)
    return h


def hash_word(h: u64, word: u64) -> u64:
    """One step of `hash_bytes`: the word in, a multiply by an odd
    constant (spreads each bit upwards) and a shift (brings the high bits
    down), each step undoable, so two words that differ leave two
    different states."""
    h = (h ^ word) * u64(0x9E3779B97F4A7C15)
    return h ^ (h >> 29)


def find_bytes(hay: Ptr[u8], start: u64, end: u64, needle: Ptr[u8], n: u64) -> u64:
    """The first offset in `start..end - n` where the `n` bytes of `needle`
    occur in `hay`, or 2**64 - 1."""
    if n == 0:
        return start if start <= end else NO_MATCH
    if end < start + n:
        return NO_MATCH
    first = needle[0]
    for i in range(start, end - n + 1):
        if hay[i] == first:
            j = u64(1)
            while j < n and hay[i + j] == needle[j]:
                j += 1
            if j == n:
                return i
    return NO_MATCH


def rfind_bytes(hay: Ptr[u8], start: u64, end: u64, needle: Ptr[u8], n: u64) -> u64:
    """The last offset in `start..end - n` where `needle` occurs, or
    2**64 - 1."""
    if end < start + n:
        return NO_MATCH
    i = end - n
    while True:
        j = u64(0)
        while j < n and hay[i + j] == needle[j]:
            j += 1
        if j == n:
            return i
        if i == start:
            return NO_MATCH
        i -= 1


def prev_offset(p: Ptr[u8], offset: u64) -> u64:
    """The start of the code point that ends at byte `offset` (> 0)."""
    i = offset - 1
    while (p[i] & 0xC0) == 0x80:
        i -= 1
    return i
