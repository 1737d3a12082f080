"""The wrong-programs suite: every file in tests/errors is an invalid Pythos
program with exactly one error, and its first line says which diagnostic
the compiler must give for it:

    # error: LINE:COL: a distinctive part of the message

A second line `# target: freestanding` checks the case for the kernel
target (where @interrupt handlers exist).  LINE and COL are 1-based; COL counts characters, not the UTF-8 bytes that
Python's `ast` reports.  The compiler must exit with status 1 and print

    tests/errors/<file>:LINE:COL: error: <message>
        <the source line, tabs shown as one space>
        <a caret under column COL>

and never a Python traceback.  Files named `lib_*.py` are helper modules,
not cases.  The rest of this file checks inputs that are hard to keep as
files: undecodable and missing files, absurd nesting, byte-order marks and
form feeds, and errors inside imported modules.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from tests import compileserver

from .conftest import ROOT, env

ERRORS = ROOT / "tests" / "errors"
CASES = sorted(p for p in ERRORS.glob("*.py") if not p.name.startswith("lib_"))
# Cases also run through `pythos compile`, so that the later stages report
# the same diagnostic (and main()'s signature is checked however it is run).
COMPILE_CASES = {"func_main_with_parameters", "int_mixed_arith", "syntax_missing_colon",
                 "import_missing_module", "kernel_asm_on_linux", "struct_field_default",
                 "fmt_comma_with_hex", "main_missing"}
HEADER = re.compile(r"# error: (\d+):(\d+): (.+)")


def source_lines(text: str) -> list[str]:
    """Lines as Python numbers them (only \\n, \\r\\n and \\r end a line)."""
    lines = re.split(r"\r\n|\r|\n", text)
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def pythos(*args: str, cwd: Path = ROOT, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return compileserver.pythos(list(args), cwd, env(), timeout, text=True)


def no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    out = result.stdout + result.stderr
    assert "Traceback" not in out, out
    assert "internal compiler error" not in out, out
    assert "internal error" not in out, out


def assert_diagnostic(result: subprocess.CompletedProcess[str], shown: str, source: str,
                      line: int, col: int, message: str) -> None:
    """`result` failed with exactly the chibicc-style report at line:col."""
    no_traceback(result)
    assert result.returncode == 1, (result.returncode, result.stderr)
    lines = result.stderr.splitlines()
    prefix = f"{shown}:{line}:{col}: error: "
    at = [i for i, text in enumerate(lines) if text.startswith(prefix)]
    assert at, f"expected a diagnostic starting {prefix!r}, got:\n{result.stderr}"
    i = at[0]
    assert message in lines[i][len(prefix):], result.stderr
    text = source_lines(source)[line - 1]
    assert len(lines) >= i + 3, result.stderr
    assert lines[i + 1] == "    " + text.expandtabs(1), result.stderr
    # The caret sits under column `col` of the quoted line.  (A syntax
    # error may point just past the end of the line.)
    assert lines[i + 2] == " " * (4 + col - 1) + "^", result.stderr
    assert col - 1 <= len(text), result.stderr


def parse_header(path: Path) -> tuple[int, int, str]:
    first = path.read_text(encoding="utf-8").split("\n", 1)[0]
    m = HEADER.fullmatch(first.rstrip())
    assert m, f"{path.name}: the first line must be '# error: LINE:COL: message'"
    return int(m.group(1)), int(m.group(2)), m.group(3)


def target_args(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").split("\n", 2)
    return ["--target", "freestanding"] if len(lines) > 1 and lines[1].strip() == \
        "# target: freestanding" else []


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_wrong_program_is_rejected_at_the_right_place(path: Path) -> None:
    line, col, message = parse_header(path)
    result = pythos("check", *target_args(path), f"tests/errors/{path.name}")
    assert_diagnostic(result, f"tests/errors/{path.name}", path.read_text(encoding="utf-8"),
                      line, col, message)


COMPILED = [p for p in CASES if p.stem in COMPILE_CASES]


@pytest.mark.parametrize("path", COMPILED, ids=[p.stem for p in COMPILED])
def test_wrong_program_is_rejected_by_compile(path: Path, tmp_path: Path) -> None:
    line, col, message = parse_header(path)
    result = pythos("compile", "-O0", f"tests/errors/{path.name}", "-o", str(tmp_path / "out"))
    assert_diagnostic(result, f"tests/errors/{path.name}", path.read_text(encoding="utf-8"),
                      line, col, message)
    assert not (tmp_path / "out").exists()


def test_suite_is_large_enough() -> None:
    assert len(CASES) >= 40
    assert {p.stem for p in COMPILED} == COMPILE_CASES


def write(tmp_path: Path, name: str, data: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return path


def test_syntax_error_has_the_same_form(tmp_path: Path) -> None:
    source = "def main() -> None:\n    x = (1 +\n    print(x]\n"
    write(tmp_path, "syntax.py", source)
    result = pythos("check", "syntax.py", cwd=tmp_path)
    assert_diagnostic(result, "syntax.py", source, 3, 12, "invalid syntax")


def test_non_ascii_before_the_error_counts_characters(tmp_path: Path) -> None:
    # `ast` gives the column of 1.5 as a UTF-8 byte offset (5 + 2 + 3 + 4
    # bytes of non-ASCII); the report counts characters.
    source = 'def main() -> None:\n    print("ä€𝄞", 1.5)\n'
    write(tmp_path, "wide.py", source)
    result = pythos("check", "wide.py", cwd=tmp_path)
    assert_diagnostic(result, "wide.py", source, 2, 18, "floating-point")


def test_non_ascii_before_a_syntax_error_counts_characters(tmp_path: Path) -> None:
    source = 'def main() -> None:\n    x = "ééé" $ 2\n'
    write(tmp_path, "wide.py", source)
    result = pythos("check", "wide.py", cwd=tmp_path)
    assert_diagnostic(result, "wide.py", source, 2, 15, "invalid syntax")
    source = 'def main() -> None:\n    y = "ééé" + 09\n'
    write(tmp_path, "wide.py", source)
    result = pythos("check", "wide.py", cwd=tmp_path)
    assert_diagnostic(result, "wide.py", source, 2, 17, "leading zeros")


def test_non_utf8_file_is_a_clean_error(tmp_path: Path) -> None:
    write(tmp_path, "latin1.py", b"def main() -> None:\n    print('caf\xe9')\n")
    result = pythos("check", "latin1.py", cwd=tmp_path)
    no_traceback(result)
    assert result.returncode in (1, 2)
    assert "latin1.py:2:15: error:" in result.stderr
    assert "UTF-8" in result.stderr


def test_missing_file_is_a_clean_error(tmp_path: Path) -> None:
    result = pythos("check", "nothere.py", cwd=tmp_path)
    no_traceback(result)
    assert result.returncode in (1, 2)
    assert "nothere.py" in result.stderr and "error" in result.stderr


def test_directory_instead_of_file_is_a_clean_error(tmp_path: Path) -> None:
    (tmp_path / "dir.py").mkdir()
    result = pythos("check", "dir.py", cwd=tmp_path)
    no_traceback(result)
    assert result.returncode in (1, 2)


def test_nul_character_is_reported_where_it_is(tmp_path: Path) -> None:
    write(tmp_path, "nul.py", b"def main() -> None:\n    x = 1 \x00\n")
    result = pythos("check", "nul.py", cwd=tmp_path)
    no_traceback(result)
    assert result.returncode == 1
    assert "nul.py:2:11: error:" in result.stderr


DEEP = 2000
NESTINGS = {
    "parens": "(" * DEEP + "1" + ")" * DEEP,
    "unary": "-" * DEEP + "1",
    "binary": "1" + " + 1" * DEEP,
    "conditional": "x if x else " * DEEP + "x",
    "calls": "abs(" * DEEP + "x" + ")" * DEEP,
    "not": "not " * DEEP + "x",
    "compare": " < ".join(["x"] * DEEP),
    "subscripts": "b" + "[0]" * DEEP,
}


@pytest.mark.parametrize("kind", sorted(NESTINGS))
def test_deep_nesting_gives_no_traceback(kind: str, tmp_path: Path) -> None:
    source = ("def main() -> None:\n    x = 1\n    b = b\"a\"\n"
              f"    y = {NESTINGS[kind]}\n    print(y)\n")
    write(tmp_path, "deep.py", source)
    result = pythos("check", "deep.py", cwd=tmp_path, timeout=120)
    no_traceback(result)
    assert result.returncode in (0, 1), result.stderr
    if result.returncode:
        assert re.search(r"^deep\.py:\d+:\d+: error: ", result.stderr, re.M), result.stderr


@pytest.mark.parametrize("depth", [90, 150])
def test_deep_statement_nesting_gives_no_traceback(depth: int, tmp_path: Path) -> None:
    lines = ["def main() -> None:", "    x = 1"]
    lines += ["    " * (i + 1) + "if x:" for i in range(depth)]
    lines.append("    " * (depth + 1) + "print(x)")
    write(tmp_path, "deep.py", "\n".join(lines) + "\n")
    result = pythos("check", "deep.py", cwd=tmp_path, timeout=120)
    no_traceback(result)
    assert result.returncode in (0, 1), result.stderr


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    source = "def main() -> None:\r\n    x = 1.5\r\n"
    write(tmp_path, "bom.py", b"\xef\xbb\xbf" + source.encode())
    result = pythos("check", "bom.py", cwd=tmp_path)
    assert_diagnostic(result, "bom.py", source, 2, 9, "floating-point")


def test_form_feed_and_line_separator_do_not_shift_lines(tmp_path: Path) -> None:
    # Python ends lines only at \n, \r\n and \r; a form feed (a page break)
    # or U+2028 inside a string is not a line break.
    source = 'X = 1\n\x0c\ndef main() -> None:\n    s = "a\u2028b"\n    y = 1.5\n'
    write(tmp_path, "ff.py", source)
    result = pythos("check", "ff.py", cwd=tmp_path)
    assert_diagnostic(result, "ff.py", source, 5, 9, "floating-point")


def test_error_in_an_imported_module_names_that_module(tmp_path: Path) -> None:
    write(tmp_path, "helper.py", "from pythos.lang import u8\n\n\n"
                                 "def f(x: u8) -> u8:\n    return x + 256\n")
    main = ("from helper import f\nfrom pythos.lang import u8\n\n\n"
            "def main() -> None:\n    print(f(u8(1)))\n")
    write(tmp_path, "prog.py", main)
    result = pythos("check", "prog.py", cwd=tmp_path)
    assert_diagnostic(result, "helper.py", (tmp_path / "helper.py").read_text(), 5, 16,
                      "integer 256 is out of range for u8")
    assert "in function 'f'" in result.stderr


def test_freestanding_accepts_kernel_intrinsics(tmp_path: Path) -> None:
    """The kernel-only cases are rejected for Linux only: the same call is
    fine in the freestanding target, so the diagnostic is about the target."""
    source = ("from pythos.lang import inb, u16, u8\n\n\n"
              "def status() -> u8:\n    return inb(u16(0x64))\n")
    write(tmp_path, "k.py", source)
    result = pythos("check", "--target", "freestanding", "k.py", cwd=tmp_path)
    no_traceback(result)
    assert result.returncode == 0, result.stderr
