# error: 9:16: "super" of "Child" has no attribute "start"
class Base:
    def run(self) -> int:
        return 1


class Child(Base):
    def run(self) -> int:
        return super().start() + 1


def main() -> None:
    print(Child().run())
