"""Optional results of a dict of objects, threaded through several
lookups that each narrow."""


class Dir:
    def __init__(self, name: str) -> None:
        self.name = name
        self.children: dict[str, Dir] = {}

    def mkdir(self, name: str) -> "Dir":
        d = Dir(name)
        self.children[name] = d
        return d


def resolve(root: Dir, path: str) -> Dir | None:
    cur: Dir | None = root
    for part in path.split("/"):
        if part == "":
            continue
        if cur is None:
            return None
        cur = cur.children.get(part)
    return cur


def main() -> None:
    root = Dir("")
    root.mkdir("usr").mkdir("bin")
    root.mkdir("etc")
    for p in ["/usr/bin", "/usr/lib", "/etc", "/", "/usr/bin/x/y"]:
        d = resolve(root, p)
        print(p, d.name if d is not None else None)


if __name__ == "__main__":
    main()
