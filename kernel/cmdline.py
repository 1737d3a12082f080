"""The kernel command line: space-separated words, ``key`` or ``key=value``.

QEMU's ``-append`` and GRUB's ``multiboot`` line both hand the kernel one
string.  Both put the kernel's own path first (``/boot/kernel.elf
panic=test``), which is just one more word here.  Options the kernel
understands:

    panic=test|assert|divide|index|nested|fault|overflow  fail on purpose (see crashtest.py)
    loglevel=debug|info|warn|error   serial log threshold (see log.py)
    halt=wait                        after a panic, stay halted instead of
                                     exiting QEMU (see console.py)
    echo=1                           the old echo loop (echo.py) instead of
                                     the shell, which is the default
    shell=1                          accepted and ignored: the shell is the
                                     default (see shell/prompt.py)
    tickless=0                       keep the 1 kHz timer tick while idle
                                     (see tickless.py), to compare

The parser works on a ``ByteSpan`` and never copies or allocates.  The
last occurrence of a key wins, as in Linux, so an option appended at the
end overrides one given earlier.
"""

from kernel.bytespan import ByteSpan
from pythos.lang import str_bytes, u8, u64

SPACE: u8 = u8(0x20)
TAB: u8 = u8(0x09)
EQUALS: u8 = u8(0x3D)


def is_separator(b: u8) -> bool:
    return b == SPACE or b == TAB  # noqa: SIM109 - no tuples in Pythos


def word_matches_key(line: ByteSpan, start: u64, end: u64, key: str) -> bool:
    """Whether the word line[start:end] is ``key`` or starts with ``key=``."""
    name = str_bytes(key)
    n = u64(len(name))
    if end - start < n:
        return False
    for i in range(n):
        if line.data[start + i] != name[i]:
            return False
    return end - start == n or line.data[start + n] == EQUALS


def find_option(line: ByteSpan, key: str, value: ByteSpan) -> bool:
    """Look for ``key`` on the command line.

    Returns True when it is present; ``value`` is then set to the text after
    ``key=`` (empty for a bare ``key``).  When the key is absent ``value``
    is left unchanged.
    """
    found = False
    n = u64(len(str_bytes(key)))
    i = u64(0)
    while i < line.length:
        while i < line.length and is_separator(line.data[i]):
            i += 1
        start = i
        while i < line.length and not is_separator(line.data[i]):
            i += 1
        if i > start and word_matches_key(line, start, i, key):
            found = True
            if i - start == n:
                value.set(line.data + start + n, u64(0))
            else:
                value.set(line.data + start + n + 1, i - start - n - 1)
    return found


def next_word(line: ByteSpan, start: u64, word: ByteSpan) -> u64:
    """Point ``word`` at the first word at or after offset ``start``; return
    the offset just past it.  ``word`` is empty when no word is left."""
    i = start
    while i < line.length and is_separator(line.data[i]):
        i += 1
    begin = i
    while i < line.length and not is_separator(line.data[i]):
        i += 1
    word.set(line.data + begin, i - begin)
    return i


def keep_whole_words(full: ByteSpan, limit: u64, out: ByteSpan) -> None:
    """Point ``out`` at the first ``limit`` bytes of ``full``, cut back to the
    end of a word, so that no option is read half (``loglevel=deb``).

    A line no longer than ``limit`` is kept whole; a cut one also loses
    the separators before the cut.
    """
    if full.length <= limit:
        out.set(full.data, full.length)
        return
    end = limit
    # When the byte after the cut starts a new word, the cut is already clean.
    if not is_separator(full.data[limit]):
        while end > 0 and not is_separator(full.data[end - 1]):
            end -= 1
    while end > 0 and is_separator(full.data[end - 1]):
        end -= 1
    out.set(full.data, end)


def has_flag(line: ByteSpan, key: str) -> bool:
    """Whether ``key`` (with or without a value) is on the command line."""
    value = ByteSpan()
    return find_option(line, key, value)
