"""Splitting a command line into words, as a Unix shell does.

``echo "a  b" 'c d'`` is three words: ``echo``, ``a  b`` and ``c d``.
The rules are the POSIX shell's quoting rules, the same subset Python's
``shlex.split`` implements (tests/kernel/test_shell_parse.py compares the
two on random lines):

* Spaces, tabs, CR and LF separate words; any run of them is one break.
* A backslash outside quotes takes the next character literally, so
  ``a\\ b`` is one word and ``\\"`` is a quote character.
* Single quotes keep everything up to the next single quote literally;
  a backslash there is just a backslash.
* Double quotes keep everything up to the next unescaped double quote;
  inside them a backslash escapes only ``"`` and another backslash, and
  stays a backslash before anything else (``"a\\nb"`` keeps both).
* Quotes may start in the middle of a word and end before its end:
  ``x"y z"w`` is the one word ``xy zw``.  ``''`` is an empty word.

There are no variables, globs, pipes or comments: ``$``, ``*``, ``|`` and
``#`` are ordinary characters, so a command sees exactly what was typed.

A line that ends inside quotes, or with a lone backslash, is an error,
reported with the column (counting characters from 1) where the open
quote or the backslash stands, so the shell can point at it::

    pythos> echo "abc
    echo: unterminated double quote at column 6

There are no exceptions in the kernel yet, so ``split`` returns a
``Words`` value that holds either the words or the error.

The scanner is a four-state machine over the line's characters, one pass,
no look-back: it is either between words, in a plain part of a word, in
single quotes or in double quotes.  A word is collected as a list of
characters and joined once it ends, so building it is linear in its
length.
"""

from dataclasses import dataclass
from typing import Final

# Scanner states.
BETWEEN: Final = 0  # between words (or before the first)
WORD: Final = 1  # in the unquoted part of a word
SINGLE: Final = 2  # inside '...'
DOUBLE: Final = 3  # inside "..."


@dataclass
class Words:
    """What ``split`` found: the words, or an error and its column."""

    words: list[str]
    # Empty when the line was well formed.
    error: str
    # The 1-based column the error points at (0 when there is none).
    column: int

    def ok(self) -> bool:
        return self.error == ""


def is_blank(c: str) -> bool:
    """Whether ``c`` separates words."""
    return c == " " or c == "\t" or c == "\n" or c == "\r"


def split(line: str) -> Words:
    """The words of ``line`` after quote and backslash removal."""
    words: list[str] = []
    word: list[str] = []
    state = BETWEEN
    # Where the quote we are inside opened, for the error message.
    quote_column = 0
    i = 0
    n = len(line)
    while i < n:
        c = line[i]
        if state == SINGLE:
            if c == "'":
                state = WORD
            else:
                word.append(c)
        elif state == DOUBLE:
            if c == '"':
                state = WORD
            elif c == "\\" and i + 1 < n and (line[i + 1] == '"' or line[i + 1] == "\\"):
                i += 1
                word.append(line[i])
            else:
                word.append(c)
        elif is_blank(c):
            if state == WORD:
                words.append("".join(word))
                word = []
                state = BETWEEN
        else:
            state = WORD
            if c == "'":
                state = SINGLE
                quote_column = i + 1
            elif c == '"':
                state = DOUBLE
                quote_column = i + 1
            elif c == "\\":
                if i + 1 == n:
                    return Words([], "backslash at the end of the line", i + 1)
                i += 1
                word.append(line[i])
            else:
                word.append(c)
        i += 1
    if state == SINGLE:
        return Words([], "unterminated single quote", quote_column)
    if state == DOUBLE:
        return Words([], "unterminated double quote", quote_column)
    if state == WORD:
        words.append("".join(word))
    return Words(words, "", 0)
