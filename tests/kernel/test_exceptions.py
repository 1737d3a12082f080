"""Exception decoding: the name table, error-code layouts and the printed report."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kernel.arch.x86_64 import exceptions as ex
from kernel.arch.x86_64 import gdt
from pythos.lang import InterruptFrame, addr_of, u8, u64

ERROR_CODE_VECTORS = {8, 10, 11, 12, 13, 14, 17, 21, 29, 30}
RESERVED = {15, 22, 23, 24, 25, 26, 27, 31}


@pytest.mark.parametrize("vector", range(32))
def test_error_code_vectors(vector: int) -> None:
    assert ex.has_error_code(u8(vector)) == (vector in ERROR_CODE_VECTORS)


@pytest.mark.parametrize("vector, mnemonic, name", [
    (0, "#DE", "divide error"), (3, "#BP", "breakpoint"), (6, "#UD", "invalid opcode"),
    (8, "#DF", "double fault"), (13, "#GP", "general protection fault"),
    (14, "#PF", "page fault"), (18, "#MC", "machine check"), (2, "NMI", "non-maskable interrupt"),
    (9, "-", "coprocessor segment overrun"), (21, "#CP", "control protection exception"),
])
def test_names(vector: int, mnemonic: str, name: str) -> None:
    assert ex.mnemonic(u8(vector)) == mnemonic
    assert ex.name(u8(vector)) == name


def test_every_vector_has_a_distinct_name() -> None:
    names = [ex.name(u8(v)) for v in range(32) if v not in RESERVED]
    assert len(set(names)) == len(names)
    assert {ex.name(u8(v)) for v in RESERVED} == {"reserved exception"}
    assert ex.name(u8(32)) == "interrupt"


def test_ist_slots() -> None:
    assert ex.ist_for(ex.DOUBLE_FAULT) == gdt.DOUBLE_FAULT_IST == 1
    assert ex.ist_for(ex.NMI) == gdt.NMI_IST
    assert ex.ist_for(ex.MACHINE_CHECK) == gdt.MACHINE_CHECK_IST
    assert [v for v in range(32) if ex.ist_for(u8(v))] == [2, 8, 18]


@pytest.mark.parametrize("code, external, table, index", [
    (0x0000, False, "GDT", 0),
    (0x0028, False, "GDT", 5),          # selector 0x28: the TSS
    (0x010A, False, "IDT", 33),         # IDT vector 33 (a missing gate)
    (0x010B, True, "IDT", 33),
    (0x0014, False, "LDT", 2),
    (0xFFFE, False, "IDT", 0x1FFF),     # TBL = 11 also means the IDT
])
def test_selector_error_code(code: int, external: bool, table: str, index: int) -> None:
    s = ex.decode_selector_error(u64(code))
    assert (s.external, ex.table_name(s.table), s.index) == (external, table, index)


@given(st.integers(0, 0xFFFF))
def test_selector_error_fields_reassemble(code: int) -> None:
    s = ex.decode_selector_error(u64(code))
    assert (int(s.index) << 3) | (int(s.table) << 1) | int(s.external) == code


@pytest.mark.parametrize("code, cause, access, mode", [
    (0b00000, "page not present", "read", "kernel"),
    (0b00010, "page not present", "write", "kernel"),
    (0b00111, "protection violation", "write", "user"),
    (0b10001, "protection violation", "instruction fetch", "kernel"),
    (0b01001, "reserved bit set in a page table entry", "read", "kernel"),
])
def test_page_fault_error_code(code: int, cause: str, access: str, mode: str) -> None:
    c = u64(code)
    assert (ex.page_fault_cause(c), ex.page_fault_access(c), ex.page_fault_mode(c)) == \
        (cause, access, mode)


GUARD = 0xFFFFFFFF80200000
BOTTOM = GUARD + 0x1000


@pytest.mark.parametrize("rsp, cr2, overflow", [
    (BOTTOM, GUARD + 0xFF8, True),             # call at the bottom: CR2 in the guard page
    (BOTTOM + 16, 0, True),                    # frame push straddled the guard
    (GUARD - 0x800, 0, True),                  # a large frame's RSP below the guard
    (BOTTOM + 0x8000, 0, False),               # mid-stack: some other double fault
    (BOTTOM + 0x8000, 0xDEAD0000, False),
    (GUARD - 0x2000, 0, False),
])
def test_stack_overflow_detection(rsp: int, cr2: int, overflow: bool) -> None:
    assert ex.is_kernel_stack_overflow(u64(rsp), u64(cr2), u64(GUARD), u64(BOTTOM)) == overflow


def frame(rip: int = 0xFFFFFFFF80101234) -> InterruptFrame:
    return InterruptFrame(u64(rip), u64(0x08), u64(0x10046), u64(0xFFFFFFFF8012FF00),
                          u64(0x10))


def test_report_page_fault(capsys: pytest.CaptureFixture[str]) -> None:
    f = frame()
    ex.report(ex.PAGE_FAULT, addr_of(f), u64(0b00010), u64(0xDEADBEEF))
    assert capsys.readouterr().out == (
        "CPU exception 14 #PF: page fault\n"
        "  RIP 0xffffffff80101234  CS 0x0008  RFLAGS 0x0000000000010046\n"
        "  RSP 0xffffffff8012ff00  SS 0x0010\n"
        "  error code 0x2\n"
        "  CR2 0x00000000deadbeef: page not present, write in kernel mode\n"
        "  bits: W/R\n")


@pytest.mark.parametrize("cr2, hint", [
    (0, "null pointer dereference"), (0x18, "null pointer dereference"),
    (0xFFF, "null pointer dereference"), (0x1000, ""),
    (0xFFFFFFFF80112000, "kernel stack overflow (into the guard page)"),
    (0xFFFFFFFF80112FF8, "kernel stack overflow (into the guard page)"),
    (0xFFFFFFFF80113000, ""), (0xFFFF900000000000, ""),
])
def test_page_fault_hint(cr2: int, hint: str) -> None:
    assert ex.page_fault_hint(u64(cr2), u64(0xFFFFFFFF80112000)) == hint


def test_report_general_protection_with_selector(capsys: pytest.CaptureFixture[str]) -> None:
    f = frame()
    ex.report(ex.GENERAL_PROTECTION, addr_of(f), u64(0x28), u64(0))
    out = capsys.readouterr().out
    assert out.startswith("CPU exception 13 #GP: general protection fault\n")
    assert out.endswith("  error code 0x28\n  selector error: GDT index 5 (selector 0x0028)\n")


def test_report_missing_gate(capsys: pytest.CaptureFixture[str]) -> None:
    f = frame()
    ex.report(ex.SEGMENT_NOT_PRESENT, addr_of(f), u64(0x10B), u64(0))
    assert capsys.readouterr().out.endswith(
        "  selector error: IDT vector 33, while delivering an external event\n")


def test_report_without_error_code(capsys: pytest.CaptureFixture[str]) -> None:
    f = frame()
    ex.report(ex.INVALID_OPCODE, addr_of(f), u64(0), u64(0))
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "CPU exception 6 #UD: invalid opcode"
    assert "error code" not in out
    assert len(out.splitlines()) == 3
