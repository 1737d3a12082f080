"""Attributes declared by class-level annotations, with and without defaults."""


class Config:
    name: str
    retries: int = 3
    verbose: bool = False

    def __init__(self, name: str) -> None:
        self.name = name

    def describe(self) -> str:
        return f"{self.name}: retries={self.retries} verbose={self.verbose}"


def main() -> None:
    a = Config("net")
    b = Config("disk")
    b.retries = 7
    b.verbose = True
    print(a.describe())
    print(b.describe())
    print(a.retries + b.retries)


if __name__ == "__main__":
    main()
