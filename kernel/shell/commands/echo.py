"""``echo [WORD...]``: the words, separated by one space."""

from kernel.shell.output import Output
from kernel.shell.registry import OK, command


@command("echo", args="[WORD...]", help="print the words, separated by spaces")
def echo(out: Output, words: list[str]) -> int:
    out.line(" ".join(words))
    return OK
