"""Intrinsics under CPython, the public API list, and a whole small program."""

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from pythos import lang
from pythos.lang import (
    HostUnsupported,
    InterruptFrame,
    PanicError,
    Ptr,
    addr_of,
    asm,
    cli,
    export,
    extern,
    func_addr,
    global_asm,
    interrupt,
    panic,
    pause,
    rdtsc,
    sizeof,
    sti,
    str_bytes,
    u64,
)

PRIVILEGED = {
    "inb": (0x60,), "inw": (0x60,), "inl": (0x60,),
    "outb": (0x80, 0), "outw": (0x80, 0), "outl": (0x80, 0),
    "read_cr0": (), "read_cr2": (), "read_cr3": (), "read_cr4": (),
    "write_cr0": (0,), "write_cr3": (0,), "write_cr4": (0,),
    "lgdt": (0,), "lidt": (0,), "ltr": (0x28,), "invlpg": (0,), "hlt": (), "int3": (),
    "rdmsr": (0xC0000080,), "wrmsr": (0xC0000080, 0), "sti_hlt": (),
}


@pytest.mark.parametrize("name", sorted(PRIVILEGED))
def test_privileged_intrinsics_raise(name):
    with pytest.raises(HostUnsupported, match=rf"^{name}\(\) executes a privileged instruction "
                                              "and only works in the freestanding"):
        getattr(lang, name)(*PRIVILEGED[name])


def test_asm_raises():
    assert issubclass(HostUnsupported, RuntimeError)
    with pytest.raises(HostUnsupported, match=r"^asm\(\)"):
        asm("nop", "")
    with pytest.raises(HostUnsupported):
        asm("mov %cr3, $0", "=r", result=u64)


def test_no_op_intrinsics():
    assert cli() is None and sti() is None and pause() is None
    assert global_asm(".section .text") is None


def test_panic():
    assert issubclass(PanicError, Exception)
    with pytest.raises(PanicError, match="out of frames"):
        panic("out of frames")


def test_rdtsc_is_monotonic_u64():
    first, second = rdtsc(), rdtsc()
    assert type(first) is u64 and second >= first


def test_func_addr_is_stable_and_unique():
    def f():
        pass

    def g():
        pass

    a, b = func_addr(f), func_addr(g)
    assert type(a) is u64 and a == func_addr(f) and a != b
    assert a % 16 == 0 and a >= 0xFFFF_FFFF_8100_0000
    with pytest.raises(TypeError):
        func_addr(5)


def test_decorators_return_the_function():
    def handler(frame: Ptr[InterruptFrame]) -> None:
        pass

    assert interrupt(handler) is handler
    assert export("kmain")(handler) is handler


def test_extern_declarations_are_not_callable_on_the_host():
    @extern("pythos_console_write")
    def console_write(fd: int, length: u64) -> None: ...

    assert console_write.__name__ == "console_write"
    with pytest.raises(HostUnsupported, match="external symbol 'pythos_console_write'"):
        console_write(1, u64(0))
    with pytest.raises(TypeError):
        extern(console_write)


def test_str_bytes():
    assert str_bytes("hi\n") == b"hi\n"
    with pytest.raises(TypeError):
        str_bytes(b"x")


def test_interrupt_frame_layout():
    assert [name for name, _, _ in InterruptFrame.__pythos_fields__] == [
        "rip", "cs", "rflags", "rsp", "ss"]
    assert sizeof(InterruptFrame) == 40
    frame = InterruptFrame(rip=0x1000, cs=8)
    assert addr_of(frame).load().rip == 0x1000


def test_all_lists_every_public_name():
    public = {name for name in vars(lang) if not name.startswith("_")}
    modules = {"ints", "memory", "arrays", "structs", "intrinsics"}
    assert set(lang.__all__) == public - modules
    assert len(lang.__all__) == len(set(lang.__all__))
    for name in lang.__all__:
        assert hasattr(lang, name)


PROGRAM = '''
from __future__ import annotations

from pythos.lang import Array, Ptr, addr_of, struct, u8, u32, u64, i8


@struct
class Point:
    x: u32
    y: u32


def checksum(data: Array[u8, 8]) -> u8:
    total: u8 = u8(0)
    for b in data:
        total = total * 31 + b
    return total


def main() -> None:
    data = Array[u8, 8]()
    for i in range(8):
        data[i] = i * 40
    print(checksum(data), f"{checksum(data):#06x}")
    p = Point(1, 2)
    words = Ptr[u32](addr_of(p).addr)
    words[1] = 0xFFFFFFFF
    print(p.y + 1, i8(-128) // i8(-1), -u8(1))


if __name__ == "__main__":
    main()
'''


def test_program_runs_under_cpython(tmp_path):
    script = tmp_path / "prog.py"
    script.write_text(textwrap.dedent(PROGRAM))
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                            env={"PYTHONPATH": str(root)}, check=True)
    total = 0
    for i in range(8):
        total = (total * 31 + (i * 40) % 256) % 256
    assert result.stdout == f"{total} {total:#06x}\n0 -128 255\n"
    assert result.stderr == ""
