"""Every shell command's output on the host, with fake hardware
(kernel/shell/commands/): what it prints, its status, and the usage line
for bad arguments.  The games' commands are in
test_shell_commands_games.py."""

from __future__ import annotations

import datetime
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

import kernel.arch.x86_64.cpu as cpu
import kernel.arch.x86_64.reset as reset
import kernel.clock as clock
import kernel.drivers.debug_exit as debug_exit
import kernel.drivers.pit as pit
import kernel.drivers.rtc as rtc
import kernel.drivers.speaker as speaker
import kernel.logring as logring
import kernel.memstats as memstats
import kernel.shell.commands.all  # noqa: F401 - registers the commands
import kernel.test_registry as test_registry
import kernel.tickless as tickless
from kernel.drivers.rtc import DateTime
from kernel.logring import LogRing
from kernel.memstats import MemoryStats
from kernel.shell import registry
from kernel.shell.commands import crash, date, heapcheck, uptime
from kernel.shell.output import Capture
from kernel.shell.registry import FAILED, OK, UNKNOWN, USAGE
from kernel.shell.wrap import wrap
from pythos.lang import PanicError, i64, u8, u32, u64

from .fake_hardware import FakePorts
from .helpers import drive
from .test_pci import QEMU_PC, FakePciBus


def run(line: str) -> tuple[int, str]:
    out = Capture()
    status = drive(registry.run_async(out, line))
    return status, out.text()


# ----- help: every command, in 80 columns -------------------------------------------

EVERY_COMMAND = ["beep", "cat", "clear", "color", "date", "dmesg", "echo", "fault", "flappy",
                 "halt", "heapcheck", "help", "kill", "log", "ls", "lspci", "mem", "panic", "ps",
                 "reboot", "run", "snake", "test", "uptime"]


def test_help_lists_every_command_each_on_one_screen_line() -> None:
    status, text = run("help")
    assert status == OK
    lines = text.splitlines()
    assert [line.split()[0] for line in lines] == EVERY_COMMAND
    assert all(len(line) <= 80 for line in lines), [line for line in lines if len(line) > 80]


# ----- uptime ------------------------------------------------------------------------

@pytest.mark.parametrize(("ms", "text"), [
    (0, "00:00:00.000"), (83_456, "00:01:23.456"), (3_600_000, "01:00:00.000"),
    (86_400_000 + 3_723_004, "1 day, 01:02:03.004"), (3 * 86_400_000 + 59, "3 days, 00:00:00.059"),
])
def test_uptime_text(ms: int, text: str) -> None:
    assert uptime.duration_text(ms) == text


def test_uptime_reads_the_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "is_running", lambda: True)
    monkeypatch.setattr(clock, "uptime_ms", lambda: u64(83_456))
    monkeypatch.setattr(clock, "ticks", lambda: u64(2_460))
    monkeypatch.setattr(tickless, "stopped_ms", lambda: u64(81_000))
    assert run("uptime") == (OK, "up 00:01:23.456 (83456 ms, 2460 timer ticks, "
                                 "81000 ms tickless)\n")
    assert run("uptime now") == (USAGE, "usage: uptime\n")
    monkeypatch.setattr(clock, "is_running", lambda: False)
    assert run("uptime") == (FAILED, "uptime: the clock is not running\n")


# ----- date --------------------------------------------------------------------------

@given(st.datetimes(min_value=datetime.datetime(1970, 1, 1),
                    max_value=datetime.datetime(2199, 12, 31)))
def test_date_prints_the_weekday_python_gives(moment: datetime.datetime) -> None:
    value = DateTime(moment.year, moment.month, moment.day, moment.hour, moment.minute,
                     moment.second)
    original = rtc.now
    rtc.now = lambda: value  # type: ignore[assignment]
    try:
        status, text = run("date")
    finally:
        rtc.now = original
    assert status == OK
    assert text == moment.strftime("%a %Y-%m-%d %H:%M:%S UTC\n")


