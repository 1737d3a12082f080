"""The kernel's memory and object tests on every memory design.

The kernel has four heap designs (kernel/mm/heap_allocator.py picks one)
and two frame allocators, and the object runtime, the collector and the
containers all take their memory from whichever heap is built in.  So the
in-kernel tests that allocate are run once per design: one test kernel is
built with every one of them (`pythos test PATTERN... --heap=NAME`) and
booted, and each test must print `ok`.

One build per design, not one per design and test module: a kernel build
is most of a minute of compiling, the boots are seconds.

A design may skip what cannot mean anything on it, and only that: a bump
heap with objects live cannot merge free blocks, and a CPU without NX
cannot fault on executing a no-execute page.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pythos.kernel_tools import ktest

REPO = Path(__file__).resolve().parents[2]

# The tests that allocate: the memory setup and the heaps themselves, the
# object allocator, compiled class instances, the cycle collector, the
# containers, the optionals and the str methods on the kernel heap.  They
# run in this order: the memory tests first, since some need a heap that
# only the kernel has used (a buddy heap cannot find half its size in one
# block among objects that other tests left live, module globals say).
PATTERNS = ["memory", "kernel.tests.test_objects.", "kernel.tests.test_instances.",
            "kernel.tests.test_gc.", "kernel.tests.test_containers.",
            "kernel.tests.test_optionals.", "kernel.tests.test_strmethods."]

NO_NX = "this CPU has no NX bit: every mapped page is executable"
BUMP = "kernel.tests.test_memory.test_large_allocation_after_many_small_ones"
# (options for `pythos test`, the patterns it runs, the tests that skip
# themselves there, and why)
DESIGNS = {
    # A bump heap reuses nothing while anything is live, so after the
    # object tests it has too little room left for the memory tests'
    # 10 MiB of short-lived allocations: they get a boot of their own.
    "heap=bump,memory": (["--heap=bump"], PATTERNS[:1],
                         {BUMP: "a bump heap with allocations live"}),
    "heap=bump,objects": (["--heap=bump"], PATTERNS[1:], {}),
    "heap=list": (["--heap=list"], PATTERNS, {}),
    "heap=fixed": (["--heap=fixed"], PATTERNS, {}),
    "heap=buddy": (["--heap=buddy"], PATTERNS, {}),
    "frames=list": (["--frames=list"], PATTERNS, {}),
    "cpu=qemu64,-nx": (["--cpu", "qemu64,-nx"], PATTERNS, {
        "kernel.tests.test_memory.test_executing_a_no_execute_page_faults": NO_NX,
        "kernel.tests.test_memory.test_executing_kernel_data_faults": NO_NX}),
}
RESULT = re.compile(r"^test (\S+) \.\.\. (ok|skipped: .*|FAILED: .*|NOT RUN)", re.M)


def selected(patterns: list[str] = PATTERNS) -> list[str]:
    return [t.qualname for t in ktest.discover()
            if any(p in t.qualname for p in patterns)]


def test_the_patterns_select_every_module_once() -> None:
    """Each pattern picks tests (a renamed module cannot drop out unseen)."""
    names = selected()
    for pattern in PATTERNS:
        assert any(pattern in name for name in names), pattern
    assert len(names) == len(set(names))


@pytest.mark.parametrize("design", list(DESIGNS))
def test_memory_and_object_tests_pass(design: str, tmp_path: Path) -> None:
    if shutil.which("qemu-system-x86_64") is None:
        pytest.skip("qemu-system-x86_64 is not installed")
    options, patterns, may_skip = DESIGNS[design]
    result = subprocess.run(
        [sys.executable, "-m", "pythos", "test", *patterns, *options,
         "--build-dir", str(tmp_path)],
        cwd=REPO, capture_output=True, text=True, timeout=600)
    out = result.stdout + result.stderr
    assert result.returncode == 0, out
    outcome = dict(RESULT.findall(result.stdout))
    expected = selected(patterns)
    assert sorted(outcome) == sorted(expected), out
    for name in expected:
        if name in may_skip:
            assert outcome[name].startswith("skipped: "), (name, out)
            assert may_skip[name] in outcome[name], (name, out)
        else:
            assert outcome[name] == "ok", (name, out)
    skipped = len(may_skip)
    tail = f", {skipped} skipped" if skipped else ""
    assert re.search(rf"^{len(expected) - skipped} passed, 0 failed{tail}$",
                     result.stdout, re.M), out
