"""``color FG [BG]``: the colours of the text that follows, by name or number."""

from kernel.shell.ansi import COLOR_NAMES, parse_colors
from kernel.shell.output import Output
from kernel.shell.registry import OK, USAGE, command

# The background ``color FG`` keeps: the last one chosen (black at first).
background = 0


def color_names() -> list[str]:
    return list(COLOR_NAMES)


@command("color", args="FG [BG]", help="set the text colours (names or 0-15)",
         choices=color_names)
def color(out: Output, words: list[str]) -> int:
    global background
    choice = parse_colors(words, background)
    if choice.error != "":
        out.line(f"color: {choice.error}; colours: {' '.join(COLOR_NAMES)}")
        return USAGE
    background = choice.background
    out.set_color(choice.foreground, choice.background)
    return OK
