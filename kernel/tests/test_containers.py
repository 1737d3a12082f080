"""In-kernel tests of lists, dicts and str on the kernel heap, and of
module-level objects (built when kmain runs `init_modules()`).

The kernel's own uses are here too: the command line parsed into a dict
(kernel/options.py) and the memory map as a list of regions
(kernel/memmap.py).  Everything made is dropped again, and the object
count and the kernel heap must be back at their baselines, whatever
`--heap=` design the kernel was built with (tests/qemu/
test_heap_designs.py runs this on each)."""

import kernel.memmap as memmap
import kernel.mm.heap as heap
import kernel.options as options
from kernel.multiboot import MemoryRegion
from pythos.lang import Array, u32, u64
from pythos.rt.alloc import obj_stats, obj_trim

# Set by this module's initialiser, which kmain runs after the object
# runtime starts: a loop that fills a dict, and a list literal.
SQUARES: dict[int, int] = {}
for n in range(10):
    SQUARES[n] = n * n
WORDS = ["boot", "mm", "sched"]


def test_module_globals_were_built_at_start_up() -> None:
    assert len(SQUARES) == 10 and SQUARES[9] == 81, "the loop ran once, at start-up"
    assert WORDS[1] == "mm" and len(WORDS) == 3
    assert options.is_known("halt") and not options.is_known("hello")


def count_words() -> None:
    counts: dict[str, int] = {}
    words: list[str] = []
    for i in range(500):
        word = f"w{i % 37}"
        words.append(word)
        counts[word] = counts.get(word, 0) + 1
    assert len(words) == 500 and len(counts) == 37 and counts["w0"] == 14
    del counts["w0"]
    assert "w0" not in counts and len(counts) == 36
    joined = ""
    for w in words[:5]:
        joined += w
    assert joined == "w0w1w2w3w4"
    words[1:499] = []
    assert words == ["w0", "w18"]


def kernel_uses() -> None:
    parsed = options.parse("/boot/kernel.elf panic=test run=a,b quiet panic=index")
    assert len(parsed) == 3 and parsed["panic"] == "index" and parsed["quiet"] == ""
    assert options.unknown(parsed) == ["quiet"]
    table = Array[MemoryRegion, 32]()
    for i in range(4):
        table[i].base = u64(i) << 20
        table[i].length = u64(1) << 20
        table[i].kind = u32(1 + i % 2)
    regions = memmap.regions(table, u32(4))
    assert len(regions) == 4 and memmap.usable_bytes(regions) == u64(2) << 20
    assert regions[3].line().endswith("1 MiB reserved")


def test_lists_dicts_and_str_on_the_kernel_heap_all_go_back() -> None:
    obj_trim()
    live = obj_stats().live
    used = heap.stats().bytes_used
    count_words()
    kernel_uses()
    obj_trim()
    assert obj_stats().live == live, "every list, dict and str was freed"
    assert heap.stats().bytes_used == used, "the kernel heap is back at its baseline"
