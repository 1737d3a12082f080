# error: 9:11: "Greeter" not callable ('g' is not a function)
class Greeter:
    def __init__(self, name: str) -> None:
        self.name = name


def main() -> None:
    g = Greeter("ann")
    print(g())
