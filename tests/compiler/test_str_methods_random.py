"""The str methods as compiled calls, on random text, against CPython.

tests/rt/test_obj_str.py holds each runtime function to CPython's str;
this file holds the compiler's side to it: that `s.split(sep, n)`,
`sep.join(xs)`, `s.find(x, a, b)`, `"{}".format(...)` and the rest pass
the right arguments (the left-out ones included) and build the right
result.  Hypothesis draws a batch of cases (text mixing ASCII, accented
letters, CJK, astral characters, whitespace and line breaks, and
separators drawn from the same alphabet); they become one program, of
literals, which runs under CPython and compiled (-O2, with the leak
check), and the outputs must be equal.  A batch per example keeps the
compiler's cost to a few runs.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .conftest import run_compiled, run_cpython

ALPHABET = st.sampled_from(list("ab ,;-=xé€日本𝄞\t\n\r\x0b\x1c\u2028\u3000ßΣİ1٣"))
TEXT = st.text(ALPHABET, max_size=12)
SEP = st.text(ALPHABET, min_size=1, max_size=3)
INDEX = st.one_of(st.none(), st.integers(-15, 15))


def program(lines: list[str]) -> str:
    body = "\n".join(f"    print({line})" for line in lines)
    return f"def main() -> None:\n{body}\n\n\nif __name__ == \"__main__\":\n    main()\n"


def check(tmp_path: Path, lines: list[str]) -> None:
    path = tmp_path / "case.py"
    path.write_text(program(lines), encoding="utf-8")
    expected = run_cpython(path)
    assert expected.returncode == 0, expected.stderr.decode()
    actual = run_compiled(path, tmp_path)
    assert actual.stderr == b"", actual.stderr.decode()
    assert actual.stdout.decode().splitlines() == expected.stdout.decode().splitlines()


def bounds(start: int | None, end: int | None) -> str:
    """The optional start and end arguments, as written in a call."""
    if start is None:
        return "" if end is None else f", 0, {end}"
    return f", {start}" if end is None else f", {start}, {end}"


Case = tuple[list[str], str, str, int | None, int | None, int]
SETTINGS = settings(max_examples=3, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow])


@SETTINGS
@given(st.lists(st.tuples(TEXT, st.one_of(st.none(), SEP), st.integers(-1, 4), st.booleans()),
                min_size=20, max_size=20))
def test_split_partition_splitlines(tmp_path: Path,
                                    cases: list[tuple[str, str | None, int, bool]]) -> None:
    lines = []
    for s, sep, n, keep in cases:
        lines.append(f"{s!r}.split({sep!r}), {s!r}.rsplit({sep!r}, {n}), "
                     f"{s!r}.split({sep!r}, maxsplit={n}), {s!r}.splitlines({keep})")
        if sep is not None:
            lines.append(f"{s!r}.partition({sep!r}), {s!r}.rpartition({sep!r})")
    check(tmp_path, lines)


@SETTINGS
@given(st.lists(st.tuples(st.lists(TEXT, max_size=5), TEXT, SEP, INDEX, INDEX,
                          st.integers(-1, 9)), min_size=20, max_size=20))
def test_join_search_case_tabs(tmp_path: Path, cases: list[Case]) -> None:
    lines = []
    for items, s, sub, start, end, tabsize in cases:
        where = bounds(start, end)
        lines.append(f"{s!r}.join({items!r}), {s!r}.join({tuple(items)!r})")
        lines.append(f"{s!r}.find({sub!r}{where}), {s!r}.rfind({sub!r}{where}), "
                     f"{s!r}.count({sub!r}{where}), {s!r}.startswith({sub!r}{where}), "
                     f"{s!r}.endswith({sub!r}{where})")
        written = [] if start is None and end is None else [start or 0] + (
            [] if end is None else [end])
        if s.find(sub, *written) >= 0:
            lines.append(f"{s!r}.index({sub!r}{where}), {s!r}.rindex({sub!r}{where})")
        lines.append(f"{s!r}.title(), {s!r}.capitalize(), {s!r}.swapcase(), {s!r}.casefold(), "
                     f"{s!r}.expandtabs({tabsize}), {s!r}.isupper(), {s!r}.isalnum()")
        lines.append(f"'{{}}|{{:>6}}|{{n:<3}}'.format({s!r}, {sub!r}, n={s!r}), "
                     f"'{{1}}{{0:^5}}{{1}}'.format({s!r}, {sub!r})")
    check(tmp_path, lines)
