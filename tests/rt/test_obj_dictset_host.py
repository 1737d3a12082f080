"""dict.py and set.py under CPython, on the simulated platform.

The runtime is Pythos, so it is also plain Python: these tests run it on
the host (memory from tests/rt/simplatform.py) and compare it with
CPython's own dict and set, which catches a logic slip without a
compiler in the loop.  The compiled tests (test_obj_dict.py,
test_obj_set.py) are the thorough ones."""

from __future__ import annotations

import importlib
import random
import sys
from collections.abc import Callable, Iterator
from types import ModuleType

import pytest

from pythos.lang import Ptr, addr_of, call_addr, func_addr, i64, u8, u64
from tests.rt import simplatform

MODULES = ["pythos.rt.alloc", "pythos.rt.obj.object", "pythos.rt.obj.items",
           "pythos.rt.obj.box", "pythos.rt.obj.dict", "pythos.rt.obj.set"]


@pytest.fixture
def rt() -> Iterator[dict[str, ModuleType]]:
    """Fresh runtime modules on a fresh simulated platform."""
    simplatform.reset()
    real = sys.modules.get("pythos.rt.platform")
    sys.modules["pythos.rt.platform"] = simplatform
    loaded: dict[str, ModuleType] = {}
    for name in MODULES:
        module = sys.modules.get(name)
        loaded[name.rsplit(".", 1)[1]] = (importlib.import_module(name) if module is None
                                          else importlib.reload(module))
    loaded["object"].init_object()
    loaded["box"].init()  # a KeyError of an integer key boxes the key
    loaded["dict"].init()
    loaded["set"].init()
    yield loaded
    for name in MODULES + ["pythos.rt.platform"]:
        sys.modules.pop(name, None)
    if real is not None:  # the platform a test outside tests/rt imported
        sys.modules["pythos.rt.platform"] = real


def str_text(rt: dict[str, ModuleType], s: u64) -> str:
    """The text of the str object `s` (its bytes run to a NUL)."""
    data = Ptr[u8](s + rt["object"].STR_DATA)
    out = bytearray()
    while int(data[len(out)]) != 0:
        out.append(int(data[len(out)]))
    return out.decode()


def text(rt: dict[str, ModuleType], repr_fn: Callable[[u64, u64], u64], obj: u64) -> str:
    """What `repr_fn` (dict_repr, set_repr) appends for `obj`."""
    o = rt["object"]
    sb = o.StrBuilder()
    repr_fn(obj, addr_of(sb).addr)
    s = o.sb_finish(addr_of(sb))
    data = str_text(rt, s)
    o.obj_decref(s)
    return data


def new_type(rt: dict[str, ModuleType], kind: u64, size: u64) -> object:
    o = rt["object"]
    ti = o.TypeInfo()
    ti.kind = kind
    ti.size = size
    ti.item = o.ITEM_I64
    ti.item2 = o.ITEM_I64
    return ti


def test_dict_of_ints_matches_cpython_under_cpython(rt: dict[str, ModuleType]) -> None:
    o, rd = rt["object"], rt["dict"]
    live = rt["alloc"].obj_stats().live
    ti = new_type(rt, o.KIND_DICT, rd.DICT_SIZE)
    d = rd.dict_new(addr_of(ti).addr, i64(0))
    model: dict[int, int] = {}
    rng = random.Random(11)
    for step in range(600):
        key = rng.randrange(-30, 60)
        if rng.random() < 0.4:
            rd.dict_delitem(d, u64(key % 2**64))
            if key in model:
                del model[key]
            else:
                # The message is the key itself, boxed (`e.args == (key,)`).
                assert int(o.error.kind) == int(o.ERR_KEY)
                assert int(i64(rt["box"].box_value(o.error.message))) == key
                o.obj_error_clear()
        else:
            rd.dict_setitem(d, u64(key % 2**64), u64(step))
            model[key] = step
        if step % 50 == 0:
            assert text(rt, rd.dict_repr, d) == repr(model)
    assert text(rt, rd.dict_repr, d) == repr(model)
    o.obj_decref(d)
    assert rt["alloc"].obj_stats().live == live


def test_set_of_ints_iterates_as_cpython_under_cpython(rt: dict[str, ModuleType]) -> None:
    o, rs = rt["object"], rt["set"]
    live = rt["alloc"].obj_stats().live
    ti = new_type(rt, o.KIND_SET, rs.SET_SIZE)
    s = rs.set_new(addr_of(ti).addr)
    model: set[int] = set()
    rng = random.Random(5)
    for step in range(600):
        key = rng.choice([rng.randrange(-40, 80), rng.randrange(-2**63, 2**63)])
        if rng.random() < 0.3:
            rs.set_discard(s, u64(key % 2**64))
            model.discard(key)
        else:
            rs.set_add(s, u64(key % 2**64))
            model.add(key)
        if step % 50 == 0:
            assert text(rt, rs.set_repr, s) == repr(model)
    assert text(rt, rs.set_repr, s) == repr(model)
    o.obj_decref(s)
    assert rt["alloc"].obj_stats().live == live


def test_a_collection_inside_obj_new_can_traverse_new_dicts_and_sets(
        rt: dict[str, ModuleType]) -> None:
    """The cycle collector may run inside `obj_new` (from its track hook,
    before the new object's header is written) and traverse every object
    made before, whether or not its constructor has filled it in yet: a
    dict or set as `obj_new` leaves it (all zero) must traverse as empty.
    Here the hook traverses each tracked object made so far, as such a
    collection would."""
    o, rd, rs = rt["object"], rt["dict"], rt["set"]
    visited: list[int] = []
    made: list[int] = []

    def visit(child: u64, arg: u64) -> u64:
        visited.append(int(child))
        return u64(0)

    def traverse_made() -> None:
        for obj in made:
            fn = o.kind_ops[o.type_of(u64(obj))[0].kind].traverse
            call_addr(fn, u64(obj), func_addr(visit), u64(0))

    def track(obj: u64) -> u64:
        traverse_made()
        made.append(int(obj))
        return u64(0)

    live = rt["alloc"].obj_stats().live
    dict_type = new_type(rt, o.KIND_DICT, rd.DICT_SIZE)
    set_type = new_type(rt, o.KIND_SET, rs.SET_SIZE)
    for ti in (dict_type, set_type):
        ti.flags = o.TRACKED  # type: ignore[attr-defined]
        ti.item = o.ITEM_OBJ  # type: ignore[attr-defined]
    o.gc_track_hook = func_addr(track)  # type: ignore[attr-defined]
    try:
        # As obj_new leaves them, before a constructor fills them in.
        bare = [o.obj_new(addr_of(ti).addr, u64(size))
                for ti, size in ((dict_type, rd.DICT_SIZE), (set_type, rs.SET_SIZE))]
        d = rd.dict_new(addr_of(dict_type).addr, i64(0))
        s = rs.set_new(addr_of(set_type).addr)
    finally:
        o.gc_track_hook = u64(0)  # type: ignore[attr-defined]
    traverse_made()
    assert len(made) == 4 and visited == []
    for obj, size in zip(bare, (rd.DICT_SIZE, rs.SET_SIZE)):
        rt["alloc"].obj_free(obj - o.GC_HEAD, u64(size) + o.GC_HEAD)
    o.obj_decref(d)
    o.obj_decref(s)
    assert rt["alloc"].obj_stats().live == live
