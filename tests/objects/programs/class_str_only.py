"""A class with only __str__: print and str use it, repr (and so a list
of them) keeps the default, which prints an address, so only str is shown."""


class Greeting:
    def __init__(self, who: str) -> None:
        self.who = who

    def __str__(self) -> str:
        return "Hello, " + self.who + "!"


def main() -> None:
    g = Greeting("wörld")
    print(g)
    print(str(g), f"[{g}]", len(str(g)))
    parts = [str(Greeting(n)) for n in ["a", "b"]]
    print(parts)


if __name__ == "__main__":
    main()
