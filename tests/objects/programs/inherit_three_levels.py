"""Overriding at three levels: each call dispatches to the most derived
method, whatever the static type of the reference."""


class Base:
    def name(self) -> str:
        return "base"

    def greet(self) -> str:
        return "I am " + self.name()

    def level(self) -> int:
        return 1


class Middle(Base):
    def name(self) -> str:
        return "middle"

    def level(self) -> int:
        return super().level() + 1


class Leaf(Middle):
    def name(self) -> str:
        return "leaf"

    def level(self) -> int:
        return super().level() + 1


def show(b: Base) -> None:
    print(b.greet(), b.level())


def main() -> None:
    for obj in [Base(), Middle(), Leaf()]:
        show(obj)
    m: Middle = Leaf()
    print(m.name(), m.level())


if __name__ == "__main__":
    main()
