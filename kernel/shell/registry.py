"""The shell's commands: one table, filled by a decorator.

A command is a function that takes the output and its argument words and
returns an exit status.  The ``@command`` decorator declares, next to the
function, everything else the shell needs to know about it::

    @command("beep", args="[HZ] [MS]", help="sound the PC speaker")
    def beep(out: Output, words: list[str]) -> int:
        ...

and puts it in ``COMMANDS`` when the module is imported (in the kernel,
when ``kmain`` runs the modules' start-up code).  From that one entry
come ``help`` (the list, and ``help beep``), Tab completion of command
names and of arguments that have a fixed set of values, and the argument
count check: ``run`` compares the words with the ``args`` spec and prints
``usage: beep [HZ] [MS]`` instead of calling the command when they do
not fit.  A command that finds an argument it cannot use returns
``USAGE`` and gets the same line printed.

The ``args`` spec is a list of argument names, upper case by convention::

    NAME        a required argument
    [NAME]      an optional one (all optional arguments come last)
    NAME...     one or more; [NAME...] none or more (only at the end)

A command that raises an exception does not stop the shell: ``run``
catches it, prints its traceback through the command's output (as
CPython would print it uncaught, ``traceback.format_exception``) and a
line saying the command failed, and the status is ``FAILED``.  Only an
``Exception`` is caught: a ``panic`` or a fault is the kernel's, not the
command's, and stops the machine with its report.

A command that has to wait, for keys or for time to pass, is an ``async
def`` registered with ``@async_command`` (the same arguments).  The
shell task awaits it through ``run_async``, so the executor goes on with
other tasks while it waits; ``run``, which cannot await, answers such a
command with a line saying it needs the shell task.  Both kinds share
the table, the argument check and the traceback on an exception.

``choices`` (optional) is a function giving the values an argument can
take, for completion (``color`` gives colour names, ``help`` command
names).  It is a function rather than a list so that it can depend on
what is registered by the time Tab is pressed.
"""

import traceback
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any, Final

from kernel.shell.output import Output
from kernel.shell.parse import split

# Exit statuses.
OK: Final = 0
FAILED: Final = 1
# The command found its arguments wrong: the shell prints the usage line.
USAGE: Final = 2
# The line named no known command.
UNKNOWN: Final = 127

# A variadic argument's maximum count.
MANY: Final = 1 << 30


@dataclass
class Command:
    """One registered command and what its spec says."""

    name: str
    args: str
    help: str
    run: Callable[[Output, list[str]], int]
    choices: Callable[[], list[str]] | None
    # How many argument words it takes, from ``args``.
    minimum: int
    maximum: int
    # The coroutine function of an ``@async_command`` (then ``run`` only
    # refuses: such a command needs the shell task), or None.
    task: Callable[[Output, list[str]], Coroutine[Any, Any, int]] | None

    def synopsis(self) -> str:
        """The name and the argument spec: ``beep [HZ] [MS]``."""
        if self.args == "":
            return self.name
        return f"{self.name} {self.args}"

    def usage(self) -> str:
        return f"usage: {self.synopsis()}"


COMMANDS: dict[str, Command] = {}


def argument_counts(spec: str) -> tuple[int, int]:
    """The fewest and most argument words ``spec`` allows."""
    minimum = 0
    maximum = 0
    for part in spec.split():
        optional = part.startswith("[")
        if part.endswith("...") or part.endswith("...]"):
            maximum = MANY
        elif maximum != MANY:
            maximum += 1
        if not optional:
            minimum += 1
    return (minimum, maximum)


def add(name: str, run: Callable[[Output, list[str]], int], args: str = "", help: str = "",
        choices: Callable[[], list[str]] | None = None) -> Command:
    """Register ``run`` as command ``name`` (what ``@command`` does)."""
    counts = argument_counts(args)
    entry = Command(name, args, help, run, choices, counts[0], counts[1], None)
    COMMANDS[name] = entry
    return entry


def needs_a_task(out: Output, words: list[str]) -> int:
    """The plain ``run`` of an async command, called outside the shell task."""
    out.line("this command awaits: it runs only from the shell task")
    return FAILED


def add_async(name: str, task: Callable[[Output, list[str]], Coroutine[Any, Any, int]],
              args: str = "", help: str = "",
              choices: Callable[[], list[str]] | None = None) -> Command:
    """Register the coroutine function ``task`` as command ``name``."""
    entry = add(name, needs_a_task, args, help, choices)
    entry.task = task
    return entry


def command(
    name: str, args: str = "", help: str = "", choices: Callable[[], list[str]] | None = None
) -> Callable[[Callable[[Output, list[str]], int]], Callable[[Output, list[str]], int]]:
    """Decorator: register the function as command ``name``."""

    def register(run: Callable[[Output, list[str]], int]) -> Callable[[Output, list[str]], int]:
        add(name, run, args, help, choices)
        return run

    return register


