"""Every in-kernel test (a `test_*` function under kernel/) as its own
pytest item.

One test kernel is built and booted for the whole session (see
pythos/kernel_tools/ktest.py); each item then reports its own test's result, so a
failure names the kernel test and shows its panic message and serial log.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pythos.kernel_tools import ktest

TESTS = ktest.discover()


@pytest.fixture(scope="session")
def kernel_run(tmp_path_factory: pytest.TempPathFactory) -> ktest.Run:
    build = tmp_path_factory.mktemp("ktest")
    image = ktest.build_test_kernel(build, tests=TESTS)
    return ktest.run_tests(image, TESTS)


@pytest.mark.parametrize("test", TESTS, ids=[t.qualname for t in TESTS])
def test_kernel(test: ktest.KernelTest, kernel_run: ktest.Run) -> None:
    result = kernel_run.results.get(test.qualname)
    assert result is not None, f"{test.qualname} did not run:\n" + "\n".join(kernel_run.log)
    if result.skipped:
        pytest.skip(result.message)
    assert result.passed, f"{result.message}\n--- serial ---\n{result.output}"


def test_kernel_tests_exist() -> None:
    assert any(t.should_panic for t in TESTS) and any(not t.should_panic for t in TESTS)


def test_test_kernel_reports_a_failing_test(tmp_path: Path) -> None:
    """The runner must be able to fail: a should-panic test that returns,
    and a normal test that panics, are both reported as failures."""
    tests = {t.name: t for t in TESTS}
    fake_normal = ktest.KernelTest(tests["test_failed_assert_panics"].module,
                                   "test_failed_assert_panics",
                                   tests["test_failed_assert_panics"].path, 1, False)
    fake_panicky = ktest.KernelTest(tests["test_integer_semantics"].module,
                                    "test_integer_semantics",
                                    tests["test_integer_semantics"].path, 1, True)
    image = ktest.build_test_kernel(tmp_path, opt_level=0, tests=[fake_normal, fake_panicky])
    run = ktest.run_tests(image, [fake_normal, fake_panicky])
    assert not run.results[fake_normal.qualname].passed
    assert "assertion failed" in run.results[fake_normal.qualname].message
    assert not run.results[fake_panicky.qualname].passed
    assert "returned" in run.results[fake_panicky.qualname].message
