"""``test [NAME]``: run the in-kernel tests from the shell.

The tests exist only in a test build (``pythos test`` compiles the
kernel with a generated ``kernel.test_registry`` that can name and run
each one; a normal build's registry is empty, kernel/test_registry.py).
Booted with ``test=...`` such a kernel runs them and exits
(kernel/testing.py); booted without ``test=`` it comes to the prompt,
and this command runs them there, each printing ``ok`` when it returns.

``NAME`` picks tests by number, by full name
(``kernel.tests.test_memory.test_frames``), by the function's name
alone, or by module (``kernel.tests.test_memory`` or ``test_memory``:
all of its tests).  Tests marked ``@should_panic`` are left out: they
pass by stopping the kernel.  A test fails by panicking, which stops the
kernel with the report, as at boot; a test that needs a CPU feature the
machine lacks ends the run as skipped (kernel/testskip.py).
"""

import kernel.test_registry as tests
from kernel.shell.output import Output
from kernel.shell.registry import FAILED, OK, USAGE, command
from pythos.lang import i64


def test_names() -> list[str]:
    return [tests.test_name(i64(i)) for i in range(tests.TEST_COUNT)]


def selects(name: str, index: int, word: str) -> bool:
    """Whether ``word`` picks the test ``name`` (number ``index``)."""
    if word == str(index) or word == name or name.startswith(word + "."):
        return True
    parts = name.split(".")
    function = parts[len(parts) - 1]
    module = parts[len(parts) - 2] if len(parts) >= 2 else ""
    return word in (function, module)


@command("test", args="[NAME]", help="run the in-kernel tests (in a test build)",
         choices=test_names)
def test(out: Output, words: list[str]) -> int:
    if tests.TEST_COUNT == 0:
        out.line("test: this kernel has no tests compiled in (pythos test builds one; "
                 "boot it without test=)")
        return FAILED
    chosen: list[int] = []
    for i in range(tests.TEST_COUNT):
        name = tests.test_name(i64(i))
        if len(words) == 0 or selects(name, i, words[0]):
            chosen.append(i)
    if len(chosen) == 0:
        out.line(f"test: no test {words[0]} (Tab lists them)")
        return USAGE
    passed = 0
    left_out = 0
    for i in chosen:
        if tests.should_panic(i64(i)):
            left_out += 1
            continue
        out.write(f"test {tests.test_name(i64(i))} ... ")
        tests.run_test(i64(i))
        out.line("ok")
        passed += 1
    summary = f"{passed} kernel test{'' if passed == 1 else 's'} passed"
    if left_out > 0:
        summary += f" ({left_out} should-panic test{'' if left_out == 1 else 's'} left out)"
    out.line(summary)
    return OK
