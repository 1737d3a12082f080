"""f-strings as values: built at run time with the same format specs as
print(), stored in fields and variables, returned, replaced in a loop (each
old string freed), compared and measured (also non-ASCII text)."""


class Part:
    def __init__(self, name: str, number: int) -> None:
        self.name = name
        self.number = number
        self.label = f"{name}#{number:03d}"

    def describe(self) -> str:
        return f"{self.label:<12}|{self.number:>5x}|{self.number % 2 == 0}"


def banner(wide: bool, title: str) -> str:
    return f"{title:^11}" if wide else title


def main() -> None:
    p = Part("wheel", 42)
    print(p.label, len(p.label))
    print(p.describe())
    text = f"[{p.label:>12}] {True} {-5:+d} {255:#b}"
    print(text, len(text))
    q = Part("grüße", 7)
    print(q.describe(), len(q.label), q.label == "grüße#007", q.label == p.label)
    name = "x"
    for i in range(5):
        name = f"{name}{i}"
    print(name, len(name))
    p.label = f"{p.label}/{q.label}"
    print(p.label)
    print(banner(True, "mid"), "|", banner(False, "raw"))
    inner = f"{f'{3:>3}'}|"
    print(inner)


if __name__ == "__main__":
    main()
