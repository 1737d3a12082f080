"""Two kinds of test node for the cycle collector's programs, standing in
for the containers and classes the compiler and the other runtime modules
provide:

- `Node`: a built-in-style kind (its functions in `kind_ops`, registered
  in slot 15, which no kind of the runtime uses), with two object-or-None
  fields `a` and `b`;
- `Tree`: a class instance (its functions in its own TypeInfo, as the
  compiler generates them), with `left`, `right` and `parent`.

Both are TRACKED, so they carry a GcHead and the collector sees them.
"""

from typing import Final

from pythos.lang import Ptr, addr_of, call_addr, func_addr, i64, struct, u32, u64
from pythos.rt.obj.object import (
    KIND_INSTANCE,
    TRACKED,
    KindOps,
    ObjHeader,
    TypeInfo,
    obj_decref,
    obj_new,
    register_kind,
)

# A kind_ops slot past the runtime's kinds (object.py's KINDS is 16).
NODE_KIND: Final = u32(15)
NODE_SIZE: Final = u64(32)
TREE_SIZE: Final = u64(48)


@struct
class Node:
    refcnt: i64
    type: u64
    a: u64
    b: u64


@struct
class Tree:
    refcnt: i64
    type: u64
    left: u64
    right: u64
    parent: u64
    value: u64


NODE_OPS = KindOps()
NODE_TYPE = TypeInfo()
TREE_TYPE = TypeInfo()
# The same kind, not TRACKED: a holder of references the collector cannot
# see (as an untracked container type would be), with no GcHead.
HIDDEN_NODE_TYPE = TypeInfo()


def drop(obj: u64) -> None:
    if obj != 0:
        obj_decref(obj)


def node_clear(obj: u64) -> u64:
    n = Ptr[Node](obj)
    a = n[0].a
    b = n[0].b
    n[0].a = u64(0)
    n[0].b = u64(0)
    drop(a)
    drop(b)
    return u64(0)


def node_traverse(obj: u64, visit: u64, arg: u64) -> u64:
    n = Ptr[Node](obj)
    if n[0].a != 0:
        call_addr(visit, n[0].a, arg)
    if n[0].b != 0:
        call_addr(visit, n[0].b, arg)
    return u64(0)


def node_size(obj: u64) -> u64:
    return NODE_SIZE


def tree_clear(obj: u64) -> u64:
    t = Ptr[Tree](obj)
    left = t[0].left
    right = t[0].right
    parent = t[0].parent
    t[0].left = u64(0)
    t[0].right = u64(0)
    t[0].parent = u64(0)
    drop(left)
    drop(right)
    drop(parent)
    return u64(0)


def tree_traverse(obj: u64, visit: u64, arg: u64) -> u64:
    t = Ptr[Tree](obj)
    if t[0].left != 0:
        call_addr(visit, t[0].left, arg)
    if t[0].right != 0:
        call_addr(visit, t[0].right, arg)
    if t[0].parent != 0:
        call_addr(visit, t[0].parent, arg)
    return u64(0)


def init_nodes() -> None:
    NODE_OPS.clear = func_addr(node_clear)
    NODE_OPS.traverse = func_addr(node_traverse)
    NODE_OPS.size = func_addr(node_size)
    register_kind(NODE_KIND, addr_of(NODE_OPS))
    NODE_TYPE.kind = NODE_KIND
    NODE_TYPE.flags = TRACKED
    NODE_TYPE.size = NODE_SIZE
    HIDDEN_NODE_TYPE.kind = NODE_KIND
    HIDDEN_NODE_TYPE.size = NODE_SIZE
    TREE_TYPE.kind = KIND_INSTANCE
    TREE_TYPE.flags = TRACKED
    TREE_TYPE.size = TREE_SIZE
    TREE_TYPE.clear = func_addr(tree_clear)
    TREE_TYPE.traverse = func_addr(tree_traverse)


def new_node() -> u64:
    return obj_new(addr_of(NODE_TYPE).addr, NODE_SIZE)


def new_hidden_node() -> u64:
    return obj_new(addr_of(HIDDEN_NODE_TYPE).addr, NODE_SIZE)


def new_tree(value: u64) -> u64:
    t = obj_new(addr_of(TREE_TYPE).addr, TREE_SIZE)
    Ptr[Tree](t)[0].value = value
    return t


def refcnt(obj: u64) -> i64:
    return Ptr[ObjHeader](obj)[0].refcnt


def set_a(node: u64, target: u64) -> None:
    """node.a = target (a new reference to target; the old one dropped)."""
    if target != 0:
        Ptr[ObjHeader](target)[0].refcnt += 1
    old = Ptr[Node](node)[0].a
    Ptr[Node](node)[0].a = target
    drop(old)


def set_b(node: u64, target: u64) -> None:
    if target != 0:
        Ptr[ObjHeader](target)[0].refcnt += 1
    old = Ptr[Node](node)[0].b
    Ptr[Node](node)[0].b = target
    drop(old)


def make_chain(count: u64, doubly: bool) -> u64:
    """`count` Nodes linked through `a` (and back through `b` if `doubly`);
    the head, the only reference the caller gets."""
    head = new_node()
    tail = head
    for _i in range(count - 1):
        n = new_node()
        set_a(tail, n)
        if doubly:
            set_b(n, tail)
        obj_decref(n)
        tail = Ptr[Node](tail)[0].a
    return head


def make_tree(parent: u64, depth: u64) -> u64:
    """A complete binary tree of Trees `depth` levels deep whose nodes
    point at their parents; the root (a new reference)."""
    t = new_tree(depth)
    if parent != 0:
        Ptr[Tree](t)[0].parent = parent
        Ptr[ObjHeader](parent)[0].refcnt += 1
    if depth > 1:
        Ptr[Tree](t)[0].left = make_tree(t, depth - 1)
        Ptr[Tree](t)[0].right = make_tree(t, depth - 1)
    return t


def make_self_cycles(count: u64) -> None:
    """`count` Nodes, each holding itself, dropped at once."""
    for _i in range(count):
        n = new_node()
        set_a(n, n)
        obj_decref(n)