def test_date_from_the_cmos_clock(ports: FakePorts) -> None:
    registers = {0x00: 0x09, 0x02: 0x05, 0x04: 0x17, 0x07: 0x30, 0x08: 0x11, 0x09: 0x26,
                 0x0A: 0x26, 0x0B: 0x02, 0x32: 0x20}
    selected = [0]
    ports.attach([0x70], write=lambda p, v: selected.__setitem__(0, v & 0x7F))
    ports.attach([0x71], read=lambda p: registers.get(selected[0], 0))
    assert run("date") == (OK, "Mon 2026-11-30 17:05:09 UTC\n")


def test_date_without_a_clock(ports: FakePorts) -> None:
    assert run("date") == (FAILED, "date: the real-time clock gives no valid date\n")
    assert date.weekday(0) == "Thu"


# ----- mem ---------------------------------------------------------------------------

def test_mem_prints_the_three_layers(monkeypatch: pytest.MonkeyPatch) -> None:
    stats = MemoryStats("bitmap", 31998, 31939, "fixed-size blocks", 131072, 113766, 16179,
                        113766, 19, 54, 7987, 113766)
    monkeypatch.setattr(memstats, "gather", lambda: stats)
    status, text = run("mem")
    assert status == OK
    assert text.splitlines() == [
        "frames:  31939 of 31998 free (124.7 MiB of 124.9 MiB), 59 in use; bitmap",
        "         allocator",
        "heap:    111.0 KiB used, 15.7 KiB free, 128.0 KiB mapped, peak 111.0 KiB; 19",
        "         allocations; fixed-size blocks",
        "objects: 54 live, 7.7 KiB in use, 111.0 KiB held"]
    assert " ".join(text.split()) == " ".join(" ".join(memstats.report(stats)).split())
    assert run("mem -v") == (USAGE, "usage: mem\n")


# ----- log and dmesg -----------------------------------------------------------------

@pytest.fixture
def ring(monkeypatch: pytest.MonkeyPatch, interrupt_flag: object) -> LogRing:
    fresh = LogRing()
    monkeypatch.setattr(logring, "ring", fresh)
    fresh.push(u8(0), u64(5), "serial: loopback ok")
    fresh.push(u8(1), u64(19), "boot complete")
    fresh.push(u8(2), u64(1500), "rtc: no date")
    fresh.push(u8(3), u64(62_003), "disk on fire")
    return fresh


def test_log_lists_the_messages_at_a_level_or_above(ring: LogRing) -> None:
    assert run("log") == (OK, "[    0.005] debug: serial: loopback ok\n"
                              "[    0.019] info: boot complete\n"
                              "[    1.500] warn: rtc: no date\n"
                              "[   62.003] error: disk on fire\n")
    assert run("log warn") == (OK, "[    1.500] warn: rtc: no date\n"
                                   "[   62.003] error: disk on fire\n")
    assert run("log loud") == (USAGE, "log: no level loud; levels: debug info warn error\n"
                                      "usage: log [LEVEL]\n")
    assert registry.complete("log w") == ["warn"]


def test_log_leaves_out_console_lines_and_dmesg_shows_them(ring: LogRing,
                                                           interrupt_flag: object) -> None:
    line = logring.LogEntry()
    line.start(u64(0), u8(1), u64(20))
    line.from_console = True
    for b in b"Pythos is up.":
        line.add(u8(b))
    line.finish()
    ring.push_entry(line)
    assert "Pythos is up" not in run("log")[1]
    status, text = run("dmesg")
    assert status == OK
    assert text.splitlines()[-1] == "[    0.020] Pythos is up."
    assert len(text.splitlines()) == 5


def test_log_with_nothing_to_show(monkeypatch: pytest.MonkeyPatch,
                                  interrupt_flag: object) -> None:
    monkeypatch.setattr(logring, "ring", LogRing())
    assert run("log error") == (OK, "log: no messages at error or above\n")


# ----- lspci -------------------------------------------------------------------------

