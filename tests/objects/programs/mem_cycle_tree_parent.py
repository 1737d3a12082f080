"""A tree whose nodes point to their parents; dropping the root leaves
cycles that the collector frees."""
import gc


class Tree:
    def __init__(self, name: str, parent: "Tree | None" = None) -> None:
        self.name = name
        self.parent = parent
        self.children: list[Tree] = []
        if parent is not None:
            parent.children.append(self)

    def path(self) -> str:
        p = self.parent
        return self.name if p is None else p.path() + "/" + self.name


def work() -> None:
    root = Tree("")
    usr = Tree("usr", root)
    Tree("bin", usr)
    lib = Tree("lib", usr)
    Tree("python3.11", lib)
    leaf = lib.children[0]
    print(leaf.path(), len(usr.children), root.children[0] is usr)


def main() -> None:
    work()
    print(gc.collect() >= 0)
    work()


if __name__ == "__main__":
    main()
