# error: 8:11: struct Node contains itself (field 'next' of Node); use Ptr[Node]
from pythos.lang import struct, u32


@struct
class Node:
    value: u32
    next: Node


@struct
class List:
    head: Node


def main() -> None:
    n = Node()
    print(n.value)


if __name__ == "__main__":
    main()
