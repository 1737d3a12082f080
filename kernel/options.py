"""The command line's options as a ``dict[str, str]``, once objects exist.

``cmdline.py`` scans the loader's bytes in place, without allocating,
because ``halt=`` and ``loglevel=`` must act before anything is printed,
long before the heap exists.  Everything after that reads the options
from a dict, built here by ordinary Python once ``kmain`` has started the
object runtime: ``options["panic"]``, ``"bench" in options``.

The text is decoded as UTF-8 (a malformed byte becomes U+FFFD, as
``bytes.decode("utf-8", "replace")`` does), split at spaces and tabs, and
each word is ``key=value`` or a bare ``key`` (value ``""``).  As in Linux
the last occurrence of a key wins.  The loader puts the kernel's own path
first (``/boot/kernel.elf``); a first word that starts with ``/`` is that
path, not an option.

All of it runs under CPython too (tests/kernel/test_options.py compares
``parse`` with ``str.split`` and ``str.partition``).
"""

from kernel.bytespan import ByteSpan
from kernel.utf8 import Utf8Decoder

# The options the kernel acts on (cmdline.py's docstring lists them); any
# other is reported, so that a typing mistake does not go unnoticed.  A
# function, not a module-level set: the kernel keeps no object alive
# between tests (kernel/tests/test_objects.py counts them from zero).
KNOWN_OPTIONS = "halt loglevel panic bench run start test shell echo tickless"


def is_known(key: str) -> bool:
    return key in ("halt", "loglevel", "panic", "bench", "run", "start", "test", "shell", "echo",
                   "tickless")


def text(span: ByteSpan) -> str:
    """The span's bytes decoded as UTF-8, malformed bytes replaced."""
    decoder = Utf8Decoder()
    out = ""
    for i in range(span.length):
        for k in range(decoder.feed(span.data[i])):
            out += chr(decoder.out[k])
    for k in range(decoder.flush()):
        out += chr(decoder.out[k])
    return out


def is_blank(c: str) -> bool:
    return c == " " or c == "\t"  # noqa: PLR1714 - no tuples of str needed here


def parse(line: str) -> dict[str, str]:
    """The options on ``line``, by key, in the order each key first appears."""
    options: dict[str, str] = {}
    n = len(line)
    i = 0
    first = True
    while i < n:
        if is_blank(line[i]):
            i += 1
            continue
        start = i
        equals = -1
        while i < n and not is_blank(line[i]):
            if equals < 0 and line[i] == "=":
                equals = i
            i += 1
        if first and line[start] == "/":
            first = False
            continue  # the kernel's own path
        first = False
        if equals < 0:
            options[line[start:i]] = ""
        else:
            options[line[start:equals]] = line[equals + 1:i]
    return options


def unknown(options: dict[str, str]) -> list[str]:
    """The options the kernel does not know, as they were written."""
    out: list[str] = []
    for key, value in options.items():
        if not is_known(key):
            out.append(key if value == "" else key + "=" + value)
    return out
