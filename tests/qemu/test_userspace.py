"""User programs from the ramdisk in ring 3: ``run=PROG[,PROG...]``.

Each program runs in its own address space and talks to the kernel only
through ``syscall``; a fault kills it with one line and the kernel goes
on to the next program and to the end of its boot.  The frames a process
used are all free again when it has gone.
"""

from __future__ import annotations

import re

from pythos.kernel_tools.initrd import initrd_path

from .test_boot import BANNER, IDLE, boot

CRASHES = {
    "crash_write_kernel": "page fault at 0xffff800000000000, write, user: killed",
    "crash_privileged": r"general protection fault \(#GP\) at 0x401000: killed",
    "crash_divide": r"divide error \(#DE\) at 0x40100[0-9a-f]: killed",
    "crash_jump": "page fault at 0x10, instruction fetch, user: killed",
}


def booted(vm) -> str:
    """Wait for the idle line on serial; check the kernel started once.

    (The screen scrolls with this many lines, so only serial is checked.)
    """
    serial = vm.wait_for_serial(IDLE)
    assert serial.startswith(BANNER) and serial.count(BANNER) == 1, serial
    return serial


def run_programs(kernel_image, names: list[str]) -> str:
    with boot(kernel_image, initrd=initrd_path(kernel_image),
              cmdline="run=" + ",".join(names)) as vm:
        serial = booted(vm)
        assert vm.exit_code is None, "the kernel should idle, not stop"
    assert "frames not freed" not in serial, serial
    assert "panic" not in serial.lower(), serial
    return serial


def exact_count(kernel_image, program: str, pid: int, label: str) -> int:
    """Run the benchmark `program` twice in a row (the second run as `pid`)
    under -icount, where the TSC counts instructions, and return the number
    it printed after `label`: it must be the same both times."""
    with boot(kernel_image, initrd=initrd_path(kernel_image), icount=True, timeout=60,
              cmdline=f"run={program},{program}") as vm:
        serial = vm.wait_for_serial(f"pid {pid} ({program}): exited with status 0")
    counts = [int(n) for n in re.findall(rf"^{re.escape(label)} (\d+)$", serial, re.M)]
    assert len(counts) == 2 and counts[0] == counts[1], serial
    return counts[0]


def test_hello_writes_and_exits(kernel_image):
    serial = run_programs(kernel_image, ["hello"])
    assert "hello from user space, pid 1\npid 1 (hello): exited with status 0\n" in serial


def test_system_call_arguments_are_checked(kernel_image):
    serial = run_programs(kernel_image, ["syscheck"])
    assert "syscheck: every check passed\npid 1 (syscheck): exited with status 0\n" in serial


def test_every_fault_kills_only_the_program(kernel_image):
    names = [*CRASHES, "hello"]
    serial = run_programs(kernel_image, names)
    for pid, (name, report) in enumerate(CRASHES.items(), start=1):
        assert re.search(rf"^pid {pid} \({name}\): {report}$", serial, re.M), serial
    # The kernel went on: the next program ran, then the boot finished.
    assert f"pid {len(names)} (hello): exited with status 0" in serial
    assert serial.index("(hello): exited") < serial.index("boot complete")


def test_unknown_program_is_reported(kernel_image):
    serial = run_programs(kernel_image, ["nothere", "hello"])
    assert "run: nothere: no such file\n" in serial
    assert "pid 1 (hello): exited with status 0" in serial


def test_many_processes_leave_no_frames_behind(kernel_image):
    serial = run_programs(kernel_image, ["hello"] * 50)
    assert serial.count("hello from user space, pid ") == 50
    assert "hello from user space, pid 50\npid 50 (hello): exited with status 0" in serial


def test_null_system_call_costs_at_most_100_instructions(kernel_image):
    """Under -icount the TSC counts instructions: the count is exact and the
    same every run (issue 14's goal: at most 100 from `syscall` back)."""
    count = exact_count(kernel_image, "bench_getpid", 2, "bench: getpid round trip")
    assert 10 <= count <= 100, count


def test_timer_interrupts_a_long_computation_in_ring_3(kernel_image):
    """spin_briefly runs long enough for hundreds of timer interrupts, each
    taken from ring 3 and returned to it; then the kernel goes on."""
    serial = run_programs(kernel_image, ["spin_briefly", "hello"])
    assert "pid 1 (spin_briefly): exited with status 0\n" in serial
    assert "pid 2 (hello): exited with status 0\n" in serial
