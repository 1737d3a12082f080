"""`if x:` narrows an Optional object (an instance without __len__ or
__bool__ is always true)."""


class Job:
    def __init__(self, name: str) -> None:
        self.name = name
        self.after: Job | None = None


def chain(j: Job | None) -> str:
    names: list[str] = []
    while j:
        names.append(j.name)
        j = j.after
    return " -> ".join(names) if names else "nothing"


def main() -> None:
    a = Job("fetch")
    b = Job("build")
    c = Job("test")
    a.after = b
    b.after = c
    print(chain(a))
    print(chain(c))
    print(chain(None))


if __name__ == "__main__":
    main()
