"""Debug information for programs that use objects: a local or parameter
whose type is a class, a container or an Optional is described as a
pointer to the object header, named after its Python type."""

from __future__ import annotations

import subprocess
from pathlib import Path

from .conftest import compile_debug

SOURCE = '''\
from __future__ import annotations


class Node:
    def __init__(self, left: Node | None, value: int) -> None:
        self.left = left
        self.value = value


def total(node: Node | None) -> int:
    result = 0
    while node is not None:
        result += node.value
        node = node.left
    return result


def main() -> None:
    chain = Node(Node(None, 2), 3)
    names = ["a", "b"]
    table = {"a": 1}
    print(total(chain), len(names), table["a"])


if __name__ == "__main__":
    main()
'''


def test_object_locals_compile_with_g_and_are_described(tmp_path: Path) -> None:
    source = tmp_path / "objects.py"
    source.write_text(SOURCE)
    binary = compile_debug(source, tmp_path / "objects", opt=0)
    assert subprocess.run([str(binary)], capture_output=True, text=True,
                          timeout=60).stdout == "5 2 1\n"
    info = subprocess.run(["readelf", "--debug-dump=info", str(binary)], capture_output=True,
                          text=True, check=True, timeout=60).stdout
    for name in ("Node | None", "list[str]", "ObjHeader"):
        assert f"DW_AT_name        : {name}" in info or f"): {name}" in info, name
