"""A linked stack popped with `while top is not None`, rebinding top."""


class Frame:
    def __init__(self, name: str, below: "Frame | None") -> None:
        self.name = name
        self.below = below


def main() -> None:
    top: Frame | None = None
    for name in ["main", "parse", "expr", "term"]:
        top = Frame(name, top)
    trace: list[str] = []
    while top is not None:
        trace.append(top.name)
        top = top.below
    print(" <- ".join(trace), top is None)


if __name__ == "__main__":
    main()
