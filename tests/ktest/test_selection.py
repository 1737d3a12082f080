"""`test=` on the kernel command line: a bad selector is an error that
names the valid ones, never a run of some other test or a success."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pythos.kernel_tools import ktest
from pythos.kernel_tools.qemu import QEMU

pytestmark = pytest.mark.skipif(shutil.which(QEMU) is None, reason=f"{QEMU} is not installed")

TESTS = ktest.discover()


@pytest.fixture(scope="module")
def two_test_kernel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    by_name = {t.name: t for t in TESTS}
    tests = [by_name["test_integer_semantics"], by_name["test_failed_assert_panics"]]
    return ktest.build_test_kernel(tmp_path_factory.mktemp("ktest-select"), opt_level=0,
                                   tests=tests)


@pytest.mark.parametrize("selector", ["garbage", "18446744073709551615", "2", "1x", "-"])
def test_bad_selector_names_the_valid_ones(two_test_kernel: Path, selector: str) -> None:
    # Before: "garbage" ran test 0 and 2**64 - 1 wrapped to -1; both exited 33.
    status, serial = ktest.boot(two_test_kernel, selector)
    assert status == ktest.EXIT_BAD_SELECTOR, serial
    assert f"test={selector}: not a test selector; expected all, N or N- with N from 0 to 1" \
        in serial
    assert "    0  kernel.tests.test_runtime.test_integer_semantics" in serial
    assert "    1  kernel.tests.test_runtime.test_failed_assert_panics" in serial
    assert "test kernel." not in serial  # nothing ran
    assert "kernel tests passed" not in serial


def test_good_selector_still_runs_its_test(two_test_kernel: Path) -> None:
    status, serial = ktest.boot(two_test_kernel, "0")
    assert status == ktest.EXIT_SUCCESS, serial
    assert "test kernel.tests.test_runtime.test_integer_semantics ... ok" in serial
