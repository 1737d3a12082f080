"""User programs written in Python, compiled for the user target, in QEMU.

Each program in ``user/*.py`` is ordinary Python: under CPython it prints
something, and compiled for Pythos and run from the ramdisk it must print
exactly the same (only the process id differs), then exit with status 0.
So must a selection of the compiler's own differential programs
(tests/programs), which exercise the runtime's formatting, structs,
pointers and deep arithmetic.  A Python program that faults is ended by
the kernel with its one-line report, after what it printed before, and
the kernel goes on.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

from pythos.kernel_tools.build import kernel64_path
from pythos.kernel_tools.initrd import USER_DIR, initrd_path, make_initrd

from .test_boot import boot
from .test_userspace import booted, run_programs

REPO = Path(__file__).resolve().parents[2]
# spin never ends, sh waits for typed lines (tests/qemu/test_shell.py), and
# the crash programs end differently on purpose.
DIFFERENTIAL = sorted(p.stem for p in USER_DIR.glob("*.py")
                      if p.stem not in ("spin", "sh") and not p.stem.startswith("crash_"))


# Programs of the compiler's corpus that print much of what the runtime
# offers; each is one file (the corpus's lib_ modules would be programs
# of their own in a ramdisk) and ends with status 0.
CORPUS = ["algo_bignum", "algo_nqueens", "arr_quicksort", "fmt_bool_specs",
          "fmt_hexdump", "fmt_int_specs", "fmt_strings", "fmt_wide_fields", "func_hanoi",
          "int_mul128", "ptr_linked_list", "str_table", "struct_store_copies",
          "obj_inheritance", "obj_dataclasses", "obj_optional_tree", "obj_fstring_values"]


def under_cpython(name: str, directory: Path = USER_DIR) -> str:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    result = subprocess.run([sys.executable, str(directory / f"{name}.py")], env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout


def outputs(serial: str, names: list[str]) -> dict[str, str]:
    """What each program printed: the serial text from the ramdisk's summary
    line (or the previous program's end) to the program's own end line."""
    start = serial.index("\n", serial.index("initrd: ")) + 1
    printed = {}
    for pid, name in enumerate(names, start=1):
        end = f"pid {pid} ({name}): exited with status 0\n"
        assert end in serial[start:], serial
        stop = serial.index(end, start)
        printed[name] = serial[start:stop]
        start = stop + len(end)
    return printed


def without_pids(text: str) -> str:
    return re.sub(r"\bpid \d+", "pid N", text)


def test_programs_print_under_pythos_what_they_print_under_cpython(kernel_image):
    assert {"hello", "primes"} <= set(DIFFERENTIAL)
    printed = outputs(run_programs(kernel_image, DIFFERENTIAL), DIFFERENTIAL)
    for name in DIFFERENTIAL:
        assert without_pids(printed[name]) == without_pids(under_cpython(name)), name
    hello_pid = DIFFERENTIAL.index("hello") + 1
    assert printed["hello"] == f"hello from user space, pid {hello_pid}\n"


def test_a_stack_overflow_kills_only_the_program(kernel_image):
    """Recursion without end runs into the guard page below the 4-page user
    stack (0x7ffffffeb000); the line printed before it is not lost."""
    serial = run_programs(kernel_image, ["crash_stack", "hello"])
    assert re.search(r"^crash_stack: recursing until the stack runs out\n"
                     r"pid 1 \(crash_stack\): page fault at 0x7ffffffeb[0-9a-f]{3}, write, "
                     r"user: killed\n", serial, re.M), serial
    assert "hello from user space, pid 2\npid 2 (hello): exited with status 0\n" in serial
    assert serial.index("(hello): exited") < serial.index("boot complete")


def test_the_compilers_programs_run_in_ring_3(kernel_image, tmp_path):
    sources = tmp_path / "programs"
    sources.mkdir()
    for name in CORPUS:
        shutil.copy(REPO / "tests" / "programs" / f"{name}.py", sources)
    initrd = make_initrd(tmp_path / "initrd.tar", sources=sources)
    with boot(kernel_image, initrd=initrd, cmdline="run=" + ",".join(CORPUS), timeout=60) as vm:
        serial = booted(vm)
    assert "panic" not in serial.lower(), serial
    printed = outputs(serial, CORPUS)
    for name in CORPUS:
        assert printed[name] == under_cpython(name, sources), name


KERNEL_VMA = 0xFFFF_FFFF_8000_0000


def kernel_variable_address(image: Path, symbol: str) -> int:
    """The physical address of a kernel global, from the ELF64 image's symbols."""
    symbols = subprocess.run(["nm", str(kernel64_path(image))], capture_output=True, text=True,
                             check=True).stdout
    match = re.search(rf"^([0-9a-f]+) [bBdD] {re.escape(symbol)}$", symbols, re.M)
    assert match, f"{symbol} is not in the kernel's symbols"
    return int(match.group(1), 16) - KERNEL_VMA


def test_spin_runs_in_ring_3_and_the_timer_still_ticks(kernel_image):
    """spin never makes a system call.  While it loops, the CPU is in ring 3
    (CS 0x23) with interrupts on, and the kernel's timer handler keeps
    counting ticks: the program cannot freeze the machine.  (With no
    scheduler yet, the kernel gives it the CPU back after each tick.)"""
    ticks = kernel_variable_address(kernel_image, "kernel.clock.tick_count")
    with boot(kernel_image, initrd=initrd_path(kernel_image), cmdline="run=spin") as vm:
        vm.wait_for_serial("spin: counting forever\n")
        counts = []
        for _ in range(2):
            counts.append(int.from_bytes(vm.read_physical(ticks, 8), "little"))
            time.sleep(0.3)
        # A sample may catch the CPU in the timer's handler, in ring 0; the
        # program's own time is nearly all of it, so a few samples suffice.
        for _ in range(10):
            registers = vm.hmp("info registers")
            if re.search(r"\bCS =0023\b", registers):
                break
    assert counts[1] > counts[0], counts
    assert re.search(r"\bCS =0023\b", registers), registers
    rflags = int(re.search(r"RFL=([0-9a-f]+)", registers).group(1), 16)
    assert rflags & 0x200, f"interrupts are off in ring 3: {registers}"
