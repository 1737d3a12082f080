"""The binary-trees benchmark in small: build, check and drop many
trees (allocation- and free-heavy)."""


class Tree:
    def __init__(self, left: "Tree | None", right: "Tree | None") -> None:
        self.left = left
        self.right = right


def make(depth: int) -> Tree:
    if depth == 0:
        return Tree(None, None)
    return Tree(make(depth - 1), make(depth - 1))


def check(t: Tree) -> int:
    n = 1
    if t.left is not None:
        n += check(t.left)
    if t.right is not None:
        n += check(t.right)
    return n


def main() -> None:
    max_depth = 12
    long_lived = make(max_depth)
    for depth in range(4, max_depth + 1, 2):
        iterations = 2 ** (max_depth - depth + 4)
        total = 0
        for _ in range(iterations):
            total += check(make(depth))
        print(f"{iterations}\t trees of depth {depth}\t check: {total}")
    print(f"long lived tree of depth {max_depth}\t check: {check(long_lived)}")


if __name__ == "__main__":
    main()
