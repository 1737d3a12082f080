"""An override may give a parameter a new default: a call through the base
that leaves it out gets the run-time class's default, as in CPython."""


class Greeter:
    def greet(self, name: str, punctuation: str = ".") -> str:
        return f"Hello, {name}{punctuation}"


class Excited(Greeter):
    def greet(self, name: str, punctuation: str = "!", times: int = 1) -> str:
        return f"Hello, {name}{punctuation * times}"


class VeryExcited(Excited):
    def greet(self, name: str, punctuation: str = "!!", times: int = 3) -> str:
        return "HEY " + super().greet(name.upper(), punctuation, times)


class Quiet(Greeter):
    pass


def main() -> None:
    greeters = [Greeter(), Excited(), VeryExcited(), Quiet()]
    for g in greeters:
        print(g.greet("ann"))
        print(g.greet("bob", "?"))
        print(g.greet(punctuation=";", name="cy"))
    e: Excited = VeryExcited()
    print(e.greet("dee", times=2))


if __name__ == "__main__":
    main()
