"""Module initialisation (issue 11, item 6; pythos/check/modinit.py): which
globals need code at start-up, the order modules run it in, the counted
loads and stores of object globals in the IR, and the kernel's rule that
nothing reads such a global before kmain has run `init_modules()`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from pythos.diagnostics import CompileError
from pythos.driver import compile_file
from pythos.ir.pprint import format_module
from pythos.target import get_target

from .conftest import env


def run(tmp_path: Path, files: dict[str, str], *flags: str) -> subprocess.CompletedProcess[str]:
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    return subprocess.run([sys.executable, "-m", "pythos", "exec", *flags, "main.py"],
                          cwd=tmp_path, env=env(), capture_output=True, text=True, timeout=300)


def test_imports_run_first_depth_first_each_once(tmp_path: Path) -> None:
    files = {
        "a.py": 'import c\nprint("a")\nA = [1]\n',
        "b.py": 'import a\nimport c\nprint("b", len(a.A))\n',
        "c.py": 'print("c")\nC: dict[str, int] = {}\n',
        "main.py": 'import b\nimport a\nprint("main")\n\n\ndef main() -> None:\n'
                   '    print("run")\n\n\nif __name__ == "__main__":\n    main()\n',
    }
    result = run(tmp_path, files, "--leak-check")
    assert result.returncode == 0, result.stderr
    expected = subprocess.run([sys.executable, "main.py"], cwd=tmp_path, capture_output=True,
                              text=True, timeout=60).stdout
    assert result.stdout == expected == "c\na\nb 1\nmain\nrun\n"


def test_constant_globals_stay_static_and_others_get_an_initialiser(tmp_path: Path) -> None:
    (tmp_path / "main.py").write_text(
        'SIZE = 4096\nNAME = "k"\nMASK = SIZE - 1\nTABLE = [SIZE]\n\n\n'
        'def main() -> None:\n    print(MASK, TABLE, NAME)\n')
    ir = compile_file(tmp_path / "main.py", get_target("linux"), 0, stop_after="ir").ir
    assert ir is not None
    inits = [fn.module.name for fn in ir.module_inits]
    assert inits == ["__main__"]
    text = format_module(ir)
    body = text.split("def __main__.<module>")[1]
    # SIZE and NAME are in the image; MASK is worked out from SIZE at start-up,
    # as CPython does it, and TABLE is built there.
    assert "global __main__.TABLE = " in body
    assert "# 3: MASK = SIZE - 1" in body
    assert "# 1:" not in body and "# 2:" not in body
    # Reading the list global is a counted load; the value is dropped after use.
    main = text.split("def __main__.main")[1].split("def ")[0]
    assert "global __main__.TABLE :: list[i64]" in main
    assert "dec_ref" in main


def test_globals_are_released_at_exit_so_the_leak_check_passes(tmp_path: Path) -> None:
    files = {"main.py": 'class Node:\n    def __init__(self) -> None:\n'
                        '        self.other: Node | None = None\n\n\n'
                        'A = Node()\nB = Node()\nA.other = B\nB.other = A\nNAMES = ["x"] * 3\n\n\n'
                        'def main() -> None:\n    print(len(NAMES))\n'}
    result = run(tmp_path, files, "--leak-check")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "3\n"


KERNEL = '''
from pythos.rt.obj.runtime import init_all, init_modules

NAMES: list[str] = ["mm", "sched"]


def heap_init() -> None:
    pass


def count() -> int:
    return len(NAMES)


def early() -> None:
    print(count())


def kmain() -> None:
    heap_init()
    EARLY
    init_all()
    INIT
    LATE
'''


def check_kernel(tmp_path: Path, early: str, init: str, late: str) -> str:
    path = tmp_path / "kernel.py"
    path.write_text(KERNEL.replace("EARLY", early).replace("INIT", init)
                    .replace("LATE", late))
    try:
        compile_file(path, get_target("freestanding"), 0, stop_after="check")
    except CompileError as e:
        return e.render()
    return ""


def test_kernel_reads_module_globals_after_init_modules(tmp_path: Path) -> None:
    assert check_kernel(tmp_path, "pass", "init_modules()", "early()") == ""


def test_kernel_reading_a_global_before_init_modules_is_an_error_with_its_path(
        tmp_path: Path) -> None:
    message = check_kernel(tmp_path, "early()", "init_modules()", "pass")
    assert "kmain -> early -> count reads 'NAMES' before init_modules() has run" in message
    assert "kernel.py:21:5: error:" in message


def test_kernel_with_module_code_must_run_it(tmp_path: Path) -> None:
    message = check_kernel(tmp_path, "pass", "pass", "early()")
    assert "kmain must run it: call pythos.rt.obj.runtime.init_modules()" in message


def test_kernel_runs_module_code_only_once_objects_can_be_made(tmp_path: Path) -> None:
    message = check_kernel(tmp_path, "init_modules()", "pass", "early()")
    assert "init_modules() runs module-level code, which may allocate: call it after " \
           "init_all()" in message


@pytest.mark.parametrize("source,message", [
    ("X = 1\nY = X\n", None),
    ("X = [1]\nfor i in range(3):\n    X.append(i)\n", None),
])
def test_module_level_statements_type_check(tmp_path: Path, source: str,
                                            message: str | None) -> None:
    path = tmp_path / "main.py"
    path.write_text(source + "\n\ndef main() -> None:\n    print(X)\n")
    compile_file(path, get_target("linux"), 0, stop_after="check")
