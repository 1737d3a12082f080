"""Pointers over owned storage, memory checks, struct views and atomics."""

import gc

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pythos.lang import (
    Array,
    Ptr,
    addr_of,
    atomic_add,
    atomic_cas,
    atomic_load,
    atomic_store,
    atomic_xchg,
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
class Header:
    size: u32
    used: bool
    next: Ptr[u8]


def base_of(array):
    return addr_of(array).addr


def test_pointer_basics():
    p = Ptr[u32](0x1000)
    assert p.addr == 0x1000 and type(p.addr) is u64
    assert (p + 2).addr == 0x1008 and (p - 1).addr == 0xFFC
    assert type(p + 1) is Ptr[u32]
    assert (p + u8(1)).addr == 0x1004
    assert p == Ptr[u32](0x1000) and p != Ptr[u32](0x1004)
    assert bool(p) and not Ptr[u32](0)
    assert repr(p) == "Ptr[u32](0x1000)"
    assert Ptr[u32] is Ptr[u32] and Ptr[int] is Ptr[i64]
    assert Ptr[u8](-1).addr == 2 ** 64 - 1
    assert hash(p) == hash(Ptr[u32](0x1000))
    with pytest.raises(TypeError):
        _ = p == Ptr[u8](0x1000)
    with pytest.raises(TypeError):
        _ = p == 0x1000
    with pytest.raises(TypeError):
        p - p
    with pytest.raises(TypeError):
        p + True
    with pytest.raises(TypeError):
        Ptr[u8](p)
    with pytest.raises(TypeError):
        Ptr[u8](1.0)
    with pytest.raises(TypeError):
        Ptr(0)
    with pytest.raises(TypeError):
        Ptr[5]


def test_loads_and_stores_over_an_array():
    memory = Array[u8, 64]()
    base = base_of(memory)
    words = Ptr[u32](base)
    words[1] = 0x11223344
    assert list(memory)[4:8] == [0x44, 0x33, 0x22, 0x11]
    assert words[1] == 0x11223344 and type(words[1]) is u32
    Ptr[u64](base + 8).store(2 ** 64 - 1)
    assert Ptr[i64](base + 8).load() == -1
    assert Ptr[i8](base + 8).volatile_load() == -1
    Ptr[u16](base + 3).volatile_store(0xBEEF)
    assert memory[3] == 0xEF and memory[4] == 0xBE
    Ptr[bool](base + 20).store(True)
    assert memory[20] == 1 and Ptr[bool](base + 20).load() is True
    with pytest.raises(TypeError, match="mixed integer types u32 and u8"):
        words[0] = u8(1)
    words[0] = -1
    assert words[0] == 2 ** 32 - 1


def test_accesses_outside_owned_memory_raise():
    memory = Array[u8, 32]()
    base = base_of(memory)
    assert Ptr[u64](base + 24).load() == 0
    assert Ptr[Header](base + 16).load().size == 0
    with pytest.raises(MemoryError, match=f"access to address {base + 25:#x} outside memory "
                                          "the program owns"):
        Ptr[u64](base + 25).load()
    with pytest.raises(MemoryError):
        Ptr[u8](base + 32).store(1)
    with pytest.raises(MemoryError):
        Ptr[u8](base - 1).load()
    with pytest.raises(MemoryError, match="0x0 outside"):
        Ptr[u8](0).load()
    with pytest.raises(MemoryError):
        Ptr[u64](2 ** 64 - 8).load()
    with pytest.raises(MemoryError):
        Ptr[Header](base + 17).load()


def test_freed_storage_is_no_longer_accessible():
    memory = Array[u8, 4096]()
    p = Ptr[u8](base_of(memory))
    p.store(1)
    del memory
    gc.collect()
    with pytest.raises(MemoryError):
        p.load()


def test_struct_views_through_pointers():
    memory = Array[u8, 256]()
    base = base_of(memory)
    headers = Ptr[Header](base + 16)
    headers[1].size = 0x01020304
    assert memory[16 + 16] == 4
    view = headers[1]
    view.used = True
    assert Ptr[Header](base + 32).load().used is True
    headers.store(Header(7, True, Ptr[u8](base)))
    assert headers[0].size == 7 and headers[0].next.addr == base
    assert addr_of(headers[1]).addr == base + 32


def test_struct_view_keeps_memory_alive():
    memory = Array[u8, 64]()
    view = Ptr[Header](base_of(memory) + 8)[0]
    # The array's only name is gone, but the view holds its storage, so the
    # memory stays registered and accessible through pointers too.
    del memory
    gc.collect()
    view.size = 123
    assert view.size == 123
    assert Ptr[u32](addr_of(view).addr).load() == 123


def test_pointer_to_pointer_and_array_targets():
    memory = Array[u8, 64]()
    base = base_of(memory)
    slot = Ptr[Ptr[u16]](base)
    slot.store(Ptr[u16](base + 32))
    slot.load().store(0xABCD)
    assert Ptr[u16](base + 32).load() == 0xABCD
    with pytest.raises(TypeError):
        slot.store(Ptr[u8](0))
    rows = Ptr[Array[u8, 4]](base + 40)
    rows[1][2] = 9
    assert memory[46] == 9
    rows[0] = Array[u8, 4]([1, 2, 3, 4])
    assert list(memory)[40:44] == [1, 2, 3, 4]


def test_pointer_over_a_struct_and_its_fields():
    header = Header(5)
    p = addr_of(header)
    assert type(p) is Ptr[Header]
    assert Ptr[u32](p.addr).load() == 5
    Ptr[u32](p.addr).store(6)
    assert header.size == 6
    with pytest.raises(MemoryError):
        Ptr[u8](p.addr + sizeof(Header)).load()


def test_addr_of_rejects_scalars():
    header = Header()
    for value in (u8(1), 5, header.size, True, "s"):
        with pytest.raises(TypeError, match="under CPython addr_of needs an array or a struct"):
            addr_of(value)


OFFSET_TYPES = [u8, u16, u32, u64, i8, i16, i32, i64]


@given(st.lists(st.tuples(st.sampled_from(OFFSET_TYPES), st.integers(0, 120),
                          st.integers(-(2 ** 64), 2 ** 64)), max_size=30))
@settings(max_examples=60, deadline=None)
def test_random_stores_match_a_byte_model(operations):
    memory = Array[u8, 128]()
    base = base_of(memory)
    model = bytearray(128)
    for kind, offset, value in operations:
        size = kind.BITS // 8
        pointer = Ptr[kind](base + offset)
        if offset + size > 128:
            with pytest.raises(MemoryError):
                pointer.store(value)
            continue
        pointer.store(value)
        model[offset:offset + size] = (value % 2 ** kind.BITS).to_bytes(size, "little")
        expected = int.from_bytes(model[offset:offset + size], "little", signed=kind.SIGNED)
        assert pointer.load() == expected and type(pointer.load()) is kind
    assert list(memory) == list(model)


def test_atomics():
    cells = Array[u32, 4]()
    p = addr_of(cells) + 1
    atomic_store(p, 10)
    assert atomic_load(p) == 10 and type(atomic_load(p)) is u32
    assert atomic_add(p, 5) == 10 and cells[1] == 15
    assert atomic_add(p, -16) == 15 and cells[1] == 2 ** 32 - 1
    assert atomic_xchg(p, 3) == 2 ** 32 - 1 and cells[1] == 3
    assert atomic_cas(p, 4, 9) == 3 and cells[1] == 3
    assert atomic_cas(p, 3, 9) == 3 and cells[1] == 9
    assert type(atomic_cas(p, 9, 1)) is u32
    with pytest.raises(TypeError, match="mixed integer types"):
        atomic_add(p, u8(1))
    with pytest.raises(MemoryError):
        atomic_load(Ptr[u32](8))
    with pytest.raises(TypeError):
        atomic_load(Ptr[Header](addr_of(Header()).addr))
    with pytest.raises(TypeError):
        atomic_load(cells)
