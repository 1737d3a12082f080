"""The shell's commands in QEMU: typed on COM1 and on the
keyboard (``sendkey``), their results read from the serial log and from
the VGA screen, with plausible values checked against the host (the date,
the uptime, the memory, QEMU's PCI devices); every command run under
``heapcheck``, which must find nothing kept; the games started and quit
with the screen given back; and the commands that stop the machine
(``halt``, ``reboot``, ``panic``, ``fault``) stopping it as they say.

Keys go through the monitor at most about 50 a second and serial bytes
in small pieces, so that a loaded host loses nothing."""

from __future__ import annotations

import datetime
import re
import subprocess
import sys
import time
from pathlib import Path

from pythos.kernel_tools.qemu import QemuSession, decode_exit_status

from .test_boot import boot, wait_for_screen
from .test_shell_prompt import PROMPT, send, spelled, type_keys

REPO = Path(__file__).resolve().parents[2]
EVERY_COMMAND = ["beep", "cat", "clear", "color", "date", "dmesg", "echo", "fault", "flappy",
                 "halt", "heapcheck", "help", "kill", "log", "ls", "lspci", "mem", "panic", "ps",
                 "reboot", "run", "snake", "test", "uptime"]
# Command lines heapcheck runs: every command that returns to the prompt,
# with good and bad arguments.
CHECKED = ["beep 880 20", "beep 5", "clear", "color yellow", "color 7 0", "color purple", "date",
           "dmesg", "echo \"a  b\" 'c d'", "fault nothing", "flappy x", "help", "help mem",
           "help nothing", "log", "log warn", "log loud", "lspci", "mem", "snake x", "test",
           "uptime", "uptime 1", "ps", "kill nothing", "nosuch command"]


def command(vm: QemuSession, line: str, timeout: float = 30) -> str:
    """Run ``line`` on COM1; its output, up to the next prompt."""
    out = send(vm, line + "\r", "\n" + PROMPT, timeout=timeout)
    return out[out.index("\n") + 1:out.rindex("\n" + PROMPT) + 1].replace("\r", "")


def at_prompt(vm: QemuSession, timeout: float = 20) -> None:
    """Wait until the serial output ends with a fresh prompt."""
    deadline = time.monotonic() + timeout
    while not vm.serial_text.endswith("\n" + PROMPT):
        assert time.monotonic() < deadline, vm.serial_text[-500:]
        time.sleep(0.05)


