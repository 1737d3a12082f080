"""The compiler's layout: each stage imports only earlier stages.

docs/compiler.md promises that the stages form a pipeline with no import
cycles between them, and that the kernel tools sit outside the compiler.
This test reads every module's imports (without running them) and checks
that promise, so a later change cannot quietly break it.
"""

from __future__ import annotations

import ast
from pathlib import Path

PYTHOS = Path(__file__).resolve().parents[2] / "pythos"

# The rank of each top-level part of the package: a module may import only
# parts of the same or a lower rank.  Within a stage's package, modules may
# import each other freely.
RANK = {
    "diagnostics": 0, "types": 0, "gcpause": 0, "target": 0, "moduleasm": 0,
    "mypy_plugin": 0,
    "parse": 1, "symbols": 1, "mapfilter": 1,
    "check": 2,
    "ir": 3,
    "lower": 4,
    "emit": 5,
    "driver": 6, "dump": 6, "rtcache": 6, "rtsplit": 6,
    "kernel_tools": 7,
    # The `pythos` command fronts both the compiler and the kernel tools.
    "cli": 8, "__main__": 8,
}
# What programs import: the runtime, `pythos.lang` and the system calls
# (`pythos.syscalls`) must not depend on the compiler at all.
PROGRAM_SIDE = {"lang", "rt", "syscalls"}


def part_of(module: Path) -> str:
    rel = module.relative_to(PYTHOS)
    return rel.parts[0].removesuffix(".py")


def imported_parts(module: Path) -> set[str]:
    tree = ast.parse(module.read_text(), str(module))
    package = module.relative_to(PYTHOS).parts[:-1]
    parts: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level == 0:
                names = [node.module or ""]
            else:
                base = list(package[:len(package) - node.level + 1])
                names = [".".join([*base, node.module]) if node.module else ".".join(base)]
                if not node.module:
                    names = [".".join([*base, a.name]) for a in node.names]
            for name in names:
                if node.level == 0:
                    if not name.startswith("pythos.") and name != "pythos":
                        continue
                    name = name.removeprefix("pythos").lstrip(".")
                    if not name:
                        name = node.names[0].name
                if name:
                    parts.add(name.split(".")[0])
        elif isinstance(node, ast.Import):
            for a in node.names:
                if a.name.startswith("pythos."):
                    parts.add(a.name.split(".")[1])
    return parts


def test_every_part_has_a_rank() -> None:
    for module in PYTHOS.rglob("*.py"):
        part = part_of(module)
        assert part in RANK or part in PROGRAM_SIDE or part == "__init__", module


def test_stages_import_only_earlier_stages() -> None:
    bad = []
    for module in sorted(PYTHOS.rglob("*.py")):
        part = part_of(module)
        if part in PROGRAM_SIDE or part == "__init__":
            continue
        for used in imported_parts(module):
            if used in PROGRAM_SIDE or used == part:
                continue
            if RANK[used] > RANK[part]:
                bad.append(f"{module.relative_to(PYTHOS)} ({part}) imports {used}")
    assert not bad, "\n".join(bad)


def test_runtime_does_not_import_the_compiler() -> None:
    bad = []
    for side in PROGRAM_SIDE:
        modules = [PYTHOS / f"{side}.py"] if (PYTHOS / f"{side}.py").is_file() \
            else sorted((PYTHOS / side).rglob("*.py"))
        for module in modules:
            for used in imported_parts(module):
                if used not in PROGRAM_SIDE:
                    bad.append(f"{module.relative_to(PYTHOS)} imports {used}")
    assert not bad, "\n".join(bad)
