"""f-strings as values: what the program writes, caught in a str.

The compiler formats an f-string that is a value (`s = f"{n:>4}|"`) with
exactly the code `print` uses (pythos/rt/core.py), so every format spec
behaves the same in both.  Only where the bytes go differs: between
`capture_begin` and `capture_end` the core's buffer is emptied into a
text builder instead of a file, and `capture_end` makes the str.  The
compiler computes every value of the f-string before `capture_begin`, so
captures never nest.

Most f-strings need none of that: every field is a str (an object's
text is made into one first) or a plain integer, without a format spec.
For those the compiler hands each piece to `fstring_piece` and asks
`fstring_join` for the result, which adds up the lengths and allocates
the str once, as CPython's BUILD_STRING does: one copy of each piece,
where the capture copied it into the core's output buffer, from there
into a growing builder, and from that into the str.  The same rule
holds: every value is computed before the first piece, so the pieces of
two f-strings never mix.
"""

from typing import Final

from pythos.lang import Array, Ptr, addr_of, func_addr, i32, u8, u64
from pythos.rt.core import capture_start, capture_stop
from pythos.rt.mem import copy_bytes
from pythos.rt.obj.object import (
    STR_DATA,
    StrBuilder,
    StrObject,
    obj_decref,
    obj_incref,
    sb_append,
    sb_finish,
    str_new,
    utf8_length,
)

text = StrBuilder()
previous_fd = i32(0)


def capture_sink(data: u64, nbytes: u64) -> u64:
    """The core's flush while capturing: keep the bytes (whole UTF-8, cut
    anywhere: the code points are counted by their lead bytes)."""
    sb_append(addr_of(text), data, nbytes, utf8_length(data, nbytes))
    return u64(0)


def capture_begin() -> None:
    global previous_fd
    previous_fd = capture_start(func_addr(capture_sink))


def capture_end() -> u64:
    """The text written since `capture_begin`, as a new str."""
    capture_stop(previous_fd)
    return sb_finish(addr_of(text))


# The pieces of the f-string being joined: references to str objects.  An
# f-string with more pieces than this joins the first ones early, into one.
MAX_PIECES: Final = u64(16)
pieces = Array[u64, 16]()
piece_count = u64(0)


def fstring_piece(s: u64) -> None:
    """Add the str `s` (borrowed: the f-string takes its own reference)
    as the next piece of the f-string being joined."""
    global piece_count
    if piece_count == MAX_PIECES:
        first = fstring_join()
        pieces[0] = first
        piece_count = u64(1)
    obj_incref(s)
    pieces[piece_count] = s
    piece_count += 1


def fstring_join() -> u64:
    """The pieces given since the last join, as one new str; the pieces'
    references are dropped."""
    global piece_count
    nbytes = u64(0)
    length = u64(0)
    for i in range(piece_count):
        so = Ptr[StrObject](pieces[i])
        nbytes += u64(so[0].nbytes)
        length += u64(so[0].length)
    obj = str_new(nbytes, length)
    dst = obj + STR_DATA
    for i in range(piece_count):
        piece = pieces[i]
        n = u64(Ptr[StrObject](piece)[0].nbytes)
        copy_bytes(Ptr[u8](dst), Ptr[u8](piece + STR_DATA), n)
        dst += n
        obj_decref(piece)
    piece_count = u64(0)
    return obj
