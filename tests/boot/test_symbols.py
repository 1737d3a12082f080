"""The kernel image's symbol table (pythos/kernel_tools/symtab.py): reading nm's output,
the generated assembly, and the two-pass link that must not move code."""

from __future__ import annotations

import subprocess

from pythos.kernel_tools import symtab
from pythos.kernel_tools.build import kernel64_path, read_functions, symbols_path
from pythos.kernel_tools.symtab import Symbol

NM_OUTPUT = """\
0000000000010000 A STACK_SIZE
0000000000100000 T __boot_start
000000000010000c 00000000000000f0 T _start
ffffffff80108000 T __text_start
ffffffff80108000 0000000000000020 t _start64
ffffffff80108020 0000000000000100 T kmain
ffffffff80108120 0000000000000040 t kernel.mm.heap.alloc
ffffffff80108120 0000000000000040 t an.alias.of.alloc
ffffffff80108160 0000000000000030 T kernel.arch.x86_64.vectors.vector14
ffffffff80108190 0000000000000030 T kernel.arch.x86_64.vectors.vector3
ffffffff80109000 T __text_end
ffffffff80109000 0000000000000010 r some.constant
ffffffff8010a000 0000000000000008 D a.global
"""


def test_functions_from_nm() -> None:
    handlers = {"kernel.arch.x86_64.vectors.vector14": True,
                "kernel.arch.x86_64.vectors.vector3": False}
    functions = symtab.functions_from_nm(NM_OUTPUT, handlers)
    # The boot stub's 32-bit entry, data and the linker script's symbols are
    # left out; of two names at one address the first is kept.
    assert functions == [
        Symbol(0xFFFFFFFF80108000, 0x20, "_start64"),
        Symbol(0xFFFFFFFF80108020, 0x100, "kmain"),
        Symbol(0xFFFFFFFF80108120, 0x40, "kernel.mm.heap.alloc"),
        Symbol(0xFFFFFFFF80108160, 0x30, "kernel.arch.x86_64.vectors.vector14",
               symtab.FLAG_INTERRUPT | symtab.FLAG_ERROR_CODE),
        Symbol(0xFFFFFFFF80108190, 0x30, "kernel.arch.x86_64.vectors.vector3",
               symtab.FLAG_INTERRUPT),
    ]
    assert symtab.functions_from_nm("ffffffff80108020 0000000000000100 T kmain\n") == []


def test_table_bytes_layout() -> None:
    functions = [Symbol(0x1000, 0x10, "a"), Symbol(0x2000, 0x20, "bc", 3)]
    data = symtab.table_bytes(functions)
    names_offset = symtab.HEADER_SIZE + 2 * symtab.ENTRY_SIZE
    assert int.from_bytes(data[0:8], "little") == 2
    assert int.from_bytes(data[8:16], "little") == names_offset
    second = data[16 + 24:16 + 48]
    assert int.from_bytes(second[0:8], "little") == 0x2000
    assert [int.from_bytes(second[i:i + 4], "little") for i in (8, 12, 16, 20)] == [0x20, 3, 1, 2]
    assert data[names_offset:] == b"abc"


def test_table_asm_assembles_to_the_same_bytes(tmp_path) -> None:
    functions = [Symbol(0xFFFFFFFF80108000 + 16 * i, 16, f"kernel.f{i}") for i in range(20)]
    source = tmp_path / "t.s"
    source.write_text(symtab.table_asm(functions))
    obj = tmp_path / "t.o"
    raw = tmp_path / "t.bin"
    subprocess.run(["as", "--64", "-o", str(obj), str(source)], check=True, timeout=30)
    subprocess.run(["objcopy", "-O", "binary", "--only-section", symtab.SECTION,
                    str(obj), str(raw)], check=True, timeout=30)
    assert raw.read_bytes() == symtab.table_bytes(functions)


def test_check_unmoved() -> None:
    before = [Symbol(0x1000, 0x10, "a"), Symbol(0x1010, 0x10, "b")]
    assert symtab.check_unmoved(before, list(before)) is None
    moved = symtab.check_unmoved(before, [before[0], Symbol(0x1020, 0x10, "b")])
    assert moved is not None and "b moved from 0x1010" in moved
    assert symtab.check_unmoved(before, before[:1]) is not None


def _section(elf, name: str) -> tuple[int, int]:
    """(address, size) of a section, from objdump -h."""
    listing = subprocess.run(["objdump", "-h", str(elf)], capture_output=True, text=True,
                             check=True, timeout=10).stdout
    for line in listing.splitlines():
        fields = line.split()
        if len(fields) >= 4 and fields[1] == name:
            return int(fields[3], 16), int(fields[2], 16)
    raise AssertionError(f"no section {name} in {elf}")


def test_linked_kernels_carry_their_table(boot_kernel) -> None:
    kernel = boot_kernel("exit")
    elf64 = kernel64_path(kernel)
    functions = read_functions(elf64)
    assert "kmain" in [f.name for f in functions]
    assert symbols_path(kernel).read_text() == symtab.table_asm(functions)
    # The table sits in .rodata, after everything the linker put there before it.
    symbols = {parts[2]: int(parts[0], 16) for parts in map(str.split, subprocess.run(
        ["nm", str(elf64)], capture_output=True, text=True, check=True,
        timeout=10).stdout.splitlines()) if len(parts) == 3}
    rodata_start, rodata_size = _section(elf64, ".rodata")
    table_size = len(symtab.table_bytes(functions))
    assert symbols["__symbol_table_end"] - symbols["__symbol_table"] == table_size
    assert rodata_start <= symbols["__symbol_table"]
    assert symbols["__symbol_table_end"] <= rodata_start + rodata_size
    assert symbols["__symbol_table_end"] <= symbols["__rodata_end"]
    assert symbols["__text_end"] <= symbols["__symbol_table"]
