"""Module-level lists, dicts and sets, built once at start-up and
changed by functions through `global`-free mutation."""

NAMES: list[str] = ["init", "mm", "sched"]
SIZES: dict[str, int] = {"page": 4096, "huge": 2 * 1024 * 1024}
SEEN: set[int] = set()


def note(x: int) -> bool:
    if x in SEEN:
        return False
    SEEN.add(x)
    return True


def main() -> None:
    NAMES.append("fs")
    SIZES["block"] = 512
    print(NAMES, SIZES, [note(x) for x in [1, 2, 1, 3, 2]], sorted(SEEN))


if __name__ == "__main__":
    main()
