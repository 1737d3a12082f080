"""Structs: layout, construction, field conversion, aliasing and copying.

This file uses `from __future__ import annotations` on purpose, so every
field annotation reaches @struct as a string and must be resolved, including
names local to a test function and pointers to structs defined later.
"""

from __future__ import annotations

import ctypes
from typing import Final

import pytest

from pythos.lang import (
    Array,
    InterruptFrame,
    Ptr,
    addr_of,
    i8,
    i16,
    i32,
    i64,
    sizeof,
    struct,
    u8,
    u16,
    u32,
    u64,
)


@struct
class Point:
    x: u32
    y: u32

    def norm1(self) -> u32:
        return self.x + self.y


@struct(packed=True)
class DescriptorPointer:
    limit: u16
    base: u64


@struct
class Unpacked:
    limit: u16
    base: u64


@struct
class Node:
    value: i32
    next: Ptr[Node]
    peer: Ptr[Peer]


@struct
class Peer:
    node: Ptr[Node]
    flag: bool


@struct
class Shape:
    tag: u8
    origin: Point
    corners: Array[Point, 3]
    data: Array[u8, 5]
    wide: i64


def test_layout_packed_and_unpacked():
    assert sizeof(DescriptorPointer) == 10 and type(sizeof(DescriptorPointer)) is u64
    assert sizeof(Unpacked) == 16
    assert [offset for _, _, offset in DescriptorPointer.__pythos_fields__] == [0, 2]
    assert [offset for _, _, offset in Unpacked.__pythos_fields__] == [0, 8]
    assert DescriptorPointer.__pythos_packed__ and not Unpacked.__pythos_packed__
    assert DescriptorPointer.__pythos_struct__ is True


def test_layout_follows_c_alignment():
    @struct
    class Mixed:
        a: u8
        b: u32
        c: u8
        d: u16
        e: u64
        f: i8

    offsets = {name: offset for name, _, offset in Mixed.__pythos_fields__}
    assert offsets == {"a": 0, "b": 4, "c": 8, "d": 10, "e": 16, "f": 24}
    assert sizeof(Mixed) == 32
    assert [name for name, _, _ in Shape.__pythos_fields__] == [
        "tag", "origin", "corners", "data", "wide"]
    offsets = {name: offset for name, _, offset in Shape.__pythos_fields__}
    assert offsets == {"tag": 0, "origin": 4, "corners": 12, "data": 36, "wide": 48}
    assert sizeof(Shape) == 56
    assert sizeof(InterruptFrame) == 40
    assert sizeof(Node) == 24


def test_field_types_are_recorded():
    types = {name: kind for name, kind, _ in Shape.__pythos_fields__}
    assert types == {"tag": u8, "origin": Point, "corners": Array[Point, 3],
                     "data": Array[u8, 5], "wide": i64}


def test_construction():
    assert repr(Point()) == "Point(x=0, y=0)"
    assert repr(Point(1, 2)) == "Point(x=1, y=2)"
    assert repr(Point(y=2)) == "Point(x=0, y=2)"
    assert repr(Point(1, y=7)) == "Point(x=1, y=7)"
    with pytest.raises(TypeError):
        Point(1, 2, 3)
    with pytest.raises(TypeError):
        Point(z=1)
    with pytest.raises(TypeError):
        Point(1, x=2)
    assert Point(3, 4).norm1() == 7 and type(Point(3, 4).norm1()) is u32


def test_int_fields_convert_and_wrap():
    p = Point(2 ** 32 + 5, -1)
    assert p.x == 5 and p.y == 2 ** 32 - 1
    assert type(p.x) is u32
    p.x = u32(9)
    assert p.x == 9
    with pytest.raises(TypeError, match="mixed integer types u32 and u8"):
        p.x = u8(1)
    with pytest.raises(TypeError):
        p.x = True
    with pytest.raises(TypeError):
        p.x = "a"
    s = Shape(wide=-5)
    assert s.wide == -5 and type(s.wide) is i64


def test_bool_and_pointer_fields():
    peer = Peer()
    assert peer.flag is False
    peer.flag = True
    assert peer.flag is True
    with pytest.raises(TypeError):
        peer.flag = 1
    node = Node(7)
    peer.node = addr_of(node)
    assert type(peer.node) is Ptr[Node]
    assert peer.node.load().value == 7
    with pytest.raises(TypeError):
        peer.node = Ptr[u8](0)
    with pytest.raises(TypeError):
        peer.node = 0


