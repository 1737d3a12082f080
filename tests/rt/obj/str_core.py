"""The str objects the core makes: from ASCII, from UTF-8, from a
builder; and an error recorded with its message.  Prints their text,
lengths, and the live-object count back at zero."""

from pythos.lang import Ptr, addr_of, i64, u8, u64
from pythos.rt.alloc import obj_stats
from pythos.rt.core import write_byte
from pythos.rt.obj.items import sb_append_i64
from pythos.rt.obj.object import (
    ERR_KEY,
    STR_DATA,
    StrBuilder,
    StrObject,
    error,
    init_object,
    obj_decref,
    obj_error_clear,
    obj_raise,
    sb_append_str,
    sb_finish,
    str_from_ascii,
    str_from_utf8,
)


def show(s: u64) -> None:
    so = Ptr[StrObject](s)
    data = Ptr[u8](s + STR_DATA)
    for i in range(so[0].nbytes):
        write_byte(data[i])
    print("", so[0].length, so[0].nbytes, data[so[0].nbytes])


def main() -> None:
    init_object()
    live = obj_stats().live
    a = str_from_ascii(b"list index out of range")
    show(a)
    raw = str_from_ascii(b"h\xc3\xa9llo \xe2\x82\xac")
    b = str_from_utf8(raw + STR_DATA, u64(Ptr[StrObject](raw)[0].nbytes))
    show(b)
    sb = StrBuilder()
    sb_append_str(addr_of(sb), b)
    sb_append_i64(addr_of(sb), i64(-42))
    c = sb_finish(addr_of(sb))
    show(c)
    obj_raise(ERR_KEY, a)
    obj_raise(ERR_KEY, str_from_ascii(b"second"))
    show(error.message)
    obj_error_clear()
    obj_decref(raw)
    obj_decref(b)
    obj_decref(c)
    print(obj_stats().live - live, error.kind)


if __name__ == "__main__":
    main()
