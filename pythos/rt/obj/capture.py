"""f-strings as values: what the program writes, caught in a str.

The compiler formats an f-string that is a value (`s = f"{n:>4}|"`) with
exactly the code `print` uses (pythos/rt/core.py), so every format spec
behaves the same in both.  Only where the bytes go differs: between
`capture_begin` and `capture_end` the core's buffer is emptied into a
text builder instead of a file, and `capture_end` makes the str.  The
compiler computes every value of the f-string before `capture_begin`, so
captures never nest.
"""

from pythos.lang import addr_of, func_addr, i32, u64
from pythos.rt.core import capture_start, capture_stop
from pythos.rt.obj.object import StrBuilder, sb_append, sb_finish, utf8_length

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
