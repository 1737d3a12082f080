"""Arrays: caching, indexing, bounds, element conversion, aliasing, copies."""

import gc

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pythos.lang import Array, Ptr, addr_of, i8, i64, sizeof, struct, u8, u16, u32, u64


@struct
class Pair:
    a: u16
    b: u16


def test_array_classes_are_cached_and_named():
    assert Array[u8, 16] is Array[u8, 16]
    assert Array[u8, 16] is not Array[u8, 17]
    assert Array[u8, 16].__name__ == "Array[u8, 16]"
    assert Array[Array[Pair, 2], 3].__name__ == "Array[Array[Pair, 2], 3]"
    assert Array[int, 2] is Array[i64, 2]
    with pytest.raises(TypeError):
        Array[u8, 0]
    with pytest.raises(TypeError):
        Array[u8]
    with pytest.raises(TypeError):
        Array[float, 3]
    with pytest.raises(TypeError):
        Array()


def test_zeroed_and_initialised():
    a = Array[u8, 4]()
    assert list(a) == [0, 0, 0, 0] and len(a) == 4
    b = Array[u8, 3]([1, 2, 300])
    assert list(b) == [1, 2, 44]
    assert all(type(x) is u8 for x in b)
    c = Array[i8, 3]([-1])
    assert list(c) == [-1, 0, 0]
    with pytest.raises(TypeError):
        Array[u8, 2]([1, 2, 3])
    assert repr(b) == "Array[u8, 3]([1, 2, 44])"


def test_indexing_rules():
    a = Array[u32, 16]()
    a[0] = 1
    a[-1] = 2
    assert a[15] == 2 and a[-16] == 1
    assert type(a[0]) is u32
    with pytest.raises(IndexError, match=r"index 16 out of range for Array\[u32, 16\]"):
        a[16]
    with pytest.raises(IndexError, match=r"index -17 out of range"):
        a[-17] = 0
    a[u8(3)] = 7
    assert a[i64(3)] == 7
    with pytest.raises(TypeError):
        a["x"]
    with pytest.raises(TypeError):
        a[1:2]
    with pytest.raises(TypeError, match="mixed integer types u32 and u8"):
        a[0] = u8(1)


@given(st.lists(st.integers(-(2 ** 70), 2 ** 70), min_size=1, max_size=20))
@settings(max_examples=50, deadline=None)
def test_elements_wrap_like_conversions(values):
    for kind in (u8, i8, u64):
        array = Array[kind, len(values)](values)
        assert list(array) == [kind(v) for v in values]


def test_bool_and_pointer_elements():
    flags = Array[bool, 3]()
    flags[1] = True
    assert list(flags) == [False, True, False]
    with pytest.raises(TypeError):
        flags[0] = 1
    pointers = Array[Ptr[u8], 2]()
    pointers[0] = Ptr[u8](0x1000)
    assert pointers[0] == Ptr[u8](0x1000) and not pointers[1]
    assert sizeof(Array[Ptr[u8], 2]) == 16


def test_struct_elements_alias():
    pairs = Array[Pair, 4]()
    pairs[2].a = 5
    assert pairs[2].a == 5
    element = pairs[3]
    element.b = 9
    assert pairs[3].b == 9
    for pair in pairs:
        pair.a = 1
    assert [pair.a for pair in pairs] == [1, 1, 1, 1]


def test_struct_element_assignment_copies():
    pairs = Array[Pair, 2]()
    value = Pair(1, 2)
    pairs[0] = value
    value.a = 50
    assert pairs[0].a == 1
    pairs[1] = pairs[0]
    pairs[0].b = 7
    assert pairs[1].b == 2
    with pytest.raises(TypeError):
        pairs[0] = Array[u16, 2]()


def test_nested_arrays():
    grid = Array[Array[u8, 3], 2]()
    grid[1][2] = 9
    row = grid[1]
    row[0] = 4
    assert list(grid[1]) == [4, 0, 9]
    grid[0] = grid[1]
    grid[1][0] = 0
    assert list(grid[0]) == [4, 0, 9]
    assert sizeof(Array[Array[u8, 3], 2]) == 6


def test_arrays_are_references():
    a = Array[u8, 2]()
    b = a
    b[0] = 3
    assert a[0] == 3


def test_large_memory_array():
    memory = Array[u8, 1 << 20]()
    assert len(memory) == 1 << 20
    memory[(1 << 20) - 1] = 0xAB
    assert memory[-1] == 0xAB
    assert "..." in repr(memory)
    del memory
    gc.collect()


def test_element_view_outlives_array_name():
    view = Array[Pair, 2]()[1]
    gc.collect()
    view.a = 3
    assert view.a == 3
    assert addr_of(view).load().a == 3


def test_addr_of_array_and_elements():
    words = Array[u32, 4]([10, 20, 30, 40])
    first = addr_of(words)
    assert type(first) is Ptr[u32]
    assert first[2] == 30
    pairs = Array[Pair, 3]()
    third = addr_of(pairs[2])
    assert type(third) is Ptr[Pair]
    assert third.addr - addr_of(pairs).addr == 8
