"""A pipeline of generators: read lines, strip comments, split fields,
and total a column, each stage pulling from the one before."""
from collections.abc import Iterable, Iterator

TEXT = """# inventory
apples 3
pears 5   # ripe
# empty line next

plums 11
"""


def lines(text: str) -> Iterator[str]:
    for line in text.split("\n"):
        yield line


def uncommented(src: Iterable[str]) -> Iterator[str]:
    for line in src:
        code = line.split("#")[0].strip()
        if code:
            yield code


def fields(src: Iterable[str]) -> Iterator[tuple[str, int]]:
    for line in src:
        name, count = line.split()
        yield name, int(count)


def main() -> None:
    rows = fields(uncommented(lines(TEXT)))
    total = 0
    for name, count in rows:
        print(f"{name:>8}: {count}")
        total += count
    print("total", total)
    print(sorted(name for name, _ in fields(uncommented(lines(TEXT)))))


if __name__ == "__main__":
    main()
