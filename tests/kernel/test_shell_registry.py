"""The command registry (kernel/shell/registry.py), the first commands
(kernel/shell/commands/) and the colour helpers (kernel/shell/ansi.py),
with a captured output standing in for the console."""

from __future__ import annotations

import pytest

import kernel.shell.commands  # noqa: F401 - registers help, echo, clear, color
import kernel.shell.commands.color as color_command
from kernel.shell import ansi, registry
from kernel.shell.output import Capture, Output
from kernel.shell.registry import OK, UNKNOWN, USAGE, argument_counts, command


def run(line: str) -> tuple[int, str]:
    out = Capture()
    status = registry.run(out, line)
    return status, out.text()


@pytest.fixture
def beep():
    """A command registered for one test, and removed after it."""
    calls: list[list[str]] = []

    @command("beep", args="[HZ] [MS]", help="sound the PC speaker")
    def beep_command(out: Output, words: list[str]) -> int:
        calls.append(words)
        if any(not w.isdigit() for w in words):
            return USAGE
        out.line(f"beep {' '.join(words)}")
        return OK

    yield calls
    del registry.COMMANDS["beep"]


def test_the_spec_gives_the_argument_counts():
    assert argument_counts("") == (0, 0)
    assert argument_counts("[HZ] [MS]") == (0, 2)
    assert argument_counts("FG [BG]") == (1, 2)
    assert argument_counts("FILE...") == (1, registry.MANY)
    assert argument_counts("CMD [ARG...]") == (1, registry.MANY)


def test_a_decorated_function_runs_and_bad_arguments_get_the_usage_line(beep):
    assert run("beep 440 100") == (OK, "beep 440 100\n")
    assert run("beep 1 2 3") == (USAGE, "usage: beep [HZ] [MS]\n")
    assert run("beep loud") == (USAGE, "usage: beep [HZ] [MS]\n")
    assert beep == [["440", "100"], ["loud"]], "a wrong count never reaches the command"
    assert "beep [HZ] [MS]  sound the PC speaker" in run("help")[1]


def test_help_lists_every_command_aligned_and_explains_one():
    status, text = run("help")
    assert status == OK
    assert text == (
        "  clear           clear the screen\n"
        "  color FG [BG]   set the text colours (names or 0-15)\n"
        "  echo [WORD...]  print the words, separated by spaces\n"
        "  help [CMD]      list the commands, or show how to use one\n")
    assert run("help echo") == (
        OK, "usage: echo [WORD...]\n  print the words, separated by spaces\n")
    assert run("help nothing") == (USAGE, "help: no command nothing\nusage: help [CMD]\n")


def test_echo_quotes_and_empty_lines():
    assert run("echo \"a  b\" 'c d'") == (OK, "a  b c d\n")
    assert run("echo") == (OK, "\n")
    assert run("   ") == (OK, "")
    assert run("echo 'a b") == (USAGE, "pythos: unterminated single quote at column 6\n")
    assert run("ech x") == (UNKNOWN, "ech: command not found (try help)\n")


def test_clear_asks_the_output_to_clear():
    assert run("clear") == (OK, "<clear>")
    assert run("clear now") == (USAGE, "usage: clear\n")


def test_color_takes_names_or_numbers_and_keeps_the_background():
    color_command.background = 0
    assert run("color yellow blue") == (OK, "<color 14 1>")
    assert run("color LightGreen") == (OK, "<color 10 1>")
    assert run("color 15 0") == (OK, "<color 15 0>")
    status, text = run("color purple")
    assert status == USAGE and text.startswith("color: unknown colour: purple; colours: black blue")
    assert text.endswith("usage: color FG [BG]\n")
    assert run("color 16")[0] == USAGE and run("color 1 2 3") == (USAGE, "usage: color FG [BG]\n")


def test_completion_of_names_and_declared_arguments(beep):
    assert registry.complete("") == ["beep", "clear", "color", "echo", "help"]
    assert registry.complete("c") == ["clear", "color"]
    assert registry.complete("  ec") == ["echo"]
    assert registry.complete("help ") == ["beep", "clear", "color", "echo", "help"]
    assert registry.complete("help cl") == ["clear"]
    assert registry.complete("color light") == ["lightgray", "lightblue", "lightgreen",
                                                "lightcyan", "lightred"]
    assert registry.complete("color red ye") == ["yellow"]
    assert registry.complete("beep 4") == [], "no declared values"
    assert registry.complete("nothing x") == [] and registry.complete("echo 'x") == []


def test_vga_colours_become_ansi_sgr_codes():
    assert ansi.sgr(0, 0) == "\x1b[30;40m"
    assert ansi.sgr(4, 1) == "\x1b[31;44m"       # VGA red on blue
    assert ansi.sgr(14, 9) == "\x1b[93;104m"     # yellow on light blue
    assert ansi.sgr(6, 2) == "\x1b[33;42m"       # brown: dark yellow
    assert [ansi.ansi_index(c) for c in range(8)] == [0, 4, 2, 6, 1, 5, 3, 7]
    assert ansi.vga_attribute(14, 1) == 0x1E
    assert [ansi.color_number(n) for n in ["white", "WHITE", "7", "07", "16", "-1", ""]] == [
        15, 15, 7, 7, -1, -1, -1]
