# error: 15:16: unhashable type "tuple[Tag, i64]" as a dict key or set element: class Tag defines __eq__ without __hash__, so Python sets its __hash__ to None (mypy accepts it, but CPython raises TypeError
class Tag:
    def __init__(self, name: str) -> None:
        self.name = name

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Tag) and other.name == self.name


def count(tags: list[Tag]) -> int:
    return len(tags)


def main() -> None:
    seen: dict[tuple[Tag, int], str] = {}
    print(count([Tag("a")]), len(seen))


if __name__ == "__main__":
    main()
