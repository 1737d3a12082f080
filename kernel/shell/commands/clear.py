"""``clear``: an empty screen, the prompt at the top."""

from kernel.shell.output import Output
from kernel.shell.registry import OK, command


@command("clear", help="clear the screen")
def clear(out: Output, words: list[str]) -> int:
    out.clear()
    return OK
