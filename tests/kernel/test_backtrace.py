"""The backtrace's pure parts under CPython: reading the symbol table that
pythos/kernel_tools/symtab.py writes, and walking frame pointer chains laid out in an
array that stands in for the stacks, including corrupt ones (Hypothesis:
the walker must never read outside the stacks, which on the host would
raise MemoryError, and must always stop)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kernel import backtrace as bt
from kernel.backtrace import Frame, StackRange, Walker
from kernel.debug import symtab as kernel_symtab
from kernel.debug.symtab import SymbolEntry, SymbolTable, open_table
from pythos.kernel_tools import symtab
from pythos.lang import Array, addr_of, i64, sizeof, u8, u64
from pythos.kernel_tools.symtab import Symbol

TEXT = 0xFFFFFFFF80108000
FUNCTIONS = [
    Symbol(TEXT + 0x00, 0x20, "_start64"),
    Symbol(TEXT + 0x20, 0x100, "kmain"),
    Symbol(TEXT + 0x120, 0x40, "kernel.mm.heap.alloc"),
    Symbol(TEXT + 0x160, 0x30, "kernel.arch.x86_64.vectors.vector0",
           symtab.FLAG_INTERRUPT),
    Symbol(TEXT + 0x190, 0x40, "kernel.arch.x86_64.vectors.vector14",
           symtab.FLAG_INTERRUPT | symtab.FLAG_ERROR_CODE),
    Symbol(TEXT + 0x1D0, 0x30, "kernel.arch.x86_64.exceptions.handle"),
    Symbol(TEXT + 0x200, 0x30, "pythos.rt.core.panic_end"),
    # A gap: 0x230-0x240 belongs to no function.
    Symbol(TEXT + 0x240, 0x10, "pythos_backtrace"),
]
START64, KMAIN, ALLOC, VECTOR0, VECTOR14, HANDLE, PANIC_END, HOOK = range(8)


class Memory:
    """Bytes at a real host address: the table, or a stack."""

    def __init__(self, data: bytes = b"", size: int = 0) -> None:
        self.array = Array[u8, 8192]()
        assert max(len(data), size) <= 8192
        for i, b in enumerate(data):
            self.array[i] = u8(b)
        self.base = int(addr_of(self.array).addr)

    def store(self, offset: int, value: int) -> None:
        for i in range(8):
            self.array[offset + i] = u8((value >> (8 * i)) & 0xFF)


def table_of(functions: list[Symbol]) -> tuple[Memory, SymbolTable]:
    data = symtab.table_bytes(functions)
    memory = Memory(data)
    return memory, open_table(u64(memory.base), u64(memory.base + len(data)))


def name(table: SymbolTable, index: int) -> str:
    assert table.has_name(i64(index))
    entry = table.entries[index]
    return bytes(table.names[int(entry.name_offset) + i]
                 for i in range(int(entry.name_length))).decode()


# -- the table ---------------------------------------------------------------------


def test_entries_are_as_symtab_writes_them() -> None:
    assert sizeof(SymbolEntry) == symtab.ENTRY_SIZE
    assert kernel_symtab.HEADER_SIZE == symtab.HEADER_SIZE
    assert (kernel_symtab.FLAG_INTERRUPT, kernel_symtab.FLAG_ERROR_CODE) == \
        (symtab.FLAG_INTERRUPT, symtab.FLAG_ERROR_CODE)
    _memory, table = table_of(FUNCTIONS)
    assert table.count == len(FUNCTIONS)
    for index, symbol in enumerate(FUNCTIONS):
        entry = table.entries[index]
        assert (entry.address, entry.size, entry.flags) == (symbol.address, symbol.size,
                                                            symbol.flags)
        assert name(table, index) == symbol.name


@pytest.mark.parametrize("offset, expected", [
    (-1, -1),                        # before the first function
    (0x00, START64), (0x1F, START64), (0x20, KMAIN), (0x11F, KMAIN),
    (0x120, ALLOC), (0x1D5, HANDLE),
    (0x230, -1), (0x23F, -1),        # in the gap
    (0x240, HOOK), (0x24F, HOOK), (0x250, -1),   # past the last function
])
def test_find(offset: int, expected: int) -> None:
    _memory, table = table_of(FUNCTIONS)
    assert table.find(u64(TEXT + offset)) == expected


@given(st.lists(st.tuples(st.integers(0, 1 << 20), st.integers(1, 64)), max_size=40),
       st.integers(0, (1 << 20) + 100))
def test_find_agrees_with_a_linear_search(spans: list[tuple[int, int]], address: int) -> None:
    functions, end = [], 0
    for gap, size in spans:        # sorted, non-overlapping
        start = end + gap % 97
        functions.append(Symbol(start, size, f"f{start}"))
        end = start + size
    _memory, table = table_of(functions)
    expected = next((i for i, f in enumerate(functions)
                     if f.address <= address < f.address + f.size), -1)
    assert table.find(u64(address)) == expected


def test_an_empty_or_broken_table_is_empty() -> None:
    memory, table = table_of(FUNCTIONS)
    start = u64(memory.base)
    size = len(symtab.table_bytes(FUNCTIONS))
    assert open_table(start, start).count == 0                     # linked without a table
    assert open_table(start + 8, start + size).count == 0          # a header that is not one
    assert open_table(start + 1, start + size).count == 0          # misaligned
    memory.store(0, 1 << 40)                                       # count too large
    assert open_table(start, start + u64(size)).count == 0
    memory.store(0, len(FUNCTIONS))
    memory.store(8, 16)                                            # names over the entries
    assert open_table(start, start + u64(size)).count == 0
    memory.store(8, size + 1)                                      # names past the end
    assert open_table(start, start + u64(size)).count == 0


def test_a_name_outside_the_names_has_none() -> None:
    memory, table = table_of(FUNCTIONS)
    entry_offset = symtab.HEADER_SIZE + KMAIN * symtab.ENTRY_SIZE
    memory.array[entry_offset + 20] = u8(0xFF)                       # name_length
    assert not table.has_name(i64(KMAIN)) and table.has_name(i64(ALLOC))
    assert not table.has_name(i64(-1)) and not table.has_name(i64(len(FUNCTIONS)))
    assert not table.name_starts_with(i64(KMAIN), b"kmain")
    assert table.name_starts_with(i64(PANIC_END), b"pythos.rt.")
    assert not table.name_starts_with(i64(HOOK), b"pythos_backtrace_and_more")


# -- walking -----------------------------------------------------------------------


class FakeStack:
    """An array standing in for a stack at a real host address."""

    def __init__(self) -> None:
        self.memory = Memory(size=4096)
        self.low = self.memory.base
        self.high = self.low + 4096

    def at(self, offset: int) -> int:
        return self.low + offset

    def frame(self, offset: int, saved_rbp: int, return_address: int) -> int:
        """A frame at ``offset``: [rbp] = saved rbp, [rbp + 8] = return address."""
        self.memory.store(offset, saved_rbp)
        self.memory.store(offset + 8, return_address)
        return self.at(offset)

    def walker(self) -> Walker:
        walker = Walker()
        walker.stacks[0] = StackRange(u64(self.low), u64(self.high))
        return walker


def walk(stack: FakeStack, rbp: int, table: SymbolTable,
         walker: Walker | None = None) -> tuple[list[tuple[int, str, bool]], int]:
    walker = walker or stack.walker()
    walker.start(u64(rbp))
    frames, frame = [], Frame()
    while walker.next(table, frame):
        label = name(table, int(frame.symbol)) if frame.symbol >= 0 else "?"
        frames.append((int(frame.address), label, bool(frame.interrupted)))
    return frames, int(walker.stop)


def ret(index: int, offset: int = 5) -> int:
    return FUNCTIONS[index].address + offset


def test_a_call_chain_up_to_the_boot_stub() -> None:
    _memory, table = table_of(FUNCTIONS)
    stack = FakeStack()
    kmain_frame = stack.frame(0xF00, 0, ret(START64, 0x19))          # rbp = 0 ends it
    alloc_frame = stack.frame(0xE00, kmain_frame, ret(KMAIN))
    panic_frame = stack.frame(0xD00, alloc_frame, ret(ALLOC))
    hook_frame = stack.frame(0xC00, panic_frame, ret(PANIC_END))
    frames, stop = walk(stack, hook_frame, table)
    assert [f[1] for f in frames] == ["pythos.rt.core.panic_end", "kernel.mm.heap.alloc",
                                      "kmain", "_start64"]
    assert frames[-1][0] == ret(START64, 0x19)
    assert stop == bt.END_OF_CHAIN


def test_a_return_address_at_a_functions_end_belongs_to_it() -> None:
    # A call as the last instruction returns to the next function's first byte.
    _memory, table = table_of(FUNCTIONS)
    stack = FakeStack()
    frames, _ = walk(stack, stack.frame(0x100, 0, FUNCTIONS[ALLOC].address), table)
    assert frames == [(FUNCTIONS[ALLOC].address, "kmain", False)]


@pytest.mark.parametrize("vector, rip_offset", [(VECTOR0, 8), (VECTOR14, 24)])
def test_through_an_exception_to_the_interrupted_code(vector: int, rip_offset: int) -> None:
    _memory, table = table_of(FUNCTIONS)
    stack = FakeStack()
    kmain_frame = stack.frame(0xF00, 0, ret(START64))
    faulted_at = ret(ALLOC, 0x11)
    # The handler's frame: saved rbp = the interrupted code's, then (for
    # #PF) an alignment slot and the error code, then the CPU's frame.
    stub_frame = stack.frame(0xE00, kmain_frame, 0x1234)             # rbp + 8: not an address
    stack.memory.store(0xE00 + 16, 0x2)                              # error code (vector 14)
    stack.memory.store(0xE00 + rip_offset, faulted_at)               # RIP
    stack.memory.store(0xE00 + rip_offset + 8, 0x08)                 # CS
    handle_frame = stack.frame(0xD00, stub_frame, ret(vector))
    frames, stop = walk(stack, handle_frame, table)
    assert frames == [(ret(vector), FUNCTIONS[vector].name, False),
                      (faulted_at, "kernel.mm.heap.alloc", True),
                      (ret(START64), "_start64", False)]
    assert stop == bt.END_OF_CHAIN


def test_an_interrupt_frame_on_another_stack() -> None:
    # A double fault's handler runs on an IST stack; the interrupted code's
    # frames are on the kernel stack, at lower or higher addresses.
    _memory, table = table_of(FUNCTIONS)
    kernel_stack, ist = FakeStack(), FakeStack()
    kmain_frame = kernel_stack.frame(0x800, 0, ret(START64))
    stub_frame = ist.frame(0xF00, kmain_frame, 0)
    ist.memory.store(0xF08, ret(ALLOC))
    handle_frame = ist.frame(0xE00, stub_frame, ret(VECTOR0))
    walker = ist.walker()
    walker.stacks[1] = StackRange(u64(kernel_stack.low), u64(kernel_stack.high))
    frames, stop = walk(ist, handle_frame, table, walker)
    assert [f[1] for f in frames] == [FUNCTIONS[VECTOR0].name, "kernel.mm.heap.alloc",
                                      "_start64"]
    assert stop == bt.END_OF_CHAIN


def test_without_a_table_addresses_are_still_listed() -> None:
    stack = FakeStack()
    outer = stack.frame(0x200, 0, 0xAAAA)
    frames, stop = walk(stack, stack.frame(0x100, outer, 0xBBBB), SymbolTable())
    assert frames == [(0xBBBB, "?", False), (0xAAAA, "?", False)]
    assert stop == bt.END_OF_CHAIN


@pytest.mark.parametrize("saved, stop", [
    ("self", bt.NOT_UPWARD),            # a frame that points at itself
    ("below", bt.NOT_UPWARD),           # further down the stack: a loop
    ("misaligned", bt.OUTSIDE_STACKS),
    ("outside", bt.OUTSIDE_STACKS),
    ("top", bt.OUTSIDE_STACKS),         # the 16 bytes would run past the stack's end
])
def test_a_corrupt_chain_stops_the_walk(saved: str, stop: int) -> None:
    _memory, table = table_of(FUNCTIONS)
    stack = FakeStack()
    rbp = stack.at(0x800)
    saved_rbp = {"self": rbp, "below": stack.at(0x700), "misaligned": stack.at(0x903),
                 "outside": stack.high + 0x1000, "top": stack.high - 8}[saved]
    stack.frame(0x800, saved_rbp, ret(ALLOC))
    stack.frame(0x700, rbp, ret(KMAIN))
    frames, reason = walk(stack, rbp, table)
    assert [f[1] for f in frames] == ["kernel.mm.heap.alloc"]
    assert reason == stop


def test_a_deep_recursion_is_walked_to_the_end() -> None:
    # The folding keeps the report short, so the walk goes to the boot stub.
    _memory, table = table_of(FUNCTIONS)
    stack = FakeStack()
    rbp = stack.frame(0xFF0, 0, ret(START64))
    for offset in range(0xFD0, 0x0, -0x10):        # 253 frames of a recursion
        rbp = stack.frame(offset, rbp, ret(ALLOC))
    frames, stop = walk(stack, rbp, table)
    assert len(frames) == 254 and stop == bt.END_OF_CHAIN
    assert frames[-1][1] == "_start64"


def test_a_chain_looping_between_two_stacks_is_cut_off() -> None:
    # Each frame is above the last one *on its own stack* only every other
    # step, so only MAX_FRAMES ends this walk.
    _memory, table = table_of(FUNCTIONS)
    one, two = FakeStack(), FakeStack()
    one.frame(0x100, two.at(0x100), ret(ALLOC))
    two.frame(0x100, one.at(0x100), ret(KMAIN))
    walker = one.walker()
    walker.stacks[1] = StackRange(u64(two.low), u64(two.high))
    frames, stop = walk(one, one.at(0x100), table, walker)
    assert len(frames) == bt.MAX_FRAMES and stop == bt.TOO_DEEP


# What a stack word may hold: a frame pointer into the stack (aligned or
# not), an address just outside or at its edges, a return address into an
# ordinary function or an interrupt handler, or anything at all.
stack_words = st.one_of(
    st.tuples(st.just("into"), st.integers(0, 511)),
    st.tuples(st.just("misaligned"), st.integers(0, 4095)),
    st.tuples(st.just("edge"), st.sampled_from([-16, -8, 4080, 4088, 4096, 4104])),
    st.tuples(st.just("return"), st.sampled_from([KMAIN, ALLOC, VECTOR0, VECTOR14])),
    st.tuples(st.just("raw"), st.integers(0, 2**64 - 1)),
)


@given(st.lists(stack_words, min_size=512, max_size=512), st.integers(0, 511))
@settings(max_examples=300, deadline=None)
def test_garbage_never_leads_outside_the_stack(words: list[tuple[str, int]],
                                               start: int) -> None:
    _memory, table = table_of(FUNCTIONS)
    stack = FakeStack()
    for i, (kind, value) in enumerate(words):
        word = {"into": stack.low + value * 8, "misaligned": stack.low + value,
                "edge": stack.low + value, "return": ret(value) if kind == "return" else 0,
                "raw": value}[kind]
        stack.memory.store(i * 8, word)
    frames, stop = walk(stack, stack.at(start * 8), table)
    assert len(frames) <= bt.MAX_FRAMES
    assert stop != bt.WALKING


# -- folding -------------------------------------------------------------------------

def folded(frames: list[tuple[int, int, bool]]) -> list[tuple[int, int, int, int]]:
    """(kind, number, count, address) of each line the folder makes of
    ``frames``, given as (address, symbol, interrupted)."""
    folder = bt.Folder()
    folder.reset()
    for address, symbol, interrupted in frames:
        folder.add(Frame(u64(address), interrupted, i64(symbol)))
    folder.finish()
    return [(int(line.kind), int(line.number), int(line.count), int(line.frame.address))
            for line in (folder.lines[i] for i in range(int(folder.count)))]


FRAME_, REPEAT, GAP = int(bt.LINE_FRAME), int(bt.LINE_REPEAT), int(bt.LINE_GAP)


def test_a_stack_overflow_folds_to_a_few_lines() -> None:
    # What panic=overflow gives: the handler, the stub, the faulting
    # instruction, 226 frames of the recursion, kmain, _start64.
    frames = [(0x10, HANDLE, False), (0x20, VECTOR0, False), (0x31, ALLOC, True)]
    frames += [(0x3F, ALLOC, False)] * 226 + [(0x50, KMAIN, False), (0x60, START64, False)]
    assert folded(frames) == [
        (FRAME_, 0, 1, 0x10), (FRAME_, 1, 1, 0x20), (FRAME_, 2, 1, 0x31),
        (FRAME_, 3, 1, 0x3F), (REPEAT, 4, 225, 0x3F),
        (FRAME_, 229, 1, 0x50), (FRAME_, 230, 1, 0x60)]


def test_short_runs_and_distinct_frames_are_not_folded() -> None:
    frames = [(0x10, ALLOC, False), (0x18, ALLOC, False), (0x20, KMAIN, False),
              (0x30, START64, False)]
    assert folded(frames) == [(FRAME_, i, 1, a) for i, (a, _, _) in enumerate(frames)]
    assert folded([]) == []


def test_unknown_functions_fold_only_at_the_same_address() -> None:
    frames = [(0x99, -1, False)] * 4 + [(0x77, -1, False)] * 3
    assert folded(frames) == [(FRAME_, 0, 1, 0x99), (REPEAT, 1, 3, 0x99),
                              (FRAME_, 4, 1, 0x77), (REPEAT, 5, 2, 0x77)]


def test_a_long_chain_keeps_its_innermost_and_outermost_frames() -> None:
    frames = [(0x1000 + i, i % 2, False) for i in range(40)]   # alternating: no runs
    lines = folded(frames)
    head, gap, tail = lines[:7], lines[7], lines[8:]
    assert head == [(FRAME_, i, 1, 0x1000 + i) for i in range(7)]
    assert gap == (GAP, 7, 28, 0)
    assert tail == [(FRAME_, i, 1, 0x1000 + i) for i in range(35, 40)]


def reference_fold(frames: list[tuple[int, int, bool]]) -> list[tuple[int, int, int, int]]:
    """The folding rules written the obvious way, with lists."""
    runs: list[list[int]] = []
    for i, (address, symbol, interrupted) in enumerate(frames):
        if runs and not interrupted:
            first_address, first_symbol, first_interrupted = frames[runs[-1][0]]
            same = symbol == first_symbol if symbol >= 0 or first_symbol >= 0 \
                else address == first_address
            if same and not first_interrupted:
                runs[-1].append(i)
                continue
        runs.append([i])
    lines = []
    for run in runs:
        lines.append((FRAME_, run[0], 1, frames[run[0]][0]))
        if len(run) == 2:
            lines.append((FRAME_, run[1], 1, frames[run[1]][0]))
        elif len(run) > 2:
            lines.append((REPEAT, run[1], len(run) - 1, frames[run[0]][0]))
    head, tail = int(bt.HEAD_LINES), int(bt.TAIL_LINES)
    if len(lines) <= head + tail:
        return lines
    hidden = lines[head:len(lines) - tail]
    return lines[:head] + [(GAP, hidden[0][1], sum(line[2] for line in hidden), 0)] \
        + lines[len(lines) - tail:]


@given(st.lists(st.tuples(st.sampled_from([0x10, 0x20, 0x30]), st.sampled_from([-1, 0, 1]),
                          st.sampled_from([False, False, False, True])),
                max_size=300))
@settings(max_examples=300, deadline=None)
def test_folding_matches_the_reference(frames: list[tuple[int, int, bool]]) -> None:
    lines = folded(frames)
    assert lines == reference_fold(frames)
    # Every frame is accounted for once, in order, and the report is short.
    assert sum(line[2] for line in lines) == len(frames)
    assert [line[1] for line in lines] == sorted(line[1] for line in lines)
    assert len(lines) <= bt.MAX_LINES
    if frames:
        assert lines[0] == (FRAME_, 0, 1, frames[0][0])
        last = lines[-1]
        assert last[1] + last[2] == len(frames)