def test_self_and_forward_pointers():
    a, b = Node(1), Node(2)
    a.next = addr_of(b)
    b.next = addr_of(a)
    assert a.next[0].value == 2 and a.next[0].next[0].value == 1
    a.next[0].value = 20
    assert b.value == 20
    peer = Peer(addr_of(a), True)
    a.peer = addr_of(peer)
    assert a.peer.load().flag is True
    assert repr(Node()) == "Node(value=0, next=Ptr[Node](0x0), peer=Ptr[Peer](0x0))"


def test_nested_struct_field_aliases():
    s = Shape()
    s.origin.x = 5
    assert s.origin.x == 5
    inner = s.origin
    inner.y = 6
    assert s.origin.y == 6
    s.corners[1].x = 11
    assert s.corners[1].x == 11
    s.data[4] = 300
    assert s.data[4] == 44 and type(s.data[4]) is u8


def test_struct_field_assignment_copies():
    s = Shape()
    p = Point(1, 2)
    s.origin = p
    p.x = 100
    assert s.origin.x == 1
    s.origin.y = 50
    assert p.y == 2
    with pytest.raises(TypeError):
        s.origin = Unpacked()


def test_array_field_assignment_copies():
    s = Shape()
    values = Array[u8, 5]([1, 2, 3, 4, 5])
    s.data = values
    values[0] = 9
    assert list(s.data) == [1, 2, 3, 4, 5]
    other = Shape()
    other.corners = s.corners
    s.corners[0].x = 3
    assert other.corners[0].x == 0
    with pytest.raises(TypeError):
        s.data = Array[u8, 4]()


def test_self_assignment_of_a_view_is_harmless():
    s = Shape(origin=Point(1, 2))
    s.origin = s.origin
    s.corners[0] = s.origin
    assert repr(s.corners[0]) == "Point(x=1, y=2)"


def test_constructor_copies_struct_arguments():
    p = Point(1, 2)
    s = Shape(origin=p)
    p.x = 9
    assert s.origin.x == 1


def test_unknown_attributes_are_rejected():
    p = Point()
    with pytest.raises(AttributeError):
        p.z = 1


def test_views_keep_storage_alive():
    view = Shape(origin=Point(4, 5)).origin
    import gc

    gc.collect()
    assert view.x == 4 and view.y == 5
    view.x = 6
    assert view.x == 6


def test_local_structs_resolve_string_annotations():
    @struct
    class Inner:
        a: i16

    @struct
    class Outer:
        inner: Inner
        cells: Array[Inner, 2]
        up: Ptr[Outer]

    o = Outer()
    o.cells[1].a = -2
    o.up = addr_of(o)
    assert o.up[0].cells[1].a == -2
    assert sizeof(Outer) == 16


def test_class_constants_are_not_fields():
    @struct
    class WithConstant:
        LIMIT: Final = 4
        x: u8

    assert [name for name, _, _ in WithConstant.__pythos_fields__] == ["x"]
    assert WithConstant.LIMIT == 4


def test_invalid_structs():
    with pytest.raises(TypeError):
        @struct
        class Bad:
            x: float

    with pytest.raises(TypeError):
        @struct
        class WithDefault:
            x: u8 = 3

    with pytest.raises(TypeError):
        @struct
        class WithInit:
            x: u8

            def __init__(self) -> None:
                pass


def test_int_annotation_means_i64():
    @struct
    class Counter:
        n: int

    c = Counter(-1)
    assert type(c.n) is i64 and c.n == -1
    assert sizeof(Counter) == 8


def test_backing_storage_is_ctypes():
    p = Point(1, 2)
    assert isinstance(p._c, ctypes.Structure)
    assert ctypes.sizeof(p._c) == 8
    assert bytes(p._c) == (1).to_bytes(4, "little") + (2).to_bytes(4, "little")
    assert sizeof(u8) == 1 and sizeof(i32) == 4 and sizeof(bool) == 1
    assert sizeof(Ptr[Point]) == 8 and sizeof(Array[Point, 3]) == 24
