"""isinstance narrows an Optional base reference to a subclass."""


class Msg:
    def __init__(self, text: str) -> None:
        self.text = text


class Urgent(Msg):
    def level(self) -> int:
        return 3


def describe(m: Msg | None) -> str:
    if isinstance(m, Urgent):
        return f"URGENT({m.level()}): {m.text}"
    if m is None:
        return "-"
    return m.text


def main() -> None:
    for m in [Msg("hi"), Urgent("fire"), None]:
        print(describe(m))


if __name__ == "__main__":
    main()
