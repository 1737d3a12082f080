# error: 6:9: "object" has no attribute "append"; narrow 'o' with isinstance() first (to a class, int, str, bool or bytes)
# isinstance(o, list) is a test, but it cannot narrow an `object`: mypy's
# `list[Any]` has no item type to compile.
def grow(o: object) -> None:
    if isinstance(o, list):
        o.append(1)


def main() -> None:
    grow([0])


if __name__ == "__main__":
    main()