def test_lspci_decodes_qemus_devices(ports: FakePorts) -> None:
    FakePciBus(ports, QEMU_PC)
    status, text = run("lspci")
    assert status == OK
    lines = text.splitlines()
    assert lines[:2] == ["00:00.0 Host bridge: Intel Corporation 440FX - 82441FX PMC [Natoma] "
                         "[8086:1237]", "        (rev 02)"]
    assert all(len(line) <= 80 for line in lines)
    assert [line[:7] for line in lines if not line.startswith(" ")] == [
        "00:00.0", "00:01.0", "00:01.1", "00:01.3", "00:02.0", "00:03.0"]
    vga = "00:02.0 VGA compatible controller: QEMU/Bochs Standard VGA [1234:1111] (rev 02)"
    assert vga in lines


def test_lspci_without_devices(ports: FakePorts) -> None:
    FakePciBus(ports, {})
    assert run("lspci") == (OK, "lspci: no PCI devices answered\n")


# ----- folding long lines -----------------------------------------------------------

@given(st.lists(st.text("abcdefghij", min_size=1, max_size=30), max_size=40),
       st.integers(20, 100), st.integers(0, 12))
def test_wrap_folds_at_spaces_and_keeps_every_word(words: list[str], width: int,
                                                   indent: int) -> None:
    text = " ".join(words)
    rows = wrap(text, width, indent)
    assert all(len(row) <= width for row in rows)
    assert all(row.startswith(" " * indent) for row in rows[1:])
    if all(len(word) <= width - indent for word in words):
        assert " ".join(" ".join(rows).split()) == text
    else:
        assert "".join(rows).replace(" ", "") == text.replace(" ", "")
    if len(text) <= width:
        assert rows == [text]


def test_wrap_cuts_a_word_too_long_for_a_row() -> None:
    assert wrap("ab " + "x" * 30, 12, 2) == ["ab", "  xxxxxxxxxx", "  xxxxxxxxxx", "  xxxxxxxxxx"]


# ----- beep --------------------------------------------------------------------------

