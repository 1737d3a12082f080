"""In-kernel tests of values that may be None, nested containers and the
special methods in a TypeInfo, on the kernel heap.

What the differential programs check on Linux, here with the kernel's own
allocator: boxed `int | None` values in fields and dicts, a dict of lists,
frozen dataclass keys hashed through their TypeInfo, and the text of a
list of dataclass instances.  Everything made is freed: the heap is back
at its baseline afterwards."""

from dataclasses import dataclass

import kernel.mm.heap as heap
from pythos.rt.alloc import obj_stats, obj_trim


@dataclass(frozen=True)
class Span:
    start: int
    size: int


@dataclass
class Device:
    name: str
    irq: int | None = None
    spans: list[Span] | None = None


def lookup(devices: dict[str, Device], name: str) -> int | None:
    d = devices.get(name)
    if d is None:
        return None
    return d.irq


def exercise() -> str:
    devices: dict[str, Device] = {}
    devices["kbd"] = Device("kbd", 1)
    devices["disk"] = Device("disk", None, [Span(0, 512), Span(4096, 512)])
    owners: dict[Span, str] = {Span(0, 512): "disk", Span(8192, 64): "timer"}
    by_irq: dict[str, list[int | None]] = {"kbd": [1], "disk": [None, 14]}
    by_irq["disk"].append(15)
    hits = 0
    for name in ["kbd", "disk", "net"]:
        irq = lookup(devices, name)
        if irq is not None and irq + 1 > 1:
            hits += 1
    disk = devices["disk"]
    assert disk.spans is not None
    assert owners.get(disk.spans[0]) == "disk", "a frozen dataclass key by its fields"
    assert hash(Span(1, 2)) == hash((1, 2)), "a dataclass hashes as its fields' tuple"
    assert hits == 1
    return f"{devices} {by_irq}"


def test_optionals_and_nested_containers_on_the_kernel_heap() -> None:
    obj_trim()
    live = obj_stats().live
    used = heap.stats().bytes_used
    text = exercise()
    assert text == ("{'kbd': Device(name='kbd', irq=1, spans=None), 'disk': "
                    "Device(name='disk', irq=None, spans=[Span(start=0, size=512), "
                    "Span(start=4096, size=512)])} {'kbd': [1], 'disk': [None, 14, 15]}"), text
    text = ""
    obj_trim()
    assert obj_stats().live == live, "every object was freed"
    assert heap.stats().bytes_used == used, "the kernel heap is back at its baseline"
