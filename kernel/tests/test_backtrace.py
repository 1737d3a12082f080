"""The backtrace on the real machine: the kernel's own symbol table and frame
pointer chain (pythos/kernel_tools/symtab.py, kernel/backtrace.py)."""

from kernel.arch.x86_64 import cpu
from kernel.backtrace import (
    END_OF_CHAIN,
    Frame,
    Walker,
    kernel_stacks,
    kernel_symbols,
)
from pythos.lang import func_addr, i64, panic, should_panic, u64


def test_the_kernel_has_a_symbol_table() -> None:
    table = kernel_symbols()
    assert table.count > 10
    for i in range(u64(1), table.count):
        assert table.entries[i - 1].address < table.entries[i].address
    here = table.find(func_addr(test_the_kernel_has_a_symbol_table))
    assert table.name_is(here, b"kernel.tests.test_backtrace.test_the_kernel_has_a_symbol_table")
    assert table.entries[here].address == func_addr(test_the_kernel_has_a_symbol_table)
    assert table.find(u64(0x1000)) == -1


def test_interrupt_handlers_are_flagged() -> None:
    table = kernel_symbols()
    here = table.find(func_addr(test_interrupt_handlers_are_flagged))
    assert table.flags(here) == 0
    found = 0
    for i in range(i64(table.count)):
        if table.name_is(i64(i), b"kernel.arch.x86_64.vectors.vector14"):
            assert table.flags(i64(i)) == 3        # an interrupt handler with an error code
            found += 1
        if table.name_is(i64(i), b"kernel.arch.x86_64.vectors.vector3"):
            assert table.flags(i64(i)) == 1        # without one
            found += 1
    assert found == 2


def test_the_frame_chain_leads_to_the_boot_stub() -> None:
    table = kernel_symbols()
    walker = Walker()
    kernel_stacks(walker)
    walker.start(cpu.frame_pointer())
    frame = Frame()
    last = i64(-1)
    # At -O2 this test may be inlined all the way into kmain; then the only
    # frame is kmain's, whose return address is in the boot stub.
    while walker.next(table, frame):
        assert table.has_name(frame.symbol), f"no name for {frame.address:#x}"
        assert not frame.interrupted
        last = frame.symbol
    assert walker.stop == END_OF_CHAIN
    assert table.name_is(last, b"_start64")


@should_panic("a panic report with a backtrace still ends the test")
def test_a_panic_with_a_backtrace_ends_the_test() -> None:
    panic("a panic report with a backtrace still ends the test")