def test_commands_show_plausible_values_on_both_consoles(kernel_image: Path) -> None:
    started = time.monotonic()
    with boot(kernel_image, timeout=240) as vm:
        vm.wait_for_serial(PROMPT, timeout=60)
        help_text = command(vm, "help")
        assert [line.split()[0] for line in help_text.splitlines()] == EVERY_COMMAND
        assert all(len(line) <= 80 for line in help_text.splitlines())
        # date: the CMOS clock, which QEMU starts from the host's UTC time.
        out = command(vm, "date")
        match = re.fullmatch(r"(\w{3}) (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) UTC\n", out)
        assert match, out
        shown = datetime.datetime.strptime(match[2], "%Y-%m-%d %H:%M:%S")
        now = datetime.datetime.now(datetime.UTC).replace(tzinfo=None)
        assert abs((now - shown).total_seconds()) < 120, (shown, now)
        assert match[1] == shown.strftime("%a")
        # uptime: more than nothing, less than the host has waited.
        out = command(vm, "uptime")
        match = re.fullmatch(r"up 00:\d\d:\d\d\.\d{3} \((\d+) ms, (\d+) timer ticks, "
                             r"(\d+) ms tickless\)\n", out)
        assert match, out
        assert 0 < int(match[1]) < (time.monotonic() - started) * 1000
        # mem: QEMU's 128 MiB, mostly free; a heap in use; objects live.
        # (Folded to 80 columns: a continuation row starts with 9 blanks.)
        out = re.sub(r"\n {9}", " ", command(vm, "mem"))
        frames = re.search(r"^frames:  (\d+) of (\d+) free .*; (bitmap|free-list|list) allocator",
                           out, re.M)
        assert frames, out
        assert 25_000 < int(frames[2]) < 32_768 and 0 < int(frames[1]) <= int(frames[2])
        assert re.search(r"^heap:    [\d.]+ KiB used, .* mapped, peak", out, re.M), out
        assert re.search(r"^objects: \d+ live, ", out, re.M), out
        # lspci: QEMU's i440FX PC, with its VGA card and network card.
        out = command(vm, "lspci")
        assert out.startswith("00:00.0 Host bridge: Intel Corporation 440FX"), out
        assert "VGA compatible controller: QEMU/Bochs Standard VGA [1234:1111]" in out
        assert "Ethernet controller: Intel Corporation 82540EM" in out
        assert "info: boot complete" in command(vm, "log")
        assert "Pythos is up. This is its shell" in command(vm, "dmesg")
        assert command(vm, "beep 20000 10") == "beep: 20000 Hz for 10 ms\n"
        assert command(vm, "beep 5") == ("beep: HZ must be a number from 20 to 20000\n"
                                         "usage: beep [HZ] [MS]\n")
        assert command(vm, "fault") == "usage: fault KIND\n"
        assert "no tests compiled in" in command(vm, "test")
        assert command(vm, "echo \"a  b\" 'c d'") == "a  b c d\n"
        assert command(vm, "echo \"a b") == "pythos: unterminated double quote at column 6\n"
        # The keyboard: uptime typed with sendkey, read back from the screen.
        type_keys(vm, ["ctrl-l", *spelled("uptime"), "ret"])
        screen = wait_for_screen(vm, " ms tickless)", timeout=20)
        assert screen[0] == "pythos> uptime", screen
        assert re.fullmatch(r"up 00:\d\d:\d\d\.\d{3} \(\d+ ms, \d+ timer ticks, \d+ ms tickless\)",
                            screen[1])
        assert screen[2] == PROMPT.rstrip()
        serial = vm.serial_text
    assert ": panic:" not in serial


def test_no_command_keeps_heap_memory(kernel_image: Path) -> None:
    with boot(kernel_image, timeout=300) as vm:
        vm.wait_for_serial(PROMPT, timeout=60)
        for line in CHECKED:
            out = command(vm, f"heapcheck {line}")
            verdict = re.sub(r"\x1b\[[0-9;]*[A-Za-z]", "", out.splitlines()[-1])
            assert verdict.startswith("heapcheck: nothing kept ("), f"{line}:\n{out}"
        # Twice round, since a first run could fill a cache the second reuses.
        for line in CHECKED:
            assert "heapcheck: nothing kept" in command(vm, f"heapcheck {line}"), line


def test_games_start_and_quit_back_to_the_shell(kernel_image: Path, tmp_path: Path) -> None:
    with boot(kernel_image, timeout=240) as vm:
        vm.wait_for_serial(PROMPT, timeout=60)
        command(vm, "echo before the games")
        before = vm.read_vga_text()
        start = len(vm.serial_text)
        vm.send_serial(b"snake 42\r")
        vm.wait_for_serial("snake: playing on the screen", timeout=20)
        screen = wait_for_screen(vm, "SNAKE", timeout=20)
        assert screen[1].startswith("╔═"), screen
        type_keys(vm, ["up", "left"])
        time.sleep(0.5)
        type_keys(vm, ["q"])
        vm.wait_for_serial("snake: score ", timeout=20)
        at_prompt(vm)
        out = vm.serial_text[start:]
        assert re.search(r"snake: score \d+, high score \d+", out), out
        screen = wait_for_screen(vm, "snake: score", timeout=20)
        # The screen the game found is back (scrolled by the lines since):
        # the rows above the command, the command, and no trace of the game.
        shown = "\n".join(screen)
        kept = [row for row in before if row.strip() and row != PROMPT.rstrip()]
        assert "\n".join(kept[-5:]) in shown, shown
        assert "pythos> snake 42\nsnake: playing on the screen" in shown, shown
        assert "╔" not in shown and "SNAKE" not in shown, shown
        # Flappy bird, stopped with Ctrl-C from the serial console.
        start = len(vm.serial_text)
        vm.send_serial(b"flappy 7\r")
        vm.wait_for_serial("flappy: playing on the screen", timeout=20)
        wait_for_screen(vm, "FLAPPY", timeout=20)
        vm.send_serial(b" ")
        time.sleep(0.3)
        vm.send_serial(b"\x03")
        vm.wait_for_serial("flappy: score ", timeout=20)
        at_prompt(vm)
        assert command(vm, "echo back") == "back\n"
        screen = wait_for_screen(vm, "pythos> echo back")
        assert "FLAPPY" not in "\n".join(screen)


