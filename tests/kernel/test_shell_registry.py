"""The command registry (kernel/shell/registry.py), the first commands
(kernel/shell/commands/) and the colour helpers (kernel/shell/ansi.py),
with a captured output standing in for the console."""

from __future__ import annotations

import re

import pytest

import kernel.shell.commands.clear
import kernel.shell.commands.color as color_command
import kernel.shell.commands.echo
import kernel.shell.commands.help  # noqa: F401 - registers help, echo, clear
from kernel.shell import ansi, registry
from kernel.shell.output import Capture, Output
from kernel.shell.registry import OK, UNKNOWN, USAGE, argument_counts, command


def run(line: str) -> tuple[int, str]:
    out = Capture()
    status = registry.run(out, line)
    return status, out.text()


@pytest.fixture
def chirp():
    """A command registered for one test, and removed after it."""
    calls: list[list[str]] = []

    @command("chirp", args="[HZ] [MS]", help="sound the PC speaker")
    def chirp_command(out: Output, words: list[str]) -> int:
        calls.append(words)
        if any(not w.isdigit() for w in words):
            return USAGE
        out.line(f"chirp {' '.join(words)}")
        return OK

    yield calls
    del registry.COMMANDS["chirp"]


def test_the_spec_gives_the_argument_counts():
    assert argument_counts("") == (0, 0)
    assert argument_counts("[HZ] [MS]") == (0, 2)
    assert argument_counts("FG [BG]") == (1, 2)
    assert argument_counts("FILE...") == (1, registry.MANY)
    assert argument_counts("CMD [ARG...]") == (1, registry.MANY)


def test_a_decorated_function_runs_and_bad_arguments_get_the_usage_line(chirp):
    assert run("chirp 440 100") == (OK, "chirp 440 100\n")
    assert run("chirp 1 2 3") == (USAGE, "usage: chirp [HZ] [MS]\n")
    assert run("chirp loud") == (USAGE, "usage: chirp [HZ] [MS]\n")
    assert chirp == [["440", "100"], ["loud"]], "a wrong count never reaches the command"
    assert re.search(r"^  chirp \[HZ\] \[MS\] +sound the PC speaker$", run("help")[1], re.M)


def test_help_lists_every_command_aligned_and_explains_one():
    status, text = run("help")
    assert status == OK
    # One line per registered command (other tests' modules may have
    # registered more), sorted, the help texts in one column.
    lines = text.splitlines()
    assert [line.split()[0] for line in lines] == registry.names()
    assert len(lines) >= 4
    starts = {len(line) - len(registry.COMMANDS[line.split()[0]].help) for line in lines}
    width = max(len(registry.COMMANDS[name].synopsis()) for name in registry.names())
    assert starts == {2 + width + 2}
    assert "  clear " in text and text.count("\n") == len(registry.names())
    assert re.search(r"^  echo \[WORD\.\.\.\] +print the words, separated by spaces$", text, re.M)
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


def test_completion_of_names_and_declared_arguments(chirp):
    assert registry.complete("") == registry.names()
    assert {"chirp", "clear", "color", "echo", "help"} <= set(registry.complete(""))
    assert registry.complete("c") == ["cat", "chirp", "clear", "color"]
    assert registry.complete("  ec") == ["echo"]
    assert registry.complete("help ") == registry.names()
    assert registry.complete("help cl") == ["clear"]
    assert registry.complete("color light") == ["lightgray", "lightblue", "lightgreen",
                                                "lightcyan", "lightred"]
    assert registry.complete("color red ye") == ["yellow"]
    assert registry.complete("chirp 4") == [], "no declared values"
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
