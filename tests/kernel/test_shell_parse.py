"""The shell's word splitter (kernel/shell/parse.py) under CPython, and
against Python's ``shlex.split`` on random lines."""

from __future__ import annotations

import shlex

from hypothesis import given, settings
from hypothesis import strategies as st

from kernel.shell.parse import split


def words(line: str) -> list[str]:
    result = split(line)
    assert result.ok(), result.error
    return result.words


def test_quotes_keep_blanks_and_escapes_take_the_next_character():
    assert words("echo \"a  b\" 'c d'") == ["echo", "a  b", "c d"]
    assert words(r"a\ b \"c\" \\") == ["a b", '"c"', "\\"]
    assert words(r'"x\"y" "p\q" "\\" ' + r"'\n'") == ['x"y', r"p\q", "\\", r"\n"]
    assert words("x\"y z\"w ''  \"\"") == ["xy zw", "", ""]


def test_blank_lines_and_runs_of_blanks_give_no_empty_words():
    assert words("") == []
    assert words(" \t \r\n ") == []
    assert words("  ls\t\t-l   x  ") == ["ls", "-l", "x"]
    assert words("$HOME * | # é") == ["$HOME", "*", "|", "#", "é"]


def test_an_unterminated_quote_is_reported_at_its_column():
    result = split('echo "abc')
    assert not result.ok() and result.words == []
    assert (result.error, result.column) == ("unterminated double quote", 6)
    result = split("a 'b' 'c")
    assert (result.error, result.column) == ("unterminated single quote", 7)
    # Columns count characters, not bytes.
    assert split("é 'x").column == 3
    result = split("echo x\\")
    assert (result.error, result.column) == ("backslash at the end of the line", 7)


# Lines made of the characters that matter to the rules, and some that do not.
LINES = st.text(alphabet=st.sampled_from(list("ab é'\"\\\t\n$#")), max_size=40)


@settings(max_examples=2000, deadline=None)
@given(LINES)
def test_split_agrees_with_shlex(line: str):
    result = split(line)
    try:
        expected = shlex.split(line)
    except ValueError:
        assert not result.ok()
        assert 1 <= result.column <= len(line)
        assert line[result.column - 1] in "'\"\\"
        return
    assert result.ok(), (line, result.error)
    assert result.words == expected