def test_halt_exits_qemu(kernel_image: Path) -> None:
    with boot(kernel_image, timeout=120) as vm:
        vm.wait_for_serial(PROMPT, timeout=60)
        vm.send_serial(b"halt\r")
        status = vm.wait_for_exit(timeout=30)
        serial = vm.serial_text
    assert decode_exit_status(status) == 0x10, (status, serial)
    assert "halt: stopping the machine" in serial


def test_reboot_resets_through_the_keyboard_controller(kernel_image: Path) -> None:
    # QEMU runs with -no-reboot: a reset ends it, with status 0.
    with boot(kernel_image, timeout=120) as vm:
        vm.wait_for_serial(PROMPT, timeout=60)
        vm.send_serial(b"reboot\r")
        status = vm.wait_for_exit(timeout=30)
        serial = vm.serial_text
    assert status == 0, serial
    assert "reboot: restarting" in serial and "triple fault" not in serial


def test_panic_and_fault_stop_the_kernel_with_their_reports(kernel_image: Path) -> None:
    for line, report in [("panic disk on fire",
                          r"kernel/shell/commands/crash\.py:\d+: panic: panic requested from "
                          r"the shell: disk on fire"),
                         ("fault nested", r"kernel/shell/commands/crash\.py:\d+: panic: nested "
                                          r"panic requested from the shell"),
                         ("fault fault", r"page fault")]:
        with boot(kernel_image, timeout=120) as vm:
            vm.wait_for_serial(PROMPT, timeout=60)
            vm.send_serial(line.encode() + b"\r")
            status = vm.wait_for_exit(timeout=60)
            serial = vm.serial_text
        assert decode_exit_status(status) == 101, serial
        assert re.search(report, serial, re.I), serial


def test_the_test_command_runs_kernel_tests_from_the_shell(tmp_path: Path) -> None:
    """A test build (two modules' tests, to keep it small) booted with
    no ``test=`` comes to the prompt, and ``test`` runs its tests there."""
    modules = ("kernel.tests.test_strings", "kernel.tests.test_optionals")
    script = ("import sys\nfrom pathlib import Path\n"
              "from pythos.kernel_tools.ktest import build_test_kernel, discover\n"
              f"tests = [t for t in discover() if t.module in {modules!r}]\n"
              "print(build_test_kernel(Path(sys.argv[1]), tests=tests))\n")
    built = subprocess.run([sys.executable, "-c", script, str(tmp_path)], cwd=REPO,
                           capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stderr
    with boot(tmp_path / "test-kernel.elf", timeout=240) as vm:
        vm.wait_for_serial(PROMPT, timeout=60)
        out = command(vm, "test test_strings", timeout=120)
        ran = re.findall(r"^test (kernel\.tests\.test_strings\.\w+) \.\.\. ok$", out, re.M)
        assert ran and out.endswith(f"{len(ran)} kernel test{'s' if len(ran) > 1 else ''} "
                                    "passed\n"), out
        out = command(vm, "test", timeout=180)
        assert re.search(r"^\d+ kernel tests passed", out, re.M), out
        assert "kernel.tests.test_optionals." in out
        assert command(vm, "test nothing") == ("test: no test nothing (Tab lists them)\n"
                                               "usage: test [NAME]\n")
        serial = vm.serial_text
    assert ": panic:" not in serial
