# error: 11:25: 'u' is None here, which has no attribute 'name'
class User:
    def __init__(self, name: str) -> None:
        self.name = name


def greet(u: User | None) -> str:
    if u is not None:
        return "hi " + u.name
    else:
        return "bye " + u.name


def main() -> None:
    print(greet(None))
