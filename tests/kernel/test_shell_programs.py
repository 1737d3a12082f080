"""``ls``, ``cat`` and ``run`` on the host (kernel/shell/commands/ls.py,
cat.py, run.py): a ramdisk made by Python's tarfile with a program linked
by GNU ld, the commands' output and usage lines, completion of file and
program names, and ``run`` awaiting a process on the executor: suspended
until the process's end wakes it, then reporting how it ended; cancelled,
it kills the process.  The process side (``start_awaited``,
``awaited_status``) runs on the real task table."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

import kernel.drivers.serial_input as serial_input
import kernel.proc.kstack as kstack
import kernel.proc.process as process
import kernel.proc.scheduler as scheduler
import kernel.shell.commands.all  # noqa: F401 - registers the commands
from kernel.fs import initrd
from kernel.proc import tasks
from kernel.shell import registry
from kernel.shell.output import Capture
from kernel.shell.registry import FAILED, OK, USAGE
from kernel.task import executor, waker
from kernel.task.wakeset import NO_SLOT
from pythos.lang import i64, u64

from .executor_fakes import FakeUart, Machine, serial_interrupt
from .helpers import drive, exact_span
from .test_elf import linked_program
from .test_ustar import make_archive

MOTD = "Welcome to Pythos: é\n"


@pytest.fixture
def ramdisk() -> Iterator[None]:
    span = exact_span(make_archive({"hello": linked_program(), "motd.txt": MOTD.encode()}))
    initrd.archive.set(span.data, span.length)
    yield
    initrd.archive.clear()


def run(line: str) -> tuple[int, str]:
    out = Capture()
    status = drive(registry.run_async(out, line))
    return status, out.text()


def test_ls_lists_the_files_with_their_sizes(ramdisk: None) -> None:
    status, text = run("ls")
    assert status == OK
    assert text == (f"{len(linked_program()):>8}  hello\n"
                    f"{len(MOTD.encode()):>8}  motd.txt\n")
    assert run("ls -l") == (USAGE, "usage: ls\n")


def test_ls_without_a_ramdisk() -> None:
    initrd.archive.clear()
    assert run("ls") == (FAILED, "ls: there is no ramdisk (the boot loader gave no usable "
                                 "module)\n")


def test_cat_shows_a_file_and_ends_its_line(ramdisk: None) -> None:
    assert run("cat motd.txt") == (OK, MOTD)
    assert run("cat nothere") == (FAILED, "cat: nothere: no such file (ls lists them)\n")
    assert run("cat") == (USAGE, "usage: cat FILE\n")
    assert run("cat a b") == (USAGE, "usage: cat FILE\n")


def test_cat_decodes_utf8_and_adds_the_missing_newline() -> None:
    span = exact_span(make_archive({"notes": b"no newline \xff"}))
    initrd.archive.set(span.data, span.length)
    try:
        assert run("cat notes") == (OK, "no newline \ufffd\n")
    finally:
        initrd.archive.clear()


def test_names_complete(ramdisk: None) -> None:
    assert registry.complete("cat mo") == ["motd.txt"]
    assert registry.complete("cat ") == ["hello", "motd.txt"]
    assert registry.complete("run ") == ["hello"], "only programs"


def run_in_task(machine: Machine, line: str) -> tuple[int, str]:
    """``run`` as the shell task runs it: in a task of the executor."""
    out = Capture()
    result: list[int] = []

    async def shell() -> None:
        result.append(await registry.run_async(out, line))

    executor.spawn(shell(), "shell")
    machine.executor.run_until_idle()
    return result[0], out.text()


class FakeProcesses:
    """``process``'s side of ``run``, recorded: what was started, for which
    task, and an end the test decides."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.started: list[tuple[str, str, int]] = []
        self.status = process.NOT_ENDED
        self.abandoned: list[int] = []
        self.stopped: list[int] = []
        monkeypatch.setattr(process, "start_awaited", self.start_awaited)
        monkeypatch.setattr(process, "awaited_status", lambda pid: self.status)
        monkeypatch.setattr(process, "abandon", lambda pid: self.abandoned.append(int(pid)))
        monkeypatch.setattr(process, "stop", lambda pid: self.stopped.append(int(pid)))

    def start_awaited(self, name: object, args: object, waiter: u64) -> i64:
        def text(span: object) -> str:
            return bytes(span.data[i] for i in range(span.length)).decode()  # type: ignore
        self.started.append((text(name), text(args), int(waiter)))
        return i64(42)


