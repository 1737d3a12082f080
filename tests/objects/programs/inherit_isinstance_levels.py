"""isinstance against every level of a three-level hierarchy, and
narrowing in a comprehension's condition."""


class A:
    def tag(self) -> str:
        return "A"


class B(A):
    def tag(self) -> str:
        return "B"

    def only_b(self) -> int:
        return 2


class C(B):
    def tag(self) -> str:
        return "C"


def main() -> None:
    objs = [A(), B(), C(), C(), A()]
    for o in objs:
        print(o.tag(), isinstance(o, A), isinstance(o, B), isinstance(o, C))
    print([o.only_b() for o in objs if isinstance(o, B)])
    print(sum(1 for o in objs if isinstance(o, C)), len([o for o in objs if not isinstance(o, B)]))


if __name__ == "__main__":
    main()
