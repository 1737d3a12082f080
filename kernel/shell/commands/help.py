"""``help [CMD]``: the commands and their one-line help, from the registry."""

from kernel.shell import registry
from kernel.shell.output import Output
from kernel.shell.registry import OK, USAGE, command, names


@command("help", args="[CMD]", help="list the commands, or show how to use one",
         choices=names)
def help_command(out: Output, words: list[str]) -> int:
    if len(words) == 1:
        entry = registry.lookup(words[0])
        if entry is None:
            out.line(f"help: no command {words[0]}")
            return USAGE
        out.line(entry.usage())
        out.line(f"  {entry.help}")
        return OK
    width = 0
    for name in registry.names():
        width = max(width, len(registry.COMMANDS[name].synopsis()))
    for name in registry.names():
        entry = registry.COMMANDS[name]
        out.line(f"  {entry.synopsis().ljust(width)}  {entry.help}")
    return OK
