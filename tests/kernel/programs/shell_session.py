"""A scripted shell session: keys into the editor, the line through the
parser and the command registry, everything printed.  Run under CPython
and compiled, the output must be the same (tests/kernel/test_shell_compiled.py).
"""

import kernel.shell.commands.clear
import kernel.shell.commands.color
import kernel.shell.commands.echo
import kernel.shell.commands.help  # noqa: F401 - the commands with no devices
from kernel.drivers import scancode
from kernel.shell import editor, keys, registry
from kernel.shell.ansi import AnsiRenderer, sgr
from kernel.shell.editor import Editor
from kernel.shell.keys import SerialKeys
from kernel.shell.output import Capture
from kernel.shell.parse import split
from kernel.shell.registry import complete
from pythos.lang import str_bytes, u8, u32


def type_bytes(shell: Editor, keys_in: SerialKeys, renderer: AnsiRenderer, out: Capture,
               text: str) -> None:
    """Send ``text`` as terminal bytes; run every finished line."""
    data = str_bytes(text)
    for i in range(len(data)):
        produced = keys_in.feed(u8(data[i]))
        for j in range(produced):
            status = shell.feed(keys_in.out[j])
            shown = renderer.render(shell.take_actions())
            print(f"  screen {shown!r}")
            if status == editor.LINE:
                print(f"line {shell.line()!r}")
                registry.run(out, shell.line())
                print(f"output {out.text()!r}")
                out.reset()
                shell.start()
            elif status != editor.EDITING:
                print(f"status {status}")
                shell.start()


def main() -> None:
    out = Capture()
    shell = Editor("pythos> ", 40)
    shell.completer = complete
    keys_in = SerialKeys()
    renderer = AnsiRenderer(20)
    shell.start()
    print(f"prompt {renderer.render(shell.take_actions())!r}")
    type_bytes(shell, keys_in, renderer, out, "echo \"a  b\" 'c d'\r")
    type_bytes(shell, keys_in, renderer, out, "ecxho\x1b[D\x1b[D\x1b[D\x1b[3~\x1b[F hi\r")
    type_bytes(shell, keys_in, renderer, out, "he\tc\t\to\t\r")
    type_bytes(shell, keys_in, renderer, out,
               "\x1b[A\x1b[A\x1b[A\x01\x0b\x1b[B\x1b[Bx\x1b[A\x1b[B\x15\r")
    type_bytes(shell, keys_in, renderer, out, "color l\t\tr\t\r")
    type_bytes(shell, keys_in, renderer, out, "\x1b[A\x1b[A\x1b[A\x1b[A\r")
    type_bytes(shell, keys_in, renderer, out, "echo one two three\x17\x17\x1b[1;5D\x1b[1;5Cz\r")
    type_bytes(shell, keys_in, renderer, out, "echo " + "y" * 50 + "\r")
    type_bytes(shell, keys_in, renderer, out, "echo 'open\rhelp\x03nope\rhelp color\r\x0c")
    for line in ["", "  a\\ b  \"c\\\"d\" 'e\\f' ", "x\\"]:
        words = split(line)
        print(f"split {line!r}: {words.words} {words.error!r} {words.column}")
    print(f"keys {keys.key(scancode.KEY_LEFT, keys.CTRL) == u32(0x010001CB)} {sgr(14, 1)!r}")


if __name__ == "__main__":
    main()
