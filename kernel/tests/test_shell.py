"""In-kernel tests of the shell's pure logic (kernel/shell/) on the kernel
heap: keys from both consoles into the line editor, the finished lines
through the parser and the command registry, the output captured.  Every
object made is dropped again, and the object count and the heap's bytes
in use must be back at their baselines."""

import kernel.mm.heap as heap
import kernel.shell.commands.all  # noqa: F401 - registers the commands
from kernel.drivers.scancode import Decoder
from kernel.drivers.textscreen import TextScreen
from kernel.shell import editor, keys, registry
from kernel.shell.ansi import AnsiRenderer
from kernel.shell.editor import Editor
from kernel.shell.keys import SerialKeys
from kernel.shell.output import Capture, Output
from kernel.shell.parse import split
from kernel.shell.registry import complete
from kernel.shell.textrender import render
from pythos.lang import str_bytes, u8, u32
from pythos.rt.alloc import obj_stats, obj_trim

# A VGA text screen of the test's own, drawn by the text renderer.
screen = TextScreen()


def screen_row(row: int, length: int) -> str:
    text = ""
    for column in range(length):
        text += chr(int(screen.char_at(u32(row), u32(column))))
    return text


def run_session() -> None:
    shell = Editor("pythos> ", 200)
    shell.completer = complete
    out = Capture()
    serial = SerialKeys()
    renderer = AnsiRenderer(80)
    shell.start()
    screen.reset(u8(0x07))
    actions = shell.take_actions()
    shown = renderer.render(actions)
    render(screen, actions)
    # Serial bytes: a quoted echo edited with the arrows and Delete, run.
    data = str_bytes("echo \"a  b\" 'c dx'\x1b[D\x1b[D\x1b[3~\x1b[1;5D\x1b[F\r")
    lines = 0
    for i in range(len(data)):
        for j in range(serial.feed(u8(data[i]))):
            if shell.feed(serial.out[j]) == editor.LINE:
                registry.run(out, shell.line())
                lines += 1
                shell.start()
        actions = shell.take_actions()
        shown += renderer.render(actions)
        render(screen, actions)
    assert lines == 1 and serial.ready()
    typed = "pythos> echo \"a  b\" 'c d'"
    assert screen_row(0, len(typed) + 3) == typed + "   ", "the x was erased"
    assert screen_row(1, 10) == "pythos>   " and screen.row == 1 and screen.column == 8
    assert out.text() == "a  b c d\n", "the quotes kept both spaces"
    assert shown.startswith("pythos> echo") and shown.endswith("\r\npythos> ")
    # PS/2 scancodes (set 1): h, e, l, Tab completes "help "; e, c, Enter.
    out.reset()
    keyboard = Decoder()
    for code in [0x23, 0x12, 0x26, 0x0F, 0x12, 0x2E, 0x1C]:
        event = keys.from_keyboard(keyboard.feed(u8(code)))
        if event != keys.NO_EVENT and shell.feed(event) == editor.LINE:
            registry.run(out, shell.line())
    assert shell.line() == "help ec"
    assert out.text() == "help: no command ec\nusage: help [CMD]\n"
    shell.start()
    # History, and a line far over the limit refused with a message.
    assert shell.feed(keys.key(keys.UP)) == editor.EDITING and shell.text() == "help ec"
    shell.feed(keys.CTRL_U)
    for _ in range(1000):
        shell.feed(u32(0x79))
    assert shell.feed(keys.CARRIAGE_RETURN) == editor.REFUSED and len(shell.text()) == 200
    shown = renderer.render(shell.take_actions())
    assert "line too long: 1000 characters, the limit is 200" in shown
    # The commands' own checks.
    out.reset()
    assert registry.run(out, "color yellow blue") == registry.OK
    assert registry.run(out, "clear 1") == registry.USAGE
    assert registry.run(out, "echo 'open") == registry.USAGE
    assert out.text() == ("<color 14 1>usage: clear\n"
                          "pythos: unterminated single quote at column 6\n")
    assert split("a\\ b \"c\"").words == ["a b", "c"]
    assert complete("co") == ["color"]


def test_the_shell_edits_parses_and_runs_on_the_kernel_heap_and_gives_it_all_back() -> None:
    obj_trim()
    live = obj_stats().live
    used = heap.stats().bytes_used
    run_session()
    obj_trim()
    assert obj_stats().live == live, "every editor, line, word and output was freed"
    assert heap.stats().bytes_used == used, "the kernel heap is back at its baseline"


def run_command(line: str) -> None:
    out = Capture()
    registry.run(out, line)


# Commands this test cannot run: they stop the machine (halt, reboot,
# panic, fault), or play until a key quits (snake, flappy: their loop is
# tested on the host, tests/kernel/test_shell_commands_games.py), or
# would run this very test again (test).
STOPS_OR_WAITS = ["halt", "reboot", "panic", "fault", "snake", "flappy", "test"]


def test_every_command_gives_the_heap_back_whatever_its_arguments() -> None:
    """Each registered command, with no arguments, with one and two, and
    its help: the objects and the heap's bytes in use are back where they
    were after each line (the issue's "no leaks" check, command by
    command)."""
    lines = ["", "1", "yellow blue", "a b c", "'x y' \"z\""]
    for name in registry.names():
        if name in STOPS_OR_WAITS:
            continue
        for arguments in lines:
            for line in [f"{name} {arguments}", f"help {name}"]:
                obj_trim()
                live = obj_stats().live
                used = heap.stats().bytes_used
                run_command(line)
                obj_trim()
                assert obj_stats().live == live, "a command left objects behind"
                assert heap.stats().bytes_used == used, "a command kept heap memory"


def divide_by_length(out: Output, words: list[str]) -> int:
    out.line(f"{100 // len(words[0])}")
    return registry.OK


def test_a_command_that_raises_prints_its_traceback_and_the_heap_comes_back() -> None:
    """A command's exception is caught by the registry, its traceback
    printed through the output (traceback.format_exception, compiled),
    and nothing the exception, its traceback or the report made stays."""
    registry.add("divide", divide_by_length, args="WORD")
    out = Capture()
    assert registry.run(out, "divide ''") == registry.FAILED
    text = out.text()
    assert text.startswith("Traceback (most recent call last):\n")
    assert "in divide_by_length\n    out.line(f\"{100 // len(words[0])}\")\n" in text
    assert text.endswith("ZeroDivisionError: integer division or modulo by zero\n"
                         "divide: failed with ZeroDivisionError; back to the prompt\n")
    obj_trim()
    live = obj_stats().live
    used = heap.stats().bytes_used
    run_command("divide ''")
    run_command("divide abcd")
    obj_trim()
    assert obj_stats().live == live, "the exception and its report were freed"
    assert heap.stats().bytes_used == used
    del registry.COMMANDS["divide"]