def async_command(
    name: str, args: str = "", help: str = "", choices: Callable[[], list[str]] | None = None
) -> Callable[[Callable[[Output, list[str]], Coroutine[Any, Any, int]]],
              Callable[[Output, list[str]], Coroutine[Any, Any, int]]]:
    """Decorator: register the ``async def`` function as command ``name``."""

    def register(task: Callable[[Output, list[str]], Coroutine[Any, Any, int]]
                 ) -> Callable[[Output, list[str]], Coroutine[Any, Any, int]]:
        add_async(name, task, args, help, choices)
        return task

    return register


def names() -> list[str]:
    """Every command's name, sorted."""
    return sorted(COMMANDS.keys())


def lookup(name: str) -> Command | None:
    if name in COMMANDS:
        return COMMANDS[name]
    return None


def check_words(out: Output, words: list[str]) -> int:
    """OK if ``words[0]`` names a command and the rest fit its spec;
    otherwise the line saying why is printed and the status returned."""
    entry = lookup(words[0])
    if entry is None:
        out.line(f"{words[0]}: command not found (try help)")
        return UNKNOWN
    if len(words) - 1 < entry.minimum or len(words) - 1 > entry.maximum:
        out.line(entry.usage())
        return USAGE
    return OK


def failed(out: Output, entry: Command, e: Exception) -> int:
    """Report the exception a command raised; the FAILED status."""
    out.write("".join(traceback.format_exception(e)))
    out.line(f"{entry.name}: failed with {type_name(e)}; back to the prompt")
    return FAILED


def finished(out: Output, entry: Command, status: int) -> int:
    """The status a command returned, with the usage line for USAGE."""
    if status == USAGE:
        out.line(entry.usage())
    return status


def run_words(out: Output, words: list[str]) -> int:
    """Run the command ``words[0]`` with the rest as arguments; its status.
    An async command is refused here (``run_words_async`` awaits it)."""
    if len(words) == 0:
        return OK
    status = check_words(out, words)
    if status != OK:
        return status
    entry = COMMANDS[words[0]]
    try:
        status = entry.run(out, words[1:])
    except Exception as e:
        return failed(out, entry, e)
    return finished(out, entry, status)


async def run_words_async(out: Output, words: list[str]) -> int:
    """``run_words`` for the shell task: an async command is awaited, a
    plain one called."""
    if len(words) == 0:
        return OK
    status = check_words(out, words)
    if status != OK:
        return status
    entry = COMMANDS[words[0]]
    task = entry.task
    try:
        if task is None:
            status = entry.run(out, words[1:])
        else:
            status = await task(out, words[1:])
    except Exception as e:
        return failed(out, entry, e)
    return finished(out, entry, status)


def type_name(e: Exception) -> str:
    """The exception's class name, as its repr starts (``ValueError('x')``)."""
    text = repr(e)
    end = text.find("(")
    return text if end < 0 else text[:end]


def run(out: Output, line: str) -> int:
    """Parse ``line`` and run it; an unterminated quote is reported with
    its column, and an empty line does nothing."""
    parsed = split(line)
    if not parsed.ok():
        out.line(f"pythos: {parsed.error} at column {parsed.column}")
        return USAGE
    return run_words(out, parsed.words)


async def run_async(out: Output, line: str) -> int:
    """``run`` for the shell task, which awaits async commands."""
    parsed = split(line)
    if not parsed.ok():
        out.line(f"pythos: {parsed.error} at column {parsed.column}")
        return USAGE
    return await run_words_async(out, parsed.words)


def is_number(word: str) -> bool:
    """Whether ``word`` is a plain decimal number: ASCII digits only (not
    ``str.isdigit``, which also takes ``²`` and other digits ``int``
    refuses), one to eighteen of them, so it fits in an ``int``."""
    if len(word) == 0 or len(word) > 18:
        return False
    for char in word:
        if char < "0" or char > "9":
            return False
    return True


def matching(candidates: list[str], prefix: str) -> list[str]:
    return [c for c in candidates if c.startswith(prefix)]


def complete(before_cursor: str) -> list[str]:
    """The completions of the word that ends ``before_cursor`` (the line up
    to the cursor): command names for the first word, the command's
    ``choices`` after it.  The editor's completer."""
    parsed = split(before_cursor)
    if not parsed.ok():
        return []
    words = parsed.words
    # A blank before the cursor starts a new, empty word.
    if before_cursor == "" or before_cursor[-1] == " " or before_cursor[-1] == "\t":
        words.append("")
    if len(words) == 1:
        return matching(names(), words[0])
    entry = lookup(words[0])
    if entry is None:
        return []
    choices = entry.choices
    if choices is None:
        return []
    return matching(choices(), words[-1])