def test_run_awaits_the_process_and_reports_its_end(
        machine: Machine, ramdisk: None, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = FakeProcesses(monkeypatch)
    out = Capture()
    result: list[int] = []

    async def shell() -> None:
        result.append(await registry.run_async(out, "run hello 'a  b' c"))

    task = executor.spawn(shell(), "shell")
    machine.executor.run_until_idle()
    assert fake.started == [("hello", "a  b c", task.slot)]
    assert task.state_name() == "waiting" and result == []
    machine.executor.run_until_idle()
    assert task.polls == 1, "suspended: nothing polls it until the process ends"
    fake.status = i64(7)
    waker.wake(u64(task.slot))                  # as exit_current does
    machine.executor.run_until_idle()
    assert result == [FAILED] and out.text() == "pid 42 (hello): exited with status 7\n"
    assert fake.abandoned == []


def test_run_reports_a_killed_process_and_a_clean_exit(
        machine: Machine, ramdisk: None, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = FakeProcesses(monkeypatch)
    fake.status = process.KILLED_STATUS
    assert run_in_task(machine, "run hello") == (FAILED, "pid 42 (hello): killed\n")
    fake.status = i64(0)
    assert run_in_task(machine, "run hello x") == (OK, "pid 42 (hello): exited with status 0\n")


def test_run_refuses_what_it_cannot_start(
        machine: Machine, ramdisk: None, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = FakeProcesses(monkeypatch)
    assert run_in_task(machine, "run") == (USAGE, "usage: run PROG [ARG...]\n")
    assert run_in_task(machine, "run nothere") == (
        FAILED, "run: nothere: no such file (ls lists them)\n")
    status, text = run_in_task(machine, "run motd.txt")
    assert status == FAILED and text.startswith("run: motd.txt: not a program: "), text
    assert run_in_task(machine, "run hello " + "x" * 257) == (
        USAGE, "run: the argument line is longer than 256 bytes\nusage: run PROG [ARG...]\n")
    assert fake.started == []


def test_a_cancelled_run_kills_the_process(
        machine: Machine, ramdisk: None, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = FakeProcesses(monkeypatch)
    task = executor.spawn(registry.run_async(Capture(), "run hello"), "shell")  # type: ignore
    machine.executor.run_until_idle()
    task.cancel()
    assert fake.abandoned == [42] and task.state_name() == "cancelled"


@pytest.fixture
def table(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(kstack, "free", lambda slot: None)
    scheduler.init()
    yield
    scheduler.init()


def test_an_awaited_zombie_is_left_for_its_waiter(table: None) -> None:
    awaited = scheduler.table.allocate(u64(0))
    other = scheduler.table.allocate(u64(0))
    scheduler.table.tasks[awaited].waiter_slot = u64(3)
    for slot, status in ((awaited, 7), (other, 0)):
        scheduler.table.tasks[slot].state = tasks.ZOMBIE
        scheduler.table.tasks[slot].status = i64(status)
    assert process.reap_kernel_children()
    assert scheduler.table.tasks[other].state == tasks.FREE
    assert scheduler.table.tasks[awaited].state == tasks.ZOMBIE, "the idle step left it"
    pid = scheduler.table.tasks[awaited].pid
    assert process.awaited_status(pid) == 7
    assert scheduler.table.tasks[awaited].state == tasks.FREE


def test_an_awaited_process_not_ended_yet_and_abandoned(table: None) -> None:
    slot = scheduler.table.allocate(u64(0))
    scheduler.table.tasks[slot].waiter_slot = u64(3)
    pid = scheduler.table.tasks[slot].pid
    assert process.awaited_status(pid) == process.NOT_ENDED
    process.abandon(pid)
    assert scheduler.table.tasks[slot].killed
    assert scheduler.table.tasks[slot].waiter_slot == tasks.NO_WAITER


def test_ctrl_c_on_com1_stops_the_program_and_is_not_input(
        machine: Machine, uart: FakeUart, ramdisk: None, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = FakeProcesses(monkeypatch)
    out = Capture()
    result: list[int] = []

    async def shell() -> None:
        result.append(await registry.run_async(out, "run hello"))

    task = executor.spawn(shell(), "shell")
    machine.executor.run_until_idle()
    assert waker.INTERRUPT.registered() == task.slot
    machine.cpu.raise_irq(serial_interrupt(uart, b"a\x03b"))   # the real on_irq4
    assert serial_input.buffer.length() == 2, "the Ctrl-C was a signal, not a byte"
    machine.executor.run_until_idle()
    assert fake.stopped == [42] and result == []
    fake.status = process.KILLED_STATUS
    waker.wake(u64(task.slot))                  # the process's exit
    machine.executor.run_until_idle()
    assert result == [FAILED] and out.text() == "pid 42 (hello): stopped by Ctrl-C\n"
    assert waker.INTERRUPT.registered() == NO_SLOT, "Ctrl-C is input again"
    machine.cpu.raise_irq(serial_interrupt(uart, b"\x03"))
    assert serial_input.buffer.length() == 3
