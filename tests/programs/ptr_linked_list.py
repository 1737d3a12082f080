from pythos.lang import struct, u32, u64, i32, Array, Ptr, addr_of


@struct
class Node:
    value: i32
    next: u64  # address of the next Node, 0 at the end


@struct
class List:
    head: Ptr[Node]
    length: u32


POOL = Array[Node, 16]()
used = 0


def new_node(v: i32) -> Ptr[Node]:
    global used
    p = addr_of(POOL) + used
    used += 1
    p[0].value = v
    p[0].next = 0
    return p


def push_front(lst: List, v: i32) -> None:
    n = new_node(v)
    n[0].next = lst.head.addr
    lst.head = n
    lst.length += 1


def append(lst: List, v: i32) -> None:
    n = new_node(v)
    if lst.head.addr == 0:
        lst.head = n
    else:
        cur = lst.head
        while cur[0].next != 0:
            cur = Ptr[Node](cur[0].next)
        cur[0].next = n.addr
    lst.length += 1


def show(lst: List) -> None:
    print(f"len={lst.length}:", end="")
    cur = lst.head
    while cur.addr != 0:
        print("", cur[0].value, end="")
        cur = Ptr[Node](cur[0].next)
    print()


def reverse(lst: List) -> None:
    prev = u64(0)
    cur = lst.head.addr
    while cur != 0:
        node = Ptr[Node](cur)
        nxt = node[0].next
        node[0].next = prev
        prev = cur
        cur = nxt
    lst.head = Ptr[Node](prev)


def remove_value(lst: List, v: i32) -> bool:
    prev = Ptr[Node](0)
    cur = lst.head
    while cur.addr != 0:
        if cur[0].value == v:
            if prev.addr == 0:
                lst.head = Ptr[Node](cur[0].next)
            else:
                prev[0].next = cur[0].next
            lst.length -= 1
            return True
        prev = cur
        cur = Ptr[Node](cur[0].next)
    return False


def main() -> None:
    lst = List()
    show(lst)
    for i in range(5):
        append(lst, i32(i * 10))
    push_front(lst, i32(-1))
    push_front(lst, i32(-2))
    show(lst)
    reverse(lst)
    show(lst)
    print("remove 20", remove_value(lst, i32(20)), "remove 99", remove_value(lst, i32(99)))
    print("remove head", remove_value(lst, i32(40)))
    show(lst)
    # the nodes live in POOL: edit through the array, see it in the list
    POOL[0].value = 1000
    show(lst)
    # node indexes recovered from addresses
    cur = lst.head
    while cur.addr != 0:
        print("node index", (cur.addr - addr_of(POOL).addr) // (addr_of(POOL[1]).addr - addr_of(POOL[0]).addr), end=";")
        cur = Ptr[Node](cur[0].next)
    print()
    print("pool used", used)


if __name__ == "__main__":
    main()
