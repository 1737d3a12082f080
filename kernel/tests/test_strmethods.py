"""In-kernel tests of the compiled str methods on the kernel heap.

A boot command line is what a kernel cuts into words: here it is split
into options, each option partitioned at `=`, the values looked for with
bounds, put back together with join and reported with str.format, all as
compiled Python on the kernel's own heap (whatever `--heap=` design it
was built with); afterwards every object is freed and the heap is back at
its baseline.  tests/programs/obj_strs_*.py check the same methods
against CPython on Linux."""

import kernel.mm.heap as heap
from pythos.rt.alloc import obj_stats, obj_trim

COMMAND_LINE = "  root=/dev/hda1  mem=512M console=ttyS0,115200 quiet  initrd=/boot/ïnit "


def option_report(line: str) -> str:
    parts: list[str] = []
    for word in line.split():
        key, eq, value = word.partition("=")
        if eq:
            parts.append("{}:{}".format(key, value.rpartition("/")[2]))
        else:
            parts.append(key.upper())
    return ";".join(parts)


def test_command_line_options_on_the_kernel_heap_all_go_back() -> None:
    obj_trim()
    live = obj_stats().live
    used = heap.stats().bytes_used
    report = option_report(COMMAND_LINE)
    assert report == "root:hda1;mem:512M;console:ttyS0,115200;QUIET;initrd:ïnit", report
    assert report.count(";") == 4 and report.index("QUIET") == 40
    assert report.split(";", 1)[1].startswith("mem") and report.rsplit(";", 1)[1] == "initrd:ïnit"
    console = COMMAND_LINE.split("console=")[1].split()[0]
    assert console.split(",") == ["ttyS0", "115200"] and console.find("S", 0, 3) == -1
    assert "a\tb".expandtabs(4) == "a   b" and "ïnit".title() == "Ïnit"
    report = ""
    console = ""
    obj_trim()
    assert obj_stats().live == live, "every str and list was freed"
    assert heap.stats().bytes_used == used, "the kernel heap is back at its baseline"
