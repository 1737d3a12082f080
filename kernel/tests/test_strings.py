"""In-kernel tests of str and bytes objects (pythos/rt/obj/str.py and its
neighbours) on the kernel heap: the runtime's text functions, compiled for
the kernel, parse a command line and round-trip UTF-8, and every object
goes back to the heap afterwards.  (The host tests, tests/rt/
test_obj_str.py, compare every function with CPython; these check that the
same code works where the kernel's text lives.)"""

import kernel.mm.heap as heap
from pythos.lang import Ptr, i64, u64
from pythos.rt.alloc import obj_free, obj_stats, obj_trim
from pythos.rt.obj.bytes import bytes_decode, bytes_encode, bytes_len
from pythos.rt.obj.object import (
    STR_DATA,
    ListObject,
    error,
    obj_decref,
    obj_error_clear,
    str_from_ascii,
    str_from_utf8,
)
from pythos.rt.obj.runtime import init_all
from pythos.rt.obj.str import str_eq, str_getitem, str_len, str_repr
from pythos.rt.obj.strcase import str_upper
from pythos.rt.obj.strconv import str_to_int
from pythos.rt.obj.strmethods import str_find, str_strip
from pythos.rt.obj.strsplit import str_split


def same(s: u64, text: bytes) -> bool:
    """Whether the str `s` holds `text` (ASCII); drops `s`."""
    expected = str_from_ascii(text)
    result = str_eq(s, expected)
    obj_decref(expected)
    obj_decref(s)
    return result


def drop_list(lst: u64) -> None:
    """Release a list[str] without list.py's clear (this test does not
    depend on it): its items, its buffer, then the list itself, empty."""
    lo = Ptr[ListObject](lst)
    items = Ptr[u64](lo[0].items)
    for i in range(lo[0].length):
        obj_decref(items[i])
    if lo[0].items != 0:
        obj_free(lo[0].items, u64(lo[0].capacity) * 8)
    lo[0].items = u64(0)
    lo[0].length = i64(0)
    lo[0].capacity = i64(0)
    obj_decref(lst)


def test_text_on_the_kernel_heap_and_all_of_it_goes_back() -> None:
    init_all()
    obj_trim()
    live = obj_stats().live
    heap_used = heap.stats().bytes_used
    line = str_from_ascii(b"  root=/dev/hda mem=512 console=ttyS0  quiet ")
    words = str_split(line, u64(0), i64(-1))
    lo = Ptr[ListObject](words)
    assert lo[0].length == 4, "split() found the wrong number of words"
    items = Ptr[u64](lo[0].items)
    equals = str_from_ascii(b"=")
    assert str_find(items[1], equals, i64(0), i64(0), False, False) == 3, "find() in a piece"
    number = str_from_ascii(b" 512 ")
    assert str_to_int(number, i64(10)) == 512
    assert same(str_upper(items[3]), b"QUIET")
    assert same(str_strip(line, u64(0)), b"root=/dev/hda mem=512 console=ttyS0  quiet")
    assert same(str_getitem(line, i64(-2)), b"t")
    drop_list(words)
    # UTF-8 through bytes and back: "h\u00e9llo \u20ac" is 7 code points, 10 bytes.
    raw = str_from_ascii(b"h\xc3\xa9llo \xe2\x82\xac")  # the bytes, counted as 10 characters
    text = str_from_utf8(raw + STR_DATA, u64(10))
    encoded = bytes_encode(text)
    assert bytes_len(encoded) == 10
    decoded = bytes_decode(encoded)
    assert str_len(decoded) == 7 and str_eq(decoded, text)
    quoted = str_from_ascii(b"it's\n")
    assert same(str_repr(quoted), b"\"it's\\n\"")
    # A failed conversion records its error; nothing is left behind.
    bad = str_from_ascii(b"12x")
    str_to_int(bad, i64(10))
    assert error.kind != 0, "int('12x') did not fail"
    obj_error_clear()
    obj_decref(raw)
    obj_decref(line)
    obj_decref(equals)
    obj_decref(number)
    obj_decref(quoted)
    obj_decref(bad)
    obj_decref(text)
    obj_decref(encoded)
    obj_decref(decoded)
    assert obj_stats().live == live, "str or bytes objects leaked"
    obj_trim()
    assert heap.stats().bytes_used == heap_used, "the kernel heap is not back to its baseline"
