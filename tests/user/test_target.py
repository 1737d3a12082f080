"""The ``user`` compiler target: Pythos programs for ring 3 on Pythos.

The executable must be what the kernel's loader (kernel/proc/elf.py)
accepts: a static ELF linked in the user half, entry at ``_start`` in an
executable segment, every segment W^X and on pages of its own.  It must
not use SSE, which the kernel leaves disabled in ring 3.  Its system
calls use Linux's registers and, for write, getpid and exit, Linux's
numbers, so such a program also runs on Linux: the tests run it there to
check the runtime and the wrappers that finish before the kernel.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from kernel.proc import elf
from pythos.kernel_tools.build import USER_IMAGE_BASE, have_tool
from pythos.kernel_tools.initrd import USER_DIR
from tests.kernel.helpers import exact_span

REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(not (have_tool("ld") and have_tool("readelf")),
                                reason="GNU ld links and readelf reads the programs")


def pythos(*args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "pythos", *map(str, args)], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=120)


def compile_user(source: Path, out: Path) -> Path:
    result = pythos("compile", "--target", "user", source, "-o", out)
    assert result.returncode == 0, result.stderr
    return out


def load_segments(exe: Path) -> tuple[int, list[tuple[int, int, str]]]:
    """The entry point and each PT_LOAD's (address, size in memory, flags),
    as readelf shows them."""
    text = subprocess.run(["readelf", "-hlW", str(exe)], capture_output=True, text=True,
                          check=True).stdout
    entry = int(re.search(r"Entry point address:\s+(0x[0-9a-f]+)", text).group(1), 16)
    assert re.search(r"Type:\s+EXEC", text), text
    segments = []
    for line in text.splitlines():
        fields = line.split()
        if fields and fields[0] == "LOAD":
            # LOAD offset vaddr paddr filesz memsz flags... align
            flags = "".join(f for f in fields[6:-1] if f in {"R", "W", "E", "RW", "RE", "RWE"})
            segments.append((int(fields[2], 16), int(fields[5], 16), flags))
    return entry, segments


@pytest.fixture(scope="module")
def hello(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return compile_user(USER_DIR / "hello.py", tmp_path_factory.mktemp("user") / "hello")


def test_segments_are_in_the_user_half_and_w_xor_x(hello: Path) -> None:
    entry, segments = load_segments(hello)
    assert segments and segments[0][0] == USER_IMAGE_BASE
    pages: set[int] = set()
    for address, size, flags in segments:
        assert address >= elf.USER_BOTTOM and address + size <= elf.USER_TOP
        assert not ("W" in flags and "E" in flags), segments
        mine = set(range(address >> 12, (address + size + 4095) >> 12))
        assert not pages & mine, f"segments share a page: {segments}"
        pages |= mine
    assert any(flags == "RE" for _, _, flags in segments), segments
    assert any(flags == "RW" for _, _, flags in segments), segments


def test_entry_point_is_start_in_the_code(hello: Path) -> None:
    entry, segments = load_segments(hello)
    symbols = subprocess.run(["nm", str(hello)], capture_output=True, text=True,
                             check=True).stdout
    start = re.search(r"^([0-9a-f]+) T _start$", symbols, re.M)
    assert start and int(start.group(1), 16) == entry
    assert any(a <= entry < a + size and "E" in flags for a, size, flags in segments)


def test_the_kernels_loader_accepts_it(hello: Path) -> None:
    image = elf.Image()
    status = elf.parse(exact_span(hello.read_bytes()), image)
    assert status == elf.OK, elf.error_name(status)
    assert int(image.entry) == load_segments(hello)[0]


PROGRAM_WITH_COPIES = """\
from pythos.lang import Array, u64


def fill(cells: Array[u64, 16], base: u64) -> None:
    for i in range(16):
        cells[i] = base


def main() -> None:
    cells = Array[u64, 16]()
    copy = Array[u64, 16]()
    fill(cells, u64(7))
    for i in range(16):
        copy[i] = cells[i] + cells[15 - i]
    print(copy[3])
"""


def test_no_sse_instructions(tmp_path: Path) -> None:
    """The kernel does not enable SSE for ring 3 (CR4.OSFXSR) nor save its
    registers: the user target must not use it, where Linux code does."""
    source = tmp_path / "copies.py"
    source.write_text(PROGRAM_WITH_COPIES)

    def disassembly(target: str) -> str:
        out = tmp_path / f"copies.{target}"
        result = pythos("compile", "--target", target, source, "-o", out)
        assert result.returncode == 0, result.stderr
        return subprocess.run(["objdump", "-d", str(out)], capture_output=True, text=True,
                              check=True).stdout

    assert "%xmm" in disassembly("linux")  # the program does tempt LLVM
    assert "%xmm" not in disassembly("user")


def test_exec_refuses_the_user_target() -> None:
    result = pythos("exec", "--target", "user", USER_DIR / "hello.py")
    assert result.returncode == 1
    assert "'exec' runs Linux programs" in result.stderr


# LONG is 300 bytes, past open's 256 and, four times over, spawn's 1024.
WRAPPERS = f"""\
from pythos.lang import Array, addr_of, u8
from pythos.syscalls import ENAMETOOLONG, ENOSYS, E2BIG, getpid, open, spawn, write

LONG = "{"x" * 300}"
LONGER = "{"x" * 1200}"


def main() -> None:
    print("pid matches:", getpid() > 0)
    text = Array[u8, 3]()
    text[0] = 111
    text[1] = 107
    text[2] = 10
    print("before write, ", end="")
    print(write(1, addr_of(text), 3))
    print(open(LONG) == -ENAMETOOLONG, spawn("a", LONGER) == -E2BIG,
          spawn("a", "b") == -ENOSYS)
"""


def test_a_user_program_runs_on_linux_too(tmp_path: Path) -> None:
    """write, getpid and exit are Linux's numbers; the string checks of
    open and spawn fail before any system call, and Linux has no call 500."""
    source = tmp_path / "wrappers.py"
    source.write_text(WRAPPERS)
    exe = compile_user(source, tmp_path / "wrappers")
    result = subprocess.run([str(exe)], capture_output=True, text=True, timeout=10)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "pid matches: True\nbefore write, ok\n3\nTrue True True\n"