@pytest.fixture
def speaker_ports(ports: FakePorts, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    control = [0]
    ports.attach([pit.SPEAKER_CONTROL], read=lambda p: control[0],
                 write=lambda p, v: control.__setitem__(0, v))
    slept: list[int] = []
    monkeypatch.setattr(clock, "sleep_ms", lambda ms: slept.append(int(ms)))
    return slept


def test_beep_plays_the_tone_asked_for(ports: FakePorts, speaker_ports: list[int]) -> None:
    assert run("beep 440 50") == (OK, "beep: 440 Hz for 50 ms\n")
    assert speaker_ports == [50]
    divisor = [v for p, v in ports.writes_to(int(pit.CHANNEL2_DATA))]
    assert divisor[0] | divisor[1] << 8 == speaker.divisor_for(u32(440)) == 2712
    assert run("beep") == (OK, "beep: 880 Hz for 200 ms\n")


@pytest.mark.parametrize(("line", "message"), [
    ("beep loud", "beep: HZ must be a number from 20 to 20000"),
    ("beep 19", "beep: HZ must be a number from 20 to 20000"),
    ("beep 99999999999999999999", "beep: HZ must be a number from 20 to 20000"),
    ("beep 440 0", "beep: MS must be a number from 1 to 10000"),
    ("beep 440 -5", "beep: MS must be a number from 1 to 10000"),
    ("beep 440 10001", "beep: MS must be a number from 1 to 10000"),
    ("beep ²²²", "beep: HZ must be a number from 20 to 20000"),
    ("beep 440 ５", "beep: MS must be a number from 1 to 10000"),
])
def test_beep_refuses_bad_numbers(line: str, message: str, speaker_ports: list[int]) -> None:
    assert run(line) == (USAGE, f"{message}\nusage: beep [HZ] [MS]\n")
    assert speaker_ports == []
    assert run("beep 1 2 3") == (USAGE, "usage: beep [HZ] [MS]\n")


# ----- halt and reboot ---------------------------------------------------------------

class Stopped(Exception):
    """What the fakes raise where the machine would stop."""


def stop(*args: object) -> None:
    raise Stopped(repr(args))


def test_halt_exits_qemu_and_else_stops(monkeypatch: pytest.MonkeyPatch) -> None:
    codes: list[int] = []
    monkeypatch.setattr(debug_exit, "exit_qemu", lambda code: codes.append(int(code)))
    monkeypatch.setattr(cpu, "halt_forever", lambda: stop())
    out = Capture()
    with pytest.raises(Stopped):
        registry.COMMANDS["halt"].run(out, [])
    assert codes == [0x10]
    assert out.text() == ("halt: stopping the machine\n"
                          "halt: the machine has stopped; it is safe to switch it off\n")


def test_reboot_pulses_the_reset_line_then_triple_faults(monkeypatch: pytest.MonkeyPatch,
                                                         ports: FakePorts) -> None:
    ports.attach([0x64], read=lambda p: 0x1C)
    monkeypatch.setattr(clock, "sleep_ms", lambda ms: None)
    monkeypatch.setattr(reset, "triple_fault", lambda: stop())
    out = Capture()
    with pytest.raises(Stopped):
        registry.COMMANDS["reboot"].run(out, [])
    assert ports.writes_to(0x64) == [(0x64, 0xFE)]
    assert out.text().startswith("reboot: restarting\nreboot: the keyboard controller did not")


def test_reboot_waits_for_the_controllers_input_buffer(monkeypatch: pytest.MonkeyPatch,
                                                       ports: FakePorts) -> None:
    statuses = iter([0x02, 0x02, 0x02, 0x00])
    seen: list[int] = []

    def status(p: int) -> int:
        value = next(statuses, 0)
        seen.append(value)
        return value

    ports.attach([0x64], read=status)
    reset.pulse_reset_line()
    assert seen == [2, 2, 2, 0] and ports.writes_to(0x64) == [(0x64, 0xFE)]


# ----- panic and fault ---------------------------------------------------------------

def test_panic_panics_with_the_words() -> None:
    with pytest.raises(PanicError, match="panic requested from the shell: disk on fire"):
        registry.COMMANDS["panic"].run(Capture(), ["disk", "on", "fire"])


def test_fault_checks_the_kind_then_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    kinds: list[str] = []
    monkeypatch.setattr(crash, "fail", kinds.append)
    assert run("fault divide") == (OK, "fault: divide\n")
    assert run("fault overflow") == (OK, "fault: overflow\n")
    assert kinds == ["divide", "overflow"]
    status, text = run("fault test")
    assert status == USAGE and text.startswith("fault: no kind test; kinds: assert divide")
    assert run("fault") == (USAGE, "usage: fault KIND\n")
    assert registry.complete("fault ov") == ["overflow"]
    assert kinds == ["divide", "overflow"]


def test_fault_really_faults() -> None:
    # A failed assert panics in the kernel; under CPython it raises.
    with pytest.raises(AssertionError, match="assertion failed on purpose"):
        registry.COMMANDS["fault"].run(Capture(), ["assert"])
    with pytest.raises(ZeroDivisionError):
        registry.COMMANDS["fault"].run(Capture(), ["divide"])
    with pytest.raises(IndexError):
        crash.fail("index")
    with pytest.raises(PanicError, match="nested panic requested from the shell"):
        crash.fail("nested")


# ----- test --------------------------------------------------------------------------

@pytest.fixture
def kernel_tests(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    names = ["kernel.tests.test_memory.test_frames", "kernel.tests.test_memory.test_heap",
             "kernel.tests.test_memory.test_out_of_memory", "kernel.tests.test_gc.test_cycles"]
    ran: list[str] = []
    monkeypatch.setattr(test_registry, "TEST_COUNT", len(names))
    monkeypatch.setattr(test_registry, "test_name", lambda i: names[int(i)])
    monkeypatch.setattr(test_registry, "should_panic", lambda i: int(i) == 2)
    monkeypatch.setattr(test_registry, "run_test", lambda i: ran.append(names[int(i)]))
    return ran


def test_test_runs_every_test_but_the_should_panic_ones(kernel_tests: list[str]) -> None:
    status, text = run("test")
    assert status == OK
    assert text == ("test kernel.tests.test_memory.test_frames ... ok\n"
                    "test kernel.tests.test_memory.test_heap ... ok\n"
                    "test kernel.tests.test_gc.test_cycles ... ok\n"
                    "3 kernel tests passed (1 should-panic test left out)\n")


@pytest.mark.parametrize(("word", "chosen"), [
    ("test_heap", ["test_heap"]), ("1", ["test_heap"]),
    ("kernel.tests.test_gc.test_cycles", ["test_cycles"]),
    ("test_memory", ["test_frames", "test_heap"]),
    ("kernel.tests.test_memory", ["test_frames", "test_heap"]),
])
def test_test_picks_by_number_name_or_module(word: str, chosen: list[str],
                                              kernel_tests: list[str]) -> None:
    assert run(f"test {word}")[0] == OK
    assert [name.split(".")[-1] for name in kernel_tests] == chosen


def test_test_refuses_what_names_no_test(kernel_tests: list[str]) -> None:
    assert run("test nothing") == (USAGE, "test: no test nothing (Tab lists them)\n"
                                          "usage: test [NAME]\n")
    assert registry.complete("test kernel.tests.test_g") == ["kernel.tests.test_gc.test_cycles"]
    assert kernel_tests == []


def test_test_in_a_kernel_without_tests() -> None:
    status, text = run("test")
    assert status == FAILED and "no tests compiled in" in text


# ----- heapcheck ---------------------------------------------------------------------

def measured(monkeypatch: pytest.MonkeyPatch, used: list[int], live: list[int]) -> None:
    used_values = iter(used)
    live_values = iter(live)
    monkeypatch.setattr(heapcheck, "heap_bytes_used", lambda: next(used_values))
    monkeypatch.setattr(heapcheck, "live_objects", lambda: next(live_values))


def test_heapcheck_runs_the_command_and_says_nothing_was_kept(
        monkeypatch: pytest.MonkeyPatch) -> None:
    measured(monkeypatch, [4096, 4096], [12, 12])
    assert run("heapcheck echo 'a  b'") == (
        OK, "a  b\nheapcheck: nothing kept (4096 B of heap in use, 12 objects)\n")


def test_heapcheck_reports_what_a_command_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    measured(monkeypatch, [4096, 4160], [12, 13])
    status, text = run("heapcheck echo hi")
    assert status == FAILED
    assert text == ("hi\nheapcheck: kept 64 B and 1 objects (heap 4096 -> 4160 B, "
                    "objects 12 -> 13)\n")


def test_heapcheck_passes_on_the_commands_status(monkeypatch: pytest.MonkeyPatch) -> None:
    measured(monkeypatch, [1, 1, 1, 1], [1, 1, 1, 1])
    assert run("heapcheck nosuch")[0] == UNKNOWN
    assert run("heapcheck mem now") == (FAILED, "usage: mem\nheapcheck: nothing kept "
                                                "(1 B of heap in use, 1 objects)\n")
    assert run("heapcheck") == (USAGE, "usage: heapcheck CMD [ARG...]\n")
    assert registry.complete("heapcheck lsp") == ["lspci"]


# ----- a command that raises ---------------------------------------------------------

@pytest.fixture
def raising_command() -> Callable[[], None]:
    def inner(word: str) -> int:
        return int(word) * 2

    def bad(out: Capture, words: list[str]) -> int:
        out.line(f"{inner(words[0])}")
        return OK

    registry.add("double", bad, args="N")  # type: ignore[arg-type]
    yield lambda: None
    del registry.COMMANDS["double"]


def test_a_command_that_raises_prints_its_traceback_and_the_shell_goes_on(
        raising_command: Callable[[], None]) -> None:
    status, text = run("double x")
    assert status == FAILED
    lines = text.splitlines()
    assert lines[0] == "Traceback (most recent call last):"
    assert any(line.strip() == "return int(word) * 2" for line in lines)
    assert lines[-2] == "ValueError: invalid literal for int() with base 10: 'x'"
    assert lines[-1] == "double: failed with ValueError; back to the prompt"
    assert run("double 21") == (OK, "42\n")
    assert run("echo after") == (OK, "after\n")


def test_type_names() -> None:
    assert registry.type_name(KeyError("k")) == "KeyError"
    assert int(i64(-1)) == -1
