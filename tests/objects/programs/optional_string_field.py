"""Optional str fields: defaults, narrowing and `or`-style fallbacks."""


class Contact:
    def __init__(self, name: str, nick: str | None = None) -> None:
        self.name = name
        self.nick = nick

    def display(self) -> str:
        if self.nick is not None and self.nick != "":
            return f"{self.name} '{self.nick}'"
        return self.name

    def short(self) -> str:
        nick = self.nick
        return nick if nick else self.name[:3]


def main() -> None:
    people = [Contact("Robert", "Bob"), Contact("Élodie"), Contact("Sam", "")]
    for p in people:
        print(p.display(), p.short(), p.nick is None)


if __name__ == "__main__":
    main()
