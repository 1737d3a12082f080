"""The run-time half of the arithmetic operators of instances.

The compiler builds the dispatch of `a + b` (pythos/ir/build/operators.py):
which method goes first, the fall back to the next when one returns
NotImplemented.  Two questions only the objects can answer come here:
whether a and b are of one class (CPython asks only the left operand
then), and, when no method takes the operands, CPython's TypeError,
which names their run-time classes:
`unsupported operand type(s) for +: 'Money' and 'Coin'`.
"""

from pythos.lang import Ptr, addr_of, u8, u64
from pythos.rt.obj.items import append_cstring, sb_append_ascii
from pythos.rt.obj.object import (
    ERR_TYPE,
    StrBuilder,
    obj_raise,
    sb_append_byte,
    sb_append_str,
    sb_finish,
    type_of,
)


def binop_same_class(a: u64, b: u64) -> bool:
    """Whether the instances a and b are of one class (`type(a) is type(b)`)."""
    return type_of(a).addr == type_of(b).addr


def append_operand(out: Ptr[StrBuilder], obj: u64, name: u64) -> None:
    """An operand's type name: the str `name` the compiler gives for one
    that is not an instance (`int`), else its class's."""
    if name != 0:
        sb_append_str(out, name)
    else:
        append_cstring(out, type_of(obj)[0].name)


def binop_unsupported(symbol: u64, left: u64, left_name: u64, right: u64,
                      right_name: u64) -> None:
    """Raise CPython's TypeError for `left symbol right`, none of whose
    methods took the operands."""
    sb = StrBuilder()
    out = addr_of(sb)
    sb_append_ascii(out, b"unsupported operand type(s) for ")
    sb_append_str(out, symbol)
    sb_append_ascii(out, b": '")
    append_operand(out, left, left_name)
    sb_append_ascii(out, b"' and '")
    append_operand(out, right, right_name)
    sb_append_byte(out, u8(39))
    obj_raise(ERR_TYPE, sb_finish(out))
