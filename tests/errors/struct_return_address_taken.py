# error: 19:12: returning 'n' would copy a struct that the caller can also reach (its address is taken)
from __future__ import annotations

from pythos.lang import Ptr, addr_of, struct, u32


@struct
class Node:
    value: u32
    next: Ptr[Node]


def ring(value: u32) -> Node:
    """A one-node ring: the node points at itself."""
    n = Node(value)
    # Compiled, the caller's copy would point at this function's dead
    # stack frame; under CPython it points at itself.
    n.next = addr_of(n)
    return n


def main() -> None:
    r = ring(u32(1))
    print(r.next[0].value)


if __name__ == "__main__":
    main()
