"""A base method calling self.other() dispatches dynamically even when
the caller is the base's own method, at every level."""


class Base:
    def step(self) -> str:
        return "b"

    def run(self, n: int) -> str:
        return "".join([self.step() for _ in range(n)])


class Mid(Base):
    def step(self) -> str:
        return "m"


class Top(Mid):
    def run(self, n: int) -> str:
        return "[" + super().run(n) + "]"

    def step(self) -> str:
        return "t" + super().step()


def main() -> None:
    for o in [Base(), Mid(), Top()]:
        print(o.run(3))


if __name__ == "__main__":
    main()
