"""In-kernel tests of exceptions (issue 12) on the kernel heap.

The same compiled code that hosted programs use: an exception object is
made on the kernel heap, travels up three frames as a checked error
result (no unwinder, no tables: pythos/rt/obj/exc.py), runs the
`finally` blocks on its way and is caught; afterwards every object it
made, its traceback list included, is freed and the heap is back at its
baseline.  tests/programs/exc/ check the same against CPython on Linux.
"""

import kernel.mm.heap as heap
from pythos.rt.alloc import obj_stats, obj_trim


class DeviceError(Exception):
    def __init__(self, port: int, reason: str) -> None:
        super().__init__(f"port {port:#x}: {reason}")
        self.port = port


class Trail:
    def __init__(self) -> None:
        self.steps: list[str] = []


def probe(trail: Trail, port: int) -> int:
    try:
        if port >= 0x400:
            raise DeviceError(port, "no such port")
        return port * 2
    finally:
        trail.steps.append(f"probe {port:#x}")


def scan(trail: Trail, ports: list[int]) -> int:
    total = 0
    for p in ports:
        total += probe(trail, p)
    return total


def configure(trail: Trail, ports: list[int]) -> int:
    try:
        return scan(trail, ports)
    finally:
        trail.steps.append("configure done")


def caught_three_frames_down() -> str:
    trail = Trail()
    try:
        configure(trail, [0x60, 0x64, 0x3f8, 0x500, 0x70])
    except DeviceError as e:
        trail.steps.append(f"caught {e} (port {e.port:#x})")
    return "; ".join(trail.steps)


def lazy_errors_caught(values: list[int]) -> int:
    """Runtime errors (IndexError, KeyError, ZeroDivisionError) are caught
    without an exception object unless one is bound."""
    table = {"a": 1}
    caught = 0
    for i in range(len(values) + 2):
        try:
            caught += table["b" if i % 2 else "a"] + 100 // values[i]
        except (KeyError, ZeroDivisionError):
            caught += 1000
        except IndexError as e:
            caught += len(str(e))
    return caught


def test_an_exception_three_frames_down_is_caught_and_all_of_it_goes_back() -> None:
    obj_trim()
    live = obj_stats().live
    used = heap.stats().bytes_used
    report = caught_three_frames_down()
    assert report == ("probe 0x60; probe 0x64; probe 0x3f8; probe 0x500; configure done; "
                      "caught port 0x500: no such port (port 0x500)"), report
    assert lazy_errors_caught([5, 0, 20]) == 2050
    report = ""
    obj_trim()
    assert obj_stats().live == live, "every exception, traceback and str was freed"
    assert heap.stats().bytes_used == used, "the kernel heap is back at its baseline"
